#include "storage/RunLocks.h"

#include "storage/Database.h"

#include <QCoreApplication>
#include <QLocale>
#include <QMutex>
#include <QSet>
#include <QSysInfo>
#include <QUuid>
#include <utility>

#if defined(Q_OS_UNIX)
#include <cerrno>
#include <pwd.h>
#include <signal.h>
#include <unistd.h>
#elif defined(Q_OS_WIN)
#ifndef NOMINMAX
#define NOMINMAX
#endif
#include <windows.h>
#endif

namespace rmsam {
namespace {

// Locks this process gave up but could not delete, the database being unreachable then (its
// server stopped mid-run). Their rows are stale here at once, as a dead process's are, so the next
// run after the outage is not refused for the lock of one that ended. Process-wide: the next run
// may come through another Database object (another command) than the one that failed.
QMutex abandonedLock;
QSet<QString> abandonedTokens;

void abandon(const QString& token)
{
    QMutexLocker lock(&abandonedLock);
    abandonedTokens.insert(token);
}

bool abandonedHere(const QString& token)
{
    QMutexLocker lock(&abandonedLock);
    return abandonedTokens.contains(token);
}

struct StoredLock
{
    RunHolder holder;
    QString token;
    QString machine;
    QString profileName;
};

QString timeText(const QDateTime& when)
{
    return when.toUTC().toString(Qt::ISODateWithMs);
}

QString operatingSystemUser()
{
#ifdef Q_OS_UNIX
    if (const passwd* entry = ::getpwuid(::geteuid()); entry && entry->pw_name) {
        return QString::fromLocal8Bit(entry->pw_name);
    }
#endif
    for (const char* variable : { "USER", "LOGNAME", "USERNAME" }) {
        if (const QString name = qEnvironmentVariable(variable); !name.isEmpty()) {
            return name;
        }
    }
    return QStringLiteral("?");
}

// This machine since its last boot: a process id means something only where and when it ran.
// Empty when the system does not say (then only the heartbeat can show that a holder is gone).
QString thisMachine()
{
    const QByteArray machine = QSysInfo::machineUniqueId();
    return machine.isEmpty() ? QString()
                             : QString::fromLatin1(machine.toHex() + '/' + QSysInfo::bootUniqueId().toHex());
}

bool processExists(qint64 pid)
{
    if (pid <= 0) {
        return false;
    }
#if defined(Q_OS_UNIX)
    // EPERM: it exists but belongs to another user.
    return ::kill(pid_t(pid), 0) == 0 || errno == EPERM;
#elif defined(Q_OS_WIN)
    HANDLE process = ::OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, DWORD(pid));
    if (!process) {
        return ::GetLastError() == ERROR_ACCESS_DENIED;
    }
    DWORD exitCode = 0;
    const bool running = ::GetExitCodeProcess(process, &exitCode) && exitCode == STILL_ACTIVE;
    ::CloseHandle(process);
    return running;
#else
    return true; // cannot tell: the heartbeat decides
#endif
}

Result<std::optional<StoredLock>> readLock(Database& database, qint64 profileId, RunKind kind)
{
    return database.first(
        QStringLiteral(
            "SELECT l.token, l.description, l.os_user, l.host, l.machine, l.pid, l.acquired_at, "
            "l.heartbeat_at, "
            "p.display_name FROM run_lock l LEFT JOIN integration_profile p ON p.id = l.profile_id "
            "WHERE l.profile_id = ? AND l.kind = ?"),
        { profileId, RunLocks::kindCode(kind) },
        QCoreApplication::translate("rmsam::RunLocks", "Cannot read who is running jobs of this profile."),
        [](const QSqlQuery& q) {
            StoredLock lock;
            lock.token = q.value(0).toString();
            lock.holder.description = q.value(1).toString();
            lock.holder.user = q.value(2).toString();
            lock.holder.host = q.value(3).toString();
            lock.machine = q.value(4).toString();
            lock.holder.pid = q.value(5).toLongLong();
            lock.holder.acquiredAt = SqlColumns::timeFrom(q.value(6));
            lock.holder.heartbeatAt = SqlColumns::timeFrom(q.value(7));
            lock.profileName = q.value(8).toString();
            return lock;
        });
}

Error heldError(const StoredLock& lock, RunKind kind)
{
    const RunHolder& h = lock.holder;
    const QString since = QLocale().toString(h.acquiredAt.toLocalTime(), QLocale::ShortFormat);
    QString message;
    switch (kind) {
    case RunKind::Sync:
        message = QCoreApplication::translate("rmsam::RunLocks",
            "A sync of %1 is already running (%2), started by %3 on %4 (process %5) at %6. Wait until "
            "it has finished.");
        break;
    case RunKind::Reclaim:
        message = QCoreApplication::translate("rmsam::RunLocks",
            "A reclaim run of %1 is already running (%2), started by %3 on %4 (process %5) at %6. Only "
            "one reclaim run per profile runs at a time; wait until it has finished.");
        break;
    case RunKind::Notices:
        message = QCoreApplication::translate("rmsam::RunLocks",
            "Notice e-mails of %1 are already being sent (%2), started by %3 on %4 (process %5) at %6. "
            "Wait until that has finished.");
        break;
    }
    return Error { ErrorCode::Busy,
        message.arg(lock.profileName, h.description, h.user, h.host, QString::number(h.pid), since),
        QStringLiteral("run lock %1 held since %2, last heartbeat %3")
            .arg(RunLocks::kindCode(kind), timeText(h.acquiredAt), timeText(h.heartbeatAt)) };
}

} // namespace

// ---- RunLease ----

RunLease::RunLease(Database& database, qint64 profileId, RunKind kind, QString token, QString profileName,
    Clock clock, std::chrono::seconds staleAfter)
    : m_database(&database)
    , m_profileId(profileId)
    , m_kind(kind)
    , m_token(std::move(token))
    , m_profileName(std::move(profileName))
    , m_clock(std::move(clock))
    , m_staleAfter(staleAfter)
{ }

RunLease::RunLease(RunLease&& other) noexcept
    : m_database(std::exchange(other.m_database, nullptr))
    , m_profileId(other.m_profileId)
    , m_kind(other.m_kind)
    , m_token(std::move(other.m_token))
    , m_profileName(std::move(other.m_profileName))
    , m_clock(std::move(other.m_clock))
    , m_staleAfter(other.m_staleAfter)
{ }

RunLease& RunLease::operator=(RunLease&& other) noexcept
{
    if (this != &other) {
        if (auto released = release(); !released) {
            qCWarning(lcStorage) << "cannot release the" << RunLocks::kindCode(m_kind) << "lock of profile"
                                 << m_profileId << released.error().detail;
        }
        m_database = std::exchange(other.m_database, nullptr);
        m_profileId = other.m_profileId;
        m_kind = other.m_kind;
        m_token = std::move(other.m_token);
        m_profileName = std::move(other.m_profileName);
        m_clock = std::move(other.m_clock);
        m_staleAfter = other.m_staleAfter;
    }
    return *this;
}

RunLease::~RunLease()
{
    if (isHeld()) {
        if (auto released = release(); !released) {
            qCWarning(lcStorage) << "cannot release the" << RunLocks::kindCode(m_kind) << "lock of profile"
                                 << m_profileId << released.error().detail;
        }
    }
}

Result<void> RunLease::heartbeat()
{
    if (!isHeld()) {
        return Error { ErrorCode::InvalidState, QStringLiteral("heartbeat of a released lease"), {} };
    }
    auto beat = m_database->run(
        QStringLiteral(
            "UPDATE run_lock SET heartbeat_at = ? WHERE profile_id = ? AND kind = ? AND token = ?"),
        { timeText(m_clock()), m_profileId, RunLocks::kindCode(m_kind), m_token },
        QCoreApplication::translate("rmsam::RunLocks", "Cannot record that this run is still going."));
    if (!beat) {
        return beat.error();
    }
    if (beat.value().numRowsAffected() == 0) {
        // Not ours any more: released elsewhere or taken over as stale. Nothing to give back.
        m_database = nullptr;
        qCWarning(lcStorage) << "the" << RunLocks::kindCode(m_kind) << "lock of profile" << m_profileId
                             << "was taken over by another process";
        // A plain variable: Qt 6.4's lupdate never finishes on a cast in this argument.
        const int minutes = int(m_staleAfter.count()) / 60;
        return Error { ErrorCode::Busy,
            QCoreApplication::translate("rmsam::RunLocks",
                "This run of %1 lost its lock: another process took it over because this one gave no "
                "sign of life for %n minute(s). It stops here so that two runs do not overlap.",
                nullptr, minutes)
                .arg(m_profileName),
            QStringLiteral("run lock %1 token %2 gone").arg(RunLocks::kindCode(m_kind), m_token) };
    }
    return {};
}

Result<void> RunLease::release()
{
    if (!isHeld()) {
        return {};
    }
    // A worker thread may release after it closed its connection; it must not leave a new one
    // behind for a later thread that gets the same address.
    const bool hadConnection = m_database->hasThreadConnection();
    Result<void> released;
    {
        auto removed = m_database->run(
            QStringLiteral("DELETE FROM run_lock WHERE profile_id = ? AND kind = ? AND token = ?"),
            { m_profileId, RunLocks::kindCode(m_kind), m_token },
            QCoreApplication::translate("rmsam::RunLocks", "Cannot release the run lock."));
        if (!removed) {
            released = removed.error();
        } else if (removed.value().numRowsAffected() == 0) {
            qCInfo(lcStorage) << "the" << RunLocks::kindCode(m_kind) << "lock of profile" << m_profileId
                              << "was already taken over or removed";
        }
    }
    if (!hadConnection) {
        m_database->releaseThreadConnection();
    }
    if (released) {
        m_database = nullptr;
    } else {
        abandon(m_token);
    }
    return released;
}

// ---- RunLocks ----

RunLocks::RunLocks(Database& database)
    : RunLocks(database, Options {})
{ }

RunLocks::RunLocks(Database& database, Options options)
    : m_database(database)
    , m_options(std::move(options))
{
    if (!m_options.clock) {
        m_options.clock = [&database] { return database.currentTime(); };
    }
}

QString RunLocks::kindCode(RunKind kind)
{
    switch (kind) {
    case RunKind::Sync:
        return QStringLiteral("sync");
    case RunKind::Reclaim:
        return QStringLiteral("reclaim");
    case RunKind::Notices:
        return QStringLiteral("notices");
    }
    return {};
}

bool RunLocks::isStale(const RunHolder& holder, const QString& machine, const QDateTime& now) const
{
    if (!holder.heartbeatAt.isValid() || holder.heartbeatAt.secsTo(now) > m_options.staleAfter.count()) {
        return true;
    }
    // Same machine and boot: the process id is meaningful. A reused id keeps the lock until the
    // heartbeat goes stale, which errs on the safe side.
    return !machine.isEmpty() && machine == thisMachine() && !processExists(holder.pid);
}

Result<RunLease> RunLocks::acquire(qint64 profileId, RunKind kind, const QString& holderDescription)
{
    const QDateTime now = m_options.clock().toUTC();
    const QString token = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QString profileName;
    auto taken = inTransaction(m_database.connection(), [&]() -> Result<void> {
        auto current = readLock(m_database, profileId, kind);
        if (!current) {
            return current.error();
        }
        if (const std::optional<StoredLock>& held = current.value()) {
            if (!isStale(held->holder, held->machine, now) && !abandonedHere(held->token)) {
                return heldError(*held, kind);
            }
            qCWarning(lcStorage).noquote()
                << "taking over the" << kindCode(kind) << "lock of profile" << profileId << "from process"
                << held->holder.pid << "on" << held->holder.host << "(" << held->holder.user
                << "), last sign of life" << timeText(held->holder.heartbeatAt);
            if (auto removed = m_database.exec(
                    QStringLiteral("DELETE FROM run_lock WHERE profile_id = ? AND kind = ? AND token = ?"),
                    { profileId, kindCode(kind), held->token },
                    QCoreApplication::translate("rmsam::RunLocks", "Cannot take over the run lock."));
                !removed) {
                return removed;
            }
        }
        if (auto inserted = m_database.exec(
                QStringLiteral("INSERT INTO run_lock (profile_id, kind, token, description, os_user, host, "
                               "machine, pid, "
                               "acquired_at, heartbeat_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                { profileId, kindCode(kind), token, holderDescription.left(200),
                    operatingSystemUser().left(200), QSysInfo::machineHostName().left(255), thisMachine(),
                    QCoreApplication::applicationPid(), timeText(now), timeText(now) },
                QCoreApplication::translate("rmsam::RunLocks", "Cannot take the run lock."));
            !inserted) {
            return inserted;
        }
        // Only for the messages of a later holder's refusal: a failure here leaves the name empty.
        auto name
            = m_database.first(QStringLiteral("SELECT display_name FROM integration_profile WHERE id = ?"),
                { profileId }, {}, [](const QSqlQuery& q) { return q.value(0).toString(); });
        if (name && name.value()) {
            profileName = *name.value();
        }
        return {};
    });
    if (!taken) {
        return taken.error();
    }
    qCDebug(lcStorage) << "took the" << kindCode(kind) << "lock of profile" << profileId;
    return RunLease(m_database, profileId, kind, token, profileName, m_options.clock, m_options.staleAfter);
}

Result<std::optional<RunHolder>> RunLocks::holder(qint64 profileId, RunKind kind)
{
    auto current = readLock(m_database, profileId, kind);
    if (!current) {
        return current.error();
    }
    const std::optional<StoredLock>& held = current.value();
    if (!held || isStale(held->holder, held->machine, m_options.clock().toUTC())
        || abandonedHere(held->token)) {
        return std::optional<RunHolder>();
    }
    return std::optional<RunHolder>(held->holder);
}

} // namespace rmsam
