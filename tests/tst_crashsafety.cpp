// Crash safety: a writer process replacing a snapshot is killed with SIGKILL at random moments,
// 50 times. After each kill the database passes its integrity check (SQLite's integrity_check;
// on PostgreSQL, amcheck over the tables and their indexes) and the snapshot is wholly the old
// one or wholly the new one — never a mix, never half-written. On PostgreSQL the killed client
// is a crashed member's machine: the server must drop its transaction, and its write lock with it.
#include "storage/Database.h"
#include "storage/ProfileRepository.h"
#include "storage/SubscriptionRepository.h"
#include "support/TestBackend.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace rmsam;

class TestCrashSafety : public QObject
{
    Q_OBJECT

    test::TestBackend m_backend;
    bool m_amcheck = false; // the extension is created in the test's database

    // Empty when the database is sound, else what is wrong.
    QString integrityProblem(Database& database)
    {
        QSqlQuery check(database.connection());
        if (!m_backend.postgreSql()) {
            if (!check.exec(QStringLiteral("PRAGMA integrity_check")) || !check.next()) {
                return check.lastError().text();
            }
            return check.value(0).toString() == QLatin1String("ok") ? QString() : check.value(0).toString();
        }
        // The heap of every table (a row per fault found) and every B-tree index against its
        // table (an error at the first fault). The tests connect as the cluster's superuser.
        const QString heaps = QStringLiteral(
            "SELECT c.relname, v.msg FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace, "
            "LATERAL verify_heapam(c.oid) v WHERE c.relkind = 'r' AND n.nspname = current_schema()");
        const QString indexes = QStringLiteral(
            "SELECT bt_index_check(c.oid, true) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
            "JOIN pg_am a ON a.oid = c.relam JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE a.amname = 'btree' AND n.nspname = current_schema()");
        if (!m_amcheck && !check.exec(QStringLiteral("CREATE EXTENSION amcheck"))) {
            return check.lastError().text();
        }
        m_amcheck = true;
        if (!check.exec(heaps)) {
            return check.lastError().text();
        }
        if (check.next()) {
            return check.value(0).toString() + QStringLiteral(": ") + check.value(1).toString();
        }
        return check.exec(indexes) ? QString() : check.lastError().text();
    }

private slots:
    void initTestCase()
    {
        const QString started = m_backend.start();
        QVERIFY2(started.isEmpty(), qPrintable(started));
    }

    void killedMidReplacementLeavesAWholeSnapshot()
    {
#ifdef Q_OS_WIN
        QSKIP("SIGKILL semantics are tested on Linux and macOS");
#endif
        constexpr int Kills = 50;
        constexpr int Users = 3000;
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const quint32 seed = QRandomGenerator::global()->generate();
        qInfo("random seed %u", seed);
        QRandomGenerator random(seed);
        int whole = 0;
        int empty = 0;
        QSet<QString> seen;
        for (int kill = 0; kill < Kills; ++kill) {
            QProcess writer;
            writer.start(
                QStringLiteral(RMSAM_CRASH_WRITER), { m_backend.location(dir), QString::number(Users) });
            QVERIFY2(writer.waitForStarted(10000), qPrintable(writer.errorString()));
            QVERIFY(writer.waitForReadyRead(20000));
            QCOMPARE(writer.readLine().trimmed(), QByteArray("ready"));
            QThread::msleep(random.bounded(5, 400));
            writer.kill(); // SIGKILL
            QVERIFY(writer.waitForFinished(10000));
            QCOMPARE(writer.exitStatus(), QProcess::CrashExit);

            auto database = Database::open(m_backend.location(dir));
            QVERIFY2(database, qPrintable(database ? QString() : database.error().message));
            const QString problem = integrityProblem(*database.value());
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
            const qint64 profileId
                = ProfileRepository(*database.value()).findByReference(QStringLiteral("Crash")).value().id;
            const QList<SoftwareSubscription> subscriptions
                = SubscriptionRepository(*database.value()).subscriptions(profileId).value();
            if (subscriptions.isEmpty()) {
                ++empty; // the writer said "ready" after its first commit: never expected
                continue;
            }
            QCOMPARE(subscriptions.size(), Users);
            const QString suffix = subscriptions.first().email.section(QLatin1Char('-'), 1);
            for (const SoftwareSubscription& s : subscriptions) {
                QCOMPARE(s.email.section(QLatin1Char('-'), 1), suffix);
            }
            seen.insert(suffix);
            ++whole;
        }
        qInfo("%d kills: %d whole snapshots (%s), %d empty", Kills, whole,
            qPrintable(QStringList(seen.cbegin(), seen.cend()).join(QLatin1Char(','))), empty);
        QCOMPARE(empty, 0);
        QCOMPARE(whole, Kills);
    }
};

QTEST_GUILESS_MAIN(TestCrashSafety)
#include "tst_crashsafety.moc"
