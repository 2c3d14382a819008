// Several Roadmunk SAM processes on one database at once: the GUI, a scheduled sync and a
// command typed in a terminal, on one machine's data folder or (RMSAM_TEST_DATABASE=postgresql)
// on several machines' shared PostgreSQL database. Each helper process
// (tests/concurrency/storage-helper.cpp) gets the same folder or URL and waits for a line on
// standard input, so the test releases all of them at the same moment.
#include "cli/CommandLine.h"
#include "core/ProfileRules.h"
#include "storage/Database.h"
#include "storage/JobRepository.h"
#include "storage/Migrations.h"
#include "storage/ProfileRepository.h"
#include "storage/RunLocks.h"
#include "storage/SubscriptionRepository.h"
#include "support/TestBackend.h"

#include <QLocale>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <memory>
#include <vector>

using namespace rmsam;

namespace {

using Processes = std::vector<std::unique_ptr<QProcess>>;

// Starts one helper per argument list and returns once each is waiting to go.
Processes startHelpers(const QList<QStringList>& argumentLists)
{
    Processes processes;
    for (const QStringList& arguments : argumentLists) {
        auto process = std::make_unique<QProcess>();
        process->start(QStringLiteral(RMSAM_STORAGE_HELPER), arguments);
        processes.push_back(std::move(process));
    }
    for (auto& process : processes) {
        if (!process->waitForStarted(20000) || !process->waitForReadyRead(20000)
            || process->readLine().trimmed() != "ready") {
            qWarning() << "helper did not start:" << process->errorString()
                       << process->readAllStandardError();
            return {};
        }
    }
    return processes;
}

// Lets every helper go at once and waits for all; returns the standard error of those that failed.
QStringList runToEnd(Processes& processes)
{
    // QProcess writes when its event loop runs: flush each now, or they would go one by one.
    for (auto& process : processes) {
        process->write("go\n");
        process->waitForBytesWritten(10000);
    }
    QStringList failures;
    for (auto& process : processes) {
        if (!process->waitForFinished(120000) || process->exitStatus() != QProcess::NormalExit
            || process->exitCode() != 0) {
            failures.append(QStringLiteral("exit %1: %2")
                                .arg(process->exitCode())
                                .arg(QString::fromLocal8Bit(process->readAllStandardError()).trimmed()));
        }
    }
    return failures;
}

qint64 createProfile(Database& database, const QString& name)
{
    auto created = ProfileRepository(database).create(
        ProfileRules::makeDraft(name, Region::NorthAmerica, QDate(2026, 1, 1)));
    return created ? created.value().id : 0;
}

QString messageOf(const Error* error)
{
    return error ? error->message : QStringLiteral("(no error)");
}

} // namespace

class TestConcurrency : public QObject
{
    Q_OBJECT

    test::TestBackend m_backend;

    // What the test and its helpers open for a temporary folder: the folder, or its database.
    QString at(const QTemporaryDir& dir) { return m_backend.location(dir); }

    // Takes the write lock on a second connection, as another process would: SQLite's
    // BEGIN IMMEDIATE, or PostgreSQL's advisory write lock in an open transaction.
    bool holdWriteLock(QSqlQuery& hold)
    {
        if (!m_backend.postgreSql()) {
            return hold.exec(QStringLiteral("BEGIN IMMEDIATE"));
        }
        return hold.exec(QStringLiteral("BEGIN"))
            && hold.exec(QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(Database::WriteLockKey));
    }

private slots:
    void initTestCase()
    {
        const QString started = m_backend.start();
        QVERIFY2(started.isEmpty(), qPrintable(started));
    }

    // Before: two commands started at once on a new data folder both saw schema version 0 and
    // both ran the first migration; the second failed ("table integration_profile already exists").
    void processesStartedTogetherOnANewFolderAllMigrateIt()
    {
        constexpr int Rounds = 5;
        constexpr int Processes = 6;
        for (int round = 0; round < Rounds; ++round) {
            QTemporaryDir dir;
            QVERIFY(dir.isValid());
            // A new data folder, or a new empty PostgreSQL database.
            const QString dataDir = m_backend.postgreSql() ? at(dir) : dir.filePath(QStringLiteral("data"));
            QList<QStringList> arguments;
            for (int i = 0; i < Processes; ++i) {
                arguments.append({ QStringLiteral("open"), dataDir });
            }
            auto helpers = startHelpers(arguments);
            QCOMPARE(int(helpers.size()), Processes);
            const QStringList failures = runToEnd(helpers);
            QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
            for (auto& helper : helpers) {
                QCOMPARE(helper->readAllStandardOutput().trimmed(),
                    QByteArray("version ") + QByteArray::number(Migrations::all().size()));
            }
            auto db = Database::open(dataDir);
            QVERIFY2(db, qPrintable(db ? QString() : db.error().message));
            QCOMPARE(db.value()->schemaVersion(), int(Migrations::all().size()));
            QSqlQuery q(db.value()->connection());
            QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM schema_version")) && q.next());
            QCOMPARE(q.value(0).toInt(), 1);
        }
    }

    // Before: the second of two syncs writing the same snapshot failed at once with "Cannot replace
    // the subscriptions": its read-then-write transaction could not be upgraded to a write while
    // the other held the lock, and SQLite does not wait for that. Now the second waits its turn.
    void concurrentSnapshotWritersWaitForEachOther()
    {
        constexpr int Writers = 3;
        constexpr int Rounds = 300;
        QTemporaryDir dir;
        qint64 profileId = 0;
        {
            auto db = Database::open(at(dir));
            QVERIFY(db);
            profileId = createProfile(*db.value(), QStringLiteral("Concurrent"));
            QVERIFY(profileId > 0);
        }
        QList<QStringList> arguments;
        for (int i = 0; i < Writers; ++i) {
            arguments.append(
                { QStringLiteral("write"), at(dir), QString::number(profileId), QString::number(Rounds) });
        }
        auto helpers = startHelpers(arguments);
        QCOMPARE(int(helpers.size()), Writers);
        const QStringList failures = runToEnd(helpers);
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));

        auto db = Database::open(at(dir));
        QVERIFY(db);
        SubscriptionRepository repository(*db.value());
        QCOMPARE(JobRepository(*db.value()).jobResults(profileId, 1000).value().size(), Writers * Rounds);
        QCOMPARE(repository.subscriptions(profileId).value().size(), 50);
    }

    // When another process keeps the write lock past the busy timeout, the message says so
    // instead of sounding like a disk fault, and the error code maps to "busy" (exit code 8).
    void aWriterKeptWaitingTooLongSaysTheDatabaseIsBusy()
    {
        QTemporaryDir dir;
        Database::Options options;
        options.busyTimeoutMs = 200;
        auto db = Database::open(at(dir), options);
        QVERIFY(db);
        const qint64 profileId = createProfile(*db.value(), QStringLiteral("Busy"));
        SoftwareSubscription s;
        s.userId = QStringLiteral("u1");
        s.email = QStringLiteral("u1@example.com");
        s.role = QStringLiteral("collaborator");
        JobResult result;
        result.profileId = profileId;
        result.trigger = JobTrigger::CommandLine;
        result.startedAt = result.endedAt = QDateTime::currentDateTimeUtc();
        {
            // A second connection stands in for another process that holds the write lock.
            auto other = Database::open(at(dir));
            QVERIFY(other);
            QSqlQuery hold(other.value()->connection());
            QVERIFY2(holdWriteLock(hold), qPrintable(hold.lastError().text()));

            SubscriptionRepository repository(*db.value());
            auto stored = repository.replaceSnapshot(profileId, { s }, std::nullopt, result);
            QVERIFY(!stored);
            QCOMPARE(stored.error().code, ErrorCode::Busy);
            QVERIFY2(
                stored.error().message.contains(QStringLiteral("busy with another Roadmunk SAM process")),
                qPrintable(stored.error().message));
            QCOMPARE(exitCodeFor(stored.error().code), int(ExitBusy));
            QVERIFY(hold.exec(QStringLiteral("ROLLBACK")));
            // Nothing half-written; once the other process is done the same write succeeds.
            QCOMPARE(repository.subscriptions(profileId).value().size(), 0);
            QVERIFY(repository.replaceSnapshot(profileId, { s }, std::nullopt, result));
            QCOMPARE(repository.subscriptions(profileId).value().size(), 1);
        }
    }

    // One sync per profile at a time: the second is refused with a message that names who runs
    // the first and since when. Other profiles and the other kind are not held up.
    void aSecondAcquireNamesTheHolder()
    {
        QTemporaryDir dir;
        auto db = Database::open(at(dir));
        QVERIFY(db);
        const qint64 team = createProfile(*db.value(), QStringLiteral("Team"));
        const qint64 other = createProfile(*db.value(), QStringLiteral("Other"));
        const QDateTime started(QDate(2026, 3, 2), QTime(9, 15), Qt::UTC);
        RunLocks locks(*db.value(), { [&] { return started; }, RunLocks::DefaultStaleAfter });

        auto first = locks.acquire(team, RunKind::Sync, QStringLiteral("scheduled sync"));
        QVERIFY2(first, qPrintable(messageOf(first.failure())));
        QVERIFY(first.value().isHeld());
        auto second = locks.acquire(team, RunKind::Sync, QStringLiteral("sync from the command line"));
        QVERIFY(!second);
        QCOMPARE(second.error().code, ErrorCode::Busy);
        QCOMPARE(exitCodeFor(second.error().code), int(ExitBusy));

        const RunHolder holder = locks.holder(team, RunKind::Sync).value().value();
        QCOMPARE(holder.description, QStringLiteral("scheduled sync"));
        QCOMPARE(holder.pid, QCoreApplication::applicationPid());
        QCOMPARE(holder.acquiredAt, started);
        QVERIFY(!holder.user.isEmpty());
        const QString message = second.error().message;
        for (const QString& part : { QStringLiteral("A sync of Team is already running"),
                 QStringLiteral("scheduled sync"), holder.user, holder.host,
                 QStringLiteral("process %1").arg(QCoreApplication::applicationPid()),
                 QLocale().toString(started.toLocalTime(), QLocale::ShortFormat) }) {
            QVERIFY2(message.contains(part), qPrintable(part + QStringLiteral(" not in: ") + message));
        }

        auto reclaim = locks.acquire(team, RunKind::Reclaim, QStringLiteral("reclaim --yes"));
        QVERIFY(reclaim);
        QVERIFY(locks.acquire(other, RunKind::Sync, QStringLiteral("other sync")));
        auto secondReclaim = locks.acquire(team, RunKind::Reclaim, QStringLiteral("reclaim --yes"));
        QVERIFY(!secondReclaim);
        QVERIFY(secondReclaim.error().message.contains(QStringLiteral("A reclaim run of Team")));
    }

    void releasedLocksCanBeTakenAgain()
    {
        QTemporaryDir dir;
        auto db = Database::open(at(dir));
        const qint64 team = createProfile(*db.value(), QStringLiteral("Team"));
        RunLocks locks(*db.value());
        auto first = locks.acquire(team, RunKind::Reclaim, QStringLiteral("first"));
        QVERIFY(first);
        QVERIFY(first.value().release());
        QVERIFY(!first.value().isHeld());
        QVERIFY(!locks.holder(team, RunKind::Reclaim).value().has_value());
        QVERIFY(first.value().release()); // twice is harmless

        {
            // Released when the lease goes out of scope; a moved-from lease releases nothing.
            auto second = locks.acquire(team, RunKind::Reclaim, QStringLiteral("second"));
            QVERIFY(second);
            RunLease moved = std::move(second).value();
            QVERIFY(moved.isHeld());
            QVERIFY(!locks.acquire(team, RunKind::Reclaim, QStringLiteral("third")));
        }
        QVERIFY(!locks.holder(team, RunKind::Reclaim).value().has_value());
        auto third = locks.acquire(team, RunKind::Reclaim, QStringLiteral("third"));
        QVERIFY2(third, qPrintable(messageOf(third.failure())));
    }

    // A GUI job runs on a worker thread that closes its connection when it ends. Releasing the
    // lease from such a thread must work and must not leave a connection behind.
    void aLeaseIsReleasedFromAWorkerThread()
    {
        QTemporaryDir dir;
        auto db = Database::open(at(dir));
        Database& database = *db.value();
        const qint64 team = createProfile(database, QStringLiteral("Team"));
        RunLocks locks(database);
        RunLease lease = locks.acquire(team, RunKind::Sync, QStringLiteral("GUI sync")).value();
        bool released = false;
        bool connectionLeft = true;
        QThread* worker = QThread::create([&] {
            released = lease.release().ok();
            connectionLeft = database.hasThreadConnection();
        });
        worker->start();
        QVERIFY(worker->wait(30000));
        delete worker;
        QVERIFY(released);
        QVERIFY(!connectionLeft);
        QVERIFY(!locks.holder(team, RunKind::Sync).value().has_value());
    }

    // A heartbeat keeps a lease; one that went quiet for longer than the stale timeout is taken
    // over, and its old holder learns so at its next heartbeat and cannot release the new lease.
    void aLeaseWithoutHeartbeatIsTakenOver()
    {
        QTemporaryDir dir;
        auto db = Database::open(at(dir));
        const qint64 team = createProfile(*db.value(), QStringLiteral("Team"));
        const QDateTime start(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);
        QDateTime now = start;
        const RunLocks::Options options { [&now] { return now; }, std::chrono::minutes(10) };
        RunLocks locks(*db.value(), options);

        RunLease stuck = locks.acquire(team, RunKind::Reclaim, QStringLiteral("stuck")).value();
        now = start.addSecs(9 * 60);
        QVERIFY(stuck.heartbeat());
        now = start.addSecs(15 * 60); // 6 minutes after the heartbeat
        QCOMPARE(
            locks.acquire(team, RunKind::Reclaim, QStringLiteral("early")).error().code, ErrorCode::Busy);
        now = start.addSecs(20 * 60); // 11 minutes after it
        QVERIFY(!locks.holder(team, RunKind::Reclaim).value().has_value()); // stale counts as free
        auto next = locks.acquire(team, RunKind::Reclaim, QStringLiteral("next"));
        QVERIFY2(next, qPrintable(messageOf(next.failure())));

        auto lost = stuck.heartbeat();
        QVERIFY(!lost);
        QCOMPARE(lost.error().code, ErrorCode::Busy);
        QVERIFY(lost.error().message.contains(QStringLiteral("lost its lock")));
        QVERIFY(!stuck.isHeld());
        QVERIFY(stuck.release());
        const auto holder = locks.holder(team, RunKind::Reclaim).value();
        QVERIFY(holder.has_value());
        QCOMPARE(holder->description, QStringLiteral("next"));
        QCOMPARE(holder->acquiredAt, now);
    }

    // A lock held by another process keeps this one out; when that process is killed, its lock
    // is taken over at once (same machine, process gone), without waiting for the stale timeout.
    void aLeaseOfAKilledProcessIsTakenOver()
    {
        QTemporaryDir dir;
        qint64 team = 0;
        {
            auto db = Database::open(at(dir));
            team = createProfile(*db.value(), QStringLiteral("Team"));
        }
        auto helpers = startHelpers({ { QStringLiteral("lock"), at(dir), QString::number(team) } });
        QCOMPARE(int(helpers.size()), 1);
        QProcess& helper = *helpers.front();
        helper.write("go\n");
        QVERIFY(helper.waitForReadyRead(30000));
        QCOMPARE(helper.readLine().trimmed(), QByteArray("locked"));

        auto db = Database::open(at(dir));
        RunLocks locks(*db.value());
        auto refused = locks.acquire(team, RunKind::Sync, QStringLiteral("test sync"));
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::Busy);
        QVERIFY2(refused.error().message.contains(QStringLiteral("process %1").arg(helper.processId())),
            qPrintable(refused.error().message));
        QCOMPARE(locks.holder(team, RunKind::Sync).value()->pid, helper.processId());

        helper.kill();
        QVERIFY(helper.waitForFinished(30000));
        QCOMPARE(helper.exitStatus(), QProcess::CrashExit);
        auto taken = locks.acquire(team, RunKind::Sync, QStringLiteral("test sync"));
        QVERIFY2(taken, qPrintable(messageOf(taken.failure())));
        QCOMPARE(locks.holder(team, RunKind::Sync).value()->pid, QCoreApplication::applicationPid());
    }

    // Processes asking at the same moment: exactly one gets the lock; after it lets go, the next can.
    void exactlyOneOfManyProcessesGetsTheLock()
    {
        constexpr int Processes = 6;
        QTemporaryDir dir;
        qint64 team = 0;
        {
            auto db = Database::open(at(dir));
            team = createProfile(*db.value(), QStringLiteral("Team"));
        }
        QList<QStringList> arguments;
        for (int i = 0; i < Processes; ++i) {
            arguments.append({ QStringLiteral("lock"), at(dir), QString::number(team) });
        }
        auto helpers = startHelpers(arguments);
        QCOMPARE(int(helpers.size()), Processes);
        for (auto& helper : helpers) {
            helper->write("go\n");
            helper->waitForBytesWritten(10000);
        }
        int locked = 0;
        int busy = 0;
        QProcess* holder = nullptr;
        for (auto& helper : helpers) {
            QVERIFY2(helper->canReadLine() || helper->waitForReadyRead(60000),
                qPrintable(QString::fromLocal8Bit(helper->readAllStandardError())));
            const QByteArray line = helper->readLine().trimmed();
            if (line == "locked") {
                ++locked;
                holder = helper.get();
            } else if (line == "busy") {
                ++busy;
                QVERIFY(helper->waitForFinished(30000));
                QCOMPARE(helper->exitCode(), 3);
            }
        }
        QCOMPARE(locked, 1);
        QCOMPARE(busy, Processes - 1);
        holder->closeWriteChannel(); // the holder releases and exits
        QVERIFY(holder->waitForFinished(30000));
        QCOMPARE(holder->exitCode(), 0);
        auto db = Database::open(at(dir));
        QVERIFY(!RunLocks(*db.value()).holder(team, RunKind::Sync).value().has_value());
        QVERIFY(RunLocks(*db.value()).acquire(team, RunKind::Sync, QStringLiteral("after")));
    }
};

QTEST_GUILESS_MAIN(TestConcurrency)
#include "tst_concurrency.moc"
