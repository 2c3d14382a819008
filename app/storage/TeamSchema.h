#pragma once

#include "core/Result.h"
#include "core/TeamAccess.h"
#include "core/TeamRole.h"

#include <QList>
#include <QString>
#include <optional>

namespace rmsam {

class Database;

// Team mode's roles on a PostgreSQL database: one NOLOGIN group role per TeamRole and database,
// `rmsam_<database>_<role>`, each a member of the one below it (owner ⊃ approver ⊃ reclaimer ⊃
// operator ⊃ viewer), and the GRANTs that give each group what its role may do, table by table.
// A member is a login role made a member of one group. The tables belong to whoever ran
// `database init` (the database administrator); members' rights come from the grants alone, so
// the server refuses what a role does not allow whatever the client does.
//
// On SQLite there is no team: the admin is the owner, and grant/revoke/members refuse.
class TeamSchema
{
public:
    explicit TeamSchema(Database& database);

    // The group role of `role` for a database; refused when the name would pass PostgreSQL's
    // 63-byte limit for identifiers (it would be cut, and two databases could share roles).
    static Result<QString> groupRole(const QString& databaseName, TeamRole role);
    // An identifier in double quotes, any double quote doubled: for names the user typed.
    static QString quoted(const QString& identifier);

    // Run by the database administrator: creates the group roles that are missing, the ladder
    // between them and the grants. Idempotent.
    Result<void> initialize();
    // The grants alone, again (after a migration added tables); nothing when the groups do not
    // exist yet (no team on this database).
    Result<void> applyGrantsIfInitialized();
    // Whether this database's group roles exist.
    Result<bool> initialized();

    // Makes the login role `member` a member of the group of `role` (and of no other group of
    // this database).
    Result<void> grant(const QString& member, TeamRole role);
    // Takes the member out of every group of this database.
    Result<void> revoke(const QString& member);
    // The login roles that are members of a group of this database, with the highest role held.
    Result<QList<TeamMember>> members();
    // The role of the connected member (session_user): the highest group held; the database's
    // owner, the tables' owner or a superuser is an owner; none when in no group. Always Owner on
    // SQLite.
    Result<std::optional<TeamRole>> roleOfSessionUser();
    // session_user on PostgreSQL; empty on SQLite.
    Result<QString> sessionUser();

private:
    Result<QString> databaseName();
    Result<QList<QString>> groupRoles(); // viewer … owner
    Result<void> requirePostgreSql() const;
    Result<void> createGroups(const QList<QString>& groups);
    Result<void> applyGrants(const QList<QString>& groups);
    Result<void> revokeGroups(const QString& member, const QList<QString>& groups);

    Database& m_database;
};

} // namespace rmsam
