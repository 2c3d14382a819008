// The PostgreSQL server going away in the middle of a run (an administrator's shutdown, a crash
// of the server machine): the command says which database was lost and what to do, and exits with
// 4 (unreachable); once the server is back the previous snapshot is whole, a reclaim run's claims
// and audit match what Roadmunk did, the next run calls nobody twice, and a connection the app
// held across the outage works again. Runs on the private cluster (RMSAM_TEST_DATABASE=postgresql).

#include "sandbox/SandboxServer.h"
#include "storage/Database.h"
#include "storage/ReclamationRepository.h"
#include "storage/SubscriptionRepository.h"
#include "support/CliRunner.h"
#include "support/SandboxFixture.h"

#include <QSet>
#include <QSqlQuery>
#include <QTest>

using namespace rmsam;
using namespace rmsam::test;

class TestPostgresFaults : public QObject, protected SandboxFixture
{
    Q_OBJECT

    QString m_url;

    CliRun command(const QStringList& words) const
    {
        const CliRunner cli(QString(), m_tokens->service());
        return cli.run(QStringList { QStringLiteral("--database"), m_url } + words);
    }

    QString psql(const QString& sql)
    {
        QString error;
        const QString database = m_url.section(QLatin1Char('/'), 3).section(QLatin1Char('?'), 0, 0);
        const QString out = m_backend.cluster()->psql(database, sql, &error);
        if (!error.isEmpty()) {
            qWarning("%s", qPrintable(error));
        }
        return out;
    }

    // The snapshot of a profile as rows of text, for comparing before and after.
    QStringList snapshot(qint64 profileId)
    {
        return psql(QStringLiteral("SELECT user_id || ':' || email || ':' || role FROM subscription WHERE "
                                   "profile_id = %1 ORDER BY user_id")
                        .arg(profileId))
            .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    }

    void stopServer()
    {
        QString error;
        QVERIFY2(m_backend.cluster()->stopServer(&error), qPrintable(error));
    }

    void startServer()
    {
        QString error;
        QVERIFY2(m_backend.cluster()->startServer(&error), qPrintable(error));
    }

    static void expectLostDatabase(const CliRun& run)
    {
        QVERIFY2(run.code == 4, qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("The connection to the PostgreSQL database postgresql://")),
            qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("Run it again when the server is back")),
            qPrintable(describe(run)));
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_backend.postgreSql(), "tst_postgresfaults runs with RMSAM_TEST_DATABASE=postgresql");
        SandboxOptions options;
        options.userCount = 300;
        options.pageCap = 50;
        options.seed = 5;
        const QString started = startFixture(QStringLiteral("rmsam-test-pgfaults-"), options);
        QVERIFY2(started.isEmpty(), qPrintable(started));
        m_url = m_backend.location(m_dataDir);
    }

    void aServerStoppedMidSyncKeepsTheSnapshot()
    {
        const IntegrationProfile profile = publishedProfile({ .name = QStringLiteral("Sync"), .sync = true });
        QVERIFY(profile.id != 0);
        const QStringList before = snapshot(profile.id);
        QVERIFY(before.size() > 100);
        const QString jobsBefore = psql(QStringLiteral("SELECT COUNT(*) FROM job_result"));
        // Roadmunk changes meanwhile: a sync that got through would change the snapshot.
        m_sandbox->account().userAt(0).accountRole = QStringLiteral("reviewer");
        bool stopped = false;
        m_sandbox->setRequestHook([&](int number, const QString&) -> std::optional<int> {
            if (number == 3 && !stopped) {
                stopped = true;
                stopServer(); // while the download is under way, before anything is stored
            }
            return std::nullopt;
        });
        const CliRun run
            = command({ QStringLiteral("sync"), QStringLiteral("--profile"), profile.displayName });
        m_sandbox->setRequestHook({});
        QVERIFY(stopped);
        expectLostDatabase(run);

        startServer();
        QCOMPARE(snapshot(profile.id), before);
        QCOMPARE(psql(QStringLiteral("SELECT COUNT(*) FROM job_result")), jobsBefore);
        // The app's own connection, held across the outage: the first statement finds it dead,
        // the next one reconnects.
        auto stale = SubscriptionRepository(*m_database).subscriptions(profile.id);
        QVERIFY(!stale);
        QCOMPARE(stale.error().code, ErrorCode::Unreachable);
        auto again = SubscriptionRepository(*m_database).subscriptions(profile.id);
        QVERIFY2(again, qPrintable(again ? QString() : again.error().detail));
        QCOMPARE(again.value().size(), before.size());
        // And the next command works.
        const CliRun next
            = command({ QStringLiteral("sync"), QStringLiteral("--profile"), profile.displayName });
        QVERIFY2(next.code == 0, qPrintable(describe(next)));
        QVERIFY(snapshot(profile.id) != before);
    }

    void aServerStoppedMidReclaimLeavesTheClaims()
    {
        const IntegrationProfile profile
            = publishedProfile({ .name = QStringLiteral("Reclaim"), .sync = true });
        QVERIFY(profile.id != 0);
        const QStringList alreadyDeactivated = m_sandbox->account().deactivatedIds();
        int calls = 0;
        bool stopped = false;
        // After Roadmunk deactivated the second user, before the app hears of it.
        m_sandbox->setResponseHook([&](int, const QString& operation) -> std::optional<int> {
            if (operation == QLatin1String("DeactivateUser") && ++calls == 2) {
                stopped = true;
                stopServer();
            }
            return std::nullopt;
        });
        const CliRun run = command({ QStringLiteral("reclaim"), QStringLiteral("--profile"),
            profile.displayName, QStringLiteral("--yes"), QStringLiteral("--max"), QStringLiteral("4") });
        QVERIFY(stopped);
        expectLostDatabase(run);
        // The second user's call went out: the message must not say that nothing was deactivated.
        QVERIFY2(run.err.contains(QStringLiteral("Roadmunk may have deactivated the user")),
            qPrintable(describe(run)));
        startServer();

        QStringList deactivated = m_sandbox->account().deactivatedIds();
        for (const QString& id : alreadyDeactivated) {
            deactivated.removeOne(id);
        }
        QCOMPARE(deactivated.size(), 2);
        // Every call Roadmunk received has its claim and its "before" audit entry, written
        // before the call; only the first has its outcome recorded.
        const QString claims = psql(
            QStringLiteral("SELECT user_id FROM deactivation_claim WHERE profile_id = %1 ORDER BY user_id")
                .arg(profile.id));
        QStringList expected = deactivated;
        expected.sort();
        QCOMPARE(claims.split(QLatin1Char('\n'), Qt::SkipEmptyParts), expected);
        for (const QString& id : deactivated) {
            QCOMPARE(psql(QStringLiteral("SELECT COUNT(*) FROM audit_entry WHERE profile_id = %1 AND user_id "
                                         "= '%2' AND outcome = 'attempt'")
                              .arg(profile.id)
                              .arg(id)),
                QStringLiteral("1"));
        }
        QCOMPARE(psql(QStringLiteral("SELECT user_id FROM audit_entry WHERE profile_id = %1 AND outcome = "
                                     "'deactivated'")
                          .arg(profile.id)),
            deactivated.constFirst());

        // The next run re-reads the claimed user instead of calling again.
        const CliRun next = command({ QStringLiteral("reclaim"), QStringLiteral("--profile"),
            profile.displayName, QStringLiteral("--yes"), QStringLiteral("--max"), QStringLiteral("4") });
        m_sandbox->setResponseHook({});
        QStringList after = m_sandbox->account().deactivatedIds();
        for (const QString& id : alreadyDeactivated) {
            after.removeOne(id);
        }
        QCOMPARE(QSet<QString>(after.cbegin(), after.cend()).size(), after.size());
        QCOMPARE(calls, int(after.size()));
        QVERIFY2(next.code == 0, qPrintable(describe(next)));
        QVERIFY2(after.size() > 2, qPrintable(describe(next))); // the run went on with others
        QCOMPARE(after.mid(0, 2), deactivated);
        // The user whose call went out unheard is refused, with the reason, not called again.
        QVERIFY2(next.out.contains(QStringLiteral("A deactivation was already sent for this user")),
            qPrintable(describe(next)));
        QCOMPARE(psql(QStringLiteral("SELECT COUNT(*) FROM audit_entry WHERE user_id = '%1'")
                          .arg(deactivated.at(1))),
            QStringLiteral("1"));
    }
};

QTEST_GUILESS_MAIN(TestPostgresFaults)
#include "tst_postgresfaults.moc"
