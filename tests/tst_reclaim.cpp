// Reclaiming seats against the sandbox over loopback: candidates after a sync, the dry run that
// changes nothing, the per-run cap, the users never deactivated (Account Admins, excluded users,
// the token's own identity), the re-check that cancels a user active again, the mutation that is
// never retried blindly, the audit trail, and the seats that stop counting once deactivated.
#include "sandbox/SandboxServer.h"
#include "secrets/TokenStore.h"
#include "services/CandidateCheck.h"
#include "services/Evaluation.h"
#include "services/JobLauncher.h"
#include "services/NoticeDispatcher.h"
#include "services/ProfileSnapshot.h"
#include "services/ReclaimJob.h"
#include "services/ReportService.h"
#include "services/Reports.h"
#include "services/SyncJob.h"
#include "storage/Database.h"
#include "storage/ExclusionRepository.h"
#include "storage/ReclamationRepository.h"
#include "storage/RunLocks.h"
#include "support/SandboxFixture.h"
#include "support/SmtpTestServer.h"

#include <QNetworkAccessManager>
#include <QTest>
#include <QUuid>

#ifdef Q_OS_UNIX
#include <pwd.h>
#include <unistd.h>
#endif

using namespace rmsam;

class TestReclaim : public QObject, protected test::SandboxFixture
{
    Q_OBJECT

private:
    struct Fixture
    {
        std::unique_ptr<SandboxServer> sandbox;
        IntegrationProfile profile;
        QStringList operations; // every GraphQL operation the sandbox received, in order
    };

    std::unique_ptr<Fixture> make(const QString& name, bool reclaim = true)
    {
        auto f = std::make_unique<Fixture>();
        SandboxOptions options;
        options.userCount = 200;
        options.seed = 5;
        f->sandbox = std::make_unique<SandboxServer>(options);
        f->sandbox->listen(0);
        f->sandbox->setRequestHook([raw = f.get()](int, const QString& operation) -> std::optional<int> {
            raw->operations.append(operation);
            return std::nullopt;
        });
        f->profile = publishedProfile(*f->sandbox, { .name = name, .reclaimSubscriptions = reclaim });
        sync(*f);
        return f;
    }

    void sync(Fixture& f)
    {
        SyncJob job(*m_database, f.profile, f.sandbox->token(), {});
        std::optional<SyncOutcome> outcome;
        connect(&job, &SyncJob::finished, this, [&outcome](const SyncOutcome& o) { outcome = o; });
        job.start();
        QVERIFY(QTest::qWaitFor([&outcome] { return outcome.has_value(); }, 60000));
        QVERIFY2(!outcome->error, qPrintable(outcome->error ? outcome->error->message : QString()));
        QVERIFY(outcome->evaluation.has_value());
    }

    ReclaimOutcome reclaim(Fixture& f, bool dryRun, int max = ReclaimOptions::DefaultMax,
        std::optional<QList<PlannedCandidate>> confirmed = std::nullopt)
    {
        ReclaimOptions options;
        options.dryRun = dryRun;
        options.max = max;
        options.confirmed = std::move(confirmed);
        options.actor = QStringLiteral("test admin");
        ReclaimJob job(*m_database, f.profile, f.sandbox->token(), options);
        std::optional<ReclaimOutcome> outcome;
        connect(&job, &ReclaimJob::finished, this, [&outcome](const ReclaimOutcome& o) { outcome = o; });
        job.start();
        if (!QTest::qWaitFor([&outcome] { return outcome.has_value(); }, 60000)) {
            qWarning("reclaim did not finish");
            return {};
        }
        return *outcome;
    }

    QList<RemovalCandidate> candidates(const Fixture& f)
    {
        return ReclamationRepository(*m_database).candidates(f.profile.id).value();
    }

    QList<RemovalCandidate> inState(const Fixture& f, CandidateState state)
    {
        QList<RemovalCandidate> list;
        for (const RemovalCandidate& c : candidates(f)) {
            if (c.state == state) {
                list.append(c);
            }
        }
        return list;
    }

    static SandboxUser& sandboxUser(Fixture& f, const QString& id)
    {
        const QList<SandboxUser>& users = f.sandbox->account().users();
        for (qsizetype i = 0; i < users.size(); ++i) {
            if (users.at(i).id == id) {
                return f.sandbox->account().userAt(i);
            }
        }
        qFatal("no such sandbox user");
    }

    // Both seat types at `price` a year in `currency`, as an owner edits them.
    void setPrice(const Fixture& f, double price, const QString& currency)
    {
        ReclamationRepository repository(*m_database);
        const QList<Entitlement> stored = repository.entitlements(f.profile.id).value();
        for (SeatType type : { SeatType::CollaboratorType, SeatType::Reviewer }) {
            Entitlement e;
            for (const Entitlement& s : stored) {
                if (s.seatType == type) {
                    e = s;
                }
            }
            e.profileId = f.profile.id;
            e.seatType = type;
            e.owned = 500;
            e.price = price;
            e.period = Entitlement::Period::Year;
            e.currency = currency;
            QVERIFY(repository.saveEntitlement(e).ok());
        }
    }

    QMap<QString, double> savedThisYear(const Fixture& f)
    {
        return Licenses::savingsYtdByCurrency(
            Reclamation::licensePositions(*m_database, f.profile.id, QDateTime::currentDateTime()).value());
    }

private slots:
#ifdef Q_OS_UNIX
    // The audit names the account the process runs as, whatever USER says or when it is unset.
    void theActorIsTheAccountNotTheEnvironment()
    {
        const QString account = QString::fromLocal8Bit(getpwuid(geteuid())->pw_name);
        const QByteArray saved = qgetenv("USER");
        qputenv("USER", "mallory");
        QCOMPARE(Reclamation::currentActor(), account);
        qunsetenv("USER");
        QCOMPARE(Reclamation::currentActor(), account);
        if (!saved.isNull()) {
            qputenv("USER", saved);
        }
    }
#endif

    void initTestCase()
    {
        const QString failed = startServices(QStringLiteral("roadmunk-sam-test-reclaim-run-"));
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
    }

    void aSyncCreatesCandidatesForStaleUsersOnly()
    {
        auto f = make(QStringLiteral("evaluate"));
        const QList<RemovalCandidate> list = candidates(*f);
        QVERIFY(list.size() > 10);
        for (const RemovalCandidate& c : list) {
            QCOMPARE(c.state, CandidateState::Ready);
            QVERIFY(c.role == QLatin1String("collaborator") || c.role == QLatin1String("reviewer"));
            QVERIFY(!c.justification.isEmpty());
            const SandboxUser* u = f->sandbox->account().userById(c.userId);
            QVERIFY(u);
            QVERIFY(!u->lastLogin.isValid() || u->lastLogin.daysTo(QDateTime::currentDateTimeUtc()) >= 60);
        }
        // An Account Admin who stopped using Roadmunk long ago never becomes a candidate.
        QString staleAdmin;
        for (const SandboxUser& u : f->sandbox->account().users()) {
            if (u.accountRole == QLatin1String("account_admin")) {
                staleAdmin = u.id;
            }
        }
        QVERIFY(!staleAdmin.isEmpty());
        sandboxUser(*f, staleAdmin).lastLogin = QDateTime::currentDateTimeUtc().addDays(-300);
        sync(*f);
        for (const RemovalCandidate& c : candidates(*f)) {
            QVERIFY(c.userId != staleAdmin);
        }
        // A second sync creates no duplicates.
        sync(*f);
        QCOMPARE(candidates(*f).size(), list.size());
    }

    void aDryRunChangesNothing()
    {
        auto f = make(QStringLiteral("dry run"));
        const QList<RemovalCandidate> before = candidates(*f);
        const int requests = f->sandbox->requestCount();
        const ReclaimOutcome outcome = reclaim(*f, true);
        QVERIFY(!outcome.error);
        QVERIFY(outcome.dryRun);
        QCOMPARE(outcome.count(ReclaimItem::Outcome::WouldDeactivate), qMin(25, int(before.size())));
        QCOMPARE(f->sandbox->requestCount(), requests); // not even a read
        QVERIFY(f->sandbox->account().deactivatedIds().isEmpty());
        const QList<RemovalCandidate> after = candidates(*f);
        QCOMPARE(after.size(), before.size());
        for (qsizetype i = 0; i < after.size(); ++i) {
            QCOMPARE(after.at(i).state, before.at(i).state);
        }
        QVERIFY(ReclamationRepository(*m_database).auditLog(f->profile.id).value().isEmpty());
    }

    void maxHoldsAndEveryAttemptIsAudited()
    {
        auto f = make(QStringLiteral("max"));
        const ReclaimOutcome outcome = reclaim(*f, false, 3);
        QVERIFY2(!outcome.error, qPrintable(outcome.error ? outcome.error->message : QString()));
        QCOMPARE(outcome.count(ReclaimItem::Outcome::Deactivated), 3);
        QCOMPARE(f->sandbox->account().deactivatedIds().size(), 3);
        QCOMPARE(f->operations.count(QStringLiteral("DeactivateUser")), 3);
        const QList<RemovalCandidate> closed = inState(*f, CandidateState::ClosedComplete);
        QCOMPARE(closed.size(), 3);
        const QList<AuditEntry> audit = ReclamationRepository(*m_database).auditLog(f->profile.id).value();
        QCOMPARE(audit.size(), 6);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(audit.at(2 * i).phase, AuditPhase::Before);
            QCOMPARE(audit.at(2 * i + 1).phase, AuditPhase::After);
            QCOMPARE(audit.at(2 * i + 1).outcome, QStringLiteral("deactivated"));
            QCOMPARE(audit.at(2 * i).actor, QStringLiteral("test admin"));
            QVERIFY(f->sandbox->account().isDeactivated(audit.at(2 * i).userId));
        }
        // Each deactivation was preceded by a fresh read of the same user.
        for (const RemovalCandidate& c : closed) {
            QVERIFY(f->sandbox->account().isDeactivated(c.userId));
        }
        const int firstDeactivate = int(f->operations.indexOf(QStringLiteral("DeactivateUser")));
        QCOMPARE(f->operations.at(firstDeactivate - 1), QStringLiteral("User"));
    }

    void adminsExcludedUsersAndTheTokenItselfAreNeverDeactivated()
    {
        auto f = make(QStringLiteral("never"));
        const QList<RemovalCandidate> ready = inState(*f, CandidateState::Ready);
        QVERIFY(ready.size() >= 3);
        const RemovalCandidate excluded = ready.at(0);
        const RemovalCandidate promoted = ready.at(1);
        const RemovalCandidate self = ready.at(2);
        QVERIFY(ExclusionRepository(*m_database).add(ExclusionRule::Kind::User, excluded.email).ok());
        sandboxUser(*f, promoted.userId).accountRole = QStringLiteral("account_admin");
        f->sandbox->account().setTokenIdentity(
            { self.userId, QStringLiteral("token that shares a user's id"), QStringLiteral("apiToken") });

        const ReclaimOutcome outcome = reclaim(*f, false, 1000);
        QVERIFY2(!outcome.error, qPrintable(outcome.error ? outcome.error->message : QString()));
        const QStringList gone = f->sandbox->account().deactivatedIds();
        QVERIFY(!gone.isEmpty());
        QVERIFY(!gone.contains(excluded.userId));
        QVERIFY(!gone.contains(promoted.userId));
        QVERIFY(!gone.contains(self.userId));
        for (const QString& id : gone) {
            QVERIFY(f->sandbox->account().userById(id)->accountRole != QLatin1String("account_admin"));
        }
        ReclamationRepository repository(*m_database);
        QCOMPARE(repository.candidate(promoted.number).value().state, CandidateState::AttentionRequired);
        QCOMPARE(repository.candidate(self.number).value().state, CandidateState::AttentionRequired);
        QCOMPARE(repository.candidate(excluded.number).value().state, CandidateState::Ready);
        for (const ReclaimItem& i : outcome.items) {
            if (i.candidate.number == excluded.number || i.candidate.number == self.number) {
                QCOMPARE(i.outcome, ReclaimItem::Outcome::Refused);
            }
        }
        // The next sync closes the excluded user's candidate.
        sync(*f);
        QCOMPARE(repository.candidate(excluded.number).value().state, CandidateState::ClosedSkipped);
        QVERIFY(ExclusionRepository(*m_database).remove(ExclusionRule::Kind::User, excluded.email).ok());
    }

    void aUserActiveAgainBeforeExecutionIsNotDeactivated()
    {
        auto f = make(QStringLiteral("active again"));
        const ReclaimOutcome preview = reclaim(*f, true, 2);
        QCOMPARE(preview.count(ReclaimItem::Outcome::WouldDeactivate), 2);
        const RemovalCandidate returning = preview.items.first().candidate;
        sandboxUser(*f, returning.userId).lastLogin = QDateTime::currentDateTimeUtc().addSecs(-60);

        const ReclaimOutcome outcome = reclaim(*f, false, 2);
        QVERIFY(!outcome.error);
        QCOMPARE(outcome.items.first().outcome, ReclaimItem::Outcome::Canceled);
        QVERIFY(!f->sandbox->account().isDeactivated(returning.userId));
        QCOMPARE(ReclamationRepository(*m_database).candidate(returning.number).value().state,
            CandidateState::ClosedCanceled);
        QCOMPARE(outcome.count(ReclaimItem::Outcome::Deactivated), 1);
    }

    // What the admin confirmed is what runs: a run bound to a preview takes its candidates and no
    // other, and refuses before any call when one of them changed since.
    void aConfirmedRunTakesThePreviewAndNothingElse()
    {
        auto f = make(QStringLiteral("confirmed"));
        const ReclaimOutcome preview = reclaim(*f, true, 4);
        QCOMPARE(preview.count(ReclaimItem::Outcome::WouldDeactivate), 4);
        QList<PlannedCandidate> confirmed = Reclaim::confirmable(preview.items);
        QCOMPARE(confirmed.size(), 4);
        confirmed.removeAt(1); // the admin left one out

        // With a higher cap the run would take more; bound to the preview it takes those three.
        const ReclaimOutcome run = reclaim(*f, false, 25, confirmed);
        QVERIFY2(!run.error, qPrintable(run.error ? run.error->message : QString()));
        QStringList expected;
        for (const PlannedCandidate& p : confirmed) {
            expected.append(p.userId);
        }
        QStringList gone = f->sandbox->account().deactivatedIds();
        expected.sort();
        gone.sort();
        QCOMPARE(gone, expected);
        QCOMPARE(run.count(ReclaimItem::Outcome::Deactivated), 3);

        // A candidate of the next preview moves before the run: nothing is called at all.
        const ReclaimOutcome again = reclaim(*f, true, 2);
        const QList<PlannedCandidate> stale = Reclaim::confirmable(again.items);
        QCOMPARE(stale.size(), 2);
        ReclamationRepository repository(*m_database);
        QVERIFY(repository.apply(stale.at(1).number, CandidateAction::Skip, QStringLiteral("someone")).ok());
        f->operations.clear();
        const ReclaimOutcome refused = reclaim(*f, false, 2, stale);
        QVERIFY(refused.error);
        QCOMPARE(refused.error->code, ErrorCode::Conflict);
        QVERIFY2(refused.error->message.contains(QStringLiteral("changed after the preview you confirmed")),
            qPrintable(refused.error->message));
        QVERIFY(!f->operations.contains(QStringLiteral("DeactivateUser")));
        QCOMPARE(f->sandbox->account().deactivatedIds().size(), 3);

        // Rewritten by a sync (what it says of the user changed): refused the same way.
        const QList<PlannedCandidate> fresh = Reclaim::confirmable(reclaim(*f, true, 1).items);
        QCOMPARE(fresh.size(), 1);
        RemovalCandidate rewritten = repository.candidate(fresh.first().number).value();
        rewritten.justification += QStringLiteral(" (again)");
        QVERIFY(repository.refresh(rewritten).ok());
        const ReclaimOutcome refusedAgain = reclaim(*f, false, 1, fresh);
        QVERIFY(refusedAgain.error);
        QCOMPARE(refusedAgain.error->code, ErrorCode::Conflict);
        QVERIFY(!f->operations.contains(QStringLiteral("DeactivateUser")));
    }

    // Leaving Awaiting Approval is a person's decision: a sync that finds the user active again,
    // excluded, or no longer matching the rule leaves the candidate there (in team mode an
    // operator's sync could not move it: the server keeps that to approvers).
    void aSyncLeavesAwaitingApprovalToTheApprover()
    {
        auto f = make(QStringLiteral("awaiting approval"));
        ReclamationRepository repository(*m_database);
        ReclamationRule rule = repository.rule(f->profile.id).value();
        rule.notifyUser = true;
        QVERIFY(repository.saveRule(rule).ok());
        const QList<RemovalCandidate> ready = inState(*f, CandidateState::Ready);
        QVERIFY(ready.size() >= 4);
        for (int i = 0; i < 3; ++i) {
            for (CandidateAction a : { CandidateAction::Reclaim, CandidateAction::UserKeeps }) {
                QVERIFY(repository.apply(ready.at(i).number, a, QStringLiteral("test admin")).ok());
            }
        }
        // The first is active again, the second now excluded, the third an Account Admin (out of the
        // rule's scope).
        sandboxUser(*f, ready.at(0).userId).lastLogin = QDateTime::currentDateTimeUtc().addSecs(-60);
        QVERIFY(ExclusionRepository(*m_database).add(ExclusionRule::Kind::User, ready.at(1).email).ok());
        sandboxUser(*f, ready.at(2).userId).accountRole = QStringLiteral("account_admin");
        // An ordinary Ready candidate whose user is active again is still closed by the sync.
        const RemovalCandidate control = ready.at(3);
        sandboxUser(*f, control.userId).lastLogin = QDateTime::currentDateTimeUtc().addSecs(-60);

        sync(*f);
        for (int i = 0; i < 3; ++i) {
            const RemovalCandidate after = repository.candidate(ready.at(i).number).value();
            QCOMPARE(after.state, CandidateState::AwaitingApproval);
            QCOMPARE(repository.history(after.number).value().size(),
                3); // created, reclaim, keeps: nothing from the sync
        }
        QCOMPARE(repository.candidate(control.number).value().state, CandidateState::ClosedCanceled);
        QVERIFY(ExclusionRepository(*m_database).remove(ExclusionRule::Kind::User, ready.at(1).email).ok());
    }

    // Notify user: the run moves each candidate to Awaiting User, and the notices that follow go
    // to a real relay, one per candidate, each to that candidate's user, once.
    void aRunWithNotifyUserIsFollowedByOneNoticeEach()
    {
        auto f = make(QStringLiteral("notices"));
        ReclamationRepository repository(*m_database);
        ReclamationRule rule = repository.rule(f->profile.id).value();
        rule.notifyUser = true;
        QVERIFY(repository.saveRule(rule).ok());
        f->operations.clear();
        const ReclaimOutcome run = reclaim(*f, false, 3);
        QVERIFY2(!run.error, run.error ? qPrintable(run.error->message) : "");
        QCOMPARE(run.count(ReclaimItem::Outcome::Notified), 3);
        QVERIFY(!f->operations.contains(QStringLiteral("DeactivateUser")));
        test::SmtpTestServer relay;
        QVERIFY2(relay.start(), qPrintable(relay.errorString()));
        const SmtpSettings settings = relay.settings();
        const SmtpSender sender(settings, QString());
        const auto send = [&]() {
            return NoticeDispatcher(*m_database, f->profile, settings,
                [&sender](const MailMessage& m) { return sender.send(m); }, {})
                .run();
        };
        const NoticeDispatchOutcome sent = send();
        QVERIFY2(!sent.error, sent.error ? qPrintable(sent.error->message) : "");
        QCOMPARE(sent.count(NoticeItem::Outcome::Sent), 3);
        const QList<QJsonObject> got = relay.waitForReceived(3);
        QCOMPARE(got.size(), 3);
        QStringList arrived;
        QString bodies;
        for (const QJsonObject& m : got) {
            arrived << m.value(QStringLiteral("to")).toString();
            bodies += m.value(QStringLiteral("body")).toString();
        }
        for (const ReclaimItem& item : run.items) {
            if (item.outcome == ReclaimItem::Outcome::Notified) {
                QVERIFY2(arrived.join(u',').contains(item.candidate.email), qPrintable(arrived.join(u',')));
                QVERIFY(bodies.contains(item.candidate.displayNumber()));
            }
        }
        QCOMPARE(send().items.size(), 0);
        QTest::qWait(200);
        QCOMPARE(relay.received().size(), 3);
    }

    void aLostAnswerLeadsToAReReadNotASecondCall()
    {
        auto f = make(QStringLiteral("lost answer"));
        int deactivations = 0;
        f->sandbox->setResponseHook([&deactivations](int, const QString& operation) -> std::optional<int> {
            if (operation == QLatin1String("DeactivateUser") && ++deactivations == 1) {
                return 503; // Roadmunk acted; the client hears a failure
            }
            return std::nullopt;
        });
        f->operations.clear();
        const ReclaimOutcome first = reclaim(*f, false, 5);
        QVERIFY(first.error);
        QCOMPARE(first.count(ReclaimItem::Outcome::Unknown), 1);
        QCOMPARE(f->operations.count(QStringLiteral("DeactivateUser")), 1); // the run stopped; no retry
        const RemovalCandidate uncertain = first.items.first().candidate;
        QCOMPARE(uncertain.state, CandidateState::AttentionRequired);
        QVERIFY(f->sandbox->account().isDeactivated(uncertain.userId));
        const QList<AuditEntry> audit = ReclamationRepository(*m_database).auditLog(f->profile.id).value();
        QCOMPARE(audit.size(), 2);
        QCOMPARE(audit.last().outcome, QStringLiteral("unknown"));

        // What a person sees when they re-check it: Roadmunk still lists the user, and the app
        // says it sent a call whose outcome it does not know. The findings go into the history.
        {
            TokenStore tokens(
                QStringLiteral("rmsam-test-recheck-") + QUuid::createUuid().toString(QUuid::WithoutBraces));
            QNetworkAccessManager network;
            std::optional<Result<CandidateFindings>> found;
            JobLauncher launcher(*m_database, tokens, &network);
            connect(&launcher, &JobLauncher::checkFinished, this,
                [&found](qint64, const Result<CandidateFindings>& r) { found = r; });
            IntegrationProfile withToken = f->profile;
            bool stored = false;
            tokens.write(
                withToken.tokenKey, f->sandbox->token(), [&stored](Result<void> r) { stored = r.ok(); });
            QVERIFY(QTest::qWaitFor([&stored] { return stored; }, 10000));
            const qsizetype calls = f->operations.count(QStringLiteral("DeactivateUser"));
            QVERIFY(launcher.startCheck(uncertain.number, QStringLiteral("admin")));
            QVERIFY(QTest::qWaitFor([&found] { return found.has_value(); }, 20000));
            QVERIFY2(found->ok(), qPrintable(found->ok() ? QString() : found->error().message));
            const CandidateFindings& findings = found->value();
            QVERIFY(findings.listed);
            QVERIFY(findings.claimed);
            QVERIFY(!findings.deactivatedByApp);
            QVERIFY(findings.text().contains(QStringLiteral("never sends another")));
            const QList<CandidateEvent> history
                = ReclamationRepository(*m_database).history(uncertain.number).value();
            QVERIFY(history.last().note.contains(findings.email));
            QCOMPARE(ReclamationRepository(*m_database).candidate(uncertain.number).value().state,
                CandidateState::AttentionRequired); // the findings move nothing
            QCOMPARE(f->operations.count(QStringLiteral("DeactivateUser")), calls); // a query, never a call
            QCOMPARE(f->operations.last(), QStringLiteral("User"));
            bool cleared = false;
            tokens.remove(withToken.tokenKey, [&cleared](Result<void>) { cleared = true; });
            QVERIFY(QTest::qWaitFor([&cleared] { return cleared; }, 10000));
        }

        // A sync leaves it to a person: neither Ready again nor rewritten.
        sync(*f);
        QCOMPARE(ReclamationRepository(*m_database).candidate(uncertain.number).value().state,
            CandidateState::AttentionRequired);
        f->operations.clear();
        const ReclaimOutcome second = reclaim(*f, false, 5);
        QVERIFY(std::none_of(second.items.cbegin(), second.items.cend(),
            [&](const ReclaimItem& i) { return i.candidate.number == uncertain.number; }));

        // Only a person moves it on, with a note; and even then the user is never sent a second
        // deactivateUser: the claim of the first call stands.
        ReclamationRepository repository(*m_database);
        QCOMPARE(repository
                     .apply(uncertain.number, CandidateAction::DataFixed, Reclamation::AppActor,
                         QStringLiteral("sync"))
                     .error()
                     .code,
            ErrorCode::InvalidState);
        QCOMPARE(repository.apply(uncertain.number, CandidateAction::DataFixed, QStringLiteral("admin"), {})
                     .error()
                     .code,
            ErrorCode::InvalidInput);
        QVERIFY(repository.apply(uncertain.number, CandidateAction::DataFixed, QStringLiteral("admin"),
            QStringLiteral("looked in Roadmunk")));
        f->operations.clear();
        const ReclaimOutcome third = reclaim(*f, false, 5);
        const auto again = std::find_if(third.items.cbegin(), third.items.cend(),
            [&](const ReclaimItem& i) { return i.candidate.number == uncertain.number; });
        QVERIFY(again != third.items.cend());
        QCOMPARE(again->outcome, ReclaimItem::Outcome::Refused);
        QVERIFY(!f->operations.contains(QStringLiteral("DeactivateUser"))
            || std::none_of(third.items.cbegin(), third.items.cend(), [&](const ReclaimItem& i) {
                   return i.candidate.userId == uncertain.userId
                       && i.outcome == ReclaimItem::Outcome::Deactivated;
               }));
        QCOMPARE(f->sandbox->account().deactivations().size(),
            qsizetype(1 + second.count(ReclaimItem::Outcome::Deactivated)
                + third.count(ReclaimItem::Outcome::Deactivated)));
        QVERIFY(repository.apply(uncertain.number, CandidateAction::Close, QStringLiteral("admin"),
            QStringLiteral("Roadmunk shows the user inactive")));
    }

    void oneRunPerProfileAtATime()
    {
        auto f = make(QStringLiteral("one run at a time"));
        {
            // Another run holds the profile's reclaim lock (here, this process).
            auto other = RunLocks(*m_database)
                             .acquire(f->profile.id, RunKind::Reclaim, QStringLiteral("the other run"));
            QVERIFY(other);
            const ReclaimOutcome refused = reclaim(*f, false, 3);
            QVERIFY(refused.error);
            QCOMPARE(refused.error->code, ErrorCode::Busy);
            QVERIFY2(refused.error->message.contains(QStringLiteral("the other run"))
                    && refused.error->message.contains(QString::number(QCoreApplication::applicationPid())),
                qPrintable(refused.error->message));
            QVERIFY(f->sandbox->account().deactivations().isEmpty());
        }
        // Released (or its holder gone): the next run goes ahead.
        QCOMPARE(reclaim(*f, false, 3).count(ReclaimItem::Outcome::Deactivated), 3);
    }

    void reclaimIsRefusedWhenTheSubflowIsOff()
    {
        auto f = make(QStringLiteral("subflow off"), false);
        QVERIFY(!candidates(*f).isEmpty()); // candidates are still created
        QVERIFY(reclaim(*f, true).count(ReclaimItem::Outcome::WouldDeactivate) > 0);
        const ReclaimOutcome outcome = reclaim(*f, false);
        QVERIFY(outcome.error);
        QCOMPARE(outcome.error->code, ErrorCode::InvalidState);
        QVERIFY(outcome.error->message.contains(QStringLiteral("Reclaim subscriptions")));
        QVERIFY(f->sandbox->account().deactivatedIds().isEmpty());
    }

    void deactivatedSeatsStopCounting()
    {
        auto f = make(QStringLiteral("stop counting"));
        const auto assigned = [&] {
            int total = 0;
            for (const LicensePosition& p :
                Reclamation::licensePositions(*m_database, f->profile.id, QDateTime::currentDateTime())
                    .value()) {
                total += p.assigned;
            }
            return total;
        };
        const int before = assigned();
        QVERIFY(!reclaim(*f, false, 2).error);
        sync(*f); // the API still lists them
        QCOMPARE(assigned(), before - 2);
        int reclaimed = 0;
        for (const LicensePosition& p :
            Reclamation::licensePositions(*m_database, f->profile.id, QDateTime::currentDateTime()).value()) {
            reclaimed += p.reclaimedThisYear;
        }
        QCOMPARE(reclaimed, 2);
        const auto reports = Reports::build(*m_database, f->profile.id).value();
        int deactivatedRows = 0;
        for (const QList<QVariant>& row : reports.value(ReportKind::InactivePerReport).rows) {
            deactivatedRows += row.last().toString().contains(QStringLiteral("Deactivated"));
        }
        QCOMPARE(deactivatedRows, 2);
        QCOMPARE(reports.value(ReportKind::Subscriptions).rows.size(), 200 - 2);
        // Each deactivation's before and after record, among the other changes the Audit log lists.
        int deactivationRows = 0;
        for (const QList<QVariant>& row : reports.value(ReportKind::Audit).rows) {
            deactivationRows += row.at(5).toString() == QStringLiteral("Deactivation");
        }
        QCOMPARE(deactivationRows, 4);

        // The window reads the snapshot once for every table and the dashboard: the same rows, and
        // the same license position as a read of its own.
        const QDateTime now = QDateTime::currentDateTime();
        const ProfileSnapshot snapshot = ProfileSnapshots::read(*m_database, f->profile.id).value();
        const QList<LicensePosition> once = ProfileSnapshots::licensePositions(snapshot, now);
        const QList<LicensePosition> own
            = Reclamation::licensePositions(*m_database, f->profile.id, now).value();
        QCOMPARE(once.size(), own.size());
        for (qsizetype i = 0; i < once.size(); ++i) {
            QCOMPARE(once.at(i).seatType, own.at(i).seatType);
            QCOMPARE(once.at(i).assigned, own.at(i).assigned);
            QCOMPARE(once.at(i).stale, own.at(i).stale);
            QCOMPARE(once.at(i).reclaimedThisYear, own.at(i).reclaimedThisYear);
            QCOMPARE(once.at(i).status, own.at(i).status);
        }
        const ProfileReports together
            = ReportService(*m_database).reportsAndDashboard(f->profile.id, now).value();
        for (ReportKind kind : Reports::all()) {
            QVERIFY2(together.reports.value(kind).rows == reports.value(kind).rows,
                qPrintable(Reports::code(kind)));
        }
        const DashboardFigures figures = Dashboard::figures(*m_database, f->profile.id, now).value();
        QCOMPARE(together.dashboard.seatsHeld, figures.seatsHeld);
        QCOMPARE(together.dashboard.openCandidates, figures.openCandidates);
        QCOMPARE(together.dashboard.seatsHeld, 200 - 2);
    }

    // A seat reclaimed at 120 USD a year saved 120 USD, whatever the entitlement says later: an
    // owner who changes the price or the currency does not rewrite what was already saved.
    void realisedSavingsKeepThePriceTheyWereRealisedAt()
    {
        auto f = make(QStringLiteral("realised savings"));
        setPrice(*f, 120, QStringLiteral("USD"));
        QCOMPARE(reclaim(*f, false, 2).count(ReclaimItem::Outcome::Deactivated), 2);
        using Amounts = QMap<QString, double>;
        QCOMPARE(savedThisYear(*f), (Amounts { { QStringLiteral("USD"), 240.0 } }));

        setPrice(*f, 200, QStringLiteral("EUR"));
        sync(*f);
        QCOMPARE(savedThisYear(*f),
            (Amounts { { QStringLiteral("EUR"), 0.0 }, { QStringLiteral("USD"), 240.0 } }));

        // A later reclaim saves at the new price, in the new currency, shown apart.
        QCOMPARE(reclaim(*f, false, 1).count(ReclaimItem::Outcome::Deactivated), 1);
        const Amounts both { { QStringLiteral("EUR"), 200.0 }, { QStringLiteral("USD"), 240.0 } };
        QCOMPARE(savedThisYear(*f), both);
        const QDateTime now = QDateTime::currentDateTime();
        QCOMPARE(Dashboard::figures(*m_database, f->profile.id, now).value().actualSavingsYtd, both);

        // The License position table (and so its CSV) says the same: the year's savings in the
        // current currency, and those in other currencies in a column of their own.
        const Report license = Reports::build(*m_database, f->profile.id).value().value(ReportKind::License);
        const qsizetype saved = license.headers.indexOf(QStringLiteral("Actual Savings YTD"));
        const qsizetype currency = license.headers.indexOf(QStringLiteral("Currency"));
        const qsizetype others
            = license.headers.indexOf(QStringLiteral("Actual Savings YTD in Other Currencies"));
        QVERIFY(saved >= 0 && currency >= 0 && others >= 0);
        double eur = 0;
        QStringList otherTexts;
        for (const QList<QVariant>& row : license.rows) {
            QCOMPARE(row.at(currency).toString(), QStringLiteral("EUR"));
            eur += row.at(saved).toDouble();
            if (!row.at(others).toString().isEmpty()) {
                otherTexts.append(row.at(others).toString());
            }
        }
        QCOMPARE(eur, 200.0);
        QStringList expected;
        for (const LicensePosition& p :
            Reclamation::licensePositions(*m_database, f->profile.id, now).value()) {
            for (auto it = p.otherSavingsYtd.cbegin(); it != p.otherSavingsYtd.cend(); ++it) {
                QCOMPARE(it.key(), QStringLiteral("USD"));
                expected.append(QStringLiteral("USD %1").arg(it.value(), 0, 'f', 2));
            }
        }
        QCOMPARE(otherTexts, expected);
        QVERIFY(!otherTexts.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestReclaim)
#include "tst_reclaim.moc"
