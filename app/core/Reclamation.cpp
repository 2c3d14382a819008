#include "core/Reclamation.h"

#include "core/Justifications.h"

#include <QCoreApplication>

namespace rmsam {
namespace {

// Moves every open state allows: the candidate can always leave for a closed state or for
// Attention Required.
std::optional<CandidateState> commonMove(CandidateAction action)
{
    switch (action) {
    case CandidateAction::DataMissing:
        return CandidateState::AttentionRequired;
    case CandidateAction::Vanished:
    case CandidateAction::Skip:
        return CandidateState::ClosedSkipped;
    case CandidateAction::Close:
        return CandidateState::ClosedComplete;
    case CandidateAction::ActivitySeen:
        return CandidateState::ClosedCanceled;
    default:
        return std::nullopt;
    }
}

std::optional<CandidateState> specificMove(CandidateState state, CandidateAction action, bool notifyUser)
{
    switch (state) {
    case CandidateState::AttentionRequired:
        if (action == CandidateAction::DataFixed) {
            return CandidateState::Ready;
        }
        break;
    case CandidateState::Ready:
        if (action == CandidateAction::Reclaim) {
            return notifyUser ? CandidateState::AwaitingUser : CandidateState::AwaitingRevocation;
        }
        break;
    case CandidateState::AwaitingUser:
        if (action == CandidateAction::UserReleases || action == CandidateAction::NoAnswer) {
            return CandidateState::AwaitingRevocation;
        }
        if (action == CandidateAction::UserKeeps) {
            return CandidateState::AwaitingApproval;
        }
        break;
    case CandidateState::AwaitingApproval:
        if (action == CandidateAction::Approve) {
            return CandidateState::ClosedSkipped;
        }
        if (action == CandidateAction::Decline) {
            return CandidateState::AwaitingRevocation;
        }
        break;
    case CandidateState::AwaitingRevocation:
        if (action == CandidateAction::Deactivated) {
            return CandidateState::ClosedComplete;
        }
        break;
    default:
        break;
    }
    return std::nullopt;
}

} // namespace

namespace ReclamationRules {

QStringList scopableRoles()
{
    return { QStringLiteral("collaborator"), QStringLiteral("user_manager"), QStringLiteral("reviewer") };
}

Result<void> check(const ReclamationRule& rule)
{
    if (rule.thresholdDays < 1 || rule.thresholdDays > 3650) {
        return Error { ErrorCode::InvalidInput,
            QCoreApplication::translate(
                "rmsam::Reclamation", "The last-activity threshold must be between 1 and 3650 days."),
            {} };
    }
    if (rule.graceDays < 0 || rule.graceDays > 365) {
        return Error { ErrorCode::InvalidInput,
            QCoreApplication::translate(
                "rmsam::Reclamation", "The grace period must be between 0 and 365 days."),
            {} };
    }
    if (rule.notifyDays < 1 || rule.notifyDays > 90) {
        return Error { ErrorCode::InvalidInput,
            QCoreApplication::translate(
                "rmsam::Reclamation", "The days before automatic reclamation must be between 1 and 90."),
            {} };
    }
    if (rule.reminderDays < 0 || (rule.reminderDays > 0 && rule.reminderDays >= rule.notifyDays)) {
        return Error { ErrorCode::InvalidInput,
            QCoreApplication::translate("rmsam::Reclamation",
                "The reminder must come fewer days before the deadline than the notice period (%1 "
                "days), or be 0 for none.")
                .arg(rule.notifyDays),
            {} };
    }
    for (const QString& role : rule.rolesInScope) {
        if (role == QLatin1String("account_admin")) {
            return Error { ErrorCode::InvalidInput,
                QCoreApplication::translate("rmsam::Reclamation",
                    "Account Admins are never in scope of reclamation; remove account_admin from the roles."),
                {} };
        }
        if (!scopableRoles().contains(role)) {
            return Error { ErrorCode::InvalidInput,
                QCoreApplication::translate(
                    "rmsam::Reclamation", "\"%1\" is not a role the rule can put in scope; use %2.")
                    .arg(role, scopableRoles().join(QStringLiteral(", "))),
                {} };
        }
    }
    return {};
}

} // namespace ReclamationRules

namespace Candidates {

const EnumTable<CandidateState>& stateTable()
{
    static const EnumTable<CandidateState> states("rmsam::Reclamation",
        {
            { CandidateState::AttentionRequired, "attention_required",
                QT_TRANSLATE_NOOP("rmsam::Reclamation", "Attention Required") },
            { CandidateState::Ready, "ready", QT_TRANSLATE_NOOP("rmsam::Reclamation", "Ready") },
            { CandidateState::AwaitingUser, "awaiting_user",
                QT_TRANSLATE_NOOP("rmsam::Reclamation", "Awaiting User") },
            { CandidateState::AwaitingApproval, "awaiting_approval",
                QT_TRANSLATE_NOOP("rmsam::Reclamation", "Awaiting Approval") },
            { CandidateState::AwaitingRevocation, "awaiting_revocation",
                QT_TRANSLATE_NOOP("rmsam::Reclamation", "Awaiting Revocation") },
            { CandidateState::ClosedComplete, "closed_complete",
                QT_TRANSLATE_NOOP("rmsam::Reclamation", "Closed Complete") },
            { CandidateState::ClosedSkipped, "closed_skipped",
                QT_TRANSLATE_NOOP("rmsam::Reclamation", "Closed Skipped") },
            { CandidateState::ClosedCanceled, "closed_canceled",
                QT_TRANSLATE_NOOP("rmsam::Reclamation", "Closed Canceled") },
        });
    return states;
}

const EnumTable<CandidateAction>& actionTable()
{
    static const EnumTable<CandidateAction> actions("rmsam::Reclamation",
        {
            { CandidateAction::DataMissing, "data_missing",
                QT_TRANSLATE_NOOP("rmsam::Reclamation", "needs attention") },
            { CandidateAction::DataFixed, "data_fixed",
                QT_TRANSLATE_NOOP("rmsam::Reclamation", "data fixed") },
            { CandidateAction::Reclaim, "reclaim", QT_TRANSLATE_NOOP("rmsam::Reclamation", "reclaim") },
            { CandidateAction::UserReleases, "user_releases",
                QT_TRANSLATE_NOOP("rmsam::Reclamation", "user releases the seat") },
            { CandidateAction::UserKeeps, "user_keeps",
                QT_TRANSLATE_NOOP("rmsam::Reclamation", "user keeps the seat") },
            { CandidateAction::NoAnswer, "no_answer",
                QT_TRANSLATE_NOOP("rmsam::Reclamation", "no answer from the user") },
            { CandidateAction::Approve, "approve",
                QT_TRANSLATE_NOOP("rmsam::Reclamation", "approve keeping the seat") },
            { CandidateAction::Decline, "decline",
                QT_TRANSLATE_NOOP("rmsam::Reclamation", "decline keeping the seat") },
            { CandidateAction::Deactivated, "deactivated",
                QT_TRANSLATE_NOOP("rmsam::Reclamation", "deactivated") },
            { CandidateAction::Vanished, "vanished",
                QT_TRANSLATE_NOOP("rmsam::Reclamation", "subscription gone") },
            { CandidateAction::Skip, "skip", QT_TRANSLATE_NOOP("rmsam::Reclamation", "skip") },
            { CandidateAction::Close, "close", QT_TRANSLATE_NOOP("rmsam::Reclamation", "close") },
            { CandidateAction::ActivitySeen, "activity_seen",
                QT_TRANSLATE_NOOP("rmsam::Reclamation", "activity seen") },
        });
    return actions;
}

QString stateCode(CandidateState state)
{
    return stateTable().code(state);
}

std::optional<CandidateState> stateFromCode(const QString& code)
{
    return stateTable().fromCode(code);
}

QString stateDisplayName(CandidateState state)
{
    return stateTable().displayName(state);
}

QString actionCode(CandidateAction action)
{
    return actionTable().code(action);
}

std::optional<CandidateAction> actionFromCode(const QString& code)
{
    return actionTable().fromCode(code);
}

QString actionDisplayName(CandidateAction action)
{
    return actionTable().displayName(action);
}

bool isClosed(CandidateState state)
{
    return state == CandidateState::ClosedComplete || state == CandidateState::ClosedSkipped
        || state == CandidateState::ClosedCanceled;
}

QList<CandidateState> allStates()
{
    return stateTable().all();
}

QList<CandidateAction> allActions()
{
    return actionTable().all();
}

Result<void> checkMover(CandidateState state, const QString& actor, const QString& note)
{
    if (state != CandidateState::AttentionRequired) {
        return {};
    }
    if (actor == AppActor || actor.trimmed().isEmpty()) {
        return Error { ErrorCode::InvalidState,
            QCoreApplication::translate(
                "rmsam::Reclamation", "The candidate is Attention Required; only a person can move it on."),
            QStringLiteral("refused a move out of attention_required by '%1'").arg(actor) };
    }
    if (note.trimmed().isEmpty()) {
        return Error { ErrorCode::InvalidInput,
            QCoreApplication::translate("rmsam::Reclamation",
                "The candidate is Attention Required: say in a note what you checked before you move it on."),
            {} };
    }
    return {};
}

Result<CandidateState> next(CandidateState state, CandidateAction action, bool notifyUser)
{
    if (isClosed(state)) {
        return Error { ErrorCode::InvalidState,
            QCoreApplication::translate(
                "rmsam::Reclamation", "The candidate is %1; a closed candidate cannot change.")
                .arg(stateDisplayName(state)),
            {} };
    }
    if (const auto to = specificMove(state, action, notifyUser)) {
        return *to;
    }
    if (const auto to = commonMove(action)) {
        return *to;
    }
    return Error { ErrorCode::InvalidState,
        QCoreApplication::translate(
            "rmsam::Reclamation", "A candidate in state %1 cannot take the action \"%2\".")
            .arg(stateDisplayName(state), actionDisplayName(action)),
        {} };
}

namespace {

// A seat holder the roster says left or does not list: flagged whatever their activity. Someone
// new to the account gets the grace period when merely missing (a new hire may not be in the
// export yet); someone listed as gone does not.
std::optional<Assessment> assessLeaver(const ReclamationRule& rule, const SoftwareSubscription& subscription,
    const QDateTime& firstSeen, const QDateTime& now, const RosterStanding& roster)
{
    if (!roster.isLeaver()) {
        return std::nullopt;
    }
    Assessment a;
    if (roster.kind == RosterStanding::Kind::NotListed) {
        if (firstSeen.isValid() && firstSeen.daysTo(now) < rule.graceDays) {
            return a;
        }
        a.justification = Justifications::translated(Justifications::NotOnRoster);
    } else if (roster.leftOn.isValid()) {
        a.justification
            = Justifications::translated(Justifications::LeftOn).arg(roster.leftOn.toString(Qt::ISODate));
    } else {
        a.justification = Justifications::translated(Justifications::LeftPerRoster);
    }
    a.verdict = Assessment::Verdict::Flagged;
    a.leaver = true;
    if (subscription.email.trimmed().isEmpty()) {
        a.verdict = Assessment::Verdict::NeedsAttention;
        a.justification += Justifications::translated(Justifications::NoEmailSuffix);
    }
    return a;
}

} // namespace

Assessment assess(const ReclamationRule& rule, const SoftwareSubscription& subscription,
    const UserActivity& activity, bool excluded, const QDateTime& firstSeen, const QDateTime& now,
    const RosterStanding& roster)
{
    Assessment a;
    if (subscription.role == QLatin1String("account_admin") || !subscription.seatType
        || !rule.rolesInScope.contains(subscription.role) || excluded) {
        return a;
    }
    if (auto leaver = assessLeaver(rule, subscription, firstSeen, now, roster)) {
        return *leaver;
    }
    // Any recent date proves activity, whatever else is unreadable; an unreadable date proves
    // nothing, so the user is flagged for a person to look at, never Ready.
    const auto recent
        = [&](const QDateTime& when) { return when.isValid() && when.daysTo(now) < rule.thresholdDays; };
    if (recent(subscription.lastLogin)
        || (activity.reason == NoActivityReason::HasActivity && recent(activity.lastActivity))) {
        return a;
    }
    const QString unreadable
        = subscription.lastLoginUnreadable.isEmpty() ? activity.unreadable : subscription.lastLoginUnreadable;
    if (!unreadable.isEmpty()) {
        a.verdict = Assessment::Verdict::NeedsAttention;
        a.justification = Justifications::translated(Justifications::UnreadableDate).arg(unreadable);
        return a;
    }
    if (activity.reason == NoActivityReason::HasActivity && activity.lastActivity.isValid()) {
        const int days = int(activity.lastActivity.daysTo(now));
        if (days < rule.thresholdDays) {
            return a;
        }
        a.daysInactive = days;
        a.justification = Justifications::translated(Justifications::NoActivityLast)
                              .arg(days)
                              .arg(ActivityRules::sourceDisplayName(activity.source));
    } else {
        if (!rule.includeNoActivity) {
            return a;
        }
        const bool newlySeen = firstSeen.isValid() && firstSeen.daysTo(now) < rule.graceDays;
        if (newlySeen) {
            return a;
        }
        switch (activity.reason) {
        case NoActivityReason::InvitedPending:
            a.justification
                = Justifications::translated(Justifications::InvitationPending).arg(rule.graceDays);
            break;
        case NoActivityReason::NeverLoggedIn:
            a.justification = Justifications::translated(Justifications::NeverLoggedIn);
            break;
        default:
            if (subscription.lastLogin.isValid()) {
                a.daysInactive = int(subscription.lastLogin.daysTo(now));
                a.justification = Justifications::translated(Justifications::NoActivityLastLogin)
                                      .arg(*a.daysInactive)
                                      .arg(subscription.lastLogin.toUTC().date().toString(Qt::ISODate));
            } else {
                a.justification = Justifications::translated(Justifications::NoActivityInPeriod);
            }
            break;
        }
    }
    a.verdict = Assessment::Verdict::Flagged;
    if (subscription.email.trimmed().isEmpty()) {
        a.verdict = Assessment::Verdict::NeedsAttention;
        a.justification += Justifications::translated(Justifications::NoEmailSuffix);
    }
    return a;
}

} // namespace Candidates

namespace AuditPhases {

const EnumTable<AuditPhase>& table()
{
    // Named where the reclaim run's words are translated.
    static const EnumTable<AuditPhase> phases("rmsam::ReclaimJob",
        {
            { AuditPhase::Before, "before", QT_TRANSLATE_NOOP("rmsam::ReclaimJob", "Before the call") },
            { AuditPhase::After, "after", QT_TRANSLATE_NOOP("rmsam::ReclaimJob", "After the call") },
        });
    return phases;
}

QString code(AuditPhase phase)
{
    return table().code(phase);
}

std::optional<AuditPhase> fromCode(const QString& code)
{
    return table().fromCode(code);
}

QString displayName(AuditPhase phase)
{
    return table().displayName(phase);
}

} // namespace AuditPhases

} // namespace rmsam
