#pragma once

#include "core/Result.h"

#include <QLoggingCategory>
#include <QObject>
#include <functional>
#include <optional>

Q_DECLARE_LOGGING_CATEGORY(lcSecrets)

namespace rmsam {

// What the start-up canary found out about the OS keychain. Each state has its own message.
enum class KeychainState
{
    Unchecked,
    Available,
    NoBackend, // no keychain service at all (e.g. Linux without a Secret Service)
    NoSessionBus, // Linux: no D-Bus session bus to ask a Secret Service on (a server, cron, SSH)
    AccessDenied, // the user or the OS refused access
    NotImplemented, // QtKeychain has no backend for this platform
    Broken, // the service answered but could not write, read back or delete
};

// API tokens in the OS keychain (Keychain on macOS, Credential Manager on Windows, Secret
// Service on Linux) through QtKeychain. Every call is asynchronous; the token is handed to
// the callback and never written anywhere else. There is no insecure fallback.
class TokenStore : public QObject
{
    Q_OBJECT

public:
    // service namespaces the entries ("roadmunk-sam", "roadmunk-sam-demo", a test's own).
    explicit TokenStore(const QString& service, QObject* parent = nullptr);

    QString service() const { return m_service; }
    KeychainState state() const { return m_state; }
    // A user-facing explanation of state(): what is wrong and what to do.
    static QString stateMessage(KeychainState state);
    // The state a QKeychain::Error (as int, so callers need no QtKeychain header) stands for.
    static KeychainState stateFor(int qkeychainError);
    // stateFor() narrowed down by looking around: QtKeychain reports an unreachable session bus
    // as a generic error, which stateFor() alone would blame on the keychain.
    static KeychainState diagnose(int qkeychainError);

    // Writes, reads back, compares and deletes a throw-away entry, then sets state().
    void checkAvailability(std::function<void(KeychainState)> done);

    void write(const QString& key, const QString& token, std::function<void(Result<void>)> done);
    // ErrorCode::TokenMissing when there is no entry for the key.
    void read(const QString& key, std::function<void(Result<QString>)> done);
    // Succeeds when the entry is gone, including when there was none.
    void remove(const QString& key, std::function<void(Result<void>)> done);

    // The password of a PostgreSQL address (DatabaseLocation::display(): no query, never a
    // password in it), for a team database whose server asks for one. Reading gives nothing when
    // none is stored: libpq's own ways (~/.pgpass, a certificate) may be in use.
    void writeDatabasePassword(
        const QString& address, const QString& password, std::function<void(Result<void>)> done);
    void readDatabasePassword(
        const QString& address, std::function<void(Result<std::optional<QString>>)> done);
    void removeDatabasePassword(const QString& address, std::function<void(Result<void>)> done);

    // The SMTP relay's password, entry "smtp/USER@HOST:PORT" (a team shares the settings, each
    // sender keeps the password in their own keychain). Reading gives nothing when none is stored.
    static QString smtpAccount(const QString& user, const QString& host, int port); // "USER@HOST:PORT"
    void writeSmtpPassword(
        const QString& account, const QString& password, std::function<void(Result<void>)> done);
    void readSmtpPassword(const QString& account, std::function<void(Result<std::optional<QString>>)> done);
    void removeSmtpPassword(const QString& account, std::function<void(Result<void>)> done);

signals:
    void stateChanged(rmsam::KeychainState state);

private:
    void setState(KeychainState state);
    QString entryName(const QString& key) const; // "profile/KEY"
    static QString databaseEntryName(const QString& address); // "database/ADDRESS"
    void writeEntry(const QString& entry, const QString& secret, std::function<void(Result<void>)> done);
    void readEntry(const QString& entry, std::function<void(Result<std::optional<QString>>)> done);
    void removeEntry(const QString& entry, std::function<void(Result<void>)> done);

    QString m_service;
    KeychainState m_state = KeychainState::Unchecked;
};

} // namespace rmsam
