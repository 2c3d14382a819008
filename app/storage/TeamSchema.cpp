#include "storage/TeamSchema.h"

#include "storage/Database.h"

#include <QCoreApplication>
#include <QSet>

namespace rmsam {
namespace {

// PostgreSQL cuts longer identifiers (NAMEDATALEN - 1).
constexpr qsizetype MaxIdentifierBytes = 63;

// What each group may do, table by table: each privilege goes to the lowest role that needs it,
// and the ladder of memberships passes it up. Worked out from what each action writes:
// a sync (operator) replaces the snapshot and its changes, records the job result, moves
// removal candidates and records their events, takes the run lock and marks the daily job run;
// attaching the User report (operator) replaces the report and forgets deactivations it shows
// undone; a reclaim run (reclaimer) claims each deactivation, writes the audit entries and the
// deactivated users; the owner changes profiles (and what publishing adds: software models,
// daily jobs, the default rule), the rule, the entitlements and the job settings. Nobody but the
// administrator who ran `database init` changes the schema. A table another step adds must be
// listed here; one missing is logged when the grants are applied.
struct Grant
{
    const char* table;
    const char* privileges;
    TeamRole role;
};

const QList<Grant>& grants()
{
    using R = TeamRole;
    static const QList<Grant> list = {
        { "schema_version", "SELECT", R::Viewer },
        { "integration_profile", "SELECT", R::Viewer },
        { "integration_profile", "UPDATE (token_set_at)", R::Operator },
        { "integration_profile", "INSERT, UPDATE, DELETE", R::Owner },
        { "software_model", "SELECT", R::Viewer },
        { "software_model", "INSERT, UPDATE, DELETE", R::Owner },
        { "scheduled_job", "SELECT", R::Viewer },
        { "scheduled_job", "UPDATE (last_run_at)", R::Operator },
        { "scheduled_job", "INSERT, UPDATE, DELETE", R::Owner },
        { "subscription", "SELECT", R::Viewer },
        { "subscription", "INSERT, UPDATE, DELETE", R::Operator },
        { "job_result", "SELECT", R::Viewer },
        { "job_result", "INSERT", R::Operator },
        { "snapshot_change", "SELECT", R::Viewer },
        { "snapshot_change", "INSERT", R::Operator },
        { "run_lock", "SELECT", R::Viewer },
        { "run_lock", "INSERT, UPDATE, DELETE", R::Operator },
        { "exclusion_rule", "SELECT", R::Viewer },
        { "exclusion_rule", "INSERT, UPDATE, DELETE", R::Operator },
        { "user_report", "SELECT", R::Viewer },
        { "user_report", "INSERT, UPDATE, DELETE", R::Operator },
        { "user_report_row", "SELECT", R::Viewer },
        { "user_report_row", "INSERT, UPDATE, DELETE", R::Operator },
        { "hr_roster", "SELECT", R::Viewer },
        { "hr_roster", "INSERT, UPDATE, DELETE", R::Operator },
        { "hr_roster_row", "SELECT", R::Viewer },
        { "hr_roster_row", "INSERT, UPDATE, DELETE", R::Operator },
        { "hr_roster_alias", "SELECT", R::Viewer },
        { "hr_roster_alias", "INSERT, UPDATE, DELETE", R::Operator },
        { "removal_candidate", "SELECT", R::Viewer },
        { "removal_candidate", "INSERT, UPDATE", R::Operator },
        { "removal_candidate", "DELETE", R::Owner },
        // Events are appended, never changed; a trigger keeps decisions to approvers.
        { "candidate_event", "SELECT", R::Viewer },
        { "candidate_event", "INSERT", R::Operator },
        { "reclamation_rule", "SELECT", R::Viewer },
        { "reclamation_rule", "INSERT, UPDATE, DELETE", R::Owner },
        { "entitlement", "SELECT", R::Viewer },
        { "entitlement", "INSERT, UPDATE, DELETE", R::Owner },
        // Any process that syncs may give a renewal reminder (the GUI's scheduler, a cron job).
        { "renewal_reminder", "SELECT", R::Viewer },
        { "renewal_reminder", "INSERT", R::Operator },
        // The e-mail relay every member's notices go through: the owner sets it up.
        { "smtp_settings", "SELECT", R::Viewer },
        { "smtp_settings", "INSERT, UPDATE, DELETE", R::Owner },
        // Attaching a User report that shows a deactivated user active again forgets them.
        { "deactivation_claim", "SELECT", R::Viewer },
        { "deactivation_claim", "DELETE", R::Operator },
        { "deactivation_claim", "INSERT", R::Reclaimer },
        { "deactivated_user", "SELECT", R::Viewer },
        { "deactivated_user", "DELETE", R::Operator },
        { "deactivated_user", "INSERT, UPDATE", R::Reclaimer },
        // Whoever runs a reclaim or the daily job sends the notices and records them.
        { "notice", "SELECT", R::Viewer },
        { "notice", "INSERT, UPDATE, DELETE", R::Operator },
        { "audit_entry", "SELECT", R::Viewer },
        { "audit_entry", "INSERT", R::Reclaimer },
        // Written by triggers only (helper "audit").
        { "change_log", "SELECT", R::Viewer },
    };
    return list;
}

QString literal(const QString& text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\''), QStringLiteral("''"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

QString failure()
{
    return QCoreApplication::translate("rmsam::TeamSchema", "Cannot set up the team's roles.");
}

QString readFailure()
{
    return QCoreApplication::translate("rmsam::TeamSchema", "Cannot read the team's roles.");
}

QList<TeamRole> rolesFromTop()
{
    QList<TeamRole> roles = TeamRoles::table().all();
    std::reverse(roles.begin(), roles.end());
    return roles;
}

} // namespace

TeamSchema::TeamSchema(Database& database)
    : m_database(database)
{ }

QString TeamSchema::quoted(const QString& identifier)
{
    QString escaped = identifier;
    escaped.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

Result<QString> TeamSchema::groupRole(const QString& databaseName, TeamRole role)
{
    const QString name = QStringLiteral("rmsam_%1_%2").arg(databaseName, TeamRoles::code(role));
    if (name.toUtf8().size() > MaxIdentifierBytes || name.contains(QLatin1Char('$'))
        || name.contains(QChar(0))) {
        return Error { ErrorCode::InvalidInput,
            QCoreApplication::translate("rmsam::TeamSchema",
                "The database name \"%1\" is too long for team mode's role names (rmsam_%1_reclaimer "
                "must fit in 63 bytes) or holds a \"$\". Use a shorter name for the team's database.")
                .arg(databaseName),
            name };
    }
    return name;
}

Result<void> TeamSchema::requirePostgreSql() const
{
    if (m_database.backend() == DatabaseLocation::Backend::PostgreSql) {
        return {};
    }
    return Error { ErrorCode::InvalidInput,
        QCoreApplication::translate("rmsam::TeamSchema",
            "Team mode needs a PostgreSQL database: give one with --database postgresql://USER@HOST/DB. "
            "On this SQLite database you are the only admin, the owner."),
        {} };
}

Result<QString> TeamSchema::databaseName()
{
    return m_database.one(
        QStringLiteral("SELECT current_database()"), {}, readFailure(),
        [](const QSqlQuery& q) { return q.value(0).toString(); },
        Error { ErrorCode::StorageError, readFailure(), {} });
}

Result<QString> TeamSchema::sessionUser()
{
    if (m_database.backend() != DatabaseLocation::Backend::PostgreSql) {
        return QString();
    }
    return m_database.one(
        QStringLiteral("SELECT session_user"), {}, readFailure(),
        [](const QSqlQuery& q) { return q.value(0).toString(); },
        Error { ErrorCode::StorageError, readFailure(), {} });
}

Result<QList<QString>> TeamSchema::groupRoles()
{
    auto name = databaseName();
    if (!name) {
        return name.error();
    }
    QList<QString> groups;
    for (TeamRole role : TeamRoles::table().all()) {
        auto group = groupRole(name.value(), role);
        if (!group) {
            return group.error();
        }
        groups.append(group.value());
    }
    return groups;
}

Result<bool> TeamSchema::initialized()
{
    if (m_database.backend() != DatabaseLocation::Backend::PostgreSql) {
        return false;
    }
    auto groups = groupRoles();
    if (!groups) {
        return groups.error();
    }
    return m_database.one(
        QStringLiteral("SELECT COUNT(*) FROM pg_roles WHERE rolname = ?"), { groups.value().constLast() },
        readFailure(), [](const QSqlQuery& q) { return q.value(0).toInt() > 0; },
        Error { ErrorCode::StorageError, readFailure(), {} });
}

Result<void> TeamSchema::createGroups(const QList<QString>& groups)
{
    for (const QString& group : groups) {
        if (auto created = m_database.exec(
                QStringLiteral(
                    "DO $rmsam$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = %1) THEN "
                    "CREATE ROLE %2 NOLOGIN; END IF; END $rmsam$")
                    .arg(literal(group), quoted(group)),
                {}, failure());
            !created) {
            return created;
        }
    }
    // The ladder: each group is a member of the one below it.
    for (qsizetype i = 1; i < groups.size(); ++i) {
        if (auto granted = m_database.exec(
                QStringLiteral("GRANT %1 TO %2").arg(quoted(groups.at(i - 1)), quoted(groups.at(i))), {},
                failure());
            !granted) {
            return granted;
        }
    }
    // Owners manage the team: they may grant and revoke every role below their own. Making
    // another owner stays with the database administrator (a role cannot administer itself).
    for (qsizetype i = 0; i + 1 < groups.size(); ++i) {
        if (auto granted = m_database.exec(QStringLiteral("GRANT %1 TO %2 WITH ADMIN OPTION")
                                               .arg(quoted(groups.at(i)), quoted(groups.constLast())),
                {}, failure());
            !granted) {
            return granted;
        }
    }
    return {};
}

Result<void> TeamSchema::applyGrants(const QList<QString>& groups)
{
    auto tables = m_database.list(
        QStringLiteral("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"), {},
        readFailure(), [](const QSqlQuery& q) { return q.value(0).toString(); });
    auto names = m_database.one(
        QStringLiteral("SELECT current_database(), current_schema()"), {}, readFailure(),
        [](const QSqlQuery& q) { return std::pair(q.value(0).toString(), q.value(1).toString()); },
        Error { ErrorCode::StorageError, readFailure(), {} });
    for (const Error* e : { tables.failure(), names.failure() }) {
        if (e) {
            return *e;
        }
    }
    const QString viewer = quoted(groups.constFirst());
    QStringList statements = {
        QStringLiteral("GRANT CONNECT ON DATABASE %1 TO %2").arg(quoted(names.value().first), viewer),
        QStringLiteral("GRANT USAGE ON SCHEMA %1 TO %2").arg(quoted(names.value().second), viewer),
    };
    QSet<QString> listed;
    for (const Grant& g : grants()) {
        const QString table = QString::fromLatin1(g.table);
        listed.insert(table);
        if (!tables.value().contains(table)) {
            continue; // a step not applied yet, or another backend's
        }
        const QString group = quoted(groups.at(int(g.role)));
        statements.append(
            QStringLiteral("GRANT %1 ON %2 TO %3").arg(QLatin1String(g.privileges), table, group));
        if (QLatin1String(g.privileges).contains(QLatin1String("INSERT"))) {
            // Identity columns draw from a sequence the inserting role must be allowed to use.
            auto sequences = m_database.list(
                QStringLiteral("SELECT pg_get_serial_sequence(quote_ident(table_name), column_name) FROM "
                               "information_schema.columns WHERE table_schema = current_schema() AND "
                               "table_name = ? AND is_identity = 'YES'"),
                { table }, readFailure(), [](const QSqlQuery& q) { return q.value(0).toString(); });
            if (!sequences) {
                return sequences.error();
            }
            for (const QString& sequence : sequences.value()) {
                statements.append(QStringLiteral("GRANT USAGE ON SEQUENCE %1 TO %2").arg(sequence, group));
            }
        }
    }
    for (const QString& table : tables.value()) {
        if (!listed.contains(table)) {
            qCWarning(lcStorage).noquote()
                << "team mode grants nothing on table" << table << "(add it to TeamSchema's grants)";
        }
    }
    for (const QString& statement : std::as_const(statements)) {
        if (auto granted = m_database.exec(statement, {}, failure()); !granted) {
            return granted;
        }
    }
    return {};
}

Result<void> TeamSchema::initialize()
{
    if (auto pg = requirePostgreSql(); !pg) {
        return pg;
    }
    auto groups = groupRoles();
    if (!groups) {
        return groups.error();
    }
    return inTransaction(m_database.connection(), [&]() -> Result<void> {
        if (auto created = createGroups(groups.value()); !created) {
            return created;
        }
        return applyGrants(groups.value());
    });
}

Result<void> TeamSchema::applyGrantsIfInitialized()
{
    auto isTeam = initialized();
    if (!isTeam) {
        return isTeam.error();
    }
    if (!isTeam.value()) {
        return {};
    }
    auto groups = groupRoles();
    return groups ? applyGrants(groups.value()) : groups.error();
}

Result<void> TeamSchema::grant(const QString& member, TeamRole role)
{
    if (auto pg = requirePostgreSql(); !pg) {
        return pg;
    }
    auto groups = groupRoles();
    auto exists = m_database.one(
        QStringLiteral("SELECT COUNT(*) FROM pg_roles WHERE rolname = ?"), { member }, readFailure(),
        [](const QSqlQuery& q) { return q.value(0).toInt() > 0; },
        Error { ErrorCode::StorageError, readFailure(), {} });
    for (const Error* e : { groups.failure(), exists.failure() }) {
        if (e) {
            return *e;
        }
    }
    if (!exists.value()) {
        return Error { ErrorCode::NotFound,
            QCoreApplication::translate("rmsam::TeamSchema",
                "There is no PostgreSQL role \"%1\". The database administrator creates it first "
                "(CREATE ROLE … LOGIN), then an owner grants it a team role.")
                .arg(member),
            {} };
    }
    if (groups.value().contains(member)) {
        return Error { ErrorCode::InvalidInput,
            QCoreApplication::translate(
                "rmsam::TeamSchema", "\"%1\" is one of the team's group roles, not a member.")
                .arg(member),
            {} };
    }
    return inTransaction(m_database.connection(), [&]() -> Result<void> {
        if (auto revoked = revokeGroups(member, groups.value()); !revoked) {
            return revoked;
        }
        return m_database.exec(
            QStringLiteral("GRANT %1 TO %2").arg(quoted(groups.value().at(int(role))), quoted(member)), {},
            failure());
    });
}

Result<void> TeamSchema::revoke(const QString& member)
{
    if (auto pg = requirePostgreSql(); !pg) {
        return pg;
    }
    auto current = members();
    auto groups = groupRoles();
    for (const Error* e : { current.failure(), groups.failure() }) {
        if (e) {
            return *e;
        }
    }
    const bool isMember = std::any_of(current.value().cbegin(), current.value().cend(),
        [&](const TeamMember& m) { return m.name == member; });
    if (!isMember) {
        return Error { ErrorCode::NotFound,
            QCoreApplication::translate("rmsam::TeamSchema", "\"%1\" is not a member of the team.")
                .arg(member),
            {} };
    }
    return inTransaction(
        m_database.connection(), [&]() -> Result<void> { return revokeGroups(member, groups.value()); });
}

Result<void> TeamSchema::revokeGroups(const QString& member, const QList<QString>& groups)
{
    // Only the groups the member is in: REVOKE of any other draws a warning from the server.
    auto held = m_database.list(
        QStringLiteral("SELECT g.rolname FROM pg_auth_members a JOIN pg_roles g ON g.oid = a.roleid JOIN "
                       "pg_roles m ON m.oid = a.member WHERE m.rolname = ?"),
        { member }, readFailure(), [](const QSqlQuery& q) { return q.value(0).toString(); });
    if (!held) {
        return held.error();
    }
    for (const QString& group : groups) {
        if (!held.value().contains(group)) {
            continue;
        }
        if (auto revoked = m_database.exec(
                QStringLiteral("REVOKE %1 FROM %2").arg(quoted(group), quoted(member)), {}, failure());
            !revoked) {
            return revoked;
        }
    }
    return {};
}

Result<QList<TeamMember>> TeamSchema::members()
{
    if (auto pg = requirePostgreSql(); !pg) {
        return pg.error();
    }
    auto groups = groupRoles();
    if (!groups) {
        return groups.error();
    }
    // Direct memberships of login roles (the groups are members of each other too).
    auto rows = m_database.list(
        QStringLiteral(
            "SELECT m.rolname, g.rolname FROM pg_auth_members a JOIN pg_roles g ON g.oid = a.roleid "
            "JOIN pg_roles m ON m.oid = a.member WHERE g.rolname IN (?, ?, ?, ?, ?) AND m.rolcanlogin "
            "ORDER BY m.rolname"),
        SqlValues(QVariantList(groups.value().cbegin(), groups.value().cend())), readFailure(),
        [](const QSqlQuery& q) { return std::pair(q.value(0).toString(), q.value(1).toString()); });
    if (!rows) {
        return rows.error();
    }
    QList<TeamMember> list;
    for (const auto& [name, group] : rows.value()) {
        const TeamRole role = TeamRole(groups.value().indexOf(group));
        if (!list.isEmpty() && list.constLast().name == name) {
            list.last().role = std::max(list.constLast().role, role);
        } else {
            list.append(TeamMember { name, role });
        }
    }
    return list;
}

Result<std::optional<TeamRole>> TeamSchema::roleOfSessionUser()
{
    if (m_database.backend() != DatabaseLocation::Backend::PostgreSql) {
        return std::optional<TeamRole>(TeamRole::Owner);
    }
    // The administrator: a superuser, the database's owner, or the owner of the tables.
    auto admin = m_database.one(
        QStringLiteral("SELECT r.rolsuper OR d.datdba = r.oid OR COALESCE((SELECT pg_has_role(session_user, "
                       "t.tableowner, 'MEMBER') FROM pg_tables t WHERE t.schemaname = current_schema() AND "
                       "t.tablename = 'schema_version'), false) FROM pg_roles r, pg_database d WHERE "
                       "r.rolname = session_user AND d.datname = current_database()"),
        {}, readFailure(), [](const QSqlQuery& q) { return q.value(0).toBool(); },
        Error { ErrorCode::StorageError, readFailure(), {} });
    if (!admin) {
        return admin.error();
    }
    if (admin.value()) {
        return std::optional<TeamRole>(TeamRole::Owner);
    }
    auto groups = groupRoles();
    if (!groups) {
        return groups.error();
    }
    for (TeamRole role : rolesFromTop()) {
        auto held = m_database.one(
            QStringLiteral("SELECT COALESCE((SELECT pg_has_role(session_user, oid, "
                           "'MEMBER') FROM pg_roles WHERE rolname = ?), false)"),
            { groups.value().at(int(role)) }, readFailure(),
            [](const QSqlQuery& q) { return q.value(0).toBool(); },
            Error { ErrorCode::StorageError, readFailure(), {} });
        if (!held) {
            return held.error();
        }
        if (held.value()) {
            return std::optional<TeamRole>(role);
        }
    }
    return std::optional<TeamRole>();
}

} // namespace rmsam
