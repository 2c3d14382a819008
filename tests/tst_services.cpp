// The service boundary the GUI and the command line use, against the sandbox and the real
// keychain: the job launcher checks a run's preconditions once and starts nothing when they fail
// (a Draft, Reclaim subscriptions off, no API token), runs and cancels what it may, and a failed
// query reaches the caller as an error instead of an empty table or a default.
#include "services/JobLauncher.h"
#include "services/ProfileService.h"
#include "services/ReclamationService.h"
#include "services/ReportService.h"
#include "services/Services.h"
#include "storage/Database.h"
#include "storage/JobRepository.h"
#include "storage/ReclamationRepository.h"
#include "support/BreakableData.h"
#include "support/SandboxFixture.h"

#include <QSignalSpy>
#include <QTest>

using namespace rmsam;
using rmsam::test::BreakableData;

class TestServices : public QObject, protected test::SandboxFixture
{
    Q_OBJECT

private:
    static ReclaimOptions realRun(int max = ReclaimOptions::DefaultMax)
    {
        ReclaimOptions options;
        options.dryRun = false;
        options.max = max;
        options.actor = QStringLiteral("tester");
        return options;
    }

private slots:
    void initTestCase()
    {
        SandboxOptions options;
        options.userCount = 40;
        options.seed = 7;
        const QString failed = startFixture(QStringLiteral("roadmunk-sam-test-services-"), options);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
    }

    void aDraftStartsNothing()
    {
        const IntegrationProfile p = publishedProfile({ .name = QStringLiteral("Tokyo"), .publish = false });
        JobLauncher& launcher = m_services->launcher();
        QSignalSpy syncs(&launcher, &JobLauncher::syncStarted);
        QSignalSpy reclaims(&launcher, &JobLauncher::reclaimStarted);
        const int requests = m_sandbox->requestCount();
        const QString expected
            = QStringLiteral("\"Tokyo\" is a Draft: validate and publish it before its jobs run.");

        QCOMPARE(launcher.checkSync(p.id).error().message, expected); // what a screen shows
        const auto sync = launcher.startSync(p.id, {});
        QVERIFY(!sync);
        QCOMPARE(sync.error().code, ErrorCode::InvalidState);
        QCOMPARE(sync.error().message, expected);
        const auto reclaim = launcher.startReclaim(p.id, realRun());
        QVERIFY(!reclaim);
        QCOMPARE(reclaim.error().message, expected); // one wording for both runs

        QVERIFY(!launcher.isSyncing(p.id));
        QVERIFY(!launcher.isReclaiming(p.id));
        QCOMPARE(syncs.count(), 0);
        QCOMPARE(reclaims.count(), 0);
        QCOMPARE(m_sandbox->requestCount(), requests);
        QVERIFY(JobRepository(*m_database).jobResults(p.id).value().isEmpty());
    }

    void reclaimOffStartsNoRealRun()
    {
        const IntegrationProfile p
            = publishedProfile({ .name = QStringLiteral("Osaka"), .reclaimSubscriptions = false });
        JobLauncher& launcher = m_services->launcher();
        QSignalSpy reclaims(&launcher, &JobLauncher::reclaimStarted);
        QSignalSpy finished(&launcher, &JobLauncher::reclaimFinished);
        const int requests = m_sandbox->requestCount();

        const auto reclaim = launcher.startReclaim(p.id, realRun());
        QVERIFY(!reclaim);
        QCOMPARE(reclaim.error().code, ErrorCode::InvalidState);
        QCOMPARE(reclaim.error().message,
            QStringLiteral("Reclaim subscriptions is off for Osaka: removal candidates are listed but not "
                           "reclaimed. Turn the subflow on in the profile to reclaim seats."));
        QCOMPARE(launcher.checkReclaim(p.id).error().message, reclaim.error().message);
        QVERIFY(launcher.checkSync(p.id).ok()); // syncing is not reclaiming
        QVERIFY(!launcher.isReclaiming(p.id));
        QCOMPARE(reclaims.count(), 0);

        // The dry run reads stored data only, so it runs with the subflow off.
        QVERIFY(launcher.startReclaim(p.id, ReclaimOptions {}));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
        const auto outcome = finished.first().at(1).value<ReclaimOutcome>();
        QVERIFY(outcome.dryRun);
        QVERIFY(!outcome.error);
        QCOMPARE(m_sandbox->requestCount(), requests);
        QVERIFY(ReclamationRepository(*m_database).auditLog(p.id).value().isEmpty());
    }

    void withoutATokenNoJobIsCreated()
    {
        const IntegrationProfile p
            = publishedProfile({ .name = QStringLiteral("Nagoya"), .tokenInKeychain = false });
        JobLauncher& launcher = m_services->launcher();
        QSignalSpy syncs(&launcher, &JobLauncher::syncFinished);
        QSignalSpy reclaims(&launcher, &JobLauncher::reclaimFinished);
        const int requests = m_sandbox->requestCount();

        // Only the keychain knows: the answer comes as the run's outcome.
        QVERIFY(launcher.startSync(p.id, {}));
        QVERIFY(launcher.isSyncing(p.id));
        QTRY_COMPARE_WITH_TIMEOUT(syncs.count(), 1, 20000);
        QCOMPARE(syncs.first().at(0).toLongLong(), p.id);
        const auto synced = syncs.first().at(1).value<SyncOutcome>();
        QVERIFY(synced.error);
        QCOMPARE(synced.error->code, ErrorCode::TokenMissing);
        QVERIFY2(synced.error->message.startsWith(QStringLiteral("No API token is stored for this profile.")),
            qPrintable(synced.error->message));
        QVERIFY(synced.results.isEmpty());
        QVERIFY(!launcher.isSyncing(p.id));

        QVERIFY(launcher.startReclaim(p.id, realRun()));
        QTRY_COMPARE_WITH_TIMEOUT(reclaims.count(), 1, 20000);
        const auto reclaimed = reclaims.first().at(1).value<ReclaimOutcome>();
        QVERIFY(reclaimed.error);
        QCOMPARE(reclaimed.error->message, synced.error->message); // one wording
        QVERIFY(!reclaimed.dryRun);
        QVERIFY(reclaimed.items.isEmpty());
        QVERIFY(!launcher.isReclaiming(p.id));

        QCOMPARE(m_sandbox->requestCount(), requests);
        QVERIFY(JobRepository(*m_database).jobResults(p.id).value().isEmpty());
        QVERIFY(ReclamationRepository(*m_database).auditLog(p.id).value().isEmpty());
    }

    void aSyncCancelledBeforeItBeginsCallsNobody()
    {
        const IntegrationProfile p = publishedProfile({ .name = QStringLiteral("Kobe") });
        JobLauncher& launcher = m_services->launcher();
        QSignalSpy finished(&launcher, &JobLauncher::syncFinished);
        const int requests = m_sandbox->requestCount();
        QVERIFY(launcher.startSync(p.id, {}));
        launcher.cancelSync(p.id); // the keychain has not answered yet
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
        const auto outcome = finished.first().at(1).value<SyncOutcome>();
        QVERIFY(outcome.error);
        QCOMPARE(outcome.error->code, ErrorCode::Cancelled);
        QCOMPARE(m_sandbox->requestCount(), requests);
        QVERIFY(JobRepository(*m_database).jobResults(p.id).value().isEmpty());
    }

    void aPublishedProfileSyncsThenReclaims()
    {
        const IntegrationProfile p = publishedProfile({ .name = QStringLiteral("Sapporo") });
        JobLauncher& launcher = m_services->launcher();
        QSignalSpy progress(&launcher, &JobLauncher::syncProgress);
        QSignalSpy synced(&launcher, &JobLauncher::syncFinished);
        QVERIFY(launcher.startSync(p.id, {}));
        const auto again = launcher.startSync(p.id, {});
        QVERIFY(!again);
        QCOMPARE(again.error().code, ErrorCode::Busy); // one sync per profile at a time
        QTRY_COMPARE_WITH_TIMEOUT(synced.count(), 1, 60000);
        const auto outcome = synced.first().at(1).value<SyncOutcome>();
        QVERIFY2(!outcome.error, qPrintable(outcome.error ? outcome.error->message : QString()));
        QCOMPARE(outcome.results.size(), 2);
        QVERIFY(progress.count() > 0);
        QCOMPARE(JobRepository(*m_database).jobResults(p.id).value().size(), 2);

        QSignalSpy reclaimed(&launcher, &JobLauncher::reclaimFinished);
        QVERIFY(launcher.startReclaim(p.id, realRun(2)));
        QTRY_COMPARE_WITH_TIMEOUT(reclaimed.count(), 1, 60000);
        const auto run = reclaimed.first().at(1).value<ReclaimOutcome>();
        QVERIFY2(!run.error, qPrintable(run.error ? run.error->message : QString()));
        QCOMPARE(run.count(ReclaimItem::Outcome::Deactivated), 2);
        QCOMPARE(m_sandbox->account().deactivatedIds().size(), 2);
        QCOMPARE(run.summary(),
            QStringLiteral("Deactivated 2; canceled 0 (active again); attention required 0; notified 0."));
    }

    void theSummaryOfADryRun()
    {
        ReclaimOutcome outcome;
        outcome.dryRun = true;
        for (auto o : { ReclaimItem::Outcome::WouldDeactivate, ReclaimItem::Outcome::WouldDeactivate,
                 ReclaimItem::Outcome::WouldNotify, ReclaimItem::Outcome::Refused }) {
            ReclaimItem item;
            item.outcome = o;
            outcome.items.append(item);
        }
        QCOMPARE(outcome.summary(),
            QStringLiteral(
                "Dry run: 2 would be deactivated, 1 notified first, 1 refused. Nothing was changed."));
    }

    // A query that fails is an error for the caller, never an empty list or a default.
    void storageFailuresReachTheCaller()
    {
        BreakableData data;
        const QString failed = data.open(QStringLiteral("Broken"));
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        Services& services = data.services();
        const IntegrationProfile& p = data.profile();
        const auto drop = [&data](const QString& table) { return data.dropTable(table); };
        QVERIFY(services.reportService().reports(p.id).ok());
        QVERIFY(services.profileService().scheduledJobs(p.id).value().size() == 2);

        QVERIFY(drop(QStringLiteral("software_model")));
        const auto reports = services.reportService().reports(p.id);
        QVERIFY(!reports);
        QCOMPARE(reports.error().code, ErrorCode::StorageError);

        QVERIFY(drop(QStringLiteral("scheduled_job")));
        const auto jobs = services.profileService().scheduledJobs(p.id);
        QVERIFY(!jobs);
        QCOMPARE(jobs.error().code, ErrorCode::StorageError);

        QVERIFY(drop(QStringLiteral("entitlement")));
        const auto entitlements = services.reclamationService().entitlements(p.id);
        QVERIFY(!entitlements);
        QCOMPARE(entitlements.error().message, QStringLiteral("Cannot read the entitlements."));
        QVERIFY(entitlements.error().detail.contains(QStringLiteral("entitlement"))); // the driver's words
        // Demo seeding says so too, where its errors used to be dropped.
        const auto seeded = services.reclamationService().addSampleEntitlements();
        QVERIFY(!seeded);
        QCOMPARE(seeded.error().code, ErrorCode::StorageError);
    }
};

QTEST_GUILESS_MAIN(TestServices)
#include "tst_services.moc"
