#include "storage/Migrations.h"

#include "storage/BulkWriteSchema.h"
#include "storage/CandidateRulesSchema.h"
#include "storage/ChangeLogSchema.h"

namespace rmsam::Migrations {
namespace {

QStringList notifyTriggers(std::initializer_list<const char*> tables)
{
    QStringList statements;
    for (const char* table : tables) {
        statements.append(QStringLiteral("CREATE TRIGGER rmsam_notify AFTER INSERT OR UPDATE OR DELETE ON %1 "
                                         "FOR EACH STATEMENT EXECUTE FUNCTION rmsam_notify_change()")
                              .arg(QLatin1String(table)));
    }
    return statements;
}

} // namespace

QList<Migration> all()
{
    return {
        { QStringLiteral("integration profiles"),
            { QStringLiteral("CREATE TABLE integration_profile ("
                             " id {id},"
                             " display_name VARCHAR(100) NOT NULL,"
                             " display_name_key VARCHAR(100) NOT NULL UNIQUE,"
                             " status VARCHAR(16) NOT NULL CHECK (status IN ('Draft', 'Published')),"
                             " region VARCHAR(8) NOT NULL CHECK (region IN ('app', 'eu', 'apac')),"
                             " endpoint_override VARCHAR(400),"
                             " token_key VARCHAR(64) NOT NULL UNIQUE,"
                             " download_activity SMALLINT NOT NULL,"
                             " analyze_activity_from DATE NOT NULL,"
                             " reclaim_subscriptions SMALLINT NOT NULL,"
                             " validated_at VARCHAR(32),"
                             " published_at VARCHAR(32),"
                             " created_at VARCHAR(32) NOT NULL)") } },
        // When the token was last stored, so the form can say so without reading the secret.
        { QStringLiteral("token timestamp"),
            { QStringLiteral("ALTER TABLE integration_profile ADD COLUMN token_set_at VARCHAR(32)") } },
        { QStringLiteral("subscriptions, activity, jobs"),
            { QStringLiteral(
                  "CREATE TABLE subscription ("
                  " profile_id INTEGER NOT NULL REFERENCES integration_profile(id) ON DELETE CASCADE,"
                  " user_id VARCHAR(64) NOT NULL,"
                  " email VARCHAR(320) NOT NULL,"
                  " first_name VARCHAR(200),"
                  " last_name VARCHAR(200),"
                  " display_name VARCHAR(400),"
                  " role VARCHAR(64) NOT NULL,"
                  " seat_type VARCHAR(16),"
                  " invited SMALLINT NOT NULL,"
                  " job_title VARCHAR(200),"
                  " last_login VARCHAR(32),"
                  " last_activity VARCHAR(32),"
                  " activity_source VARCHAR(24) NOT NULL,"
                  " activity_reason VARCHAR(24) NOT NULL,"
                  " PRIMARY KEY (profile_id, user_id))"),
                QStringLiteral(
                    "CREATE TABLE job_result ("
                    " id {id},"
                    " profile_id INTEGER NOT NULL REFERENCES integration_profile(id) ON DELETE CASCADE,"
                    " job_kind VARCHAR(16) NOT NULL,"
                    " job_trigger VARCHAR(16) NOT NULL,"
                    " started_at VARCHAR(32) NOT NULL,"
                    " ended_at VARCHAR(32) NOT NULL,"
                    " outcome VARCHAR(16) NOT NULL,"
                    " users INTEGER NOT NULL,"
                    " roadmaps INTEGER NOT NULL,"
                    " requests INTEGER NOT NULL,"
                    " joined INTEGER NOT NULL,"
                    " left_count INTEGER NOT NULL,"
                    " role_changed INTEGER NOT NULL,"
                    " warning VARCHAR(1000),"
                    " error VARCHAR(2000))"),
                QStringLiteral("CREATE INDEX job_result_profile ON job_result (profile_id, started_at)"),
                QStringLiteral("CREATE TABLE snapshot_change ("
                               " job_result_id INTEGER NOT NULL REFERENCES job_result(id) ON DELETE CASCADE,"
                               " user_id VARCHAR(64) NOT NULL,"
                               " email VARCHAR(320) NOT NULL,"
                               " change_kind VARCHAR(16) NOT NULL,"
                               " old_role VARCHAR(64),"
                               " new_role VARCHAR(64))"),
                QStringLiteral(
                    "CREATE TABLE software_model ("
                    " id {id},"
                    " profile_id INTEGER NOT NULL REFERENCES integration_profile(id) ON DELETE CASCADE,"
                    " seat_type VARCHAR(16) NOT NULL,"
                    " publisher VARCHAR(100) NOT NULL,"
                    " product VARCHAR(100) NOT NULL,"
                    " display_name VARCHAR(200) NOT NULL,"
                    " UNIQUE (profile_id, seat_type))"),
                QStringLiteral(
                    "CREATE TABLE scheduled_job ("
                    " id {id},"
                    " profile_id INTEGER NOT NULL REFERENCES integration_profile(id) ON DELETE CASCADE,"
                    " job_kind VARCHAR(16) NOT NULL,"
                    " name VARCHAR(200) NOT NULL,"
                    " run_at VARCHAR(5) NOT NULL,"
                    " active SMALLINT NOT NULL,"
                    " last_run_at VARCHAR(32),"
                    " UNIQUE (profile_id, job_kind))") } },
        { QStringLiteral("exclusion rules"),
            { QStringLiteral("CREATE TABLE exclusion_rule ("
                             " id {id},"
                             " kind VARCHAR(16) NOT NULL CHECK (kind IN ('identifier', 'user')),"
                             " value VARCHAR(320) NOT NULL,"
                             " profile_type VARCHAR(64),"
                             " active SMALLINT NOT NULL,"
                             " created_at VARCHAR(32) NOT NULL,"
                             " UNIQUE (kind, value))") } },
        { QStringLiteral("user report"),
            { QStringLiteral(
                  "CREATE TABLE user_report ("
                  " profile_id INTEGER PRIMARY KEY REFERENCES integration_profile(id) ON DELETE CASCADE,"
                  " file_name VARCHAR(400) NOT NULL,"
                  " encoding VARCHAR(32) NOT NULL,"
                  " attached_at VARCHAR(32) NOT NULL,"
                  " row_count INTEGER NOT NULL)"),
                QStringLiteral(
                    "CREATE TABLE user_report_row ("
                    " profile_id INTEGER NOT NULL REFERENCES integration_profile(id) ON DELETE CASCADE,"
                    " email_key VARCHAR(320) NOT NULL,"
                    " active SMALLINT NOT NULL,"
                    " PRIMARY KEY (profile_id, email_key))") } },
        { QStringLiteral("reclamation"),
            { QStringLiteral(
                  "CREATE TABLE reclamation_rule ("
                  " profile_id INTEGER PRIMARY KEY REFERENCES integration_profile(id) ON DELETE CASCADE,"
                  " threshold_days INTEGER NOT NULL,"
                  " roles_in_scope VARCHAR(200) NOT NULL,"
                  " include_no_activity SMALLINT NOT NULL,"
                  " grace_days INTEGER NOT NULL,"
                  " notify_user SMALLINT NOT NULL,"
                  " notify_days INTEGER NOT NULL)"),
                QStringLiteral(
                    "CREATE TABLE removal_candidate ("
                    " id {id},"
                    " profile_id INTEGER NOT NULL REFERENCES integration_profile(id) ON DELETE CASCADE,"
                    " user_id VARCHAR(64) NOT NULL,"
                    " email VARCHAR(320) NOT NULL,"
                    " display_name VARCHAR(400),"
                    " role VARCHAR(64) NOT NULL,"
                    " seat_type VARCHAR(16) NOT NULL,"
                    " last_activity VARCHAR(32),"
                    " activity_source VARCHAR(24) NOT NULL,"
                    " justification VARCHAR(400) NOT NULL,"
                    " state VARCHAR(24) NOT NULL,"
                    " created_at VARCHAR(32) NOT NULL,"
                    " updated_at VARCHAR(32) NOT NULL,"
                    " notified_at VARCHAR(32))"),
                QStringLiteral(
                    "CREATE INDEX removal_candidate_profile ON removal_candidate (profile_id, state)"),
                QStringLiteral(
                    "CREATE TABLE candidate_event ("
                    " id {id},"
                    " candidate_id INTEGER NOT NULL REFERENCES removal_candidate(id) ON DELETE CASCADE,"
                    " at VARCHAR(32) NOT NULL,"
                    " actor VARCHAR(200) NOT NULL,"
                    " action VARCHAR(24) NOT NULL,"
                    " from_state VARCHAR(24),"
                    " to_state VARCHAR(24),"
                    " note VARCHAR(4000))"),
                QStringLiteral(
                    "CREATE TABLE deactivated_user ("
                    " profile_id INTEGER NOT NULL REFERENCES integration_profile(id) ON DELETE CASCADE,"
                    " user_id VARCHAR(64) NOT NULL,"
                    " email VARCHAR(320) NOT NULL,"
                    " deactivated_at VARCHAR(32) NOT NULL,"
                    " PRIMARY KEY (profile_id, user_id))"),
                // Kept when a profile is deleted: the audit trail outlives what it audits.
                QStringLiteral("CREATE TABLE audit_entry ("
                               " id {id},"
                               " at VARCHAR(32) NOT NULL,"
                               " actor VARCHAR(200) NOT NULL,"
                               " profile_id INTEGER NOT NULL,"
                               " profile_name VARCHAR(100) NOT NULL,"
                               " candidate_id INTEGER,"
                               " user_id VARCHAR(64) NOT NULL,"
                               " email VARCHAR(320) NOT NULL,"
                               " phase VARCHAR(16) NOT NULL,"
                               " outcome VARCHAR(24) NOT NULL,"
                               " detail VARCHAR(2000))"),
                QStringLiteral(
                    "CREATE TABLE entitlement ("
                    " profile_id INTEGER NOT NULL REFERENCES integration_profile(id) ON DELETE CASCADE,"
                    " seat_type VARCHAR(16) NOT NULL,"
                    " owned INTEGER NOT NULL,"
                    " price {real} NOT NULL,"
                    " period VARCHAR(8) NOT NULL,"
                    " currency VARCHAR(3) NOT NULL,"
                    " PRIMARY KEY (profile_id, seat_type))") } },
        { QStringLiteral("job settings per profile"),
            { QStringLiteral(
                  "ALTER TABLE integration_profile ADD COLUMN max_in_flight INTEGER NOT NULL DEFAULT 4"),
                QStringLiteral("ALTER TABLE integration_profile ADD COLUMN report_max_age_days INTEGER NOT "
                               "NULL DEFAULT 30") } },
        // A date Roadmunk sent that could not be read, as sent: the activity is unknown, not none.
        { QStringLiteral("unreadable dates"),
            { QStringLiteral("ALTER TABLE subscription ADD COLUMN last_login_unreadable VARCHAR(100)"),
                QStringLiteral("ALTER TABLE subscription ADD COLUMN activity_unreadable VARCHAR(100)") } },
        // A deactivateUser call is claimed here before it is sent, one row a user for good: the
        // primary key is what makes "at most once" hold across runs, processes and crashes.
        { QStringLiteral("deactivation claims"),
            { QStringLiteral(
                "CREATE TABLE deactivation_claim ("
                " profile_id INTEGER NOT NULL REFERENCES integration_profile(id) ON DELETE CASCADE,"
                " user_id VARCHAR(64) NOT NULL,"
                " candidate_id INTEGER NOT NULL,"
                " claimed_at VARCHAR(32) NOT NULL,"
                " actor VARCHAR(200) NOT NULL,"
                " PRIMARY KEY (profile_id, user_id))") } },
        // One row per running sync or reclaim run of a profile (RunLocks); the primary key is
        // what keeps a second one out, on SQLite and on a shared PostgreSQL database alike.
        { QStringLiteral("run locks"),
            { QStringLiteral(
                "CREATE TABLE run_lock ("
                " profile_id INTEGER NOT NULL REFERENCES integration_profile(id) ON DELETE CASCADE,"
                " kind VARCHAR(16) NOT NULL,"
                " token VARCHAR(40) NOT NULL,"
                " description VARCHAR(200) NOT NULL,"
                " os_user VARCHAR(200) NOT NULL,"
                " host VARCHAR(255) NOT NULL,"
                " machine VARCHAR(200) NOT NULL,"
                " pid BIGINT NOT NULL,"
                " acquired_at VARCHAR(32) NOT NULL,"
                " heartbeat_at VARCHAR(32) NOT NULL,"
                " PRIMARY KEY (profile_id, kind))") } },
        { QStringLiteral("largest answer read"),
            { QStringLiteral(
                "ALTER TABLE integration_profile ADD COLUMN max_response_mb INTEGER NOT NULL DEFAULT 8") } },
        // A team database announces each committed change (LiveUpdates): one notification per
        // table and writing client, which PostgreSQL sends at commit and folds within one. A
        // snapshot's rows announce nothing of their own (a trigger call per row would slow a
        // sync): its job_result row, written in the same transaction, says a sync finished.
        { QStringLiteral("change notifications"), {},
            QStringList { QStringLiteral(
                "CREATE FUNCTION rmsam_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                "PERFORM pg_notify('rmsam_change', TG_TABLE_NAME || ' ' "
                "|| coalesce(current_setting('rmsam.client', true), '')); RETURN NULL; END $$") }
                + notifyTriggers({ "integration_profile", "job_result", "removal_candidate",
                    "deactivated_user", "audit_entry", "exclusion_rule", "user_report", "reclamation_rule",
                    "entitlement", "software_model", "scheduled_job" }) },
        CandidateRulesSchema::approverRule(),
        // Who changed what, written by the database's triggers; nobody rewrites it.
        ChangeLogSchema::changeLog(),
        // Stale-edit detection on what two members may edit at once.
        ChangeLogSchema::rowVersions(),
        CandidateRulesSchema::movesHaveHistory(),
        CandidateRulesSchema::decisionsOnState(),
        ChangeLogSchema::statementLevelInsertLog(),
        BulkWriteSchema::reportRowsClustered(),
        CandidateRulesSchema::candidatesCreatedOpen(),
        BulkWriteSchema::reportRowsWithoutPerRowCheck(),
        ChangeLogSchema::tokenSetOrCleared(),
        // The Changes table reads one sync's changes each time a profile opens; a first sync of
        // 100,000 users leaves as many rows, which it would otherwise scan.
        { QStringLiteral("changes by sync"),
            { QStringLiteral("CREATE INDEX snapshot_change_job ON snapshot_change (job_result_id)") } },
        // The Roadmunk account a profile's last validation reached: a second profile validated
        // against the same account is flagged (it would count the account's seats twice).
        { QStringLiteral("account of a profile"),
            { QStringLiteral(
                "ALTER TABLE integration_profile ADD COLUMN roadmunk_account_id VARCHAR(64)") } },
        // The annual price and currency of the user's seat type when the user was deactivated:
        // what the reclaim saved, kept when the entitlement's price or currency changes later.
        // Null for deactivations recorded before this step and for seat types without an
        // entitlement then.
        { QStringLiteral("price a deactivation was realised at"),
            { QStringLiteral("ALTER TABLE deactivated_user ADD COLUMN annual_price {real}"),
                QStringLiteral("ALTER TABLE deactivated_user ADD COLUMN currency VARCHAR(3)") } },
        // The contract's term of an entitlement (issue #17, the renewal date): dates as ISO
        // YYYY-MM-DD, null when not known; the buffer is the share of seats kept above those in
        // use when renewing.
        { QStringLiteral("entitlement term"),
            { QStringLiteral("ALTER TABLE entitlement ADD COLUMN term_start VARCHAR(10)"),
                QStringLiteral("ALTER TABLE entitlement ADD COLUMN renewal_date VARCHAR(10)"),
                QStringLiteral("ALTER TABLE entitlement ADD COLUMN notice_days INTEGER NOT NULL DEFAULT 0"),
                QStringLiteral(
                    "ALTER TABLE entitlement ADD COLUMN buffer_percent INTEGER NOT NULL DEFAULT 10") } },
        // The reminders of a cancel-by date already given (60, 30 and 7 days before): each once,
        // however many windows or machines share the database; the row is the claim to give it.
        { QStringLiteral("renewal reminders"),
            { QStringLiteral(
                "CREATE TABLE renewal_reminder ("
                " profile_id INTEGER NOT NULL REFERENCES integration_profile(id) ON DELETE CASCADE,"
                " seat_type VARCHAR(32) NOT NULL,"
                " renewal_date VARCHAR(10) NOT NULL,"
                " days_before INTEGER NOT NULL,"
                " reminded_at VARCHAR(32) NOT NULL,"
                " PRIMARY KEY (profile_id, seat_type, renewal_date, days_before))") } },
        ChangeLogSchema::smtpSettings(),
        // The HR roster (issue #17, leavers first): the company's employees per profile, an
        // address listed twice (a rehire) kept twice and merged when read; the admin's aliases from
        // a Roadmunk address to the roster's; and which candidates are leavers, listed first.
        { QStringLiteral("hr roster"),
            { QStringLiteral(
                  "CREATE TABLE hr_roster ("
                  " profile_id INTEGER PRIMARY KEY REFERENCES integration_profile(id) ON DELETE CASCADE,"
                  " file_name VARCHAR(400) NOT NULL,"
                  " encoding VARCHAR(32) NOT NULL,"
                  " attached_at VARCHAR(32) NOT NULL,"
                  " employee_count INTEGER NOT NULL,"
                  " leaver_count INTEGER NOT NULL)"),
                QStringLiteral(
                    "CREATE TABLE hr_roster_row ("
                    " profile_id INTEGER NOT NULL REFERENCES integration_profile(id) ON DELETE CASCADE,"
                    " email_key VARCHAR(320) NOT NULL,"
                    " left_company SMALLINT NOT NULL,"
                    " end_date VARCHAR(10))"),
                QStringLiteral("CREATE INDEX hr_roster_row_key ON hr_roster_row (profile_id, email_key)"),
                QStringLiteral(
                    "CREATE TABLE hr_roster_alias ("
                    " profile_id INTEGER NOT NULL REFERENCES integration_profile(id) ON DELETE CASCADE,"
                    " user_key VARCHAR(320) NOT NULL,"
                    " roster_key VARCHAR(320) NOT NULL,"
                    " created_at VARCHAR(32) NOT NULL,"
                    " PRIMARY KEY (profile_id, user_key))"),
                QStringLiteral(
                    "ALTER TABLE removal_candidate ADD COLUMN leaver SMALLINT NOT NULL DEFAULT 0") },
            notifyTriggers({ "hr_roster", "hr_roster_alias" }) },
        ChangeLogSchema::hrRosterLog(),
        ChangeLogSchema::notices(),
        ChangeLogSchema::laterSettingsLogged(),
        ChangeLogSchema::bulkCandidateLog(),
        // Without it every candidate's history was a scan of all events, and deleting a profile
        // (its candidates' events by cascade) took time in the square of its candidates: minutes
        // on PostgreSQL for 40k.
        { QStringLiteral("candidate history by candidate"),
            { QStringLiteral(
                "CREATE INDEX candidate_event_candidate ON candidate_event (candidate_id, id)") } },
        BulkWriteSchema::keysCheckedPerStatement(),
    };
}

} // namespace rmsam::Migrations
