#pragma once

#include "core/SmtpSettings.h"
#include "mail/MailMessage.h"

#include <QLoggingCategory>
#include <QString>

Q_DECLARE_LOGGING_CATEGORY(lcMail)

namespace rmsam {

struct SendOutcome
{
    enum class Status
    {
        Sent,
        Temporary, // 4xx for this message, or the connection dropped mid-way: try again later
        Rejected, // 5xx for this message (bad address, refused): do not retry
        Unavailable, // nothing can be sent: cannot connect, TLS/certificate, login refused, bad settings
    };
    Status status = Status::Unavailable;
    int smtpCode = 0; // the server's last reply code, 0 when none
    QString serverReply; // the server's answer (never containing the password)
    QString message; // translated: what happened and what to do next
    QString messageId; // the Message-ID that was sent
};

// One SMTP session per call through libcurl; blocking (the GUI calls it from a worker thread,
// e.g. QtConcurrent::run). Never logs the password or the message body.
//
// Policy, enforced here alone: "starttls" insists on STARTTLS (CURLUSESSL_ALL, never a silent
// fallback to plain text), "tls" is implicit TLS (smtps://), "none" only to a loopback host;
// the relay's certificate and host name are always verified, against the system's CAs or the
// settings' CA file; connecting may take 15 s and the whole session 60 s.
class SmtpSender
{
public:
    SmtpSender(SmtpSettings settings, QString password);
    SendOutcome send(const MailMessage& message) const;

    const SmtpSettings& settings() const { return m_settings; }

private:
    SmtpSettings m_settings;
    QString m_password;
};

} // namespace rmsam
