#pragma once

#include "core/Result.h"

#include <QDateTime>
#include <QString>
#include <chrono>
#include <functional>
#include <optional>

namespace rmsam {

class Database;

// What a run lock keeps to one at a time per profile.
enum class RunKind
{
    Sync,
    Reclaim,
    Notices, // sending notice e-mails: a second sender would take the first's `sending` for a crash
};

// Who holds a run lock, as it was stored when taken.
struct RunHolder
{
    QString description; // what runs, in the holder's words ("scheduled sync", "reclaim --yes")
    QString user; // the operating-system user
    QString host;
    qint64 pid = 0;
    QDateTime acquiredAt; // UTC
    QDateTime heartbeatAt; // UTC, the holder's last sign of life
};

class RunLocks;

// A held run lock. Released by release() or, failing that, by the destructor; moving it moves the
// lock. It refers to the Database it came from and must not outlive it. Any thread may call it;
// the statements run on that thread's connection.
class RunLease
{
public:
    using Clock = std::function<QDateTime()>;

    RunLease() = default; // holds nothing
    RunLease(RunLease&& other) noexcept;
    RunLease& operator=(RunLease&& other) noexcept;
    ~RunLease();
    Q_DISABLE_COPY(RunLease)

    bool isHeld() const { return m_database != nullptr; }
    qint64 profileId() const { return m_profileId; }
    RunKind kind() const { return m_kind; }

    // Records a sign of life. Fails with ErrorCode::Busy when the lease was taken over meanwhile
    // (this process looked dead for longer than the stale timeout): the run must stop then,
    // because another one may be under way.
    Result<void> heartbeat();
    // Gives the lock up. Never removes a lock another process has taken over.
    Result<void> release();

private:
    friend class RunLocks;
    RunLease(Database& database, qint64 profileId, RunKind kind, QString token, QString profileName,
        Clock clock, std::chrono::seconds staleAfter);

    Database* m_database = nullptr;
    qint64 m_profileId = 0;
    RunKind m_kind = RunKind::Sync;
    QString m_token;
    QString m_profileName;
    Clock m_clock;
    std::chrono::seconds m_staleAfter { 0 };
};

// One sync and one reclaim run per profile at a time, across threads, processes and (with a
// shared database) machines. A lock is a row per (profile, kind), taken in a write transaction;
// the primary key keeps a second one out.
//
// A process that dies cannot hold a lock forever: a lock is stale, and the next acquire() takes
// it over, when its holder's last heartbeat is older than staleAfter, or at once when the holder
// ran on this machine (since its last boot) and its process no longer exists. A long run calls
// RunLease::heartbeat() well within staleAfter.
class RunLocks
{
public:
    using Clock = std::function<QDateTime()>;
    static constexpr std::chrono::seconds DefaultStaleAfter { 10 * 60 };

    struct Options
    {
        // Empty: the database's clock (Database::currentTime), so that members whose desktop
        // clocks disagree still agree on when a lock went stale.
        Clock clock = {};
        std::chrono::seconds staleAfter = DefaultStaleAfter;
    };

    explicit RunLocks(Database& database);
    RunLocks(Database& database, Options options);

    // Takes the profile's lock for kind, or fails with ErrorCode::Busy and a message that names
    // who holds it (user, host, process) and since when. holderDescription says what this run
    // is, for that message in another process; it is stored as given.
    Result<RunLease> acquire(qint64 profileId, RunKind kind, const QString& holderDescription);

    // Who holds the lock now; nothing when it is free or stale.
    Result<std::optional<RunHolder>> holder(qint64 profileId, RunKind kind);

    static QString kindCode(RunKind kind);

private:
    bool isStale(const RunHolder& holder, const QString& machine, const QDateTime& now) const;

    Database& m_database;
    Options m_options;
};

} // namespace rmsam
