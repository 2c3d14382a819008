#include "services/MailService.h"

#include "secrets/TokenStore.h"
#include "services/TeamService.h"
#include "storage/SmtpSettingsRepository.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace rmsam {
namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("rmsam::MailService", text);
}

QString accountOf(const SmtpSettings& settings)
{
    return TokenStore::smtpAccount(settings.user, settings.host, settings.port);
}

// A CA file the sender could not read would fail every message: refused when saved instead.
Result<void> checkCaFile(const QString& caFile)
{
    const QFileInfo file(caFile);
    if (caFile.isEmpty() || (file.isFile() && file.isReadable())) {
        return {};
    }
    return Error { ErrorCode::InvalidInput,
        tr("CA file \"%1\" cannot be read: give the path of a PEM file of your organisation's CA.")
            .arg(caFile),
        {} };
}

} // namespace

MailService::MailService(Database& database, TokenStore& tokens, TeamService& team)
    : m_database(database)
    , m_tokens(tokens)
    , m_team(team)
{ }

Result<SmtpSettings> MailService::settings()
{
    return SmtpSettingsRepository(m_database).load();
}

void MailService::save(
    const SmtpSettings& settings, std::optional<QString> password, std::function<void(Result<void>)> done)
{
    if (auto allowed = mayChange(); !allowed) {
        done(allowed);
        return;
    }
    if (password && !password->isEmpty() && settings.user.isEmpty()) {
        done(Error { ErrorCode::InvalidInput, tr("A password needs a user: set the SMTP user too."), {} });
        return;
    }
    if (auto readable = checkCaFile(settings.caFile); !readable) {
        done(readable);
        return;
    }
    if (auto saved = SmtpSettingsRepository(m_database).save(settings); !saved) {
        done(saved);
        return;
    }
    if (!password || password->isEmpty()) {
        done({});
        return;
    }
    m_tokens.writeSmtpPassword(accountOf(settings), *password, std::move(done));
}

Result<void> MailService::mayChange() const
{
    return m_team.check(TeamAction::MailSettings);
}

void MailService::clear(std::function<void(Result<void>)> done)
{
    if (auto allowed = mayChange(); !allowed) {
        done(allowed);
        return;
    }
    auto current = settings();
    if (!current) {
        done(current.error());
        return;
    }
    if (auto cleared = SmtpSettingsRepository(m_database).clear(); !cleared) {
        done(cleared);
        return;
    }
    if (current.value().user.isEmpty()) {
        done({});
        return;
    }
    m_tokens.removeSmtpPassword(accountOf(current.value()), std::move(done));
}

void MailService::passwordStored(const SmtpSettings& settings, std::function<void(Result<bool>)> done)
{
    if (settings.user.isEmpty() || !settings.isSet()) {
        done(false);
        return;
    }
    m_tokens.readSmtpPassword(accountOf(settings), [done](Result<std::optional<QString>> read) {
        if (!read) {
            done(read.error());
            return;
        }
        done(read.value().has_value());
    });
}

void MailService::sender(std::function<void(Result<SmtpSender>)> done)
{
    auto current = settings();
    if (!current) {
        done(current.error());
        return;
    }
    if (!current.value().isSet()) {
        done(Error { ErrorCode::InvalidState,
            tr("Set up e-mail first: Settings › E-mail or `notify smtp set`."), {} });
        return;
    }
    senderFor(current.value(), std::nullopt, std::move(done));
}

void MailService::senderFor(const SmtpSettings& settings, std::optional<QString> password,
    std::function<void(Result<SmtpSender>)> done)
{
    if (auto valid = validate(settings); !valid) {
        done(valid.error());
        return;
    }
    if (settings.user.isEmpty() || (password && !password->isEmpty())) {
        done(SmtpSender(settings, password.value_or(QString())));
        return;
    }
    m_tokens.readSmtpPassword(accountOf(settings), [settings, done](Result<std::optional<QString>> read) {
        if (!read) {
            done(read.error());
            return;
        }
        if (!read.value()) {
            done(Error { ErrorCode::TokenMissing,
                tr("No password for the SMTP user \"%1\" is stored in this computer's keychain. Enter it "
                   "in Settings › E-mail or with `notify smtp set --user %1 --password-stdin`.")
                    .arg(settings.user),
                {} });
            return;
        }
        done(SmtpSender(settings, *read.value()));
    });
}

MailMessage MailService::testMessage(const SmtpSettings& settings, const QString& to)
{
    MailMessage message;
    message.from = settings.from;
    message.fromName = QStringLiteral("Roadmunk SAM");
    message.replyTo = settings.replyTo;
    message.to = to.trimmed();
    message.subject = tr("Roadmunk SAM test message");
    message.body = tr("This is a test message from Roadmunk SAM, sent through %1:%2 to check its e-mail "
                      "settings. No action is needed.")
                       .arg(settings.host)
                       .arg(settings.port);
    return message;
}

Result<void> MailService::checkRecipient(const QString& to)
{
    if (isMailAddress(to.trimmed())) {
        return {};
    }
    return Error { ErrorCode::InvalidInput, tr("\"%1\" is not an e-mail address.").arg(to.trimmed()), {} };
}

} // namespace rmsam
