#include "core/SmtpSettings.h"

#include "core/Region.h"

#include <QCoreApplication>
#include <QUrl>

namespace rmsam {
namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("rmsam::SmtpSettings", text);
}

Error invalid(const QString& message)
{
    return Error { ErrorCode::InvalidInput, message, {} };
}

bool isHostName(const QString& host)
{
    if (host.isEmpty() || host.size() > 253) {
        return false;
    }
    for (QChar c : host) {
        if (!(c.isLetterOrNumber() || c == u'.' || c == u'-' || c == u':' || c == u'_')) {
            return false;
        }
    }
    return true;
}

Result<void> checkAddresses(const SmtpSettings& settings)
{
    if (settings.from.isEmpty()) {
        return invalid(tr("From address is required."));
    }
    if (!isMailAddress(settings.from)) {
        return invalid(tr("From address \"%1\" is not an e-mail address.").arg(settings.from));
    }
    if (!settings.replyTo.isEmpty() && !isMailAddress(settings.replyTo)) {
        return invalid(tr("Reply-To address \"%1\" is not an e-mail address.").arg(settings.replyTo));
    }
    return {};
}

} // namespace

bool isLoopbackHost(const QString& host)
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(host);
    return !host.isEmpty() && Regions::isLoopbackUrl(url);
}

bool isMailAddress(const QString& address)
{
    const qsizetype at = address.lastIndexOf(u'@');
    if (address.size() > 254 || at <= 0 || at == address.size() - 1) {
        return false;
    }
    for (QChar c : address) {
        if (c.isSpace() || c.category() == QChar::Other_Control || c == u'<' || c == u'>' || c == u','
            || c == u';' || c == u'"' || c == u'\\') {
            return false;
        }
    }
    return !address.mid(at + 1).startsWith(u'.') && !address.endsWith(u'.');
}

Result<void> validate(const SmtpSettings& settings)
{
    if (!isHostName(settings.host)) {
        return invalid(settings.host.isEmpty()
                ? tr("Host is required: the name of your organisation's SMTP relay.")
                : tr("Host \"%1\" is not a host name.").arg(settings.host));
    }
    if (settings.port < 1 || settings.port > 65535) {
        return invalid(
            tr("Port %1 is out of range; use 1 to 65535 (usually 587, or 465 for TLS).").arg(settings.port));
    }
    if (settings.security == SmtpSettings::Security::None && !isLoopbackHost(settings.host)) {
        return invalid(tr("Security \"none\" is allowed only to this computer (localhost); use "
                          "\"starttls\" or \"tls\" for %1.")
                           .arg(settings.host));
    }
    if (auto addresses = checkAddresses(settings); !addresses) {
        return addresses;
    }
    for (QChar c : settings.user) {
        if (c.category() == QChar::Other_Control) {
            return invalid(tr("User must not contain control characters."));
        }
    }
    if (settings.perMinute < 1 || settings.perMinute > MaxSmtpPerMinute) {
        return invalid(tr("Messages per minute must be between 1 and %1.").arg(MaxSmtpPerMinute));
    }
    return {};
}

QString securityName(SmtpSettings::Security security)
{
    switch (security) {
    case SmtpSettings::Security::StartTls:
        return QStringLiteral("starttls");
    case SmtpSettings::Security::Tls:
        return QStringLiteral("tls");
    case SmtpSettings::Security::None:
        return QStringLiteral("none");
    }
    return QStringLiteral("starttls");
}

std::optional<SmtpSettings::Security> securityFromName(const QString& name)
{
    const QString key = name.trimmed().toLower();
    for (auto security :
        { SmtpSettings::Security::StartTls, SmtpSettings::Security::Tls, SmtpSettings::Security::None }) {
        if (securityName(security) == key) {
            return security;
        }
    }
    return std::nullopt;
}

} // namespace rmsam
