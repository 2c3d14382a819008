#pragma once

#include "core/Result.h"
#include "core/TeamAccess.h"
#include "core/TeamRole.h"

#include <QList>
#include <QString>

namespace rmsam {

class Database;

// The team around a shared database, as the GUI and the command line see it: the connected
// member's role (read when the services open; the server enforces it, this mirrors it to refuse
// early and disable what would be refused), the database's status, and the owner's grant and
// revoke. On SQLite the single admin is the owner and there is no team to manage.
class TeamService
{
public:
    explicit TeamService(Database& database);
    Q_DISABLE_COPY_MOVE(TeamService)

    // Reads the member's role again (after a grant or a revoke).
    Result<void> refresh();
    TeamRole role() const { return m_role; }
    // Whether the member holds any team role (a login in no group can read nothing).
    bool hasRole() const { return m_hasRole; }
    // session_user on PostgreSQL; empty on SQLite.
    QString member() const { return m_member; }
    bool isTeamDatabase() const;

    // NotPermitted, naming the role needed and the role held, unless the member's role allows it.
    Result<void> check(TeamAction action) const;
    bool permits(TeamAction action) const { return check(action).ok(); }
    // The reason a disabled control gives in its tooltip; empty when permitted.
    QString refusal(TeamAction action) const;

    Result<DatabaseStatus> status();
    // `database init`: the schema is current once the services opened; on PostgreSQL this creates
    // the team's roles and grants too (run by the database administrator).
    Result<void> initialize();
    Result<void> grant(const QString& member, TeamRole role);
    Result<void> revoke(const QString& member);
    Result<QList<TeamMember>> members();

private:
    Database& m_database;
    TeamRole m_role = TeamRole::Owner;
    bool m_hasRole = true;
    QString m_member;
};

} // namespace rmsam
