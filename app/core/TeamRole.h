#pragma once

#include "core/EnumTable.h"

#include <QString>

namespace rmsam {

// What a member of a team database may do. Each role includes every role before it: an operator
// may do what a viewer may, an owner everything. On a single admin's SQLite database the admin
// is the owner. On PostgreSQL the server enforces the roles (GRANTs and triggers), the client
// only mirrors them to disable what would be refused.
enum class TeamRole
{
    Viewer, // read and export
    Operator, // + sync, attach the User report, exclusions, notes
    Reclaimer, // + reclaim runs
    Approver, // + decide Awaiting Approval (never on a candidate they moved there)
    Owner, // + profiles, rule, entitlements, job settings, the team
};

namespace TeamRoles {
const EnumTable<TeamRole>& table();
QString code(TeamRole role); // stable: "viewer", "operator", …
std::optional<TeamRole> fromCode(const QString& code);
QString displayName(TeamRole role);
// Whether a member with role `held` may do what needs `needed`.
inline bool permits(TeamRole held, TeamRole needed)
{
    return int(held) >= int(needed);
}
} // namespace TeamRoles

} // namespace rmsam
