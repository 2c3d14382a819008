#pragma once

#include "core/Result.h"
#include "core/SmtpSettings.h"
#include "mail/SmtpSender.h"

#include <QString>
#include <functional>
#include <optional>

namespace rmsam {

class Database;
class TeamService;
class TokenStore;

// E-mail through the organisation's SMTP relay: the settings (one row per database, so a team
// shares them; on a team database only an owner changes them) and the relay's password in this
// computer's keychain (entry smtp/USER@HOST:PORT: each sender keeps their own copy).
class MailService
{
public:
    MailService(Database& database, TokenStore& tokens, TeamService& team);
    Q_DISABLE_COPY_MOVE(MailService)

    // The stored settings; isSet() false when e-mail is not set up.
    Result<SmtpSettings> settings();
    // Validates and stores the settings; with a password, stores it in the keychain for the
    // settings' user (std::nullopt keeps whatever is stored). NotPermitted for a team member who
    // is not an owner; InvalidInput naming the field when a setting is wrong.
    void save(const SmtpSettings& settings, std::optional<QString> password,
        std::function<void(Result<void>)> done);
    // NotPermitted (naming the role needed) unless the member may change the settings.
    Result<void> mayChange() const;
    // Forgets the settings, and this computer's password for them.
    void clear(std::function<void(Result<void>)> done);
    // Whether this computer's keychain holds a password for the settings' user (false when the
    // settings have no user).
    void passwordStored(const SmtpSettings& settings, std::function<void(Result<bool>)> done);
    // A sender with the settings and the password read from the keychain, or why there is none:
    // InvalidState when e-mail is not set up, TokenMissing when the user's password is not here.
    void sender(std::function<void(Result<SmtpSender>)> done);
    // A sender with the given settings (not yet saved: the settings dialog's test), and the
    // password given or else the one in the keychain for the settings' user.
    void senderFor(const SmtpSettings& settings, std::optional<QString> password,
        std::function<void(Result<SmtpSender>)> done);

    // The short message "Send test message" and `notify test` send to check the settings.
    static MailMessage testMessage(const SmtpSettings& settings, const QString& to);
    // InvalidInput unless `to` is one e-mail address.
    static Result<void> checkRecipient(const QString& to);

private:
    Database& m_database;
    TokenStore& m_tokens;
    TeamService& m_team;
};

} // namespace rmsam
