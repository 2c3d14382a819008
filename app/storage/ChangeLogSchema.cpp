#include "storage/ChangeLogSchema.h"

#include "storage/ChangeLogTables.h"
#include "storage/ChangeLogTriggers.h"

namespace rmsam::ChangeLogSchema {
namespace {

using namespace ChangeLogTriggers;
using namespace ChangeLogTables;

QStringList sqliteTriggers()
{
    QStringList statements;
    for (const LoggedTable& t : loggedTables()) {
        for (const Logged& l : t.operations) {
            statements << sqliteTrigger(t, l);
        }
    }
    for (const QString& table : { QStringLiteral("change_log"), QStringLiteral("audit_entry") }) {
        for (const QString& operation : { QStringLiteral("UPDATE"), QStringLiteral("DELETE") }) {
            statements << QStringLiteral("CREATE TRIGGER %1_no_%2 BEFORE %3 ON %1 BEGIN SELECT RAISE(ABORT, "
                                         "'%1 is append-only: its rows are never changed or deleted.'); END")
                              .arg(table, operation.toLower(), operation);
        }
    }
    return statements;
}

QStringList postgreSqlTriggers()
{
    const QString differs = QStringLiteral("IS DISTINCT FROM");
    QStringList statements;
    QStringList functions;
    for (const LoggedTable& t : loggedTables()) {
        const QString function = postgreSqlFunctionName(t);
        functions << QStringLiteral("'%1'").arg(function);
        statements << postgreSqlFunction(t, QStringLiteral("CREATE FUNCTION"));
        for (const Logged& l : t.operations) {
            QString when = l.when;
            when.replace(QLatin1String("{ne}"), differs);
            statements << QStringLiteral(
                "CREATE TRIGGER %1 AFTER %2 ON %3 FOR EACH ROW%4 EXECUTE FUNCTION %5()")
                              .arg(triggerName(t, l), l.operation.toUpper(), t.table,
                                  when.isEmpty() ? QString() : QStringLiteral(" WHEN (%1)").arg(when),
                                  function);
        }
    }
    // The functions run as their owner: they must find this schema's change_log.
    statements << pinSearchPath(functions);
    statements << QStringLiteral(
        "CREATE FUNCTION rmsam_refuse_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "RAISE EXCEPTION '% is append-only: its rows are never changed or deleted.', TG_TABLE_NAME "
        "USING ERRCODE = '42501'; END $$");
    for (const QString& table : { QStringLiteral("change_log"), QStringLiteral("audit_entry") }) {
        statements << QStringLiteral(
            "CREATE TRIGGER %1_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON %1 "
            "FOR EACH STATEMENT EXECUTE FUNCTION rmsam_refuse_rewrite()")
                          .arg(table);
    }
    return statements;
}

} // namespace

Migration statementLevelInsertLog()
{
    QStringList statements;
    QStringList functions;
    for (const LoggedTable& t : loggedTables()) {
        for (const Logged& l : t.operations) {
            if (l.operation != QLatin1String("insert")) {
                continue;
            }
            const QString function = QStringLiteral("rmsam_log_%1_inserted").arg(t.table);
            functions << QStringLiteral("'%1'").arg(function);
            // The row expressions read the inserted rows through the alias "n".
            const QString rows = postgreSqlValues(t, l).replace(QLatin1String("NEW."), QLatin1String("n."));
            statements
                << QStringLiteral("DROP TRIGGER %1 ON %2").arg(triggerName(t, l), t.table)
                << QStringLiteral(
                       "CREATE FUNCTION %1() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$ "
                       "BEGIN INSERT INTO change_log (%2) SELECT %3 FROM rmsam_inserted n; RETURN NULL; "
                       "END $$")
                       .arg(function, columns(), rows)
                << QStringLiteral("CREATE TRIGGER %1 AFTER INSERT ON %2 REFERENCING NEW TABLE AS "
                                  "rmsam_inserted FOR EACH STATEMENT EXECUTE FUNCTION %3()")
                       .arg(triggerName(t, l), t.table, function);
        }
    }
    statements << pinSearchPath(functions);
    return { QStringLiteral("change log of inserts per statement"), {}, statements };
}

Migration changeLog()
{
    return { QStringLiteral("change log"),
        // No foreign key to the profile: the log outlives what it logs.
        { QStringLiteral("CREATE TABLE change_log ("
                         " id {id},"
                         " at VARCHAR(32) NOT NULL,"
                         " db_role VARCHAR(200) NOT NULL,"
                         " os_user VARCHAR(200) NOT NULL,"
                         " host VARCHAR(255) NOT NULL,"
                         " table_name VARCHAR(64) NOT NULL,"
                         " operation VARCHAR(8) NOT NULL CHECK (operation IN ('insert', 'update', 'delete')),"
                         " profile_id BIGINT,"
                         " row_key VARCHAR(400),"
                         " summary VARCHAR(1000) NOT NULL)"),
            QStringLiteral("CREATE INDEX change_log_profile ON change_log (profile_id, id)") },
        postgreSqlTriggers(),
        // The file is one admin's: every writer has the same OS account and host, which the
        // triggers read from this one row (SQLite has no session variables).
        QStringList { QStringLiteral("CREATE TABLE client_identity ("
                                     " id INTEGER PRIMARY KEY CHECK (id = 1),"
                                     " os_user VARCHAR(200) NOT NULL,"
                                     " host VARCHAR(255) NOT NULL)") }
            + sqliteTriggers() };
}

Migration rowVersions()
{
    QStringList portable;
    QStringList postgreSql = { QStringLiteral(
        "CREATE FUNCTION rmsam_stamp_version() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "NEW.changed_by := session_user; "
        "NEW.changed_at := to_char(clock_timestamp() AT TIME ZONE 'UTC', "
        "'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'); "
        "IF TG_OP = 'UPDATE' THEN NEW.row_version := OLD.row_version + 1; ELSE NEW.row_version := 1; END IF; "
        "RETURN NEW; END $$") };
    for (const QString& table : { QStringLiteral("removal_candidate"), QStringLiteral("reclamation_rule"),
             QStringLiteral("entitlement") }) {
        portable
            << QStringLiteral("ALTER TABLE %1 ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1").arg(table)
            << QStringLiteral("ALTER TABLE %1 ADD COLUMN changed_by VARCHAR(200)").arg(table)
            << QStringLiteral("ALTER TABLE %1 ADD COLUMN changed_at VARCHAR(32)").arg(table);
        postgreSql << QStringLiteral("CREATE TRIGGER %1_stamp BEFORE INSERT OR UPDATE ON %1 FOR EACH ROW "
                                     "EXECUTE FUNCTION rmsam_stamp_version()")
                          .arg(table);
    }
    return { QStringLiteral("row versions"), portable, postgreSql };
}

Migration tokenSetOrCleared()
{
    const LoggedTable profile = profileLog(tokenSetReplacedOrCleared());
    const Logged& update = profile.operations.at(1);
    Q_ASSERT(update.operation == QLatin1String("update"));
    // PostgreSQL: the function replaced (its insert branch is unused since inserts are logged per
    // statement); replacing it drops its settings, so its search path is pinned again.
    return { QStringLiteral("token set, replaced or cleared in the change log"), {},
        { postgreSqlFunction(profile, QStringLiteral("CREATE OR REPLACE FUNCTION")),
            pinSearchPath({ QStringLiteral("'%1'").arg(postgreSqlFunctionName(profile)) }) },
        { QStringLiteral("DROP TRIGGER %1").arg(triggerName(profile, update)),
            sqliteTrigger(profile, update) } };
}

Migration notices()
{
    // Recorded (`sending`) before the SMTP call, so that a crash mid-send leaves a trace and a
    // notice is never sent twice for the same step of the same cycle (the candidate's
    // notified_at). No foreign key to the candidate: the record outlives a deleted candidate.
    const QStringList portable = {
        QStringLiteral("CREATE TABLE notice ("
                       " id {id},"
                       " profile_id INTEGER NOT NULL REFERENCES integration_profile(id) ON DELETE CASCADE,"
                       " candidate_number BIGINT NOT NULL,"
                       " step VARCHAR(16) NOT NULL CHECK (step IN ('notice', 'reminder')),"
                       " cycle VARCHAR(32) NOT NULL,"
                       " recipient VARCHAR(320) NOT NULL,"
                       " subject VARCHAR(400) NOT NULL,"
                       " message_id VARCHAR(400) NOT NULL,"
                       " status VARCHAR(16) NOT NULL"
                       " CHECK (status IN ('sending', 'sent', 'failed', 'deferred', 'unknown')),"
                       " attempts INTEGER NOT NULL DEFAULT 0,"
                       " server_reply VARCHAR(1000),"
                       " created_at VARCHAR(32) NOT NULL,"
                       " updated_at VARCHAR(32) NOT NULL,"
                       " sent_at VARCHAR(32),"
                       " UNIQUE (profile_id, candidate_number, step, cycle))"),
        QStringLiteral("ALTER TABLE reclamation_rule ADD COLUMN reminder_days INTEGER NOT NULL DEFAULT 2"),
        // A reminder must come before the deadline: none for the shortest notice periods.
        QStringLiteral("UPDATE reclamation_rule SET reminder_days = 0 WHERE notify_days <= 2"),
        QStringLiteral(
            "ALTER TABLE integration_profile ADD COLUMN notice_language VARCHAR(8) NOT NULL DEFAULT 'en'"),
    };
    // Every message sent, refused, deferred or left unknown is in the change log (never its body).
    const QString row = QStringLiteral("{row}");
    const LoggedTable t { QStringLiteral("notice"), row + QStringLiteral(".profile_id"),
        row + QStringLiteral(".candidate_number"),
        { { QStringLiteral("update"),
            QStringLiteral("NEW.step || ' to ' || NEW.recipient || ': ' || NEW.status || ' (' || NEW.subject "
                           "|| ')' || COALESCE(' ' || NEW.server_reply, '')"),
            QStringLiteral("OLD.status {ne} NEW.status AND NEW.status <> 'sending'") } } };
    const Logged& update = t.operations.constFirst();
    QString when = update.when;
    when.replace(QLatin1String("{ne}"), QLatin1String("IS DISTINCT FROM"));
    const QStringList postgreSql = { postgreSqlFunction(t, QStringLiteral("CREATE FUNCTION")),
        QStringLiteral(
            "CREATE TRIGGER %1 AFTER UPDATE ON notice FOR EACH ROW WHEN (%2) EXECUTE FUNCTION %3()")
            .arg(triggerName(t, update), when, postgreSqlFunctionName(t)),
        pinSearchPath({ QStringLiteral("'%1'").arg(postgreSqlFunctionName(t)) }),
        QStringLiteral("CREATE TRIGGER rmsam_notify AFTER INSERT OR UPDATE OR DELETE ON notice "
                       "FOR EACH STATEMENT EXECUTE FUNCTION rmsam_notify_change()") };
    return { QStringLiteral("notice e-mails"), portable, postgreSql, { sqliteTrigger(t, update) } };
}

Migration smtpSettings()
{
    const LoggedTable log = smtpSettingsLog();
    Migration step { QStringLiteral("smtp settings"),
        { QStringLiteral("CREATE TABLE smtp_settings ("
                         " id INTEGER PRIMARY KEY CHECK (id = 1),"
                         " host VARCHAR(253) NOT NULL,"
                         " port INTEGER NOT NULL CHECK (port BETWEEN 1 AND 65535),"
                         " security VARCHAR(8) NOT NULL CHECK (security IN ('starttls', 'tls', 'none')),"
                         " from_address VARCHAR(254) NOT NULL,"
                         " reply_to VARCHAR(254) NOT NULL DEFAULT '',"
                         " smtp_user VARCHAR(254) NOT NULL DEFAULT '',"
                         " ca_file VARCHAR(1000) NOT NULL DEFAULT '',"
                         " per_minute INTEGER NOT NULL CHECK (per_minute > 0),"
                         " changed_at VARCHAR(32) NOT NULL)") } };
    step.postgresqlOnly << postgreSqlFunction(log, QStringLiteral("CREATE FUNCTION"));
    for (const Logged& l : log.operations) {
        QString when = l.when;
        when.replace(QLatin1String("{ne}"), QLatin1String("IS DISTINCT FROM"));
        step.postgresqlOnly << QStringLiteral("CREATE TRIGGER %1 AFTER %2 ON smtp_settings FOR EACH ROW "
                                              "EXECUTE FUNCTION %3()")
                                   .arg(triggerName(log, l), l.operation.toUpper(),
                                       postgreSqlFunctionName(log));
        step.sqliteOnly << sqliteTrigger(log, l);
    }
    step.postgresqlOnly << pinSearchPath({ QStringLiteral("'%1'").arg(postgreSqlFunctionName(log)) })
                        << QStringLiteral("CREATE TRIGGER rmsam_notify AFTER INSERT OR UPDATE OR DELETE ON "
                                          "smtp_settings FOR EACH STATEMENT EXECUTE FUNCTION "
                                          "rmsam_notify_change()");
    return step;
}

Migration hrRosterLog()
{
    const QString row = QStringLiteral("{row}");
    const QList<LoggedTable> tables = {
        { QStringLiteral("hr_roster"), row + QStringLiteral(".profile_id"),
            row + QStringLiteral(".file_name"),
            { { QStringLiteral("insert"),
                  QStringLiteral("'roster attached: ' || NEW.file_name || ' (' || NEW.employee_count || ' "
                                 "employees, ' || NEW.leaver_count || ' leavers)'") },
                { QStringLiteral("update"),
                    QStringLiteral("'roster replaced: ' || NEW.file_name || ' (' || NEW.employee_count || ' "
                                   "employees, ' || NEW.leaver_count || ' leavers)'") },
                { QStringLiteral("delete"), QStringLiteral("'roster removed: ' || OLD.file_name") } } },
        { QStringLiteral("hr_roster_alias"), row + QStringLiteral(".profile_id"),
            row + QStringLiteral(".user_key"),
            { { QStringLiteral("insert"), QStringLiteral("'roster alias added: ' || NEW.roster_key") },
                { QStringLiteral("update"),
                    QStringLiteral("'roster alias changed: ' || OLD.roster_key || ' → ' || NEW.roster_key") },
                { QStringLiteral("delete"),
                    QStringLiteral("'roster alias removed: ' || OLD.roster_key") } } },
    };
    QStringList postgreSql;
    QStringList functions;
    QStringList sqlite;
    for (const LoggedTable& t : tables) {
        functions << QStringLiteral("'%1'").arg(postgreSqlFunctionName(t));
        postgreSql << postgreSqlFunction(t, QStringLiteral("CREATE FUNCTION"));
        for (const Logged& l : t.operations) {
            postgreSql << QStringLiteral(
                "CREATE TRIGGER %1 AFTER %2 ON %3 FOR EACH ROW EXECUTE FUNCTION %4()")
                              .arg(triggerName(t, l), l.operation.toUpper(), t.table,
                                  postgreSqlFunctionName(t));
            sqlite << sqliteTrigger(t, l);
        }
    }
    postgreSql << pinSearchPath(functions);
    return { QStringLiteral("hr roster in the change log"), {}, postgreSql, sqlite };
}

Migration laterSettingsLogged()
{
    QList<LoggedTable> tables = settingTables().mid(0, 2); // the rule and the entitlements
    Q_ASSERT(tables.at(0).table == QLatin1String("reclamation_rule")
        && tables.at(1).table == QLatin1String("entitlement"));
    tables[0].operations[1].summary
        = changes(ruleChanges() << changed(QStringLiteral("reminder_days"), QStringLiteral("reminder days")),
            QStringLiteral("rule saved unchanged"));
    tables[1].operations[1].summary = changes(entitlementChanges()
            << changed(QStringLiteral("term_start"), QStringLiteral("term start"))
            << changed(QStringLiteral("renewal_date"), QStringLiteral("renewal"))
            << changed(QStringLiteral("notice_days"), QStringLiteral("notice days"))
            << changed(QStringLiteral("buffer_percent"), QStringLiteral("buffer")),
        QStringLiteral("entitlement saved unchanged"));
    tables << profileLog(tokenSetReplacedOrCleared() + QStringLiteral(" || ")
        + changed(QStringLiteral("notice_language"), QStringLiteral("notice language")));
    // The functions replaced (PostgreSQL: replacing drops their settings, so their search path
    // is pinned again), the update triggers dropped and made again (SQLite).
    QStringList postgreSql;
    QStringList sqlite;
    QStringList functions;
    for (const LoggedTable& t : std::as_const(tables)) {
        const Logged& update = t.operations.at(1);
        Q_ASSERT(update.operation == QLatin1String("update"));
        postgreSql << postgreSqlFunction(t, QStringLiteral("CREATE OR REPLACE FUNCTION"));
        functions << QStringLiteral("'%1'").arg(postgreSqlFunctionName(t));
        sqlite << QStringLiteral("DROP TRIGGER %1").arg(triggerName(t, update)) << sqliteTrigger(t, update);
    }
    postgreSql << pinSearchPath(functions);
    return { QStringLiteral("reminder days, the contract's term and the notice language in the change log"),
        {}, postgreSql, sqlite };
}

Migration bulkCandidateLog()
{
    LoggedTable t = candidateInserts();
    Logged insert = t.operations.at(0);
    const QString dropped = QStringLiteral("DROP TRIGGER %1").arg(triggerName(t, insert));
    insert.when = QStringLiteral("NOT EXISTS (SELECT 1 FROM change_log_pause)");
    return { QStringLiteral("removal candidates created in bulk logged in one statement"), {}, {},
        { QStringLiteral("CREATE TABLE change_log_pause (id INTEGER PRIMARY KEY CHECK (id = 1))"), dropped,
            sqliteTrigger(t, insert) } };
}

QString sqliteCandidatesCreated(const QString& where)
{
    const LoggedTable t = candidateInserts();
    return sqliteLoggedRows(t, t.operations.at(0), where);
}

} // namespace rmsam::ChangeLogSchema
