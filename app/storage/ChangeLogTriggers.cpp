#include "storage/ChangeLogTriggers.h"

namespace rmsam::ChangeLogTriggers {
namespace {

const QString Columns
    = QStringLiteral("at, db_role, os_user, host, table_name, operation, profile_id, row_key, summary");

// The values of one change_log row, with `who` the backend's at, db_role, os_user and host.
QString values(const LoggedTable& t, const Logged& l, const QString& who, const QString& differs)
{
    const QString row
        = l.operation == QLatin1String("delete") ? QStringLiteral("OLD") : QStringLiteral("NEW");
    QString summary = l.summary;
    summary.replace(QLatin1String("{ne}"), differs);
    return QStringLiteral("%1, '%2', '%3', %4, substr(CAST(%5 AS TEXT), 1, 400), substr(%6, 1, 1000)")
        .arg(who, t.table, l.operation, QString(t.profile).replace(QLatin1String("{row}"), row),
            QString(t.key).replace(QLatin1String("{row}"), row), summary);
}

// The identity the connection recorded (Database fills client_identity after migrating); "?"
// when a writer left it empty.
QString sqliteWho()
{
    return QStringLiteral("strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), "
                          "COALESCE((SELECT os_user FROM client_identity WHERE id = 1), '?'), "
                          "COALESCE((SELECT os_user FROM client_identity WHERE id = 1), '?'), "
                          "COALESCE((SELECT host FROM client_identity WHERE id = 1), '?')");
}

// session_user is who logged in (current_user is the function's owner here); rmsam.os_user and
// rmsam.host are what the client said (Database sets them on connecting).
QString postgreSqlWho()
{
    return QStringLiteral(
        "to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), "
        "session_user, COALESCE(NULLIF(current_setting('rmsam.os_user', true), ''), '?'), "
        "COALESCE(NULLIF(current_setting('rmsam.host', true), ''), '?')");
}

} // namespace

QString columns()
{
    return Columns;
}

QString postgreSqlValues(const LoggedTable& t, const Logged& l)
{
    return values(t, l, postgreSqlWho(), QStringLiteral("IS DISTINCT FROM"));
}

QString changed(const QString& column, const QString& label)
{
    return QStringLiteral(
        "CASE WHEN OLD.%1 {ne} NEW.%1 THEN '%2 ' || COALESCE(OLD.%1 || '', '-') || ' → ' || "
        "COALESCE(NEW.%1 || '', '-') || '; ' ELSE '' END")
        .arg(column, label);
}

QString changes(const QStringList& parts, const QString& unchanged)
{
    return QStringLiteral("COALESCE(NULLIF(rtrim(%1, '; '), ''), '%2')")
        .arg(parts.join(QLatin1String(" || ")), unchanged);
}

QString triggerName(const LoggedTable& t, const Logged& l)
{
    return QStringLiteral("change_log_%1_%2").arg(t.table, l.operation);
}

QString sqliteTrigger(const LoggedTable& t, const Logged& l)
{
    QString when = l.when;
    when.replace(QLatin1String("{ne}"), QLatin1String("IS NOT"));
    return QStringLiteral("CREATE TRIGGER %1 AFTER %2 ON %3 FOR EACH ROW%4 BEGIN "
                          "INSERT INTO change_log (%5) VALUES (%6); END")
        .arg(triggerName(t, l), l.operation.toUpper(), t.table,
            when.isEmpty() ? QString() : QStringLiteral(" WHEN ") + when, Columns,
            values(t, l, sqliteWho(), QStringLiteral("IS NOT")));
}

QString sqliteLoggedRows(const LoggedTable& t, const Logged& l, const QString& where)
{
    return QStringLiteral("INSERT INTO change_log (%1) SELECT %2 FROM %3 AS NEW WHERE %4")
        .arg(Columns, values(t, l, sqliteWho(), QStringLiteral("IS NOT")), t.table, where);
}

QString pinSearchPath(const QStringList& functions)
{
    return QStringLiteral("DO $$ DECLARE f text; BEGIN FOREACH f IN ARRAY ARRAY[%1] LOOP "
                          "EXECUTE format('ALTER FUNCTION %I() SET search_path = %I, pg_temp', f, "
                          "current_schema()); END LOOP; END $$")
        .arg(functions.join(QLatin1String(", ")));
}

QString postgreSqlFunctionName(const LoggedTable& t)
{
    return QStringLiteral("rmsam_log_") + t.table;
}

QString postgreSqlFunction(const LoggedTable& t, const QString& create)
{
    QStringList branches;
    for (const Logged& l : t.operations) {
        branches << QStringLiteral("IF TG_OP = '%1' THEN INSERT INTO change_log (%2) VALUES (%3); END IF;")
                        .arg(l.operation.toUpper(), Columns,
                            values(t, l, postgreSqlWho(), QStringLiteral("IS DISTINCT FROM")));
    }
    return QStringLiteral("%1 %2() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER "
                          "AS $$ BEGIN %3 RETURN NULL; END $$")
        .arg(create, postgreSqlFunctionName(t), branches.join(QLatin1Char(' ')));
}

} // namespace rmsam::ChangeLogTriggers
