// Download subscriptions and refresh activity against the sandbox over loopback: paging with a
// page cap below the limit, users inserted and deleted between pages, ISO and epoch dates, a
// 401 and a 503 in the middle of a run, cancel, and what changed between snapshots.
#include "core/ProfileRules.h"
#include "core/Renewal.h"
#include "sandbox/SandboxAnomalies.h"
#include "sandbox/SandboxServer.h"
#include "services/JobLauncher.h"
#include "services/Reports.h"
#include "services/Scheduler.h"
#include "services/Services.h"
#include "services/SyncJob.h"
#include "storage/Database.h"
#include "storage/JobRepository.h"
#include "storage/ProfileRepository.h"
#include "storage/ReclamationRepository.h"
#include "storage/RunLocks.h"
#include "storage/SubscriptionRepository.h"
#include "support/SandboxFixture.h"

#include <QSet>
#include <QSignalSpy>
#include <QTest>

using namespace rmsam;

class TestSync : public QObject, protected test::SandboxFixture
{
    Q_OBJECT

private:
    struct Fixture
    {
        std::unique_ptr<SandboxServer> sandbox;
        IntegrationProfile profile;
    };

    Fixture make(int users, int pageCap, const QString& name, int latencyMs = 0)
    {
        Fixture f;
        SandboxOptions options;
        options.userCount = users;
        options.pageCap = pageCap;
        options.latencyMs = latencyMs;
        options.seed = 11;
        f.sandbox = std::make_unique<SandboxServer>(options);
        f.sandbox->listen(0);
        IntegrationProfile p = ProfileRules::makeDraft(name, Region::NorthAmerica, QDate::currentDate());
        p.endpointOverride = f.sandbox->endpoint();
        p.analyzeActivityFrom = QDate::currentDate().addDays(-400); // the whole synthetic year
        f.profile = ProfileRepository(*m_database).create(p).value();
        return f;
    }

    SyncOutcome sync(
        const Fixture& f, SyncOptions options = {}, const std::function<void(SyncJob&)>& during = {})
    {
        SyncJob job(*m_database, f.profile, f.sandbox->token(), options);
        std::optional<SyncOutcome> outcome;
        connect(&job, &SyncJob::finished, this, [&outcome](const SyncOutcome& o) { outcome = o; });
        if (during) {
            connect(&job, &SyncJob::progress, this, [&job, &during] { during(job); });
        }
        job.start();
        if (!QTest::qWaitFor([&outcome] { return outcome.has_value(); }, 60000)) {
            qWarning("sync did not finish");
            return SyncOutcome { {}, Error { ErrorCode::Timeout, QStringLiteral("test timeout"), {} }, {} };
        }
        return *outcome;
    }

    QSet<QString> storedIds(qint64 profileId)
    {
        QSet<QString> ids;
        for (const SoftwareSubscription& s :
            SubscriptionRepository(*m_database).subscriptions(profileId).value()) {
            ids.insert(s.userId);
        }
        return ids;
    }

    static QSet<QString> accountIds(SandboxServer& sandbox)
    {
        QSet<QString> ids;
        for (const SandboxUser& u : sandbox.account().users()) {
            ids.insert(u.id);
        }
        return ids;
    }

private slots:
    void initTestCase()
    {
        const QString failed = startServices(QStringLiteral("roadmunk-sam-test-sync-"));
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
    }

    void everyUserOnceWithAPageCapBelowTheLimit()
    {
        Fixture f = make(250, 7, QStringLiteral("capped"));
        const SyncOutcome outcome = sync(f);
        QVERIFY2(!outcome.error, qPrintable(outcome.error ? outcome.error->message : QString()));
        QCOMPARE(outcome.results.size(), 2);
        const JobResult& subscriptions = outcome.results.at(0);
        QCOMPARE(subscriptions.kind, JobKind::Subscriptions);
        QCOMPARE(subscriptions.outcome, JobOutcome::Succeeded);
        QCOMPARE(subscriptions.users, 250);
        QCOMPARE(subscriptions.joined, 250);
        QVERIFY(subscriptions.requests >= 250 / 7);
        QVERIFY(subscriptions.warning.isEmpty());
        QCOMPARE(storedIds(f.profile.id), accountIds(*f.sandbox));

        const JobResult& activity = outcome.results.at(1);
        QCOMPARE(activity.kind, JobKind::Activity);
        QCOMPARE(activity.outcome, JobOutcome::Succeeded);
        QCOMPARE(activity.roadmaps, int(f.sandbox->account().roadmaps().size()));
        QCOMPARE(JobRepository(*m_database).jobResults(f.profile.id).value().size(), 2);
    }

    void requestsInFlightAreCapped_data()
    {
        QTest::addColumn<int>("maxInFlight");
        QTest::newRow("default 4") << 4;
        QTest::newRow("2") << 2;
        QTest::newRow("sequential") << 1;
    }

    void requestsInFlightAreCapped()
    {
        QFETCH(int, maxInFlight);
        Fixture f = make(300, 10, QStringLiteral("in flight %1").arg(maxInFlight), 15);
        SyncOptions options { true, false };
        options.maxInFlight = maxInFlight;
        QVERIFY(!sync(f, options).error);
        QCOMPARE(storedIds(f.profile.id), accountIds(*f.sandbox));
        QCOMPARE(f.sandbox->maxConcurrentRequests(), maxInFlight); // used, and never exceeded
    }

    void fieldsDatesAndActivityAreExact()
    {
        Fixture f = make(120, 50, QStringLiteral("exact"));
        QVERIFY(!sync(f).error);
        const auto records = SubscriptionRepository(*m_database).records(f.profile.id).value();
        QCOMPARE(records.size(), 120);
        int iso = 0;
        int epoch = 0;
        QSet<NoActivityReason> reasons;
        for (const SubscriptionRecord& r : records) {
            const SandboxUser* u = f.sandbox->account().userById(r.subscription.userId);
            QVERIFY(u);
            QCOMPARE(r.subscription.email, u->email);
            QCOMPARE(r.subscription.role, u->accountRole);
            QCOMPARE(r.subscription.invited, u->isInvited);
            QCOMPARE(r.subscription.seatType, SeatTypes::fromRole(u->accountRole));
            // Whole milliseconds survive both encodings.
            QCOMPARE(r.subscription.lastLogin.toMSecsSinceEpoch(),
                u->lastLogin.isValid() ? u->lastLogin.toMSecsSinceEpoch()
                                       : r.subscription.lastLogin.toMSecsSinceEpoch());
            QCOMPARE(r.subscription.lastLogin.isValid(), u->lastLogin.isValid());
            if (u->lastLogin.isValid()) {
                (u->epochDates ? epoch : iso)++;
            }
            reasons.insert(r.activity.reason);
            if (r.activity.reason == NoActivityReason::HasActivity) {
                QVERIFY(r.activity.lastActivity.isValid());
                QVERIFY(!u->lastLogin.isValid() || r.activity.lastActivity >= u->lastLogin);
            } else {
                QVERIFY(!r.activity.lastActivity.isValid());
                QCOMPARE(r.activity.reason == NoActivityReason::InvitedPending, u->isInvited);
            }
        }
        QVERIFY(iso > 0);
        QVERIFY(epoch > 0);
        QVERIFY(reasons.contains(NoActivityReason::HasActivity));
        QVERIFY(reasons.contains(NoActivityReason::NeverLoggedIn)
            || reasons.contains(NoActivityReason::InvitedPending));
    }

    void usersInsertedAndDeletedBetweenPages()
    {
        Fixture f = make(200, 20, QStringLiteral("shifting"));
        SandboxAccount& account = f.sandbox->account();
        const QString removed = account.users().at(150).id;
        SandboxUser added = account.users().at(3);
        added.id = QStringLiteral("ffffffffffffffffff000999");
        added.email = QStringLiteral("late.joiner@sandbox.example");
        f.sandbox->setRequestHook([&](int request, const QString& operation) -> std::optional<int> {
            if (operation == QLatin1String("UsersPage") && request == 3) {
                account.insertUser(0, added); // shifts every later page by one
                account.removeUser(removed);
            }
            return std::nullopt;
        });
        const SyncOutcome outcome = sync(f, SyncOptions { true, false });
        QVERIFY(!outcome.error);
        QCOMPARE(storedIds(f.profile.id), accountIds(*f.sandbox)); // the re-scan saw the final listing
        QVERIFY(storedIds(f.profile.id).contains(added.id));
        QVERIFY(!storedIds(f.profile.id).contains(removed));
        QVERIFY2(outcome.results.first().warning.contains(QStringLiteral("changed")),
            qPrintable(outcome.results.first().warning));
    }

    void failureMidRunKeepsThePreviousSnapshot_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("code");
        QTest::addColumn<bool>("persists"); // a 503 is retried; only one that persists fails the run
        QTest::newRow("401") << 401 << int(ErrorCode::TokenRejected) << false;
        QTest::newRow("500") << 500 << int(ErrorCode::ServerError) << false;
        QTest::newRow("503 that persists") << 503 << int(ErrorCode::ServerError) << true;
    }

    void failureMidRunKeepsThePreviousSnapshot()
    {
        QFETCH(int, status);
        QFETCH(int, code);
        QFETCH(bool, persists);
        Fixture f = make(300, 25, QStringLiteral("fault %1 %2").arg(status).arg(persists));
        QVERIFY(!sync(f).error);
        const auto before = SubscriptionRepository(*m_database).records(f.profile.id).value();
        QCOMPARE(before.size(), 300);

        f.sandbox->account().removeUser(f.sandbox->account().users().at(10).id); // would change the snapshot
        // The roadmaps are read first; the third users page fails.
        int usersPages = 0;
        f.sandbox->setRequestHook(
            [status, persists, &usersPages](int, const QString& operation) -> std::optional<int> {
                if (operation != QLatin1String("UsersPage")) {
                    return std::nullopt;
                }
                ++usersPages;
                return usersPages == 3 || (persists && usersPages > 3) ? std::optional<int>(status)
                                                                       : std::nullopt;
            });
        const SyncOutcome outcome = sync(f);
        QVERIFY(outcome.error);
        QCOMPARE(int(outcome.error->code), code);
        // The roadmaps were read, but their activity is stored only with a snapshot.
        QCOMPARE(outcome.results.size(), 1);
        QCOMPARE(outcome.results.first().kind, JobKind::Subscriptions);
        QCOMPARE(outcome.results.first().outcome, JobOutcome::Failed);
        QVERIFY(!outcome.results.first().error.isEmpty());
        const auto after = SubscriptionRepository(*m_database).records(f.profile.id).value();
        QCOMPARE(after.size(), before.size());
        QCOMPARE(storedIds(f.profile.id).size(), 300);
        QCOMPARE(
            JobRepository(*m_database).jobResults(f.profile.id).value().first().outcome, JobOutcome::Failed);
    }

    // A well-formed but wrong listing fails the sync with a message naming what is wrong, and
    // the previous snapshot stays whole.
    void hostileListingsKeepThePreviousSnapshot_data()
    {
        QTest::addColumn<QString>("anomaly");
        QTest::addColumn<QString>("says");
        QTest::newRow("endless") << QStringLiteral("endless") << QStringLiteral("went on past");
        QTest::newRow("ignore-offset") << QStringLiteral("ignore-offset") << QStringLiteral("repeats rows");
        QTest::newRow("hasMore string")
            << QStringLiteral("hasmore-string") << QStringLiteral("whether more rows follow");
        QTest::newRow("duplicate ids")
            << QStringLiteral("duplicate-ids") << QStringLiteral("twice in one page");
        QTest::newRow("huge ids") << QStringLiteral("huge-ids") << QStringLiteral("without a valid id");
        QTest::newRow("oversized") << QStringLiteral("oversized:9") << QStringLiteral("larger than 8 MB");
        QTest::newRow("empty") << QStringLiteral("empty-users") << QStringLiteral("no users at all");
        QTest::newRow("shrunk") << QStringLiteral("shrink:30")
                                << QStringLiteral("fewer than the last snapshot");
    }

    void hostileListingsKeepThePreviousSnapshot()
    {
        QFETCH(QString, anomaly);
        QFETCH(QString, says);
        Fixture f = make(300, 100, QStringLiteral("hostile %1").arg(anomaly));
        QVERIFY(!sync(f).error);
        const QSet<QString> before = storedIds(f.profile.id);
        QCOMPARE(before.size(), 300);
        f.sandbox->setAnomalies(SandboxAnomalies::parse(anomaly).value());
        const SyncOutcome outcome = sync(f);
        QVERIFY2(outcome.error, qPrintable(anomaly));
        QVERIFY2(outcome.error->message.contains(says), qPrintable(outcome.error->message));
        QCOMPARE(outcome.shrinkRefused,
            anomaly == QLatin1String("empty-users") || anomaly == QLatin1String("shrink:30"));
        QCOMPARE(storedIds(f.profile.id), before);
        if (outcome.shrinkRefused) {
            // The admin's word applies it.
            SyncOptions accept;
            accept.acceptShrink = true;
            QVERIFY(!sync(f, accept).error);
            QCOMPARE(storedIds(f.profile.id).size(), anomaly == QLatin1String("empty-users") ? 0 : 210);
        }
    }

    // The profile's largest answer is what a sync reads: 1 MB refuses the sandbox's 2 MB pages,
    // the default 8 MB reads them.
    void theProfilesLargestAnswerApplies()
    {
        Fixture f = make(50, 100, QStringLiteral("largest answer"));
        f.sandbox->setAnomalies(SandboxAnomalies::parse(QStringLiteral("oversized:2")).value());
        QVERIFY(!sync(f).error);
        QCOMPARE(storedIds(f.profile.id).size(), 50);
        f.profile.maxResponseMb = 1;
        const SyncOutcome refused = sync(f);
        QVERIFY(refused.error);
        QVERIFY2(refused.error->message.contains(QStringLiteral("larger than 1 MB")),
            qPrintable(refused.error->message));
        QCOMPARE(storedIds(f.profile.id).size(), 50);
    }

    // Every unambiguous date form gives the same snapshot and the same candidates.
    void everyDateFormGivesTheSameCandidates()
    {
        QMap<int, QString> reference; // user's place in the account → candidate state
        for (const QString& form : { QStringLiteral("iso"), QStringLiteral("iso-offset"),
                 QStringLiteral("epoch-ms"), QStringLiteral("epoch-s"), QStringLiteral("rfc1123") }) {
            Fixture f = make(200, 100, QStringLiteral("dates %1").arg(form));
            f.sandbox->setAnomalies(SandboxAnomalies::parse(QStringLiteral("dates=") + form).value());
            QVERIFY(JobRepository(*m_database).ensurePublishArtifacts(f.profile).ok());
            QVERIFY2(!sync(f).error, qPrintable(form));
            // Users by their place in the account: each fixture's sandbox makes its own ids.
            QHash<QString, int> position;
            for (const SandboxUser& u : f.sandbox->account().users()) {
                position.insert(u.id, int(position.size()));
            }
            QMap<int, QString> candidates;
            for (const RemovalCandidate& c :
                ReclamationRepository(*m_database).candidates(f.profile.id).value()) {
                candidates.insert(position.value(c.userId, -1), Candidates::stateCode(c.state));
            }
            QVERIFY2(!candidates.isEmpty(), qPrintable(form));
            QVERIFY2(std::none_of(candidates.cbegin(), candidates.cend(),
                         [](const QString& state) { return state == QLatin1String("attention_required"); }),
                qPrintable(form));
            if (reference.isEmpty()) {
                reference = candidates;
            }
            QCOMPARE(candidates, reference);
        }
    }

    void aSecondSyncOfTheProfileIsRefusedNamingTheFirst()
    {
        Fixture f = make(50, 100, QStringLiteral("one sync at a time"));
        auto other
            = RunLocks(*m_database).acquire(f.profile.id, RunKind::Sync, QStringLiteral("scheduled sync"));
        QVERIFY(other);
        const SyncOutcome refused = sync(f);
        QVERIFY(refused.error);
        QCOMPARE(refused.error->code, ErrorCode::Busy);
        QVERIFY2(refused.error->message.contains(QStringLiteral("scheduled sync")),
            qPrintable(refused.error->message));
        QVERIFY(storedIds(f.profile.id).isEmpty());
        QVERIFY(other.value().release());
        QVERIFY(!sync(f).error);
        QCOMPARE(storedIds(f.profile.id).size(), 50);
    }

    void cancelMidRunKeepsThePreviousSnapshot()
    {
        Fixture f = make(400, 10, QStringLiteral("cancel"), 30);
        QVERIFY(!sync(f, SyncOptions { true, false }).error);
        f.sandbox->account().removeUser(f.sandbox->account().users().at(0).id);
        const int requestsBefore = f.sandbox->requestCount();
        const SyncOutcome outcome = sync(f, SyncOptions { true, false }, [](SyncJob& job) { job.cancel(); });
        QVERIFY(outcome.error);
        QCOMPARE(outcome.error->code, ErrorCode::Cancelled);
        QCOMPARE(outcome.results.first().outcome, JobOutcome::Cancelled);
        QCOMPARE(storedIds(f.profile.id).size(), 400);
        // Cancel stops the requests: far fewer than the 40 pages were asked for.
        QTest::qWait(200);
        QVERIFY2(f.sandbox->requestCount() - requestsBefore < 12,
            qPrintable(QString::number(f.sandbox->requestCount() - requestsBefore)));
    }

    // The Changes table, by user id: the rows of the profile's latest successful sync.
    QHash<QString, QList<QVariant>> changesTable(qint64 profileId)
    {
        auto built = Reports::build(*m_database, profileId, { ReportKind::Changes });
        if (!built) {
            qWarning("%s", qPrintable(built.error().message));
            return {};
        }
        QHash<QString, QList<QVariant>> rows;
        for (const QList<QVariant>& row : built.value().value(ReportKind::Changes).rows) {
            rows.insert(row.at(2).toString(), row); // Change, Email, User ID, Old Role, New Role, Synced At
        }
        return rows;
    }

    void changesBetweenSnapshotsAreRecorded()
    {
        Fixture f = make(60, 100, QStringLiteral("changes"));
        QVERIFY(changesTable(f.profile.id).isEmpty()); // no sync yet
        QVERIFY(!sync(f).error);
        // The first sync is what changed: everyone joined.
        const auto first = changesTable(f.profile.id);
        QCOMPARE(first.size(), 60);
        for (const QList<QVariant>& row : first) {
            QCOMPARE(row.at(0).toString(), QStringLiteral("Joined"));
        }
        SandboxAccount& account = f.sandbox->account();
        const SandboxUser leaverBefore = account.users().at(1);
        const QString leaver = leaverBefore.id;
        SandboxUser& changed = account.userAt(2);
        const QString oldRole = changed.accountRole;
        changed.accountRole = changed.accountRole == QLatin1String("reviewer")
            ? QStringLiteral("collaborator")
            : QStringLiteral("reviewer");
        const QString newRole = changed.accountRole;
        const QString changedId = changed.id; // the reference moves when a user is removed below
        // Another user's details change without a role change: the snapshot rewrites their row.
        SandboxUser& renamed = account.userAt(3);
        renamed.email = QStringLiteral("renamed@sandbox.example");
        renamed.displayName = QStringLiteral("改名 さん");
        renamed.jobTitle.clear();
        renamed.lastLogin = QDateTime::currentDateTimeUtc().addDays(-2);
        const SandboxUser renamedNow = renamed;
        SandboxUser joiner = account.users().at(4);
        joiner.id = QStringLiteral("eeeeeeeeeeeeeeeeee000001");
        joiner.email = QStringLiteral("new.hire@sandbox.example");
        account.removeUser(leaver);
        account.insertUser(account.users().size(), joiner);

        const SyncOutcome outcome = sync(f, SyncOptions { true, false });
        QVERIFY(!outcome.error);
        const JobResult& r = outcome.results.first();
        QCOMPARE(r.joined, 1);
        QCOMPARE(r.left, 1);
        QCOMPARE(r.roleChanged, 1);
        const auto changes = SubscriptionRepository(*m_database).changes(r.id).value();
        QCOMPARE(changes.size(), 3);
        QSet<QString> ids;
        for (const SnapshotChange& c : changes) {
            ids.insert(c.userId);
        }
        QCOMPARE(ids, (QSet<QString> { leaver, changedId, joiner.id }));

        // The Changes table lists exactly this sync's three, not the first sync's 60 joiners.
        const auto table = changesTable(f.profile.id);
        QCOMPARE(QSet<QString>(table.keyBegin(), table.keyEnd()),
            (QSet<QString> { leaver, changedId, joiner.id }));
        QCOMPARE(table.value(joiner.id),
            (QList<QVariant> { QStringLiteral("Joined"), joiner.email, joiner.id, QVariant(),
                Roles::displayName(joiner.accountRole), r.endedAt }));
        QCOMPARE(table.value(leaver),
            (QList<QVariant> { QStringLiteral("Left"), leaverBefore.email, leaver,
                Roles::displayName(leaverBefore.accountRole), QVariant(), r.endedAt }));
        QCOMPARE(table.value(changedId).mid(0, 1), QList<QVariant> { QStringLiteral("Role changed") });
        QCOMPARE(table.value(changedId).mid(3),
            (QList<QVariant> { Roles::displayName(oldRole), Roles::displayName(newRole), r.endedAt }));
        // A failed sync leaves the last good snapshot, and its changes, in the table.
        f.sandbox->setRequestHook([](int, const QString& operation) -> std::optional<int> {
            return operation == QLatin1String("UsersPage") ? std::optional<int>(401) : std::nullopt;
        });
        QVERIFY(sync(f, SyncOptions { true, false }).error);
        f.sandbox->setRequestHook({});
        QCOMPARE(changesTable(f.profile.id), table);
        // A sync that changed nothing leaves the table empty: an older sync's changes never show.
        QVERIFY(!sync(f, SyncOptions { true, false }).error);
        QVERIFY(changesTable(f.profile.id).isEmpty());

        // The stored snapshot is the new listing: the leaver gone, the joiner in, changed rows rewritten.
        QHash<QString, SoftwareSubscription> stored;
        for (const SubscriptionRecord& rec :
            SubscriptionRepository(*m_database).records(f.profile.id).value()) {
            stored.insert(rec.subscription.userId, rec.subscription);
        }
        QCOMPARE(stored.size(), account.users().size());
        QVERIFY(!stored.contains(leaver));
        QCOMPARE(stored.value(joiner.id).email, joiner.email);
        QCOMPARE(stored.value(changedId).role, account.userById(changedId)->accountRole);
        const SoftwareSubscription& r3 = stored.value(renamedNow.id);
        QCOMPARE(r3.email, renamedNow.email);
        QCOMPARE(r3.displayName, renamedNow.displayName);
        QVERIFY2(r3.jobTitle.isEmpty(), qPrintable(r3.jobTitle));
        QCOMPARE(r3.lastLogin.toSecsSinceEpoch(), renamedNow.lastLogin.toSecsSinceEpoch());
    }

    // The roadmaps are read before the users; when they fail, the users are still stored and
    // keep the activity stored for them, and a user new to the snapshot has none yet.
    void failedRoadmapsLeaveTheStoredActivity()
    {
        Fixture f = make(80, 25, QStringLiteral("roadmaps fail"));
        QVERIFY(!sync(f).error);
        QHash<QString, UserActivity> before;
        for (const SubscriptionRecord& r :
            SubscriptionRepository(*m_database).records(f.profile.id).value()) {
            before.insert(r.subscription.userId, r.activity);
        }
        SandboxUser joiner = f.sandbox->account().users().at(3);
        joiner.id = QStringLiteral("eeeeeeeeeeeeeeeeee000002");
        joiner.email = QStringLiteral("joiner@sandbox.example");
        joiner.lastLogin = QDateTime::currentDateTimeUtc().addDays(-1);
        f.sandbox->account().insertUser(0, joiner);
        f.sandbox->setRequestHook([](int, const QString& operation) -> std::optional<int> {
            return operation == QLatin1String("RoadmapsPage") ? std::optional<int>(500) : std::nullopt;
        });

        const SyncOutcome outcome = sync(f);
        QVERIFY(outcome.error);
        QCOMPARE(outcome.error->code, ErrorCode::ServerError);
        QCOMPARE(outcome.results.size(), 2);
        QCOMPARE(outcome.results.at(0).kind, JobKind::Subscriptions);
        QCOMPARE(outcome.results.at(0).outcome, JobOutcome::Succeeded);
        QCOMPARE(outcome.results.at(0).joined, 1);
        QCOMPARE(outcome.results.at(1).kind, JobKind::Activity);
        QCOMPARE(outcome.results.at(1).outcome, JobOutcome::Failed);
        const auto after = SubscriptionRepository(*m_database).records(f.profile.id).value();
        QCOMPARE(after.size(), 81);
        for (const SubscriptionRecord& r : after) {
            if (r.subscription.userId == joiner.id) {
                QCOMPARE(r.activity.reason, NoActivityReason::NoData);
                QVERIFY(!r.activity.lastActivity.isValid());
                continue;
            }
            const UserActivity& was = before.value(r.subscription.userId);
            QCOMPARE(r.activity.lastActivity, was.lastActivity);
            QCOMPARE(r.activity.source, was.source);
            QCOMPARE(r.activity.reason, was.reason);
            QCOMPARE(r.activity.unreadable, was.unreadable);
        }
    }

    void dueTimes()
    {
        ScheduledJob job;
        job.runAt = QTime(2, 0);
        const QDateTime morning(QDate(2026, 11, 28), QTime(9, 0));
        QCOMPARE(Jobs::lastDueTime(job, morning), QDateTime(QDate(2026, 11, 28), QTime(2, 0)));
        QCOMPARE(Jobs::lastDueTime(job, QDateTime(QDate(2026, 11, 28), QTime(1, 0))),
            QDateTime(QDate(2026, 11, 27), QTime(2, 0)));
        QVERIFY(Jobs::isDue(job, morning)); // never ran
        job.lastRunAt = QDateTime(QDate(2026, 11, 28), QTime(2, 1));
        QVERIFY(!Jobs::isDue(job, morning));
        // Closed for three days: due once, not three times.
        job.lastRunAt = QDateTime(QDate(2026, 11, 25), QTime(2, 0));
        QVERIFY(Jobs::isDue(job, morning));
        job.lastRunAt = morning;
        QVERIFY(!Jobs::isDue(job, morning.addSecs(3600)));
        QVERIFY(Jobs::isDue(job, morning.addDays(1)));
        job.active = false;
        QVERIFY(!Jobs::isDue(job, morning.addDays(1)));
    }

    void schedulerRunsDueJobsOnce()
    {
        SandboxOptions options;
        options.userCount = 40;
        options.seed = 11;
        const auto sandbox = test::startSandbox(options);
        QVERIFY(sandbox);
        // The runner reads the token from the keychain of the test session, as the app does.
        const IntegrationProfile p = publishedProfile(*sandbox,
            { .name = QStringLiteral("scheduled"),
                .analyzeActivityFrom = QDate::currentDate().addDays(-400) });

        JobLauncher& runner = m_services->launcher();
        QDateTime now(QDate(2026, 11, 28), QTime(9, 0));
        Scheduler scheduler(*m_database, runner, [&now] { return now; });
        QCOMPARE(scheduler.runDueJobs(), 1); // both jobs of the profile, in one sync
        QVERIFY(runner.isSyncing(p.id));
        QTRY_VERIFY_WITH_TIMEOUT(!runner.isSyncing(p.id), 30000);
        auto results = JobRepository(*m_database).jobResults(p.id).value();
        QCOMPARE(results.size(), 2);
        for (const JobResult& r : results) {
            QCOMPARE(r.trigger, JobTrigger::Scheduled);
            QCOMPARE(r.outcome, JobOutcome::Succeeded);
        }
        QCOMPARE(storedIds(p.id).size(), 40);

        QCOMPARE(scheduler.runDueJobs(), 0); // already ran today
        now = now.addSecs(6 * 3600);
        QCOMPARE(scheduler.runDueJobs(), 0);
        now = now.addDays(3); // closed for days: one catch-up run
        QCOMPARE(scheduler.runDueJobs(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(!runner.isSyncing(p.id), 30000);
        QCOMPARE(JobRepository(*m_database).jobResults(p.id).value().size(), 4);
        QCOMPARE(scheduler.runDueJobs(), 0);
    }

    // A sync by hand (Sync now, the command line's sync) counts as the day's run of the jobs it
    // completed: the scheduler does not download the same data again until the next due time.
    void aSyncByHandCountsAsTheDaysRun()
    {
        SandboxOptions options;
        options.userCount = 20;
        options.seed = 13;
        const auto sandbox = test::startSandbox(options);
        QVERIFY(sandbox);
        const IntegrationProfile p = publishedProfile(*sandbox, { .name = QStringLiteral("by hand") });
        JobLauncher& runner = m_services->launcher();
        SyncOptions subscriptionsOnly;
        subscriptionsOnly.activity = false;
        QVERIFY(runner.startSync(p.id, subscriptionsOnly));
        QTRY_VERIFY_WITH_TIMEOUT(!runner.isSyncing(p.id), 30000);
        const auto results = JobRepository(*m_database).jobResults(p.id).value();
        QCOMPARE(results.size(), 1);
        QCOMPARE(results.first().trigger, JobTrigger::Manual);
        const QDateTime ranAt = results.first().startedAt;
        for (const ScheduledJob& job : JobRepository(*m_database).scheduledJobs(p.id).value()) {
            // Only the job that ran is noted.
            QCOMPARE(job.lastRunAt, job.kind == JobKind::Subscriptions ? ranAt : QDateTime());
        }
        QDateTime now = ranAt.addSecs(60);
        const auto due = [this, &now, &p] {
            QList<JobKind> kinds;
            for (const ScheduledJob& job : JobRepository(*m_database).scheduledJobs(p.id).value()) {
                if (Jobs::isDue(job, now)) {
                    kinds.append(job.kind);
                }
            }
            return kinds;
        };
        QCOMPARE(due(), QList<JobKind> { JobKind::Activity });
        now = ranAt.addDays(1).addSecs(60);
        QCOMPARE(due(), (QList<JobKind> { JobKind::Subscriptions, JobKind::Activity }));
        QVERIFY(ProfileRepository(*m_database).remove(p.id)); // its jobs are not the next tests'
    }

    // Two GUIs open on one database (two machines of a team) find the same job due at the same
    // minute. The second has read the jobs when the first claims and starts them (its clock is
    // asked after the read, which lets the test slip the first machine's run in there): its
    // claim then fails and it starts nothing, so exactly one sync runs.
    void theDailyJobStartsOnOneMachineOnly()
    {
        SandboxOptions options;
        options.userCount = 30;
        options.seed = 12;
        const auto sandbox = test::startSandbox(options);
        QVERIFY(sandbox);
        const IntegrationProfile p = publishedProfile(*sandbox, { .name = QStringLiteral("one machine") });
        auto opened = Database::open(m_backend.location(m_dataDir));
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message));
        Database& otherDatabase = *opened.value();
        Services otherMachine(std::move(opened).value(), std::make_unique<TokenStore>(m_tokens->service()));

        JobLauncher& here = m_services->launcher();
        JobLauncher& there = otherMachine.launcher();
        // After schedulerRunsDueJobsOnce's last run: only this profile's jobs are due.
        const QDateTime now(QDate(2026, 12, 1), QTime(16, 0));
        Scheduler first(*m_database, here, [&now] { return now; });
        int startedFirst = -1;
        Scheduler second(otherDatabase, there, [&] {
            if (startedFirst < 0) {
                startedFirst = first.runDueJobs();
            }
            return now;
        });
        QCOMPARE(second.runDueJobs(), 0);
        QCOMPARE(startedFirst, 1);
        QVERIFY(here.isSyncing(p.id));
        QVERIFY(!there.isSyncing(p.id));
        QTRY_VERIFY_WITH_TIMEOUT(!here.isSyncing(p.id), 30000);
        const auto results = JobRepository(*m_database).jobResults(p.id).value();
        QCOMPARE(results.size(), 2); // the subscriptions and the activity job, once each
        for (const ScheduledJob& job : JobRepository(otherDatabase).scheduledJobs(p.id).value()) {
            QCOMPARE(job.lastRunAt, now.toUTC());
        }
        QCOMPARE(first.runDueJobs(), 0);
        QCOMPARE(second.runDueJobs(), 0);
    }

    // The admin is reminded 60, 30 and 7 days before a cancel-by date, each once: a day missed
    // while the app was closed is not made up later as the farther reminder, a second process on
    // the same database (another window, a cron job) gives none again, and nothing is given
    // once the date has passed.
    void renewalRemindersAreGivenOnceEach()
    {
        auto created = ProfileRepository(*m_database)
                           .create(ProfileRules::makeDraft(
                               QStringLiteral("Renewing"), Region::Europe, QDate(2026, 11, 28)));
        QVERIFY(created);
        const qint64 id = created.value().id;
        Entitlement e;
        e.profileId = id;
        e.seatType = SeatType::CollaboratorType;
        e.owned = 20;
        e.price = 100;
        e.currency = QStringLiteral("EUR");
        e.renewal = QDate(2027, 3, 31);
        e.noticeDays = 30; // cancel by 2027-03-01
        ReclamationService reclamation(*m_database);
        QVERIFY(reclamation.saveEntitlement(e));

        JobLauncher& runner = m_services->launcher();
        QDateTime now(QDate(2026, 12, 1), QTime(10, 0)); // 90 days before: too early
        Scheduler scheduler(*m_database, runner, [&now] { return now; });
        QSignalSpy announced(&scheduler, &Scheduler::renewalRemindersDue);
        QVERIFY(scheduler.remindOfRenewals().isEmpty());
        const auto givenOn = [&](const QDate& day) {
            now = QDateTime(day, QTime(10, 0));
            QList<int> days;
            for (const RenewalReminder& r : scheduler.remindOfRenewals()) {
                if (r.profileName == QLatin1String("Renewing")) {
                    days.append(r.daysBefore);
                    // The advice the reminder gives: cancel-by date and seats owned.
                    days.append(r.advice.cancelBy == QDate(2027, 3, 1) && r.advice.owned == 20 ? 0 : -1);
                }
            }
            return days;
        };
        QCOMPARE(givenOn(QDate(2026, 12, 31)), (QList<int> { 60, 0 })); // 60 days left
        QCOMPARE(announced.count(), 1);
        const auto reminders = announced.first().first().value<QList<RenewalReminder>>();
        QVERIFY(Renewals::reminderText(QStringLiteral("Renewing"), reminders.first().advice)
                    .contains(QLatin1String("2027-03-01")));
        QCOMPARE(givenOn(QDate(2027, 1, 1)), QList<int> {}); // the 60-day one was given
        QCOMPARE(givenOn(QDate(2027, 1, 29)), QList<int> {}); // 31 days left
        // Closed from 31 to 3 days before: the 7-day reminder alone, not the 30-day one late.
        QCOMPARE(givenOn(QDate(2027, 2, 26)), (QList<int> { 7, 0 }));
        QCOMPARE(announced.count(), 2);
        // Another process on the same database, the same day: already given.
        Scheduler other(*m_database, runner, [&now] { return now; });
        QVERIFY(other.remindOfRenewals().isEmpty());
        QCOMPARE(givenOn(QDate(2027, 3, 2)), QList<int> {}); // passed
        QVERIFY(ProfileRepository(*m_database).remove(id));
    }

    void onlyAFailedScheduledRunNotifiesTheDesktop()
    {
        JobResult failed;
        failed.kind = JobKind::Activity;
        failed.trigger = JobTrigger::Scheduled;
        failed.outcome = JobOutcome::Failed;
        failed.error = QStringLiteral("Roadmunk had a server error (HTTP 500).");
        const auto notice
            = scheduledFailureNotice(SyncOutcome { { failed }, std::nullopt, std::nullopt }, "Tokyo");
        QVERIFY(notice);
        QVERIFY(notice->contains(QStringLiteral("SAM - Refresh Tokyo Activity")));
        QVERIFY(notice->contains(failed.error));
        JobResult manual = failed;
        manual.trigger = JobTrigger::Manual;
        QVERIFY(!scheduledFailureNotice(SyncOutcome { { manual }, std::nullopt, std::nullopt }, "Tokyo"));
        JobResult fine = failed;
        fine.outcome = JobOutcome::Succeeded;
        QVERIFY(!scheduledFailureNotice(SyncOutcome { { fine }, std::nullopt, std::nullopt }, "Tokyo"));
    }

    void publishCreatesModelsAndJobs()
    {
        Fixture f = make(5, 100, QStringLiteral("Jobs ジョブ"));
        IntegrationProfile p = f.profile;
        ProfileRules::markValidated(p, QDateTime::currentDateTimeUtc());
        QVERIFY(ProfileRepository(*m_database).update(p));
        JobRepository jobs(*m_database);
        PublishPlan plan;
        plan.addStep(QStringLiteral("artifacts"),
            [&jobs](const IntegrationProfile& published) { return jobs.ensurePublishArtifacts(published); });
        QVERIFY(ProfileRepository(*m_database).publish(p.id, plan, QDateTime::currentDateTimeUtc()));
        const auto scheduled = jobs.scheduledJobs(p.id).value();
        QCOMPARE(scheduled.size(), 2);
        QStringList names;
        for (const ScheduledJob& j : scheduled) {
            names << j.name;
        }
        QVERIFY(names.contains(QStringLiteral("SAM - Refresh Jobs ジョブ Subscriptions")));
        QVERIFY(names.contains(QStringLiteral("SAM - Refresh Jobs ジョブ Activity")));
        const auto models = jobs.softwareModels(p.id).value();
        QCOMPARE(models.size(), 2);
        QCOMPARE(models.first().publisher, QStringLiteral("Tempo"));
        QVERIFY(jobs.ensurePublishArtifacts(ProfileRepository(*m_database).find(p.id).value())); // idempotent
        QCOMPARE(jobs.softwareModels(p.id).value().size(), 2);

        p = ProfileRepository(*m_database).find(p.id).value();
        p.downloadActivity = false;
        QVERIFY(jobs.ensurePublishArtifacts(p));
        QCOMPARE(jobs.scheduledJobs(p.id).value().size(), 1);
        QCOMPARE(jobs.scheduledJobs(p.id).value().first().kind, JobKind::Subscriptions);
    }
};

QTEST_GUILESS_MAIN(TestSync)
#include "tst_sync.moc"
