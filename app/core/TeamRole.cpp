#include "core/TeamRole.h"

namespace rmsam::TeamRoles {

const EnumTable<TeamRole>& table()
{
    static const EnumTable<TeamRole> roles("rmsam::TeamRoles",
        { { TeamRole::Viewer, "viewer", QT_TRANSLATE_NOOP("rmsam::TeamRoles", "viewer") },
            { TeamRole::Operator, "operator", QT_TRANSLATE_NOOP("rmsam::TeamRoles", "operator") },
            { TeamRole::Reclaimer, "reclaimer", QT_TRANSLATE_NOOP("rmsam::TeamRoles", "reclaimer") },
            { TeamRole::Approver, "approver", QT_TRANSLATE_NOOP("rmsam::TeamRoles", "approver") },
            { TeamRole::Owner, "owner", QT_TRANSLATE_NOOP("rmsam::TeamRoles", "owner") } });
    return roles;
}

QString code(TeamRole role)
{
    return table().code(role);
}

std::optional<TeamRole> fromCode(const QString& code)
{
    return table().fromCode(code);
}

QString displayName(TeamRole role)
{
    return table().displayName(role);
}

} // namespace rmsam::TeamRoles
