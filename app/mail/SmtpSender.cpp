#include "mail/SmtpSender.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSysInfo>
#include <QUrl>
#include <cstring>
#include <curl/curl.h>
#include <memory>
#include <mutex>

Q_LOGGING_CATEGORY(lcMail, "rmsam.mail", QtInfoMsg)

namespace rmsam {
namespace {

constexpr long ConnectTimeoutSeconds = 15;
constexpr long SessionTimeoutSeconds = 60;
constexpr qsizetype MaxReplyBytes = 2048;

// Its messages, in the context lupdate files them under.
struct SmtpSenderText
{
    Q_DECLARE_TR_FUNCTIONS(rmsam::SmtpSender)
};

void initialiseCurl()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

// What one session reads and records: the composed bytes going up, the server's last reply
// coming down (only what the server says: the commands we send, AUTH included, are not kept).
struct Session
{
    QByteArray payload;
    qsizetype sent = 0;
    QByteArray reply; // the one being read
    QList<QByteArray> replies; // the last few complete ones, newest last
};

// The reply the session ended on: the newest with the code libcurl reports (curl still says
// QUIT after a failure, and its "221 Bye" is not the answer that matters).
QByteArray replyWithCode(const Session& session, long code)
{
    const QByteArray prefix = QByteArray::number(code);
    for (auto it = session.replies.crbegin(); it != session.replies.crend(); ++it) {
        if (it->startsWith(prefix)) {
            return *it;
        }
    }
    return session.replies.isEmpty() ? QByteArray() : session.replies.constLast();
}

size_t readPayload(char* buffer, size_t size, size_t count, void* user)
{
    auto* session = static_cast<Session*>(user);
    const size_t room = size * count;
    const size_t left = static_cast<size_t>(session->payload.size() - session->sent);
    const size_t n = std::min(room, left);
    std::memcpy(buffer, session->payload.constData() + session->sent, n);
    session->sent += static_cast<qsizetype>(n);
    return n;
}

void recordReply(Session& session, const QByteArray& text)
{
    for (const QByteArray& raw : text.split('\n')) {
        const QByteArray line = raw.trimmed();
        if (line.isEmpty()) {
            continue;
        }
        if (session.reply.size() < MaxReplyBytes) {
            session.reply += (session.reply.isEmpty() ? "" : "\n") + line.left(MaxReplyBytes);
        }
        // "250-…" continues a reply, "250 …" (or a bare "250") ends it.
        if (line.size() <= 3 || line.at(3) == ' ') {
            session.replies.append(std::exchange(session.reply, {}));
            if (session.replies.size() > 4) {
                session.replies.removeFirst();
            }
        }
    }
}

int onDebug(CURL*, curl_infotype type, char* data, size_t size, void* user)
{
    if (type == CURLINFO_HEADER_IN) {
        recordReply(*static_cast<Session*>(user), QByteArray(data, static_cast<qsizetype>(size)));
    }
    return 0;
}

QByteArray relayUrl(const SmtpSettings& settings)
{
    QUrl url;
    url.setScheme(
        settings.security == SmtpSettings::Security::Tls ? QStringLiteral("smtps") : QStringLiteral("smtp"));
    url.setHost(settings.host);
    url.setPort(settings.port);
    // The path is the name we greet the relay with (EHLO).
    const QString self = QSysInfo::machineHostName();
    const bool plain = !self.isEmpty() && std::all_of(self.begin(), self.end(), [](QChar c) {
        return c.isLetterOrNumber() || c == u'.' || c == u'-';
    });
    url.setPath(u'/' + (plain ? self : QStringLiteral("localhost")));
    return url.toEncoded();
}

using CurlHandle = std::unique_ptr<CURL, decltype(&curl_easy_cleanup)>;
using CurlList = std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)>;

void setTransport(CURL* curl, const SmtpSettings& settings, const QByteArray& url)
{
    curl_easy_setopt(curl, CURLOPT_URL, url.constData());
#if LIBCURL_VERSION_NUM >= 0x075500
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
#else
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS, CURLPROTO_SMTP | CURLPROTO_SMTPS);
#endif
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, ConnectTimeoutSeconds);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, SessionTimeoutSeconds);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(curl, CURLOPT_USE_SSL,
        settings.security == SmtpSettings::Security::None ? static_cast<long>(CURLUSESSL_NONE)
                                                          : static_cast<long>(CURLUSESSL_ALL));
}

} // namespace

SmtpSender::SmtpSender(SmtpSettings settings, QString password)
    : m_settings(std::move(settings))
    , m_password(std::move(password))
{ }

namespace {

SendOutcome outcome(SendOutcome::Status status, QString message)
{
    SendOutcome result;
    result.status = status;
    result.message = std::move(message);
    return result;
}

SendOutcome classifyTls(CURLcode rc, const SmtpSettings& settings)
{
    using S = SendOutcome::Status;
    if (rc == CURLE_SSL_CACERT_BADFILE && settings.caFile.isEmpty()) {
        // A minimal Linux without the ca-certificates package has no store for libcurl to read.
        return outcome(S::Unavailable,
            SmtpSenderText::tr("This computer's store of trusted certificates cannot be read, so the "
                               "relay's certificate cannot be checked. Install the ca-certificates "
                               "package, or set a CA file (Settings › E-mail › CA file, --ca-file)."));
    }
    if (rc == CURLE_SSL_CACERT_BADFILE) {
        return outcome(S::Unavailable,
            SmtpSenderText::tr(
                "The CA file \"%1\" cannot be read as a PEM bundle. Check the CA file setting.")
                .arg(settings.caFile));
    }
    if (rc == CURLE_USE_SSL_FAILED) {
        return outcome(S::Unavailable,
            SmtpSenderText::tr(
                "The relay %1:%2 does not offer STARTTLS. Use security \"tls\" if it expects TLS "
                "from the start (usually port 465), or ask for STARTTLS to be enabled.")
                .arg(settings.host)
                .arg(settings.port));
    }
    if (rc == CURLE_SSL_CONNECT_ERROR) {
        return outcome(S::Unavailable,
            SmtpSenderText::tr("A secure connection to %1:%2 could not be set up. Check the security mode "
                               "(\"starttls\" usually on port 587, \"tls\" on 465).")
                .arg(settings.host)
                .arg(settings.port));
    }
    return outcome(S::Unavailable,
        SmtpSenderText::tr(
            "The relay's certificate is not trusted, or is not for %1. Set --ca-file (Settings › "
            "E-mail › CA file) to your organisation's CA bundle, or fix the relay's certificate.")
            .arg(settings.host));
}

SendOutcome classifyReply(long code, const QString& reply, const MailMessage& message)
{
    using S = SendOutcome::Status;
    if (code == 530) {
        return outcome(S::Unavailable,
            SmtpSenderText::tr(
                "The relay requires a login. Set the user and password in the e-mail settings."));
    }
    if (code >= 500) {
        return outcome(S::Rejected,
            SmtpSenderText::tr("The relay refused the message to %1: %2").arg(message.to, reply));
    }
    if (code >= 400) {
        return outcome(S::Temporary,
            SmtpSenderText::tr("The relay deferred the message to %1 (%2). It will be tried again later.")
                .arg(message.to, reply));
    }
    return outcome(S::Temporary,
        SmtpSenderText::tr(
            "The connection to the relay broke off before the message was accepted. It will be "
            "tried again later."));
}

SendOutcome classify(
    CURLcode rc, long code, const QString& reply, const SmtpSettings& settings, const MailMessage& message)
{
    using S = SendOutcome::Status;
    switch (rc) {
    case CURLE_OK:
        return outcome(S::Sent, SmtpSenderText::tr("The message to %1 was sent.").arg(message.to));
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_CONNECT:
        return outcome(S::Unavailable,
            SmtpSenderText::tr("Cannot connect to %1:%2. Check the host and port, and that this computer may "
                               "reach the relay.")
                .arg(settings.host)
                .arg(settings.port));
    case CURLE_OPERATION_TIMEDOUT:
        if (code == 0) {
            return outcome(S::Unavailable,
                SmtpSenderText::tr("Cannot connect to %1:%2: no answer in time. Check the host and port.")
                    .arg(settings.host)
                    .arg(settings.port));
        }
        return outcome(S::Temporary,
            SmtpSenderText::tr("The relay stopped answering. The message will be tried again later."));
    case CURLE_LOGIN_DENIED:
        return outcome(S::Unavailable,
            SmtpSenderText::tr("The relay refused the login for user \"%1\". Check the user and password.")
                .arg(settings.user));
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_USE_SSL_FAILED:
    case CURLE_SSL_CONNECT_ERROR:
        return classifyTls(rc, settings);
    default:
        return classifyReply(code, reply, message);
    }
}

} // namespace

SendOutcome SmtpSender::send(const MailMessage& message) const
{
    if (auto valid = validate(m_settings); !valid) {
        SendOutcome refused = outcome(SendOutcome::Status::Unavailable, valid.error().message);
        refused.messageId = mailMessageId(message);
        return refused;
    }
    if (!isMailAddress(message.to.trimmed())) {
        // Never handed to libcurl: a line break in it would be a second SMTP command.
        SendOutcome refused = outcome(SendOutcome::Status::Rejected,
            SmtpSenderText::tr("\"%1\" is not an e-mail address; the message was not sent.")
                .arg(message.to.simplified()));
        refused.messageId = mailMessageId(message);
        return refused;
    }
    initialiseCurl();
    CurlHandle curl(curl_easy_init(), &curl_easy_cleanup);
    if (!curl) {
        return outcome(SendOutcome::Status::Unavailable,
            SmtpSenderText::tr("E-mail cannot be sent: libcurl failed to start."));
    }
    MailMessage stamped = message;
    stamped.messageId = mailMessageId(message);
    Session session;
    session.payload = composeMail(stamped, QDateTime::currentDateTime());

    const QByteArray url = relayUrl(m_settings);
    const QByteArray from = '<' + m_settings.from.toUtf8() + '>';
    const QByteArray to = '<' + message.to.trimmed().toUtf8() + '>';
    const QByteArray caFile = m_settings.caFile.toLocal8Bit();
    const QByteArray user = m_settings.user.toUtf8();
    const QByteArray password = m_password.toUtf8();
    CurlList recipients(curl_slist_append(nullptr, to.constData()), &curl_slist_free_all);
    char errorText[CURL_ERROR_SIZE] = {};

    CURL* handle = curl.get();
    setTransport(handle, m_settings, url);
    if (!caFile.isEmpty()) {
        curl_easy_setopt(handle, CURLOPT_CAINFO, caFile.constData());
    }
    if (!user.isEmpty()) {
        curl_easy_setopt(handle, CURLOPT_USERNAME, user.constData());
        curl_easy_setopt(handle, CURLOPT_PASSWORD, password.constData());
    }
    curl_easy_setopt(handle, CURLOPT_MAIL_FROM, from.constData());
    curl_easy_setopt(handle, CURLOPT_MAIL_RCPT, recipients.get());
    curl_easy_setopt(handle, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(handle, CURLOPT_READFUNCTION, &readPayload);
    curl_easy_setopt(handle, CURLOPT_READDATA, &session);
    curl_easy_setopt(handle, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(session.payload.size()));
    curl_easy_setopt(handle, CURLOPT_ERRORBUFFER, errorText);
    curl_easy_setopt(handle, CURLOPT_VERBOSE, 1L); // feeds onDebug; nothing reaches stderr
    curl_easy_setopt(handle, CURLOPT_DEBUGFUNCTION, &onDebug);
    curl_easy_setopt(handle, CURLOPT_DEBUGDATA, &session);

    const CURLcode rc = curl_easy_perform(handle);
    long code = 0;
    curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &code);
    const QString reply = QString::fromUtf8(replyWithCode(session, code));
    SendOutcome result = classify(rc, code, reply, m_settings, message);
    result.smtpCode = static_cast<int>(code);
    result.serverReply = reply;
    result.messageId = stamped.messageId;
    qCInfo(lcMail).noquote() << "send" << result.messageId << "via" << m_settings.host << m_settings.port
                             << "curl" << rc << QString::fromUtf8(errorText) << "smtp" << code;
    return result;
}

} // namespace rmsam
