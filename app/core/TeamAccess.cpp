#include "core/TeamAccess.h"

#include <QCoreApplication>

namespace rmsam::TeamAccess {
namespace {

struct Entry
{
    TeamAction action;
    TeamRole role;
    const char* doing; // the start of the refusal: "Syncing"
};

// The one table: which role each action needs. Keep it in step with TeamSchema's grants.
const QList<Entry>& table()
{
    static const QList<Entry> entries = {
        { TeamAction::Sync, TeamRole::Operator, QT_TRANSLATE_NOOP("rmsam::TeamAccess", "Syncing") },
        { TeamAction::AttachReport, TeamRole::Operator,
            QT_TRANSLATE_NOOP("rmsam::TeamAccess", "Attaching the User report") },
        { TeamAction::Exclusions, TeamRole::Operator,
            QT_TRANSLATE_NOOP("rmsam::TeamAccess", "Changing exclusions") },
        { TeamAction::Notes, TeamRole::Operator,
            QT_TRANSLATE_NOOP("rmsam::TeamAccess", "Working on removal candidates") },
        { TeamAction::Reclaim, TeamRole::Reclaimer, QT_TRANSLATE_NOOP("rmsam::TeamAccess", "Reclaiming") },
        { TeamAction::Decide, TeamRole::Approver,
            QT_TRANSLATE_NOOP("rmsam::TeamAccess", "Deciding Awaiting Approval") },
        { TeamAction::Profiles, TeamRole::Owner,
            QT_TRANSLATE_NOOP("rmsam::TeamAccess", "Changing integration profiles") },
        { TeamAction::Rule, TeamRole::Owner,
            QT_TRANSLATE_NOOP("rmsam::TeamAccess", "Changing the reclamation rule") },
        { TeamAction::Entitlements, TeamRole::Owner,
            QT_TRANSLATE_NOOP("rmsam::TeamAccess", "Changing entitlements") },
        { TeamAction::JobSettings, TeamRole::Owner,
            QT_TRANSLATE_NOOP("rmsam::TeamAccess", "Changing job settings") },
        { TeamAction::Team, TeamRole::Owner, QT_TRANSLATE_NOOP("rmsam::TeamAccess", "Managing the team") },
        { TeamAction::MailSettings, TeamRole::Owner,
            QT_TRANSLATE_NOOP("rmsam::TeamAccess", "Changing the e-mail settings") },
    };
    return entries;
}

const Entry& entry(TeamAction action)
{
    for (const Entry& e : table()) {
        if (e.action == action) {
            return e;
        }
    }
    return table().constLast(); // every action is in the table
}

} // namespace

TeamRole needed(TeamAction action)
{
    return entry(action).role;
}

QList<TeamAction> allActions()
{
    QList<TeamAction> actions;
    for (const Entry& e : table()) {
        actions.append(e.action);
    }
    return actions;
}

TeamAction forCandidate(CandidateAction action, std::optional<CandidateState> from)
{
    if (from == CandidateState::AwaitingApproval) {
        return TeamAction::Decide;
    }
    switch (action) {
    case CandidateAction::Approve:
    case CandidateAction::Decline:
        return TeamAction::Decide;
    case CandidateAction::Reclaim:
        return TeamAction::Reclaim;
    default:
        return TeamAction::Notes;
    }
}

QString refusal(TeamRole held, TeamAction action, const QString& member)
{
    const Entry& e = entry(action);
    if (TeamRoles::permits(held, e.role)) {
        return {};
    }
    return QCoreApplication::translate("rmsam::TeamAccess",
        "%1 needs the %2 role; your role is %3. An owner can grant it: roadmunk-sam team grant "
        "--member %4 --role %5.")
        .arg(QCoreApplication::translate("rmsam::TeamAccess", e.doing), TeamRoles::displayName(e.role),
            TeamRoles::displayName(held), member.isEmpty() ? QStringLiteral("NAME") : member,
            TeamRoles::code(e.role));
}

Result<void> check(TeamRole held, TeamAction action, const QString& member)
{
    const QString why = refusal(held, action, member);
    if (why.isEmpty()) {
        return {};
    }
    return Error { ErrorCode::NotPermitted, why,
        QStringLiteral("refused by the client: %1 needs %2, %3 holds %4")
            .arg(int(action))
            .arg(TeamRoles::code(needed(action)), member, TeamRoles::code(held)) };
}

} // namespace rmsam::TeamAccess
