// The rules of app/core/Reclamation: the removal candidate state machine (every state against
// every action, with and without Notify user), the reclamation rule's checks and verdicts, and
// the license arithmetic with several prices and currencies, and the advice at renewal.
#include "core/Notice.h"
#include "core/Reclamation.h"
#include "core/Renewal.h"

#include <QTest>

using namespace rmsam;

using S = CandidateState;
using A = CandidateAction;

namespace {

// The expected move, written out by hand from docs/DOMAIN.md and the issue, independent of the code.
std::optional<S> expected(S state, A action, bool notify)
{
    if (state == S::ClosedComplete || state == S::ClosedSkipped || state == S::ClosedCanceled) {
        return std::nullopt;
    }
    switch (action) {
    case A::DataMissing:
        return S::AttentionRequired;
    case A::Vanished:
    case A::Skip:
        return S::ClosedSkipped;
    case A::Close:
        return S::ClosedComplete;
    case A::ActivitySeen:
        return S::ClosedCanceled;
    case A::DataFixed:
        return state == S::AttentionRequired ? std::optional(S::Ready) : std::nullopt;
    case A::Reclaim:
        return state == S::Ready ? std::optional(notify ? S::AwaitingUser : S::AwaitingRevocation)
                                 : std::nullopt;
    case A::UserReleases:
    case A::NoAnswer:
        return state == S::AwaitingUser ? std::optional(S::AwaitingRevocation) : std::nullopt;
    case A::UserKeeps:
        return state == S::AwaitingUser ? std::optional(S::AwaitingApproval) : std::nullopt;
    case A::Approve:
        return state == S::AwaitingApproval ? std::optional(S::ClosedSkipped) : std::nullopt;
    case A::Decline:
        return state == S::AwaitingApproval ? std::optional(S::AwaitingRevocation) : std::nullopt;
    case A::Deactivated:
        return state == S::AwaitingRevocation ? std::optional(S::ClosedComplete) : std::nullopt;
    }
    return std::nullopt;
}

SoftwareSubscription subscription(const QString& role, const QString& email = QStringLiteral("a@example.com"))
{
    SoftwareSubscription s;
    s.userId = QStringLiteral("u1");
    s.email = email;
    s.role = role;
    s.seatType = SeatTypes::fromRole(role);
    return s;
}

UserActivity activeDaysAgo(const QDateTime& now, int days)
{
    return { QStringLiteral("u1"), now.addDays(-days), ActivitySource::Login, NoActivityReason::HasActivity,
        {} };
}

} // namespace

class TestReclamation : public QObject
{
    Q_OBJECT

private slots:
    void everyStateAgainstEveryAction_data()
    {
        QTest::addColumn<int>("state");
        QTest::addColumn<int>("action");
        QTest::addColumn<bool>("notify");
        QCOMPARE(Candidates::allStates().size(), 8);
        QCOMPARE(Candidates::allActions().size(), 13);
        for (S state : Candidates::allStates()) {
            for (A action : Candidates::allActions()) {
                for (bool notify : { false, true }) {
                    QTest::addRow("%s %s %s", qPrintable(Candidates::stateCode(state)),
                        qPrintable(Candidates::actionCode(action)), notify ? "notify" : "quiet")
                        << int(state) << int(action) << notify;
                }
            }
        }
    }

    void everyStateAgainstEveryAction()
    {
        QFETCH(int, state);
        QFETCH(int, action);
        QFETCH(bool, notify);
        const auto want = expected(S(state), A(action), notify);
        const Result<S> got = Candidates::next(S(state), A(action), notify);
        if (want) {
            QVERIFY2(got.ok(), qPrintable(got.ok() ? QString() : got.error().message));
            QCOMPARE(got.value(), *want);
        } else {
            QVERIFY(!got.ok());
            QCOMPARE(got.error().code, ErrorCode::InvalidState);
            QVERIFY(got.error().message.contains(Candidates::stateDisplayName(S(state))));
        }
    }

    void theHappyPathsEndWhereTheIssueSays()
    {
        // Quiet: Ready → Reclaim → Awaiting Revocation → Closed Complete.
        S s = Candidates::next(S::Ready, A::Reclaim, false).value();
        QCOMPARE(s, S::AwaitingRevocation);
        QCOMPARE(Candidates::next(s, A::Deactivated, false).value(), S::ClosedComplete);
        // Notify user, the user wants to keep it, the admin declines: reclaimed anyway.
        s = Candidates::next(S::Ready, A::Reclaim, true).value();
        s = Candidates::next(s, A::UserKeeps, true).value();
        QCOMPARE(s, S::AwaitingApproval);
        QCOMPARE(Candidates::next(s, A::Decline, true).value(), S::AwaitingRevocation);
        QCOMPARE(Candidates::next(s, A::Approve, true).value(), S::ClosedSkipped);
        // A failed reclaim needs attention, and comes back to Ready when fixed.
        s = Candidates::next(S::AwaitingRevocation, A::DataMissing, false).value();
        QCOMPARE(Candidates::next(s, A::DataFixed, false).value(), S::Ready);
    }

    void codesRoundTrip()
    {
        for (S state : Candidates::allStates()) {
            QCOMPARE(Candidates::stateFromCode(Candidates::stateCode(state)), state);
        }
        for (A action : Candidates::allActions()) {
            QCOMPARE(Candidates::actionFromCode(Candidates::actionCode(action)), action);
        }
        QVERIFY(!Candidates::stateFromCode(QStringLiteral("open")));
    }

    void ruleChecks_data()
    {
        QTest::addColumn<int>("threshold");
        QTest::addColumn<QStringList>("roles");
        QTest::addColumn<int>("grace");
        QTest::addColumn<int>("notifyDays");
        QTest::addColumn<bool>("ok");
        const QStringList defaults { QStringLiteral("collaborator"), QStringLiteral("reviewer") };
        QTest::newRow("defaults") << 60 << defaults << 14 << 7 << true;
        QTest::newRow("zero threshold") << 0 << defaults << 14 << 7 << false;
        QTest::newRow("admins in scope")
            << 60 << QStringList { QStringLiteral("account_admin") } << 14 << 7 << false;
        QTest::newRow("unknown role") << 60 << QStringList { QStringLiteral("owner") } << 14 << 7 << false;
        QTest::newRow("user managers")
            << 60 << QStringList { QStringLiteral("user_manager") } << 0 << 1 << true;
        QTest::newRow("negative grace") << 60 << defaults << -1 << 7 << false;
        QTest::newRow("no notice period") << 60 << defaults << 14 << 0 << false;
    }

    void ruleChecks()
    {
        QFETCH(int, threshold);
        QFETCH(QStringList, roles);
        QFETCH(int, grace);
        QFETCH(int, notifyDays);
        QFETCH(bool, ok);
        ReclamationRule rule;
        rule.thresholdDays = threshold;
        rule.rolesInScope = roles;
        rule.graceDays = grace;
        rule.notifyDays = notifyDays;
        rule.reminderDays = 0; // checked on its own below
        const Result<void> checked = ReclamationRules::check(rule);
        QCOMPARE(checked.ok(), ok);
        if (!ok) {
            QVERIFY(!checked.error().message.isEmpty());
        }
    }

    // A reminder comes before the deadline, or not at all.
    void reminderChecks()
    {
        ReclamationRule rule;
        QCOMPARE(rule.reminderDays, 2);
        QVERIFY(ReclamationRules::check(rule));
        rule.notifyDays = 2;
        QVERIFY(!ReclamationRules::check(rule));
        rule.reminderDays = 1;
        QVERIFY(ReclamationRules::check(rule));
        rule.reminderDays = 0;
        QVERIFY(ReclamationRules::check(rule));
        rule.reminderDays = -1;
        QVERIFY(!ReclamationRules::check(rule));
    }

    // The deadline runs from a notice known to have gone out (core/Notice.h).
    void deadlineStarts()
    {
        RemovalCandidate c;
        c.state = CandidateState::AwaitingUser;
        c.notifiedAt = QDateTime(QDate(2026, 11, 2), QTime(8, 0), Qt::UTC);
        NoticeRecord n;
        n.cycle = c.notifiedAt;
        QCOMPARE(Notices::deadlineStart(c, std::nullopt, false), c.notifiedAt); // mailed by hand
        QVERIFY(!Notices::deadlineStart(c, std::nullopt, true)); // still to be sent
        for (NoticeStatus s :
            { NoticeStatus::Sending, NoticeStatus::Failed, NoticeStatus::Deferred, NoticeStatus::Unknown }) {
            n.status = s;
            QVERIFY(!Notices::deadlineStart(c, n, true));
            QVERIFY(!Notices::deadlineStart(c, n, false));
        }
        n.status = NoticeStatus::Sent;
        n.sentAt = c.notifiedAt.addDays(1);
        QCOMPARE(Notices::deadlineStart(c, n, true), n.sentAt);
        ReclamationRule rule; // 7 days, reminder 2 days before
        QVERIFY(!Notices::reminderDue(n.sentAt, rule, n.sentAt.addDays(4)));
        QVERIFY(Notices::reminderDue(n.sentAt, rule, n.sentAt.addDays(5)));
        QVERIFY(!Notices::reminderDue(n.sentAt, rule, n.sentAt.addDays(7)));
        rule.reminderDays = 0;
        QVERIFY(!Notices::reminderDue(n.sentAt, rule, n.sentAt.addDays(6)));
    }

    void theRuleFlagsOnlyStaleUsersInScope()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const ReclamationRule rule;
        const auto verdict = [&](const SoftwareSubscription& s, const UserActivity& a, bool excluded = false,
                                 const QDateTime& firstSeen = {}) {
            return Candidates::assess(rule, s, a, excluded, firstSeen, now);
        };
        const Assessment stale
            = verdict(subscription(QStringLiteral("collaborator")), activeDaysAgo(now, 143));
        QCOMPARE(stale.verdict, Assessment::Verdict::Flagged);
        QCOMPARE(stale.daysInactive, 143);
        QVERIFY2(stale.justification.startsWith(QStringLiteral("no activity for 143 days")),
            qPrintable(stale.justification));

        QCOMPARE(verdict(subscription(QStringLiteral("collaborator")), activeDaysAgo(now, 59)).verdict,
            Assessment::Verdict::NotFlagged);
        QCOMPARE(verdict(subscription(QStringLiteral("reviewer")), activeDaysAgo(now, 60)).verdict,
            Assessment::Verdict::Flagged);
        // Account Admins never, roles out of scope and unknown roles never, excluded never.
        QCOMPARE(verdict(subscription(QStringLiteral("account_admin")), activeDaysAgo(now, 400)).verdict,
            Assessment::Verdict::NotFlagged);
        QCOMPARE(verdict(subscription(QStringLiteral("user_manager")), activeDaysAgo(now, 400)).verdict,
            Assessment::Verdict::NotFlagged);
        QCOMPARE(verdict(subscription(QStringLiteral("guest")), activeDaysAgo(now, 400)).verdict,
            Assessment::Verdict::NotFlagged);
        QCOMPARE(verdict(subscription(QStringLiteral("collaborator")), activeDaysAgo(now, 400), true).verdict,
            Assessment::Verdict::NotFlagged);
        // Missing email: a candidate, but one that needs attention.
        QCOMPARE(
            verdict(subscription(QStringLiteral("collaborator"), QString()), activeDaysAgo(now, 400)).verdict,
            Assessment::Verdict::NeedsAttention);
    }

    void noActivityHonoursTheGracePeriodAndTheSwitch()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        ReclamationRule rule;
        const UserActivity never { QStringLiteral("u1"), {}, ActivitySource::None,
            NoActivityReason::NeverLoggedIn, {} };
        const SoftwareSubscription s = subscription(QStringLiteral("collaborator"));
        QCOMPARE(Candidates::assess(rule, s, never, false, {}, now).verdict, Assessment::Verdict::Flagged);
        QCOMPARE(Candidates::assess(rule, s, never, false, now.addDays(-13), now).verdict,
            Assessment::Verdict::NotFlagged);
        QCOMPARE(Candidates::assess(rule, s, never, false, now.addDays(-14), now).verdict,
            Assessment::Verdict::Flagged);
        const UserActivity old { QStringLiteral("u1"), {}, ActivitySource::None, NoActivityReason::NoData,
            {} };
        SoftwareSubscription loggedInLongAgo = s;
        loggedInLongAgo.lastLogin = now.addDays(-200);
        const Assessment a = Candidates::assess(rule, loggedInLongAgo, old, false, {}, now);
        QCOMPARE(a.daysInactive, 200);
        QVERIFY(a.justification.contains(QStringLiteral("200 days")));
        rule.includeNoActivity = false;
        QCOMPARE(Candidates::assess(rule, s, never, false, {}, now).verdict, Assessment::Verdict::NotFlagged);
    }

    void reconciliationArithmetic()
    {
        Entitlement collaborators;
        collaborators.seatType = SeatType::CollaboratorType;
        collaborators.owned = 100;
        collaborators.price = 19.5;
        collaborators.period = Entitlement::Period::Month;
        collaborators.currency = QStringLiteral("USD");
        const LicensePosition over
            = Licenses::reconcile(SeatType::CollaboratorType, 90, 12, 3, collaborators);
        QCOMPARE(over.status, LicensePosition::Status::OverLicensed);
        QCOMPARE(over.unusedOwned, 10);
        QCOMPARE(over.trueUpCost, 0.0);
        QCOMPARE(over.annualSpend, 100 * 19.5 * 12);
        QCOMPARE(over.potentialSavings, 12 * 19.5 * 12);
        QCOMPARE(over.actualSavingsYtd, 3 * 19.5 * 12);

        Entitlement reviewers;
        reviewers.seatType = SeatType::Reviewer;
        reviewers.owned = 10;
        reviewers.price = 6000;
        reviewers.currency = QStringLiteral("JPY");
        const LicensePosition under = Licenses::reconcile(SeatType::Reviewer, 14, 2, 0, reviewers);
        QCOMPARE(under.status, LicensePosition::Status::UnderLicensed);
        QCOMPARE(under.trueUpCost, 4 * 6000.0);
        QCOMPARE(under.unusedOwned, 0);

        const LicensePosition exact = Licenses::reconcile(SeatType::Reviewer, 10, 0, 0, reviewers);
        QCOMPARE(exact.status, LicensePosition::Status::Compliant);
        const LicensePosition none = Licenses::reconcile(SeatType::Reviewer, 10, 4, 0, std::nullopt);
        QCOMPARE(none.status, LicensePosition::Status::NoEntitlement);
        QCOMPARE(none.potentialSavings, 0.0);

        // Figures in different currencies are never added together.
        Entitlement moreUsd = reviewers;
        moreUsd.currency = QStringLiteral("USD");
        moreUsd.price = 100;
        const LicensePosition usdReviewers = Licenses::reconcile(SeatType::Reviewer, 14, 2, 0, moreUsd);
        const QMap<QString, double> spend
            = Licenses::totalByCurrency({ over, under, none, usdReviewers }, &LicensePosition::annualSpend);
        QCOMPARE(spend.size(), 2);
        QCOMPARE(spend.value(QStringLiteral("USD")), 100 * 19.5 * 12 + 10 * 100.0);
        QCOMPARE(spend.value(QStringLiteral("JPY")), 10 * 6000.0);
    }

    // Seats reclaimed at a recorded price keep it and its currency; those without one (recorded
    // before prices were kept) take the entitlement's current price, as they always did.
    void realisedSavingsKeepTheirPriceAndCurrency()
    {
        Entitlement now;
        now.seatType = SeatType::CollaboratorType;
        now.owned = 10;
        now.price = 200;
        now.currency = QStringLiteral("EUR");
        const QList<RealisedPrice> realised { { 120, QStringLiteral("USD") }, { 120, QStringLiteral("USD") },
            { 150, QStringLiteral("EUR") } };
        const LicensePosition p = Licenses::reconcile(SeatType::CollaboratorType, 5, 0, 4, now, realised);
        QCOMPARE(p.reclaimedPriced, 3);
        QCOMPARE(p.currency, QStringLiteral("EUR"));
        QCOMPARE(p.actualSavingsYtd, 150.0 + 200.0); // one recorded in EUR, one without a price
        QCOMPARE(p.otherSavingsYtd, (QMap<QString, double> { { QStringLiteral("USD"), 240.0 } }));
        QCOMPARE(Licenses::savingsYtdByCurrency(p),
            (QMap<QString, double> { { QStringLiteral("EUR"), 350.0 }, { QStringLiteral("USD"), 240.0 } }));
        QCOMPARE(Licenses::moneyText(Licenses::savingsYtdByCurrency(p)),
            QStringLiteral("EUR 350.00 + USD 240.00"));

        // No entitlement any more: what was realised still counts, in its own currency.
        const LicensePosition gone = Licenses::reconcile(
            SeatType::CollaboratorType, 5, 0, 2, std::nullopt, { { 120, QStringLiteral("USD") } });
        QCOMPARE(gone.status, LicensePosition::Status::NoEntitlement);
        QCOMPARE(gone.actualSavingsYtd, 0.0);
        QCOMPARE(gone.otherSavingsYtd, (QMap<QString, double> { { QStringLiteral("USD"), 120.0 } }));
        QCOMPARE(Licenses::savingsYtdByCurrency(QList<LicensePosition> { p, gone }),
            (QMap<QString, double> { { QStringLiteral("EUR"), 350.0 }, { QStringLiteral("USD"), 360.0 } }));
    }

    void entitlementChecks()
    {
        Entitlement e;
        e.owned = 5;
        e.price = 10;
        QVERIFY(Entitlements::check(e).ok());
        e.currency = QStringLiteral("usd");
        QVERIFY(!Entitlements::check(e).ok());
        e.currency = QStringLiteral("EUR");
        e.owned = -1;
        QVERIFY(!Entitlements::check(e).ok());
        e.owned = 1;
        e.price = std::numeric_limits<double>::quiet_NaN();
        QVERIFY(!Entitlements::check(e).ok());
    }

    void termChecks()
    {
        Entitlement e;
        e.renewal = QDate(2027, 3, 31);
        e.noticeDays = 30;
        QVERIFY(Entitlements::check(e).ok());
        e.noticeDays = -1;
        QVERIFY(!Entitlements::check(e).ok());
        e.noticeDays = Entitlements::MaxNoticeDays + 1;
        QVERIFY(!Entitlements::check(e).ok());
        e.noticeDays = 0;
        e.bufferPercent = -5;
        QVERIFY(!Entitlements::check(e).ok());
        e.bufferPercent = 0;
        e.termStart = QDate(2027, 3, 31); // the term must start before it renews
        QVERIFY(!Entitlements::check(e).ok());
        e.termStart = QDate(2026, 4, 1);
        QVERIFY(Entitlements::check(e).ok());
    }

    // The reminder due is the nearest of 60, 30 and 7 days at or above the days left.
    void renewalReminderDue()
    {
        const QDate cancelBy(2027, 3, 1);
        const auto due
            = [&](int daysLeft) { return Renewals::reminderDue(cancelBy, cancelBy.addDays(-daysLeft)); };
        QCOMPARE(due(61), std::optional<int>());
        QCOMPARE(due(60), std::optional<int>(60));
        QCOMPARE(due(31), std::optional<int>(60));
        QCOMPARE(due(30), std::optional<int>(30));
        QCOMPARE(due(8), std::optional<int>(30));
        QCOMPARE(due(7), std::optional<int>(7));
        QCOMPARE(due(0), std::optional<int>(7)); // the last day to cancel
        QCOMPARE(due(-1), std::optional<int>());
        QCOMPARE(Renewals::reminderDue(QDate(), cancelBy), std::optional<int>());
    }

    void cancelByIsTheRenewalLessTheNotice()
    {
        QCOMPARE(Renewals::cancelBy(QDate(2027, 3, 31), 30), QDate(2027, 3, 1));
        QCOMPARE(Renewals::cancelBy(QDate(2028, 3, 1), 1), QDate(2028, 2, 29)); // leap year
        QCOMPARE(Renewals::cancelBy(QDate(2027, 3, 31), 0), QDate(2027, 3, 31));
        QVERIFY(!Renewals::cancelBy(QDate(), 30).isValid());
    }

    void recommendedSeatsRoundTheBufferUp()
    {
        QCOMPARE(Renewals::recommendedSeats(10, 10), 11);
        QCOMPARE(Renewals::recommendedSeats(11, 10), 13); // 1.1 seats of buffer is 2
        QCOMPARE(Renewals::recommendedSeats(20, 10), 22);
        QCOMPARE(Renewals::recommendedSeats(7, 0), 7);
        QCOMPARE(Renewals::recommendedSeats(0, 10), 0);
        QCOMPARE(Renewals::recommendedSeats(1, 10), 2);
        QCOMPARE(Renewals::recommendedSeats(3, 100), 6);
    }

    void adviceAtRenewal()
    {
        Entitlement e;
        e.seatType = SeatType::Reviewer;
        e.owned = 30;
        e.price = 10;
        e.period = Entitlement::Period::Month;
        e.currency = QStringLiteral("EUR");
        QVERIFY(!Renewals::advise(e, 12, QDate(2027, 1, 1))); // no renewal date: no advice

        e.renewal = QDate(2027, 3, 31);
        e.noticeDays = 30;
        const auto a = Renewals::advise(e, 15, QDate(2027, 1, 1));
        QVERIFY(a);
        QCOMPARE(a->seatType, SeatType::Reviewer);
        QCOMPARE(a->cancelBy, QDate(2027, 3, 1));
        QCOMPARE(a->daysUntilCancelBy, 59);
        QCOMPARE(a->activeSeats, 15);
        QCOMPARE(a->recommended, 17); // 15 + 1.5 rounded up
        QCOMPARE(a->annualSaving, 13 * 120.0); // 13 seats fewer at EUR 120 a year
        QCOMPARE(a->currency, QStringLiteral("EUR"));

        // Past the cancel-by date the days count down below zero.
        QCOMPARE(Renewals::advise(e, 15, QDate(2027, 3, 11))->daysUntilCancelBy, -10);
        // More in use than owned: renewing needs more seats, which saves nothing.
        const auto more = Renewals::advise(e, 40, QDate(2027, 1, 1));
        QCOMPARE(more->recommended, 44);
        QCOMPARE(more->annualSaving, 0.0);
        QCOMPARE(Renewals::annualSaving(10, 8, 100), 200.0);
        QCOMPARE(Renewals::annualSaving(8, 10, 100), 0.0);
    }

    void adviceSummary()
    {
        RenewalAdvice a;
        a.cancelBy = QDate(2027, 3, 1);
        a.daysUntilCancelBy = 59;
        a.recommended = 17;
        a.annualSaving = 1560;
        a.currency = QStringLiteral("EUR");
        // The plural forms come from the English translation, which this test does not load.
        const QString text = Renewals::summary(a);
        QVERIFY2(text.startsWith(QStringLiteral("Cancel by 2027-03-01 (in 59 day")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("recommended 17 seat")), qPrintable(text));
        QVERIFY2(text.endsWith(QStringLiteral("saves EUR 1,560.00")), qPrintable(text));
        a.daysUntilCancelBy = -3;
        QVERIFY(Renewals::summary(a).startsWith(QStringLiteral("Cancel-by date 2027-03-01 passed 3 day")));
    }
};

QTEST_GUILESS_MAIN(TestReclamation)
#include "tst_reclamation.moc"
