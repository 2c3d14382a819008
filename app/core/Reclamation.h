#pragma once

#include "core/Activity.h"
#include "core/EnumTable.h"
#include "core/HrRoster.h"
#include "core/Result.h"
#include "core/Subscription.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <optional>

namespace rmsam {

// Per profile: which subscriptions become removal candidates (docs/DOMAIN.md, "Words").
struct ReclamationRule
{
    static constexpr int DefaultThresholdDays = 60;
    static constexpr int DefaultGraceDays = 14;
    static constexpr int DefaultNotifyDays = 7;
    static constexpr int DefaultReminderDays = 2;

    qint64 profileId = 0;
    int thresholdDays = DefaultThresholdDays; // no activity for at least this many days
    QStringList rolesInScope { QStringLiteral("collaborator"), QStringLiteral("reviewer") };
    bool includeNoActivity = true;
    int graceDays = DefaultGraceDays; // invited or newly seen users are left alone this long
    bool notifyUser = false;
    int notifyDays = DefaultNotifyDays; // days the user has to answer before reclamation proceeds
    // A reminder e-mail this many days before the deadline (0: none); fewer than notifyDays.
    int reminderDays = DefaultReminderDays;
    // The stored version this was read at: 0 when none was stored. Saving refuses (Conflict) when
    // the stored one is no longer this version: someone else changed it meanwhile.
    qint64 rowVersion = 0;
};

namespace ReclamationRules {
// Roles a rule may put in scope. Account Admins are never in scope.
QStringList scopableRoles();
Result<void> check(const ReclamationRule& rule);
} // namespace ReclamationRules

enum class CandidateState
{
    AttentionRequired, // missing data or a failed reclaim
    Ready,
    AwaitingUser, // Notify user: the user was asked
    AwaitingApproval, // the user wants to keep the seat; the admin decides
    AwaitingRevocation, // will be deactivated by the next reclaim run
    ClosedComplete, // deactivated
    ClosedSkipped, // the subscription vanished, was excluded, or the admin skipped it
    ClosedCanceled, // activity seen again
};

enum class CandidateAction
{
    DataMissing, // the app found missing data, or a reclaim attempt failed
    DataFixed,
    Reclaim, // the admin (or a reclaim run) starts reclaiming
    UserReleases, // the user answered: take it
    UserKeeps, // the user answered: I still need it
    NoAnswer, // the notice period ended without an answer
    Approve, // the admin lets the user keep the seat
    Decline, // the admin reclaims anyway
    Deactivated, // deactivateUser succeeded
    Vanished, // the subscription is no longer in the snapshot (or is now excluded)
    Skip, // manual
    Close, // manual: the seat was reclaimed outside the app
    ActivitySeen,
};

namespace Candidates {
const EnumTable<CandidateState>& stateTable();
const EnumTable<CandidateAction>& actionTable();
QString stateCode(CandidateState state); // stable: "attention_required", "ready", …
std::optional<CandidateState> stateFromCode(const QString& code);
QString stateDisplayName(CandidateState state);
QString actionCode(CandidateAction action); // stable: "data_missing", "reclaim", …
std::optional<CandidateAction> actionFromCode(const QString& code);
QString actionDisplayName(CandidateAction action);
bool isClosed(CandidateState state);
QList<CandidateState> allStates();
QList<CandidateAction> allActions();

// The state machine of a removal candidate: where `action` takes a candidate in `state`, or
// an error naming why the move is refused. notifyUser is the rule's Notify user option.
Result<CandidateState> next(CandidateState state, CandidateAction action, bool notifyUser);

// Who moves candidates when no person does: syncs and rule evaluations.
inline const QString AppActor = QStringLiteral("Roadmunk SAM");
// Attention Required asks a person to look (a changed identity, an unknown outcome, an
// unreadable date), so only a person moves a candidate out of it, and says in a note what they
// checked. Refuses anything else.
Result<void> checkMover(CandidateState state, const QString& actor, const QString& note);
} // namespace Candidates

// What the rule says about one subscription today.
struct Assessment
{
    enum class Verdict
    {
        NotFlagged,
        Flagged, // a removal candidate, Ready
        NeedsAttention, // a removal candidate, but data is missing
    };
    Verdict verdict = Verdict::NotFlagged;
    QString justification; // e.g. "no activity for 143 days"
    std::optional<int> daysInactive; // none: no activity at all
    bool leaver = false; // the HR roster says the user left, or does not list them: listed first
};

namespace Candidates {
// firstSeen: when the app first saw the subscription (grace period for newly seen users).
// excluded: an exclusion rule matches it. Account Admins and roles out of scope are never
// flagged. roster: where the user stands against the profile's HR roster; a leaver (not on it,
// or listed as gone) in the rule's scope is flagged whatever their activity.
Assessment assess(const ReclamationRule& rule, const SoftwareSubscription& subscription,
    const UserActivity& activity, bool excluded, const QDateTime& firstSeen, const QDateTime& now,
    const RosterStanding& roster = {});
} // namespace Candidates

// How a candidate's number is shown: "RC0000042".
inline QString candidateNumberText(qint64 number)
{
    return QStringLiteral("RC%1").arg(number, 7, 10, QLatin1Char('0'));
}

// A subscription the reclamation rule flagged, and what has been done about it.
struct RemovalCandidate
{
    qint64 number = 0; // unique across profiles; shown as "RC<number>"
    qint64 profileId = 0;
    QString userId;
    QString email;
    QString displayName;
    QString role;
    SeatType seatType = SeatType::CollaboratorType;
    QDateTime lastActivity;
    ActivitySource activitySource = ActivitySource::None;
    QString justification;
    bool leaver = false; // flagged by the HR roster: listed before the others
    CandidateState state = CandidateState::Ready;
    QDateTime createdAt;
    QDateTime updatedAt;
    QDateTime notifiedAt; // when it entered Awaiting User
    qint64 rowVersion = 0; // the stored version this was read at (stale-edit detection)

    QString displayNumber() const { return candidateNumberText(number); }
};

// One line of a candidate's history: a state change or a work note.
struct CandidateEvent
{
    QDateTime at;
    QString actor;
    QString action; // a CandidateAction code, or "note"
    std::optional<CandidateState> from;
    std::optional<CandidateState> to;
    QString note;
};

// When an audit entry was written: before the deactivateUser call is sent, or after its outcome.
enum class AuditPhase
{
    Before,
    After,
};

namespace AuditPhases {
const EnumTable<AuditPhase>& table();
QString code(AuditPhase phase); // stable: "before" / "after"
std::optional<AuditPhase> fromCode(const QString& code);
QString displayName(AuditPhase phase);
} // namespace AuditPhases

// One line of the audit log of deactivations: written before and after each deactivateUser call.
struct AuditEntry
{
    qint64 id = 0;
    QDateTime at;
    QString actor;
    qint64 profileId = 0;
    QString profileName;
    qint64 candidateNumber = 0;
    QString userId;
    QString email;
    AuditPhase phase = AuditPhase::Before;
    QString outcome; // "attempt", "deactivated", "already_deactivated", "failed", "unknown", "refused"
    QString detail;
};

// Seats owned per seat type and what each costs.
struct Entitlement
{
    enum class Period
    {
        Month,
        Year,
    };
    qint64 profileId = 0;
    SeatType seatType = SeatType::CollaboratorType;
    int owned = 0;
    double price = 0; // per seat and period
    Period period = Period::Year;
    QString currency = QStringLiteral("USD"); // ISO 4217
    // The contract's term (seats are bought for a term; a reduction pays only at renewal).
    // An invalid date: not known.
    QDate termStart;
    QDate renewal;
    int noticeDays = 0; // a reduction must be requested this many days before the renewal
    static constexpr int DefaultBufferPercent = 10;
    int bufferPercent = DefaultBufferPercent; // seats kept above those in use at renewal
    qint64 rowVersion = 0; // the stored version this was read at; 0 when none was stored

    double annualPrice() const { return period == Period::Month ? price * 12 : price; }
};

// What a reclaimed seat saved a year, in the currency of the entitlement when its user was
// deactivated: kept as realised, whatever the entitlement says later.
struct RealisedPrice
{
    double annualPrice = 0;
    QString currency; // ISO 4217
};

namespace Entitlements {
inline constexpr int MaxNoticeDays = 365;
inline constexpr int MaxBufferPercent = 100;
const EnumTable<Entitlement::Period>& periodTable(); // codes only
QString periodCode(Entitlement::Period period); // "month" / "year"
std::optional<Entitlement::Period> periodFromCode(const QString& code);
Result<void> check(const Entitlement& entitlement);
} // namespace Entitlements

// What to do about a seat type at its contract's renewal: seats are bought per term, so a
// reduction pays only if requested by the cancel-by date (the renewal less the notice period).
struct RenewalAdvice
{
    SeatType seatType = SeatType::CollaboratorType;
    QDate renewal;
    QDate cancelBy;
    qint64 daysUntilCancelBy = 0; // negative once the date has passed
    int owned = 0;
    int activeSeats = 0; // seats held by users who are not open removal candidates
    int recommended = 0; // activeSeats plus the buffer, rounded up
    double annualSaving = 0; // (owned − recommended) × annual price; 0 when more are needed
    QString currency; // ISO 4217, the entitlement's
};

// Assigned against owned seats of one seat type.
struct LicensePosition
{
    enum class Status
    {
        NoEntitlement,
        Compliant,
        UnderLicensed,
        OverLicensed,
    };
    SeatType seatType = SeatType::CollaboratorType;
    int assigned = 0; // seat holders, excluded ones included (they hold a seat)
    int owned = 0;
    int stale = 0; // open removal candidates
    int reclaimedThisYear = 0; // Closed Complete this calendar year
    int reclaimedPriced = 0; // of them, deactivations that recorded the price they were realised at
    Status status = Status::NoEntitlement;
    QString currency;
    double annualSpend = 0; // owned × annual price
    double trueUpCost = 0; // seats missing × annual price
    int unusedOwned = 0; // owned seats nobody holds
    double potentialSavings = 0; // stale × annual price
    double actualSavingsYtd = 0; // what the seats reclaimed this year saved, in `currency`
    // What they saved in other currencies (realised before the entitlement's currency changed,
    // or while it had one and has none now): never added to actualSavingsYtd.
    QMap<QString, double> otherSavingsYtd;
    std::optional<RenewalAdvice> renewal; // none without a renewal date (core/Renewal.h)
};

namespace Licenses {
const EnumTable<LicensePosition::Status>& statusTable();
QString statusCode(LicensePosition::Status status);
QString statusDisplayName(LicensePosition::Status status);
// `realised`: the recorded prices of seats reclaimed this year (at most reclaimedThisYear of
// them); the others are priced at the entitlement's current price.
LicensePosition reconcile(SeatType seatType, int assigned, int stale, int reclaimedThisYear,
    const std::optional<Entitlement>& entitlement, const QList<RealisedPrice>& realised = {});
// An amount with its ISO code, in the user's locale: "USD 4,188.00" (a symbol alone could be
// any of several currencies).
QString moneyText(double amount, const QString& currency);
// Sums of a money figure per currency: figures in different currencies are never added up.
QMap<QString, double> totalByCurrency(
    const QList<LicensePosition>& positions, double LicensePosition::*figure);
// Actual savings this year per currency, those in other currencies included.
QMap<QString, double> savingsYtdByCurrency(const QList<LicensePosition>& positions);
QMap<QString, double> savingsYtdByCurrency(const LicensePosition& position);
// Amounts in several currencies as one text, never one sum: "USD 240.00 + EUR 400.00".
QString moneyText(const QMap<QString, double>& amounts);
} // namespace Licenses

} // namespace rmsam
