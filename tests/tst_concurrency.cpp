// Several Roadmunk SAM processes on one data folder at once: the GUI, a scheduled sync and a
// command typed in a terminal. Each helper process (tests/concurrency/storage-helper.cpp) waits
// for a line on standard input, so the test releases all of them at the same moment.
#include "cli/CommandLine.h"
#include "core/ProfileRules.h"
#include "storage/Database.h"
#include "storage/Migrations.h"
#include "storage/ProfileRepository.h"
#include "storage/SubscriptionRepository.h"

#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
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

} // namespace

class TestConcurrency : public QObject
{
    Q_OBJECT

private slots:
    // Before: two commands started at once on a new data folder both saw schema version 0 and
    // both ran the first migration; the second failed ("table integration_profile already exists").
    void processesStartedTogetherOnANewFolderAllMigrateIt()
    {
        constexpr int Rounds = 5;
        constexpr int Processes = 6;
        for (int round = 0; round < Rounds; ++round) {
            QTemporaryDir dir;
            QVERIFY(dir.isValid());
            const QString dataDir = dir.filePath(QStringLiteral("data"));
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
            auto db = Database::open(dir.path());
            QVERIFY(db);
            profileId = createProfile(*db.value(), QStringLiteral("Concurrent"));
            QVERIFY(profileId > 0);
        }
        QList<QStringList> arguments;
        for (int i = 0; i < Writers; ++i) {
            arguments.append(
                { QStringLiteral("write"), dir.path(), QString::number(profileId), QString::number(Rounds) });
        }
        auto helpers = startHelpers(arguments);
        QCOMPARE(int(helpers.size()), Writers);
        const QStringList failures = runToEnd(helpers);
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));

        auto db = Database::open(dir.path());
        QVERIFY(db);
        SubscriptionRepository repository(*db.value());
        QCOMPARE(repository.jobResults(profileId, 1000).value().size(), Writers * Rounds);
        QCOMPARE(repository.subscriptions(profileId).value().size(), 50);
    }

    // When another process keeps the write lock past the busy timeout, the message says so
    // instead of sounding like a disk fault, and the error code maps to "busy" (exit code 7).
    void aWriterKeptWaitingTooLongSaysTheDatabaseIsBusy()
    {
        QTemporaryDir dir;
        Database::Options options;
        options.busyTimeoutMs = 200;
        auto db = Database::open(dir.path(), options);
        QVERIFY(db);
        const qint64 profileId = createProfile(*db.value(), QStringLiteral("Busy"));
        SoftwareSubscription s;
        s.userId = QStringLiteral("u1");
        s.email = QStringLiteral("u1@example.com");
        s.role = QStringLiteral("collaborator");
        JobResult result;
        result.profileId = profileId;
        result.trigger = QStringLiteral("test");
        result.startedAt = result.endedAt = QDateTime::currentDateTimeUtc();
        const QString other = QStringLiteral("another process");
        {
            // A second connection stands in for another process that holds the write lock.
            QSqlDatabase holder = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), other);
            holder.setDatabaseName(db.value()->filePath());
            QVERIFY(holder.open());
            QSqlQuery hold(holder);
            QVERIFY2(hold.exec(QStringLiteral("BEGIN IMMEDIATE")), qPrintable(hold.lastError().text()));

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
        QSqlDatabase::removeDatabase(other);
    }
};

QTEST_GUILESS_MAIN(TestConcurrency)
#include "tst_concurrency.moc"
