#include "storage/BulkWriteSchema.h"

#include "storage/ChangeLogTriggers.h"

namespace rmsam::BulkWriteSchema {
namespace {

struct ForeignKey
{
    const char* child;
    const char* column;
    const char* parent;
};

// Checks that the rows a statement inserted (or a row's changed key) name a parent that exists,
// and locks that parent as a foreign key's check does.
QStringList parentsChecked(const ForeignKey& k, QStringList& functions)
{
    const QString child = QLatin1String(k.child);
    const QString column = QLatin1String(k.column);
    const QString parent = QLatin1String(k.parent);
    const auto refused = [&](const QString& key) {
        return QStringLiteral(
            "RAISE EXCEPTION 'insert or update on table \"%1\" violates foreign key on %2' "
            "USING ERRCODE = 'foreign_key_violation', DETAIL = format('Key (%2)=(%s) is not "
            "present in table \"%3\".', %4)")
            .arg(child, column, parent, key);
    };
    const QString inserted = QStringLiteral("rmsam_%1_parents_exist").arg(child);
    const QString updated = QStringLiteral("rmsam_%1_parent_exists").arg(child);
    functions << QStringLiteral("'%1'").arg(inserted) << QStringLiteral("'%1'").arg(updated);
    return { QStringLiteral("ALTER TABLE %1 DROP CONSTRAINT %1_%2_fkey").arg(child, column),
        QStringLiteral(
            "CREATE FUNCTION %1() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$ "
            "DECLARE absent bigint; BEGIN "
            "PERFORM FROM %2 p WHERE p.id IN (SELECT n.%3 FROM rmsam_inserted n) FOR KEY SHARE OF p; "
            "SELECT n.%3 INTO absent FROM rmsam_inserted n "
            "WHERE NOT EXISTS (SELECT FROM %2 p WHERE p.id = n.%3) LIMIT 1; "
            "IF FOUND THEN %4; END IF; RETURN NULL; END $$")
            .arg(inserted, parent, column, refused(QStringLiteral("absent"))),
        QStringLiteral("CREATE TRIGGER rmsam_parents_exist AFTER INSERT ON %1 REFERENCING NEW TABLE AS "
                       "rmsam_inserted FOR EACH STATEMENT EXECUTE FUNCTION %2()")
            .arg(child, inserted),
        QStringLiteral("CREATE FUNCTION %1() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$ "
                       "BEGIN PERFORM FROM %2 p WHERE p.id = NEW.%3 FOR KEY SHARE OF p; "
                       "IF NOT FOUND THEN %4; END IF; RETURN NULL; END $$")
            .arg(updated, parent, column, refused(QStringLiteral("NEW.") + column)),
        QStringLiteral("CREATE TRIGGER rmsam_parent_exists AFTER UPDATE OF %1 ON %2 FOR EACH ROW "
                       "WHEN (OLD.%1 IS DISTINCT FROM NEW.%1) EXECUTE FUNCTION %3()")
            .arg(column, child, updated) };
}

} // namespace

// SQLite: a User report's rows kept in their key's order (WITHOUT ROWID), one B-tree
// instead of a table and its primary-key index: attaching a 1,000,000-row report wrote
// both, 0.4 s of its 2.5 s, and replacing one deleted from both.
Migration reportRowsClustered()
{
    return { QStringLiteral("user report rows clustered by key"), {}, {},
        { QStringLiteral("CREATE TABLE user_report_row_clustered ("
                         " profile_id INTEGER NOT NULL REFERENCES integration_profile(id) ON DELETE CASCADE,"
                         " email_key VARCHAR(320) NOT NULL,"
                         " active SMALLINT NOT NULL,"
                         " PRIMARY KEY (profile_id, email_key)) WITHOUT ROWID"),
            QStringLiteral("INSERT INTO user_report_row_clustered (profile_id, email_key, active) "
                           "SELECT profile_id, email_key, active FROM user_report_row"),
            QStringLiteral("DROP TABLE user_report_row"),
            QStringLiteral("ALTER TABLE user_report_row_clustered RENAME TO user_report_row") } };
}

// PostgreSQL: no foreign key on a User report's rows. Its check, a trigger call per row,
// was 3.3 s of inserting 1,000,000 rows (5.7 s in all); the rows are written only with
// their user_report row, which keeps its key, and go with their profile by the trigger
// below. Keys compare byte by byte (COLLATE "C"): they are case-folded addresses,
// looked up for equality only.
Migration reportRowsWithoutPerRowCheck()
{
    return { QStringLiteral("user report rows without a per-row check"), {},
        { QStringLiteral("ALTER TABLE user_report_row DROP CONSTRAINT user_report_row_profile_id_fkey"),
            QStringLiteral(
                "ALTER TABLE user_report_row ALTER COLUMN email_key TYPE VARCHAR(320) COLLATE \"C\""),
            QStringLiteral(
                "CREATE FUNCTION rmsam_forget_report_rows() RETURNS trigger LANGUAGE plpgsql AS $$ "
                "BEGIN DELETE FROM user_report_row WHERE profile_id = OLD.id; RETURN NULL; END $$"),
            QStringLiteral(
                "CREATE TRIGGER rmsam_report_rows_go_with_profile AFTER DELETE ON integration_profile "
                "FOR EACH ROW EXECUTE FUNCTION rmsam_forget_report_rows()") } };
}

// PostgreSQL: the bulk tables' foreign keys checked once per statement instead of once per row.
// A first sync of 100,000 users inserts as many subscriptions and "joined" changes, and each
// row's check, a lookup of the one parent every row names, took 0.27 s of each insert. The
// inserted rows' parents are locked FOR KEY SHARE, as the foreign key's check locks them, so a
// parent cannot go before their transaction ends; a missing one fails the statement with the
// foreign key's error. A parent's rows go with it by a trigger, as ON DELETE CASCADE took them.
// The functions run as the schema's owner, as foreign-key checks do: FOR KEY SHARE needs more
// than a member may have.
Migration keysCheckedPerStatement()
{
    QStringList statements;
    QStringList functions;
    for (const ForeignKey& k : { ForeignKey { "subscription", "profile_id", "integration_profile" },
             ForeignKey { "removal_candidate", "profile_id", "integration_profile" },
             ForeignKey { "snapshot_change", "job_result_id", "job_result" } }) {
        statements << parentsChecked(k, functions);
    }
    const QList<std::pair<QString, QString>> cascades {
        { QStringLiteral("integration_profile"),
            QStringLiteral("DELETE FROM subscription c USING rmsam_gone g WHERE c.profile_id = g.id; "
                           "DELETE FROM removal_candidate c USING rmsam_gone g WHERE c.profile_id = g.id") },
        { QStringLiteral("job_result"),
            QStringLiteral(
                "DELETE FROM snapshot_change c USING rmsam_gone g WHERE c.job_result_id = g.id") }
    };
    for (const auto& [parent, deletes] : cascades) {
        const QString function = QStringLiteral("rmsam_%1_children_go").arg(parent);
        functions << QStringLiteral("'%1'").arg(function);
        statements << QStringLiteral("CREATE FUNCTION %1() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER "
                                     "AS $$ BEGIN %2; RETURN NULL; END $$")
                          .arg(function, deletes)
                   << QStringLiteral(
                          "CREATE TRIGGER rmsam_children_go AFTER DELETE ON %1 REFERENCING OLD TABLE "
                          "AS rmsam_gone FOR EACH STATEMENT EXECUTE FUNCTION %2()")
                          .arg(parent, function);
    }
    statements << ChangeLogTriggers::pinSearchPath(functions);
    return { QStringLiteral("bulk tables' foreign keys checked per statement"), {}, statements };
}

} // namespace rmsam::BulkWriteSchema
