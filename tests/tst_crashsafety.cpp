// Crash safety: a writer process replacing a snapshot is killed with SIGKILL at random moments,
// 50 times. After each kill the database passes PRAGMA integrity_check and the snapshot is
// wholly the old one or wholly the new one — never a mix, never half-written.
#include "storage/Database.h"
#include "storage/ProfileRepository.h"
#include "storage/SubscriptionRepository.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace rmsam;

class TestCrashSafety : public QObject
{
    Q_OBJECT

private slots:
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
            writer.start(QStringLiteral(RMSAM_CRASH_WRITER), { dir.path(), QString::number(Users) });
            QVERIFY2(writer.waitForStarted(10000), qPrintable(writer.errorString()));
            QVERIFY(writer.waitForReadyRead(20000));
            QCOMPARE(writer.readLine().trimmed(), QByteArray("ready"));
            QThread::msleep(random.bounded(5, 400));
            writer.kill(); // SIGKILL
            QVERIFY(writer.waitForFinished(10000));
            QCOMPARE(writer.exitStatus(), QProcess::CrashExit);

            auto database = Database::open(dir.path());
            QVERIFY2(database, qPrintable(database ? QString() : database.error().message));
            QSqlQuery check(database.value()->connection());
            QVERIFY(check.exec(QStringLiteral("PRAGMA integrity_check")));
            QVERIFY(check.next());
            QCOMPARE(check.value(0).toString(), QStringLiteral("ok"));
            const qint64 profileId
                = ProfileRepository(*database.value()).findByReference(QStringLiteral("Crash")).value().id;
            const QList<SoftwareSubscription> subscriptions
                = SubscriptionRepository(*database.value()).subscriptions(profileId).value();
            if (subscriptions.isEmpty()) {
                ++empty; // killed before the first snapshot was committed
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
        qInfo("%d kills: %d whole snapshots (%s), %d before the first commit", Kills, whole,
            qPrintable(QStringList(seen.cbegin(), seen.cend()).join(QLatin1Char(','))), empty);
        QCOMPARE(whole + empty, Kills);
        QVERIFY2(
            whole >= Kills / 2, "most kills should land after the first snapshot, or the test proves little");
    }
};

QTEST_GUILESS_MAIN(TestCrashSafety)
#include "tst_crashsafety.moc"
