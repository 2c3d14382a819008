#pragma once

#include "core/Result.h"

#include <QString>
#include <optional>

namespace rmsam {

// The organisation's SMTP relay, as the admin set it up (one per database, so a team shares it).
// The password is not here: it lives only in the OS keychain.
struct SmtpSettings
{
    enum class Security
    {
        StartTls,
        Tls,
        None, // only to a loopback host (a local relay or a test server)
    };
    QString host; // empty: e-mail is not set up
    int port = 587;
    Security security = Security::StartTls;
    QString from; // sender address
    QString replyTo; // the admin mailbox users answer to (may be empty: replies go to from)
    QString user; // empty: no SMTP AUTH; the password lives only in the OS keychain
    QString caFile; // optional PEM bundle of a private CA the relay's certificate chains to
    int perMinute = 30; // rate limit: at most this many messages a minute
    bool isSet() const { return !host.isEmpty(); }

    bool operator==(const SmtpSettings&) const = default;
};

inline constexpr int MaxSmtpPerMinute = 10000;

// InvalidInput with a message naming the field when a setting is wrong.
Result<void> validate(const SmtpSettings& settings);
QString securityName(SmtpSettings::Security security); // "starttls", "tls", "none"
std::optional<SmtpSettings::Security> securityFromName(const QString& name);

// True for localhost, ::1 and 127.0.0.0/8.
bool isLoopbackHost(const QString& host);
// A plausible single mailbox: local@domain, no blanks, no control characters, no angle brackets.
bool isMailAddress(const QString& address);

} // namespace rmsam
