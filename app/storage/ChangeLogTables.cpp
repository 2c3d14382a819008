// What each audited table writes to the change log, as SQL both backends read; the schema steps
// in ChangeLogSchema.cpp turn these into triggers.
#include "storage/ChangeLogTables.h"

namespace rmsam::ChangeLogTables {

using namespace ChangeLogTriggers;

// What the runs and the admins' day-to-day work change.
QList<LoggedTable> activityTables()
{
    const QString row = QStringLiteral("{row}");
    return {
        { QStringLiteral("job_result"), row + QStringLiteral(".profile_id"), row + QStringLiteral(".id"),
            { { QStringLiteral("insert"),
                QStringLiteral("NEW.job_kind || ' ' || NEW.outcome || ' (' || NEW.job_trigger || '): ' || "
                               "NEW.users || ' users'") } } },
        { QStringLiteral("user_report"), row + QStringLiteral(".profile_id"),
            row + QStringLiteral(".file_name"),
            { { QStringLiteral("insert"),
                  QStringLiteral(
                      "'report attached: ' || NEW.file_name || ' (' || NEW.row_count || ' rows)'") },
                { QStringLiteral("update"),
                    QStringLiteral(
                        "'report replaced: ' || NEW.file_name || ' (' || NEW.row_count || ' rows)'") },
                { QStringLiteral("delete"), QStringLiteral("'report removed: ' || OLD.file_name") } } },
        { QStringLiteral("exclusion_rule"), QStringLiteral("NULL"),
            row + QStringLiteral(".kind || ':' || ") + row + QStringLiteral(".value"),
            { { QStringLiteral("insert"),
                  QStringLiteral(
                      "'exclusion added' || CASE WHEN NEW.active = 1 THEN '' ELSE ' (inactive)' END") },
                { QStringLiteral("update"),
                    changes({ changed(QStringLiteral("active"), QStringLiteral("active")),
                                changed(QStringLiteral("profile_type"), QStringLiteral("profile type")) },
                        QStringLiteral("exclusion saved")) },
                { QStringLiteral("delete"), QStringLiteral("'exclusion removed'") } } },
        { QStringLiteral("removal_candidate"), row + QStringLiteral(".profile_id"),
            row + QStringLiteral(".id"),
            { { QStringLiteral("insert"), QStringLiteral("'candidate created: ' || NEW.state") },
                { QStringLiteral("update"), QStringLiteral("'state ' || OLD.state || ' → ' || NEW.state"),
                    QStringLiteral("OLD.state {ne} NEW.state") } } },
        { QStringLiteral("audit_entry"), row + QStringLiteral(".profile_id"),
            QStringLiteral("COALESCE(") + row + QStringLiteral(".candidate_id || '', ") + row
                + QStringLiteral(".user_id)"),
            { { QStringLiteral("insert"),
                QStringLiteral("'reclaim ' || NEW.phase || ': ' || NEW.outcome || ' (user ' || NEW.user_id "
                               "|| ')'") } } },
    };
}

// The profile's log, with `tokenChange` what a change of its token's time says.
LoggedTable profileLog(const QString& tokenChange)
{
    const QString row = QStringLiteral("{row}");
    return { QStringLiteral("integration_profile"), row + QStringLiteral(".id"),
        row + QStringLiteral(".display_name"),
        { { QStringLiteral("insert"), QStringLiteral("'profile created (' || NEW.status || ')'") },
            { QStringLiteral("update"),
                changes({ changed(QStringLiteral("display_name"), QStringLiteral("name")),
                            changed(QStringLiteral("status"), QStringLiteral("status")),
                            changed(QStringLiteral("region"), QStringLiteral("region")),
                            changed(QStringLiteral("endpoint_override"), QStringLiteral("endpoint")),
                            changed(QStringLiteral("download_activity"), QStringLiteral("download activity")),
                            changed(QStringLiteral("analyze_activity_from"), QStringLiteral("activity from")),
                            changed(QStringLiteral("reclaim_subscriptions"), QStringLiteral("reclaim")),
                            changed(QStringLiteral("max_in_flight"), QStringLiteral("parallel requests")),
                            changed(QStringLiteral("report_max_age_days"), QStringLiteral("report max age")),
                            changed(QStringLiteral("max_response_mb"), QStringLiteral("largest answer MB")),
                            tokenChange,
                            QStringLiteral("CASE WHEN OLD.validated_at {ne} NEW.validated_at THEN "
                                           "'validated; ' ELSE '' END") },
                    QStringLiteral("profile saved")) },
            { QStringLiteral("delete"), QStringLiteral("'profile deleted'") } } };
}

// The first wording: setting, replacing and clearing the token all read "token replaced".
QString tokenReplaced()
{
    return QStringLiteral(
        "CASE WHEN OLD.token_set_at {ne} NEW.token_set_at THEN 'token replaced; ' ELSE '' END");
}

// What a rule's update logs, as the first change-log step wrote it.
QStringList ruleChanges()
{
    return { changed(QStringLiteral("threshold_days"), QStringLiteral("threshold")),
        changed(QStringLiteral("roles_in_scope"), QStringLiteral("roles")),
        changed(QStringLiteral("include_no_activity"), QStringLiteral("no activity")),
        changed(QStringLiteral("grace_days"), QStringLiteral("grace")),
        changed(QStringLiteral("notify_user"), QStringLiteral("notify")),
        changed(QStringLiteral("notify_days"), QStringLiteral("notify days")) };
}

// What an entitlement's update logs, as the first change-log step wrote it.
QStringList entitlementChanges()
{
    return { changed(QStringLiteral("owned"), QStringLiteral("owned")),
        changed(QStringLiteral("price"), QStringLiteral("price")),
        changed(QStringLiteral("period"), QStringLiteral("period")),
        changed(QStringLiteral("currency"), QStringLiteral("currency")) };
}

// What the owners set: the rule, entitlements, profiles and their jobs.
QList<LoggedTable> settingTables()
{
    const QString row = QStringLiteral("{row}");
    return {
        { QStringLiteral("reclamation_rule"), row + QStringLiteral(".profile_id"),
            row + QStringLiteral(".profile_id"),
            { { QStringLiteral("insert"),
                  QStringLiteral(
                      "'rule: threshold ' || NEW.threshold_days || ', grace ' || NEW.grace_days || "
                      "', roles ' || NEW.roles_in_scope") },
                { QStringLiteral("update"), changes(ruleChanges(), QStringLiteral("rule saved unchanged")) },
                { QStringLiteral("delete"), QStringLiteral("'rule removed'") } } },
        { QStringLiteral("entitlement"), row + QStringLiteral(".profile_id"),
            row + QStringLiteral(".seat_type"),
            { { QStringLiteral("insert"),
                  QStringLiteral("'entitlement: ' || NEW.owned || ' owned at ' || NEW.price || ' ' || "
                                 "NEW.currency || ' per ' || NEW.period") },
                { QStringLiteral("update"),
                    changes(entitlementChanges(), QStringLiteral("entitlement saved unchanged")) },
                { QStringLiteral("delete"), QStringLiteral("'entitlement removed'") } } },
        profileLog(tokenReplaced()),
        { QStringLiteral("scheduled_job"), row + QStringLiteral(".profile_id"),
            row + QStringLiteral(".job_kind"),
            { { QStringLiteral("insert"),
                  QStringLiteral(
                      "'job created: ' || NEW.name || ' at ' || NEW.run_at || CASE WHEN NEW.active = 1 "
                      "THEN '' ELSE ' (inactive)' END") },
                { QStringLiteral("update"),
                    changes(
                        { changed(QStringLiteral("name"), QStringLiteral("name")),
                            changed(QStringLiteral("run_at"), QStringLiteral("time")),
                            changed(QStringLiteral("active"), QStringLiteral("active")),
                            QStringLiteral("CASE WHEN OLD.last_run_at {ne} NEW.last_run_at THEN 'ran at ' || "
                                           "COALESCE(NEW.last_run_at, '-') ELSE '' END") },
                        QStringLiteral("job saved")) },
                { QStringLiteral("delete"), QStringLiteral("'job removed'") } } },
    };
}

QList<LoggedTable> loggedTables()
{
    return activityTables() + settingTables();
}

QString tokenSetReplacedOrCleared()
{
    return QStringLiteral(
        "CASE WHEN OLD.token_set_at {ne} NEW.token_set_at THEN CASE WHEN NEW.token_set_at IS NULL THEN "
        "'token cleared; ' WHEN OLD.token_set_at IS NULL THEN 'token set; ' ELSE 'token replaced; ' END "
        "ELSE '' END");
}

LoggedTable smtpSettingsLog()
{
    return { QStringLiteral("smtp_settings"), QStringLiteral("NULL"), QStringLiteral("'e-mail'"),
        { { QStringLiteral("insert"),
              QStringLiteral("'e-mail: ' || NEW.host || ':' || NEW.port || ' ' || NEW.security || ', from ' "
                             "|| NEW.from_address") },
            { QStringLiteral("update"),
                changes({ changed(QStringLiteral("host"), QStringLiteral("host")),
                            changed(QStringLiteral("port"), QStringLiteral("port")),
                            changed(QStringLiteral("security"), QStringLiteral("security")),
                            changed(QStringLiteral("from_address"), QStringLiteral("from")),
                            changed(QStringLiteral("reply_to"), QStringLiteral("reply-to")),
                            changed(QStringLiteral("smtp_user"), QStringLiteral("user")),
                            changed(QStringLiteral("ca_file"), QStringLiteral("CA file")),
                            changed(QStringLiteral("per_minute"), QStringLiteral("per minute")) },
                    QStringLiteral("e-mail saved unchanged")) },
            { QStringLiteral("delete"), QStringLiteral("'e-mail settings cleared'") } } };
}

// removal_candidate as logged, with only its insert.
LoggedTable candidateInserts()
{
    for (LoggedTable t : activityTables()) {
        if (t.table == QLatin1String("removal_candidate")) {
            Q_ASSERT(t.operations.at(0).operation == QLatin1String("insert"));
            t.operations = t.operations.mid(0, 1);
            return t;
        }
    }
    Q_UNREACHABLE();
}

} // namespace rmsam::ChangeLogTables
