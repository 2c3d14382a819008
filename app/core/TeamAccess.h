#pragma once

#include "core/Reclamation.h"
#include "core/Result.h"
#include "core/TeamRole.h"

#include <QList>
#include <QString>

namespace rmsam {

// What a member of a team database asks to do, for the one table of which role each needs. The
// server enforces the same (GRANTs and triggers, storage's TeamSchema); the client checks first to
// say which role is missing, and the GUI to disable what would be refused.
enum class TeamAction
{
    Sync, // sync now (and the daily jobs)
    AttachReport,
    Exclusions,
    Notes, // work notes and a candidate's manual moves (skip, close, ready, keep, release)
    Reclaim, // reclaim runs, a candidate's reclaim move
    Decide, // approve or decline keeping a seat (Awaiting Approval)
    Profiles, // create, change, publish or delete a profile
    Rule,
    Entitlements,
    JobSettings,
    Team, // grant and revoke roles
    MailSettings, // the SMTP relay's settings (e-mail notices)
};

// A member of a team database: a PostgreSQL login role and the group it belongs to.
struct TeamMember
{
    QString name;
    TeamRole role = TeamRole::Viewer;
};

// What `database status` shows and the GUI's status bar says.
struct DatabaseStatus
{
    QString backend; // "SQLite" or "PostgreSQL"
    QString location; // the file, or the URL without its query
    int schemaVersion = 0;
    QString member; // PostgreSQL: session_user; SQLite: empty
    TeamRole role = TeamRole::Owner;
    bool teamInitialized = false; // PostgreSQL: the group roles exist
};

namespace TeamAccess {
TeamRole needed(TeamAction action);
QList<TeamAction> allActions();
// What recording a candidate action on a candidate in state `from` asks for: approve and decline
// are decisions, and so is any other move out of Awaiting Approval (a skip or a close has the
// approval's effect); reclaim is a reclaim; the other manual moves are an operator's work.
TeamAction forCandidate(CandidateAction action, std::optional<CandidateState> from = std::nullopt);
// Ok when `held` allows the action; otherwise NotPermitted, naming the role needed, the role held
// and the command an owner runs to grant it to `member`.
Result<void> check(TeamRole held, TeamAction action, const QString& member);
// The sentence check() gives, for a tooltip; empty when permitted.
QString refusal(TeamRole held, TeamAction action, const QString& member);
} // namespace TeamAccess

} // namespace rmsam
