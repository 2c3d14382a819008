#include "services/TeamService.h"

#include "storage/Database.h"
#include "storage/TeamSchema.h"

namespace rmsam {

TeamService::TeamService(Database& database)
    : m_database(database)
{
    if (auto read = refresh(); !read) {
        // The server still decides; the client only refuses less early.
        qCWarning(lcStorage).noquote() << "Cannot read the member's team role:" << read.error().detail;
    }
}

Result<void> TeamService::refresh()
{
    TeamSchema schema(m_database);
    auto member = schema.sessionUser();
    if (!member) {
        return member.error();
    }
    m_member = member.value();
    auto role = schema.roleOfSessionUser();
    if (!role) {
        m_role = TeamRole::Viewer;
        m_hasRole = false;
        return role.error();
    }
    m_hasRole = role.value().has_value();
    m_role = role.value().value_or(TeamRole::Viewer);
    return {};
}

bool TeamService::isTeamDatabase() const
{
    return m_database.backend() == DatabaseLocation::Backend::PostgreSql;
}

Result<void> TeamService::check(TeamAction action) const
{
    return TeamAccess::check(m_role, action, m_member);
}

QString TeamService::refusal(TeamAction action) const
{
    return TeamAccess::refusal(m_role, action, m_member);
}

Result<DatabaseStatus> TeamService::status()
{
    DatabaseStatus status;
    const bool postgreSql = isTeamDatabase();
    status.backend = postgreSql ? QStringLiteral("PostgreSQL") : QStringLiteral("SQLite");
    status.location = m_database.filePath();
    status.schemaVersion = m_database.schemaVersion();
    if (auto read = refresh(); !read) {
        return read.error();
    }
    status.member = m_member;
    status.role = m_role;
    auto initialized = TeamSchema(m_database).initialized();
    if (!initialized) {
        return initialized.error();
    }
    status.teamInitialized = initialized.value();
    return status;
}

Result<void> TeamService::initialize()
{
    if (!isTeamDatabase()) {
        return {};
    }
    if (auto done = TeamSchema(m_database).initialize(); !done) {
        return done;
    }
    return refresh();
}

Result<void> TeamService::grant(const QString& member, TeamRole role)
{
    if (auto allowed = check(TeamAction::Team); !allowed && isTeamDatabase()) {
        return allowed;
    }
    return TeamSchema(m_database).grant(member, role);
}

Result<void> TeamService::revoke(const QString& member)
{
    if (auto allowed = check(TeamAction::Team); !allowed && isTeamDatabase()) {
        return allowed;
    }
    return TeamSchema(m_database).revoke(member);
}

Result<QList<TeamMember>> TeamService::members()
{
    return TeamSchema(m_database).members();
}

} // namespace rmsam
