// The service boundary the GUI and the command line use, against the sandbox and the real
// keychain: the job launcher checks a run's preconditions once and starts nothing when they fail
// (a Draft, Reclaim subscriptions off, no API token), runs and cancels what it may, and a failed
// query reaches the caller as an error instead of an empty table or a default.
#include "services/Evaluation.h"
#include "services/JobLauncher.h"
#include "services/ProfileService.h"
#include "services/ReclamationService.h"
#include "services/ReportService.h"
#include "services/Services.h"
#include "storage/Database.h"
#include "storage/ExclusionRepository.h"
#include "storage/JobRepository.h"
#include "storage/NativeRows.h"
#include "storage/ReclamationRepository.h"
#include "storage/SubscriptionRepository.h"
#include "storage/UserReportRepository.h"
#include "support/BreakableData.h"
#include "support/SandboxFixture.h"

#include <QBuffer>
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

    // The subscriptions of a snapshot with awkward values: what a CSV writer must quote, guard
    // or leave alone, and stored times in every form the export must read as before.
    static QList<SoftwareSubscription> awkwardSnapshot()
    {
        QList<SoftwareSubscription> snapshot;
        const auto add = [&snapshot](const QString& id, const QString& first, const QString& last,
                             const QString& role, bool invited = false) {
            SoftwareSubscription s;
            s.userId = id;
            s.email = id + QStringLiteral("@awkward.example");
            s.firstName = first;
            s.lastName = last;
            s.displayName = (first + QLatin1Char(' ') + last).trimmed();
            s.role = role;
            s.seatType = SeatTypes::fromRole(role);
            s.invited = invited;
            s.lastLogin = QDateTime(QDate(2026, 11, 30), QTime(10, 47, 46, 123), Qt::UTC);
            snapshot.append(s);
        };
        add(QStringLiteral("u01"), QString(), QString(), QStringLiteral("collaborator"), true);
        add(QStringLiteral("u02"), QStringLiteral("Say \"hi\""), QStringLiteral("Smith, Jr."),
            QStringLiteral("reviewer"));
        add(QStringLiteral("u03"), QStringLiteral("line\nbreak\r\nand more"), QStringLiteral("山田　太郎"),
            QStringLiteral("account_admin"));
        add(QStringLiteral("u04"), QStringLiteral("=cmd|' /C calc'!A0"), QStringLiteral("+1"),
            QStringLiteral("Contractor-X"));
        add(QStringLiteral("u05"), QStringLiteral(" padded "), QStringLiteral("\tTab"),
            QStringLiteral("user_manager"));
        add(QStringLiteral("u06"), QStringLiteral("@SUM(1)"), QStringLiteral("-2"),
            QStringLiteral("reviewer"));
        add(QStringLiteral("u07"), QStringLiteral("　全角　"), QStringLiteral("=１"),
            QStringLiteral("collaborator"));
        add(QStringLiteral("u08"), QStringLiteral("Ünïcödé"), QStringLiteral("\u00a0nbsp"),
            QStringLiteral("collaborator"));
        add(QStringLiteral("u09"), QStringLiteral("Deactivated"), QStringLiteral("Gone"),
            QStringLiteral("collaborator"));
        add(QStringLiteral("u10"), QStringLiteral("Deactivated"), QStringLiteral("Back"),
            QStringLiteral("collaborator"));
        add(QStringLiteral("u11"), QStringLiteral("Inactive"), QStringLiteral("Per report"),
            QStringLiteral("collaborator"));
        add(QStringLiteral("u12"), QStringLiteral("Not"), QStringLiteral("Listed"),
            QStringLiteral("collaborator"));
        return snapshot;
    }

    // Stored times as SqlColumns writes them and as it does not: each must read as before.
    void storeAwkwardTimes(qint64 profileId)
    {
        const QStringList times { QString(), QString(), QStringLiteral("2024-02-29T23:59:59.999Z"),
            QStringLiteral("2026-02-29T00:00:00.000Z"), QStringLiteral("2026-11-30T24:00:00.000Z"),
            QStringLiteral("2026-11-30T10:00:00Z"), QStringLiteral("2026-11-30T19:00:00.000+09:00"),
            QStringLiteral("0001-01-01T00:00:00.000Z"), QStringLiteral("yesterday-ish"),
            QStringLiteral("9999-12-31T23:59:59.000Z"), QStringLiteral("2026-11-30T10:60:00.000Z"),
            QStringLiteral("2026-11-30T10:47:46.123Z") };
        for (int i = 0; i < times.size(); ++i) {
            const QString id = QStringLiteral("u%1").arg(i + 1, 2, 10, QLatin1Char('0'));
            // u01 keeps NULL, u02 gets an empty text; the activity is the same list turned round.
            const QVariant login = i == 0 ? QVariant(QMetaType(QMetaType::QString)) : QVariant(times.at(i));
            const QVariant activity = QVariant(times.at(times.size() - 1 - i));
            const QString source = i % 3 == 0 ? QStringLiteral("login")
                : i % 3 == 1                  ? QStringLiteral("unknown_source")
                                              : QStringLiteral("none");
            QVERIFY(m_database
                        ->exec(QStringLiteral("UPDATE subscription SET last_login = ?, last_activity = ?, "
                                              "activity_source = ? WHERE profile_id = ? AND user_id = ?"),
                            { login, activity, source, profileId, id }, QStringLiteral("update"))
                        .ok());
        }
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

    // A published profile's jobs run with the stored token: a new one replaces it only once it is
    // proven against the profile's connection; one that fails changes nothing.
    void aPublishedProfileKeepsItsTokenUntilTheNewOneWorks()
    {
        const IntegrationProfile p
            = m_service->find(publishedProfile({ .name = QStringLiteral("Sendai") }).id).value();
        QVERIFY(p.isPublished() && p.isValidated());
        const auto setToken = [this, &p](const QString& token) {
            std::optional<Result<void>> stored;
            m_service->setToken(p.id, token, [&stored](Result<void> r) { stored = r; });
            [&stored] { QTRY_VERIFY_WITH_TIMEOUT(stored.has_value(), 20000); }();
            return stored.value_or(
                Result<void>(Error { ErrorCode::Timeout, QStringLiteral("no answer"), {} }));
        };
        const auto storedToken = [this, &p] {
            std::optional<Result<QString>> read;
            m_tokens->read(p.tokenKey, [&read](Result<QString> r) { read = r; });
            [&read] { QTRY_VERIFY_WITH_TIMEOUT(read.has_value(), 20000); }();
            return read && read->ok() ? read->value() : QString();
        };
        const QString wrong(549, QLatin1Char('w'));
        if (m_backend.postgreSql()) {
            // A member's own token says nothing about the shared profile: stored as given.
            QVERIFY(!m_service->checksTokenFirst(p));
            QVERIFY(setToken(wrong).ok());
            QCOMPARE(storedToken(), wrong);
            QCOMPARE(m_service->find(p.id).value().status, ProfileStatus::Published);
            return;
        }
        QVERIFY(m_service->checksTokenFirst(p));
        const int requests = m_sandbox->requestCount();
        const Result<void> refused = setToken(wrong);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::TokenRejected);
        QVERIFY2(refused.error().message.startsWith(QStringLiteral("The new API token was not stored:")),
            qPrintable(refused.error().message));
        QVERIFY(refused.error().message.endsWith(
            QStringLiteral("\"Sendai\" keeps its previous token and stays Published.")));
        QVERIFY(m_sandbox->requestCount() > requests); // asked Roadmunk, with the new token
        QCOMPARE(storedToken(), m_sandbox->token());
        IntegrationProfile kept = m_service->find(p.id).value();
        QCOMPARE(kept.status, ProfileStatus::Published);
        QCOMPARE(kept.tokenSetAt, p.tokenSetAt);
        QCOMPARE(kept.validatedAt, p.validatedAt);

        QTest::qWait(5); // a later validation time
        QVERIFY(setToken(m_sandbox->token()).ok());
        kept = m_service->find(p.id).value();
        QCOMPARE(kept.status, ProfileStatus::Published);
        QVERIFY(kept.validatedAt > p.validatedAt);
        QVERIFY(kept.tokenSetAt > p.tokenSetAt);
        QVERIFY(!m_service->isValidating(p.id));
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

    // Every table of the profile exported is writeCsv() of the table the GUI shows, in both
    // languages, its rows read both ways: through the database's own library (Linux) and through
    // Qt SQL (the other platforms).
    void exportsMatchTheTables(qint64 profileId)
    {
        ReportService& reports = m_services->reportService();
        const auto readNatively = qScopeGuard([] { NativeRows::setAllowed(true); });
        for (const bool native : { true, false }) {
            NativeRows::setAllowed(native);
            for (const bool translated : { false, true }) {
                for (ReportKind kind : Reports::all()) {
                    auto built = reports.reports(profileId, { kind });
                    QVERIFY(built);
                    QBuffer before;
                    before.open(QIODevice::WriteOnly);
                    QVERIFY(Reports::writeCsv(built.value().value(kind), &before, translated));
                    QBuffer now;
                    now.open(QIODevice::WriteOnly);
                    const auto exported = reports.exportCsv(profileId, kind, &now, translated);
                    QVERIFY(exported);
                    QVERIFY(exported.value().written);
                    QCOMPARE(exported.value().rows, built.value().value(kind).rows.size());
                    QCOMPARE(now.data(), before.data());
                }
            }
        }
    }

    // The export streams the subscriptions from the query to the writer; its bytes are those of
    // the table the GUI shows written by writeCsv(), for awkward values, a User report, exclusion
    // rules and users the app deactivated; every other table is exported as before too.
    void exportWritesTheBuiltTable()
    {
        const IntegrationProfile p
            = publishedProfile({ .name = QStringLiteral("Awkward"), .publish = false });
        JobResult result;
        result.profileId = p.id;
        result.startedAt = result.endedAt = QDateTime::currentDateTimeUtc();
        result.trigger = JobTrigger::CommandLine;
        QVERIFY(SubscriptionRepository(*m_database)
                    .replaceSnapshot(p.id, awkwardSnapshot(), std::nullopt, result));
        storeAwkwardTimes(p.id);
        if (QTest::currentTestFailed()) {
            return;
        }
        exportsMatchTheTables(p.id); // no report, rule or deactivated user to look at
        if (QTest::currentTestFailed()) {
            return;
        }
        ReclamationRepository reclamation(*m_database);
        QVERIFY(reclamation.markDeactivated(
            p.id, QStringLiteral("u09"), QStringLiteral("u09@awkward.example"), std::nullopt));
        QVERIFY(reclamation.markDeactivated(
            p.id, QStringLiteral("u10"), QStringLiteral("u10@awkward.example"), std::nullopt));
        QVERIFY(m_database
                    ->exec(QStringLiteral("UPDATE deactivated_user SET deactivated_at = ? WHERE user_id = ?"),
                        { QStringLiteral("2020-01-01T00:00:00.000Z"), QStringLiteral("u10") },
                        QStringLiteral("x"))
                    .ok());
        QList<QPair<QString, bool>> listed;
        for (int i = 1; i <= 11; ++i) {
            const QString email = QStringLiteral("U%1@Awkward.example").arg(i, 2, 10, QLatin1Char('0'));
            listed.append({ email, i != 11 && i != 9 });
        }
        QVERIFY(UserReportRepository(*m_database)
                    .attach(p.id, QStringLiteral("users.csv"), QStringLiteral("UTF-8"), listed));
        ExclusionRepository exclusions(*m_database);
        QVERIFY(exclusions.add(ExclusionRule::Kind::User, QStringLiteral("u02@awkward.example")));
        QVERIFY(exclusions.add(ExclusionRule::Kind::Identifier, QStringLiteral("contractor-x")));

        exportsMatchTheTables(p.id);
        if (QTest::currentTestFailed()) {
            return;
        }

        ReportService& reports = m_services->reportService();
        QBuffer csv;
        csv.open(QIODevice::WriteOnly);
        const auto exported = reports.exportCsv(p.id, ReportKind::Subscriptions, &csv, false);
        QVERIFY(exported);
        // u09 deactivated, u11 inactive and u12 not listed in the report; u10 active again.
        QCOMPARE(exported.value().rows, 9);
        QVERIFY(csv.data().startsWith("\xEF\xBB\xBF"));
        const QStringList lines = QString::fromUtf8(csv.data().mid(3)).split(QStringLiteral("\r\n"));
        QCOMPARE(lines.at(0),
            QStringLiteral("User ID,Email,First Name,Last Name,Role,Seat Type,Invited,Excluded,Last Login,"
                           "Last Activity,Activity Source"));
        QCOMPARE(lines.at(1),
            QStringLiteral("u01,u01@awkward.example,,,Collaborator,Collaborator-type,true,false,,"
                           "2026-11-30T10:47:46Z,Login"));
        QCOMPARE(lines.at(2),
            QStringLiteral(
                "u02,u02@awkward.example,\"Say \"\"hi\"\"\",\"Smith, Jr.\",Reviewer,Reviewer,false,"
                "true,,,"));
        QVERIFY(lines.at(3).startsWith(QStringLiteral("u03,u03@awkward.example,\"line\nbreak")));
        QVERIFY(csv.data().contains("and more\",\xE5\xB1\xB1\xE7\x94\xB0\xE3\x80\x80\xE5\xA4\xAA\xE9\x83\x8E,"
                                    "Account Admin,Collaborator-type,false,false,2024-02-29T23:59:59Z,"));
        QVERIFY(
            csv.data().contains("u04,u04@awkward.example,'=cmd|' /C calc'!A0,'+1,Contractor-X,Unrecognized,"
                                "false,true,,"));
        QVERIFY(csv.data().contains("\" padded \",'\tTab,User Manager,"));

        QVERIFY(exclusions.remove(ExclusionRule::Kind::User, QStringLiteral("u02@awkward.example")));
        QVERIFY(exclusions.remove(ExclusionRule::Kind::Identifier, QStringLiteral("contractor-x")));
    }

    // The grace period of a user who never logged in runs from the sync that listed them anew:
    // invited users from any run, others only from one after the first snapshot (who the first
    // listed could have joined the account long before). Join times read no first-run rows.
    void theGracePeriodRunsFromWhenAUserJoined()
    {
        const IntegrationProfile p = publishedProfile({ .name = QStringLiteral("Grace"), .publish = false });
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const auto user = [](const char* id, bool invited) {
            SoftwareSubscription s;
            s.userId = QString::fromLatin1(id);
            s.email = s.userId + QStringLiteral("@grace.example");
            s.role = QStringLiteral("collaborator");
            s.seatType = SeatType::CollaboratorType;
            s.invited = invited;
            return s;
        };
        const SoftwareSubscription invitedLongAgo = user("invited-long-ago", true);
        const SoftwareSubscription listedFirst = user("listed-first", false);
        const SoftwareSubscription rejoined = user("rejoined", false);
        const SoftwareSubscription joinedLately = user("joined-lately", false);
        const SoftwareSubscription invitedLately = user("invited-lately", true);
        const QList<QPair<int, QList<SoftwareSubscription>>> runs {
            { 30, { invitedLongAgo, listedFirst, rejoined } },
            { 20, { invitedLongAgo, listedFirst } },
            { 2, { invitedLongAgo, listedFirst, rejoined, joinedLately, invitedLately } },
        };
        SubscriptionRepository subscriptions(*m_database);
        for (const auto& [daysAgo, snapshot] : runs) {
            JobResult result;
            result.profileId = p.id;
            result.startedAt = result.endedAt = now.addDays(-daysAgo);
            result.trigger = JobTrigger::CommandLine;
            result.outcome = JobOutcome::Succeeded;
            QVERIFY(subscriptions.replaceSnapshot(p.id, snapshot, std::nullopt, result));
        }
        const auto joined = subscriptions.joinTimes(p.id);
        QVERIFY(joined);
        QCOMPARE(joined.value().firstSnapshot, now.addDays(-30));
        QCOMPARE(joined.value().later,
            (QHash<QString, QDateTime> { { rejoined.userId, now.addDays(-2) },
                { joinedLately.userId, now.addDays(-2) }, { invitedLately.userId, now.addDays(-2) } }));
        QCOMPARE(joined.value().anyTime(invitedLongAgo.userId), now.addDays(-30));

        const auto evaluated = Reclamation::evaluate(*m_database, p.id, now);
        QVERIFY(evaluated);
        QSet<QString> flagged;
        for (const RemovalCandidate& c : ReclamationRepository(*m_database).candidates(p.id).value()) {
            flagged.insert(c.userId);
        }
        QCOMPARE(flagged, (QSet<QString> { invitedLongAgo.userId, listedFirst.userId }));
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
