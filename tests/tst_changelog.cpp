// The change log the database writes (triggers) and nobody rewrites, and stale-edit detection on
// candidates, the rule and entitlements; on SQLite, and on PostgreSQL with
// RMSAM_TEST_DATABASE=postgresql (ctest runs both).

#include "core/ProfileRules.h"
#include "services/ReclamationService.h"
#include "services/ReportService.h"
#include "services/Reports.h"
#include "storage/Database.h"
#include "storage/ExclusionRepository.h"
#include "storage/JobRepository.h"
#include "storage/ProfileRepository.h"
#include "storage/ReclamationRepository.h"
#include "storage/UserReportRepository.h"
#include "support/TestBackend.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace rmsam;

namespace {

struct LoggedRow
{
    QString dbRole;
    QString osUser;
    QString host;
    QString table;
    QString operation;
    qint64 profileId = 0;
    QString rowKey;
    QString summary;
};

} // namespace

class TestChangeLog : public QObject
{
    Q_OBJECT

private:
    rmsam::test::TestBackend m_backend;

    // Who the log names as the database role: the login role on PostgreSQL, the OS account on SQLite.
    QString expectedRole() const
    {
        return m_backend.postgreSql() ? rmsam::test::PostgresCluster::superuser()
                                      : Database::operatingSystemAccount();
    }

    static qint64 lastId(Database& db)
    {
        QSqlQuery q(db.connection());
        return q.exec(QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM change_log")) && q.next()
            ? q.value(0).toLongLong()
            : -1;
    }

    // The rows logged after `since`, oldest first; `since` moves past them.
    static QList<LoggedRow> loggedSince(Database& db, qint64& since)
    {
        QList<LoggedRow> rows;
        QSqlQuery q(db.connection());
        q.prepare(
            QStringLiteral("SELECT id, db_role, os_user, host, table_name, operation, profile_id, row_key, "
                           "summary FROM change_log WHERE id > ? ORDER BY id"));
        q.addBindValue(since);
        if (!q.exec()) {
            return rows;
        }
        while (q.next()) {
            since = q.value(0).toLongLong();
            rows.append({ q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                q.value(4).toString(), q.value(5).toString(), q.value(6).toLongLong(), q.value(7).toString(),
                q.value(8).toString() });
        }
        return rows;
    }

    // Exactly one row was logged since `since`, of this table and operation, naming who and where.
    void expectOne(Database& db, qint64& since, const QString& table, const QString& operation,
        const QString& summary, qint64 profileId)
    {
        const QList<LoggedRow> rows = loggedSince(db, since);
        QCOMPARE(rows.size(), 1);
        const LoggedRow& row = rows.constFirst();
        QCOMPARE(row.table, table);
        QCOMPARE(row.operation, operation);
        QVERIFY2(row.summary.contains(summary), qPrintable(row.summary));
        QCOMPARE(row.profileId, profileId);
        QCOMPARE(row.dbRole, expectedRole());
        QCOMPARE(row.osUser, Database::operatingSystemAccount());
        QCOMPARE(row.host, Database::hostName());
    }

    static bool runs(Database& db, const QString& sql)
    {
        QSqlQuery q(db.connection());
        return q.exec(sql);
    }

    IntegrationProfile profile(Database& db, const QString& name)
    {
        auto created = ProfileRepository(db).create(
            ProfileRules::makeDraft(name, Region::Europe, QDate(2026, 11, 28)));
        return created ? created.value() : IntegrationProfile {};
    }

    RemovalCandidate candidate(Database& db, qint64 profileId, const QString& userId)
    {
        RemovalCandidate c;
        c.profileId = profileId;
        c.userId = userId;
        c.email = userId + QStringLiteral("@example.com");
        c.role = QStringLiteral("collaborator");
        c.justification = QStringLiteral("No activity for 90 days");
        c.state = CandidateState::Ready;
        auto created = ReclamationRepository(db).create(c, QStringLiteral("test"));
        return created ? created.value() : RemovalCandidate {};
    }

    static AuditEntry auditEntry(const IntegrationProfile& p, const RemovalCandidate& c)
    {
        AuditEntry e;
        e.actor = QStringLiteral("test");
        e.profileId = p.id;
        e.profileName = p.displayName;
        e.candidateNumber = c.number;
        e.userId = c.userId;
        e.email = c.email;
        e.phase = AuditPhase::Before;
        e.outcome = QStringLiteral("attempt");
        return e;
    }

    // PostgreSQL: a member with SELECT on the log and a right to change the rule. Its change is
    // logged under its own login role (session_user) by the trigger, even with a temporary table
    // named change_log in the way; writing the log itself is refused.
    void membersWriteTheLogOnlyThroughTriggers(const QString& database, qint64 profileId)
    {
        const rmsam::test::PostgresCluster& cluster = *m_backend.cluster();
        QString error;
        cluster.psql(database,
            QStringLiteral("CREATE ROLE rmsam_member_a LOGIN; GRANT SELECT ON change_log TO rmsam_member_a; "
                           "GRANT SELECT, UPDATE ON reclamation_rule TO rmsam_member_a; "
                           "INSERT INTO reclamation_rule (profile_id, threshold_days, roles_in_scope, "
                           "include_no_activity, grace_days, notify_user, notify_days) "
                           "VALUES (%1, 60, 'collaborator', 1, 14, 0, 7)")
                .arg(profileId),
            &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        cluster.psql(database,
            QStringLiteral("SET SESSION AUTHORIZATION rmsam_member_a; "
                           "CREATE TEMP TABLE change_log (LIKE public.change_log); "
                           "UPDATE reclamation_rule SET threshold_days = 77"),
            &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QString logged = cluster.psql(database,
            QStringLiteral("SELECT db_role || ' ' || table_name || ' ' || operation FROM change_log "
                           "WHERE summary LIKE '%77' ORDER BY id DESC"),
            &error);
        QCOMPARE(logged.trimmed(), QStringLiteral("rmsam_member_a reclamation_rule update"));
        const QString stamped = cluster.psql(
            database, QStringLiteral("SELECT changed_by, row_version FROM reclamation_rule"), &error);
        QCOMPARE(stamped.trimmed(), QStringLiteral("rmsam_member_a|2"));
        cluster.psql(database,
            QStringLiteral(
                "SET SESSION AUTHORIZATION rmsam_member_a; INSERT INTO change_log (at, db_role, os_user, "
                "host, table_name, operation, summary) VALUES ('x', 'x', 'x', 'x', 'x', 'insert', 'forged')"),
            &error);
        QVERIFY2(error.contains(QStringLiteral("permission denied")), qPrintable(error));
    }

    // The database name of a test folder's PostgreSQL URL.
    QString databaseName(const QTemporaryDir& dir) { return QUrl(m_backend.location(dir)).path().mid(1); }

private slots:
    void initTestCase()
    {
        const QString started = m_backend.start();
        QVERIFY2(started.isEmpty(), qPrintable(started));
    }

    void eachAuditedChangeWritesOneRow()
    {
        QTemporaryDir dir;
        auto opened = Database::open(m_backend.location(dir));
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message));
        Database& db = *opened.value();
        qint64 since = lastId(db);
        QVERIFY(since >= 0);

        const IntegrationProfile p = profile(db, QStringLiteral("Acme"));
        QVERIFY(p.id > 0);
        expectOne(db, since, QStringLiteral("integration_profile"), QStringLiteral("insert"),
            QStringLiteral("profile created"), p.id);

        ReclamationRepository reclamation(db);
        QVERIFY(reclamation.ensureRule(p.id).ok());
        expectOne(db, since, QStringLiteral("reclamation_rule"), QStringLiteral("insert"),
            QStringLiteral("threshold 60"), p.id);
        ReclamationRule rule = reclamation.rule(p.id).value();
        rule.thresholdDays = 90;
        QVERIFY(reclamation.saveRule(rule).ok());
        expectOne(db, since, QStringLiteral("reclamation_rule"), QStringLiteral("update"),
            QStringLiteral("threshold 60 → 90"), p.id);

        Entitlement e;
        e.profileId = p.id;
        e.owned = 10;
        e.price = 12;
        QVERIFY(reclamation.saveEntitlement(e).ok());
        expectOne(db, since, QStringLiteral("entitlement"), QStringLiteral("insert"),
            QStringLiteral("10 owned"), p.id);
        e.rowVersion = 1;
        e.owned = 12;
        QVERIFY(reclamation.saveEntitlement(e).ok());
        expectOne(db, since, QStringLiteral("entitlement"), QStringLiteral("update"),
            QStringLiteral("owned 10 → 12"), p.id);

        ExclusionRepository exclusions(db);
        QVERIFY(exclusions.add(ExclusionRule::Kind::User, QStringLiteral("boss@example.com")));
        expectOne(db, since, QStringLiteral("exclusion_rule"), QStringLiteral("insert"),
            QStringLiteral("exclusion added"), 0);
        QVERIFY(exclusions.remove(ExclusionRule::Kind::User, QStringLiteral("boss@example.com")).ok());
        expectOne(db, since, QStringLiteral("exclusion_rule"), QStringLiteral("delete"),
            QStringLiteral("exclusion removed"), 0);

        const RemovalCandidate c = candidate(db, p.id, QStringLiteral("u1"));
        QVERIFY(c.number > 0);
        expectOne(db, since, QStringLiteral("removal_candidate"), QStringLiteral("insert"),
            QStringLiteral("ready"), p.id);
        QVERIFY(reclamation.apply(c.number, CandidateAction::Reclaim, QStringLiteral("test")));
        expectOne(db, since, QStringLiteral("removal_candidate"), QStringLiteral("update"),
            QStringLiteral("state ready → awaiting_revocation"), p.id);
        // What a sync refreshes about the user is no state change: not logged.
        QVERIFY(reclamation.refresh(reclamation.candidate(c.number).value()).ok());
        QCOMPARE(loggedSince(db, since).size(), 0);

        QVERIFY(reclamation.appendAudit(auditEntry(p, c)).ok());
        expectOne(db, since, QStringLiteral("audit_entry"), QStringLiteral("insert"),
            QStringLiteral("attempt"), p.id);

        JobResult run;
        run.profileId = p.id;
        run.startedAt = run.endedAt = QDateTime::currentDateTimeUtc();
        run.outcome = JobOutcome::Succeeded;
        run.users = 1234;
        QVERIFY(JobRepository(db).insertJobResult(run).ok());
        expectOne(db, since, QStringLiteral("job_result"), QStringLiteral("insert"),
            QStringLiteral("1234 users"), p.id);

        UserReportRepository reports(db);
        QVERIFY(reports
                    .attach(p.id, QStringLiteral("users.csv"), QStringLiteral("UTF-8"),
                        { { QStringLiteral("a@example.com"), true } })
                    .ok());
        expectOne(db, since, QStringLiteral("user_report"), QStringLiteral("insert"),
            QStringLiteral("report attached: users.csv (1 rows)"), p.id);
        QVERIFY(reports.detach(p.id).ok());
        expectOne(db, since, QStringLiteral("user_report"), QStringLiteral("delete"),
            QStringLiteral("report removed"), p.id);

        IntegrationProfile renamed = ProfileRepository(db).find(p.id).value();
        renamed.displayName = QStringLiteral("Acme EU");
        QVERIFY(ProfileRepository(db).update(renamed).ok());
        expectOne(db, since, QStringLiteral("integration_profile"), QStringLiteral("update"),
            QStringLiteral("name Acme → Acme EU"), p.id);

        // The token itself is never in the database: when it was set, replaced or cleared is.
        ProfileRepository profiles(db);
        const QDateTime set(QDate(2026, 11, 30), QTime(9, 0), Qt::UTC);
        QVERIFY(profiles.setTokenSetAt(p.id, set).ok());
        expectOne(db, since, QStringLiteral("integration_profile"), QStringLiteral("update"),
            QStringLiteral("token set"), p.id);
        QVERIFY(profiles.setTokenSetAt(p.id, set.addSecs(60)).ok());
        expectOne(db, since, QStringLiteral("integration_profile"), QStringLiteral("update"),
            QStringLiteral("token replaced"), p.id);
        QVERIFY(profiles.setTokenSetAt(p.id, QDateTime()).ok());
        expectOne(db, since, QStringLiteral("integration_profile"), QStringLiteral("update"),
            QStringLiteral("token cleared"), p.id);

        // The Audit log lists every change of the profile and the exclusions, with the reclaim's
        // own record in place of its change-log row, oldest first.
        const auto audit = Reports::build(db, p.id, { ReportKind::Audit });
        QVERIFY(audit);
        const QList<QList<QVariant>> rows = audit.value().value(ReportKind::Audit).rows;
        QStringList actions;
        for (const QList<QVariant>& row : rows) {
            QCOMPARE(row.size(), Reports::headers(ReportKind::Audit).size());
            actions << row.at(7).toString();
        }
        QCOMPARE(rows.size(), 17);
        QVERIFY2(
            actions.first().startsWith(QStringLiteral("profile created")), qPrintable(actions.join('|')));
        QCOMPARE(actions.filter(QStringLiteral("exclusion")).size(), 2);
        const auto deactivation = std::find_if(rows.cbegin(), rows.cend(), [](const QList<QVariant>& row) {
            return row.at(5).toString() == QStringLiteral("Deactivation");
        });
        QVERIFY(deactivation != rows.cend());
        QCOMPARE(deactivation->at(8).toString(), QStringLiteral("u1@example.com (u1)"));
        QCOMPARE(deactivation->at(6).toString(), candidateNumberText(c.number));
        QVERIFY(actions.filter(QStringLiteral("reclaim before")).isEmpty()); // its log row is left out
        QCOMPARE(actions.last(), QStringLiteral("token cleared"));
        for (qsizetype r = 1; r < rows.size(); ++r) {
            QVERIFY(rows.at(r - 1).at(0).toDateTime() <= rows.at(r).at(0).toDateTime());
        }
    }

    // Candidates created together (an evaluation's) are logged one row each, like one alone.
    // Columns added after the change-log triggers were first written say what changed too.
    void laterSettingsAreInTheirSummaries()
    {
        QTemporaryDir dir;
        auto opened = Database::open(m_backend.location(dir));
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message));
        Database& db = *opened.value();
        const IntegrationProfile p = profile(db, QStringLiteral("Later"));
        ReclamationRepository reclamation(db);
        QVERIFY(reclamation.ensureRule(p.id).ok());
        qint64 since = lastId(db);

        ReclamationRule rule = reclamation.rule(p.id).value();
        rule.notifyDays = 10;
        rule.reminderDays = 3;
        QVERIFY(reclamation.saveRule(rule).ok());
        expectOne(db, since, QStringLiteral("reclamation_rule"), QStringLiteral("update"),
            QStringLiteral("reminder days 2 → 3"), p.id);

        Entitlement e;
        e.profileId = p.id;
        e.owned = 10;
        e.price = 12;
        QVERIFY(reclamation.saveEntitlement(e).ok());
        expectOne(db, since, QStringLiteral("entitlement"), QStringLiteral("insert"),
            QStringLiteral("10 owned"), p.id);
        e.rowVersion = 1;
        e.renewal = QDate(2027, 3, 31);
        e.noticeDays = 30;
        QVERIFY(reclamation.saveEntitlement(e).ok());
        expectOne(db, since, QStringLiteral("entitlement"), QStringLiteral("update"),
            QStringLiteral("renewal - → 2027-03-31; notice days 0 → 30"), p.id);

        IntegrationProfile changed = ProfileRepository(db).find(p.id).value();
        changed.noticeLanguage = NoticeLanguage::Japanese;
        QVERIFY(ProfileRepository(db).update(changed).ok());
        expectOne(db, since, QStringLiteral("integration_profile"), QStringLiteral("update"),
            QStringLiteral("notice language en → ja"), p.id);
    }

    void aBulkInsertLogsEachRow()
    {
        QTemporaryDir dir;
        auto opened = Database::open(m_backend.location(dir));
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message));
        Database& db = *opened.value();
        const IntegrationProfile p = profile(db, QStringLiteral("Bulk"));
        QVERIFY(p.id > 0);
        qint64 since = lastId(db);
        QList<RemovalCandidate> fresh;
        for (int i = 0; i < 3; ++i) {
            RemovalCandidate c;
            c.profileId = p.id;
            c.userId = QStringLiteral("bulk%1").arg(i);
            c.email = c.userId + QStringLiteral("@example.com");
            c.role = QStringLiteral("collaborator");
            c.justification = QStringLiteral("No activity for 90 days");
            c.state = i == 2 ? CandidateState::AttentionRequired : CandidateState::Ready;
            fresh.append(c);
        }
        const auto created = ReclamationRepository(db).createAll(fresh, QStringLiteral("test"));
        QVERIFY2(created, qPrintable(created ? QString() : created.error().message + created.error().detail));
        QCOMPARE(created.value(), 3);
        const QList<LoggedRow> rows = loggedSince(db, since);
        QCOMPARE(rows.size(), 3);
        QSet<QString> keys;
        QStringList summaries;
        for (const RemovalCandidate& c : ReclamationRepository(db).candidates(p.id).value()) {
            keys.insert(QString::number(c.number));
        }
        for (const LoggedRow& row : rows) {
            QCOMPARE(row.table, QStringLiteral("removal_candidate"));
            QCOMPARE(row.operation, QStringLiteral("insert"));
            QCOMPARE(row.profileId, p.id);
            QCOMPARE(row.dbRole, expectedRole());
            QCOMPARE(row.osUser, Database::operatingSystemAccount());
            QVERIFY(keys.remove(row.rowKey));
            summaries.append(row.summary);
        }
        QVERIFY(keys.isEmpty());
        summaries.sort();
        QCOMPARE(summaries,
            (QStringList { QStringLiteral("candidate created: attention_required"),
                QStringLiteral("candidate created: ready"), QStringLiteral("candidate created: ready") }));
        // SQLite logs a bulk insert in one statement while its row trigger stands aside: after it,
        // the trigger logs a single candidate again.
        if (!m_backend.postgreSql()) {
            QSqlQuery paused(db.connection());
            QVERIFY(paused.exec(QStringLiteral("SELECT COUNT(*) FROM change_log_pause")) && paused.next());
            QCOMPARE(paused.value(0).toInt(), 0);
        }
        since = lastId(db);
        RemovalCandidate single = fresh.first();
        single.userId = QStringLiteral("single");
        const auto one = ReclamationRepository(db).create(single, QStringLiteral("test"));
        QVERIFY(one);
        expectOne(db, since, QStringLiteral("removal_candidate"), QStringLiteral("insert"),
            QStringLiteral("candidate created: ready"), p.id);
    }

    void logAndAuditRefuseRewrites()
    {
        QTemporaryDir dir;
        auto opened = Database::open(m_backend.location(dir));
        QVERIFY(opened);
        Database& db = *opened.value();
        const IntegrationProfile p = profile(db, QStringLiteral("Acme"));
        const RemovalCandidate c = candidate(db, p.id, QStringLiteral("u1"));
        QVERIFY(ReclamationRepository(db).appendAudit(auditEntry(p, c)).ok());
        for (const QString& table : { QStringLiteral("change_log"), QStringLiteral("audit_entry") }) {
            for (const QString& sql :
                { QStringLiteral("UPDATE %1 SET at = 'x'"), QStringLiteral("DELETE FROM %1"),
                    QStringLiteral("DELETE FROM %1 WHERE id = (SELECT MAX(id) FROM %1)") }) {
                QSqlQuery q(db.connection());
                QVERIFY2(!q.exec(sql.arg(table)), qPrintable(sql.arg(table)));
                QVERIFY2(q.lastError().text().contains(QStringLiteral("append-only")),
                    qPrintable(q.lastError().text()));
            }
        }
        if (m_backend.postgreSql()) {
            // The tables' owner (here a superuser, who ran the migrations) is refused by the
            // server too, TRUNCATE included.
            for (const QString& table : { QStringLiteral("change_log"), QStringLiteral("audit_entry") }) {
                for (const QString& sql : { QStringLiteral("UPDATE %1 SET at = 'x'"),
                         QStringLiteral("DELETE FROM %1"), QStringLiteral("TRUNCATE %1") }) {
                    QString error;
                    m_backend.cluster()->psql(databaseName(dir), sql.arg(table), &error);
                    QVERIFY2(
                        error.contains(QStringLiteral("append-only")), qPrintable(sql.arg(table) + error));
                }
            }
            membersWriteTheLogOnlyThroughTriggers(databaseName(dir), p.id);
            if (QTest::currentTestFailed()) {
                return;
            }
        }
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM audit_entry")) && q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM change_log WHERE at = 'x'")) && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
    }

    void profileDeletionKeepsTheLogAndTheAudit()
    {
        QTemporaryDir dir;
        auto opened = Database::open(m_backend.location(dir));
        QVERIFY(opened);
        Database& db = *opened.value();
        const IntegrationProfile p = profile(db, QStringLiteral("Acme"));
        const RemovalCandidate c = candidate(db, p.id, QStringLiteral("u1"));
        QVERIFY(ReclamationRepository(db).ensureRule(p.id).ok());
        QVERIFY(ReclamationRepository(db).appendAudit(auditEntry(p, c)).ok());
        const qint64 before = lastId(db);
        QVERIFY(ProfileRepository(db).remove(p.id).ok());
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM audit_entry")) && q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        QVERIFY(
            q.exec(QStringLiteral("SELECT COUNT(*) FROM change_log WHERE id <= %1").arg(before)) && q.next());
        QCOMPARE(q.value(0).toLongLong(), before);
        qint64 since = before;
        const QList<LoggedRow> rows = loggedSince(db, since);
        QVERIFY(std::any_of(rows.cbegin(), rows.cend(), [&p](const LoggedRow& r) {
            return r.table == QLatin1String("integration_profile") && r.operation == QLatin1String("delete")
                && r.profileId == p.id;
        }));
        // The log outlives the profile; the Audit log names it by its id.
        auto audit = Reports::build(db, p.id, { ReportKind::Audit });
        QVERIFY(audit);
        QCOMPARE(Reports::headers(ReportKind::Audit).at(4), QStringLiteral("Profile"));
        const QList<QList<QVariant>> auditRows = audit.value().value(ReportKind::Audit).rows;
        QVERIFY(std::any_of(auditRows.cbegin(), auditRows.cend(), [&p](const QList<QVariant>& row) {
            return row.at(4).toString() == QStringLiteral("#%1").arg(p.id);
        }));
    }

    void staleCandidateEditIsRefused()
    {
        QTemporaryDir dir;
        auto first = Database::open(m_backend.location(dir));
        auto second = Database::open(m_backend.location(dir));
        QVERIFY(first && second);
        const IntegrationProfile p = profile(*first.value(), QStringLiteral("Acme"));
        QVERIFY(ReclamationRepository(*first.value()).ensureRule(p.id).ok());
        const RemovalCandidate c = candidate(*first.value(), p.id, QStringLiteral("u1"));
        ReclamationService alice(*first.value());
        ReclamationService bob(*second.value());
        const RemovalCandidate seenByAlice = alice.candidate(c.number).value();
        const RemovalCandidate seenByBob = bob.candidate(c.number).value();
        QCOMPARE(seenByAlice.rowVersion, seenByBob.rowVersion);

        auto moved = alice.apply(
            c.number, CandidateAction::Reclaim, QStringLiteral("alice"), {}, seenByAlice.rowVersion);
        QVERIFY(moved);
        QCOMPARE(moved.value().rowVersion, seenByAlice.rowVersion + 1);
        auto stale
            = bob.apply(c.number, CandidateAction::Skip, QStringLiteral("bob"), {}, seenByBob.rowVersion);
        QVERIFY(!stale);
        QCOMPARE(stale.error().code, ErrorCode::Conflict);
        QVERIFY2(stale.error().message.startsWith(QStringLiteral("Changed by %1 at ").arg(expectedRole())),
            qPrintable(stale.error().message));
        QVERIFY(stale.error().message.endsWith(QStringLiteral("since you opened it. Reload and try again.")));
        // Nothing of Alice's was overwritten, and Bob's move left no trace.
        QCOMPARE(bob.candidate(c.number).value().state, CandidateState::AwaitingRevocation);
        const auto history = bob.history(c.number).value();
        QCOMPARE(history.size(), 2);
        QCOMPARE(history.constLast().actor, QStringLiteral("alice"));
        // Reloaded, Bob may act.
        const RemovalCandidate reloaded = bob.candidate(c.number).value();
        QVERIFY(bob.apply(c.number, CandidateAction::Close, QStringLiteral("bob"), {}, reloaded.rowVersion));
    }

    void staleRuleEditIsRefused()
    {
        QTemporaryDir dir;
        auto first = Database::open(m_backend.location(dir));
        auto second = Database::open(m_backend.location(dir));
        QVERIFY(first && second);
        const IntegrationProfile p = profile(*first.value(), QStringLiteral("Acme"));
        QVERIFY(ReclamationRepository(*first.value()).ensureRule(p.id).ok());
        ReclamationService alice(*first.value());
        ReclamationService bob(*second.value());
        ReclamationRule aliceRule = alice.rule(p.id).value();
        ReclamationRule bobRule = bob.rule(p.id).value();
        QCOMPARE(aliceRule.rowVersion, 1);
        aliceRule.thresholdDays = 90;
        QVERIFY(alice.saveRule(aliceRule).ok());
        bobRule.thresholdDays = 30;
        auto stale = bob.saveRule(bobRule);
        QVERIFY(!stale);
        QCOMPARE(stale.error().code, ErrorCode::Conflict);
        QVERIFY2(stale.error().message.startsWith(QStringLiteral("Changed by %1 at ").arg(expectedRole())),
            qPrintable(stale.error().message));
        // Through the settings as the dialog saves them: refused as a whole.
        auto settings = bob.saveSettings(bobRule, {}, {});
        QVERIFY(!settings);
        QCOMPARE(settings.error().code, ErrorCode::Conflict);
        const ReclamationRule stored = bob.rule(p.id).value();
        QCOMPARE(stored.thresholdDays, 90);
        QCOMPARE(stored.rowVersion, 2);
    }

    void staleEntitlementEditIsRefused()
    {
        QTemporaryDir dir;
        auto first = Database::open(m_backend.location(dir));
        auto second = Database::open(m_backend.location(dir));
        QVERIFY(first && second);
        const IntegrationProfile p = profile(*first.value(), QStringLiteral("Acme"));
        QVERIFY(ReclamationRepository(*first.value()).ensureRule(p.id).ok());
        ReclamationService alice(*first.value());
        ReclamationService bob(*second.value());
        QVERIFY(alice.entitlements(p.id).value().isEmpty());
        QVERIFY(bob.entitlements(p.id).value().isEmpty());
        Entitlement e;
        e.profileId = p.id;
        e.owned = 10;
        e.price = 12;
        QVERIFY(alice.saveEntitlement(e).ok());
        // Bob read none, and adds one: Alice's is there now.
        e.owned = 20;
        auto stale = bob.saveEntitlement(e);
        QVERIFY(!stale);
        QCOMPARE(stale.error().code, ErrorCode::Conflict);
        QCOMPARE(alice.entitlements(p.id).value().constFirst().owned, 10);

        // Both read Alice's; Alice removes it, Bob's change of it is refused, naming who removed it.
        const QList<Entitlement> aliceRead = alice.entitlements(p.id).value();
        QList<Entitlement> bobRead = bob.entitlements(p.id).value();
        const ReclamationRule rule = alice.rule(p.id).value();
        QVERIFY(alice.saveSettings(rule, {}, aliceRead).ok());
        Entitlement changed = bobRead.constFirst();
        changed.owned = 30;
        auto gone = bob.saveSettings(bob.rule(p.id).value(), { changed }, bobRead);
        QVERIFY(!gone);
        QCOMPARE(gone.error().code, ErrorCode::Conflict);
        QVERIFY2(gone.error().message.startsWith(QStringLiteral("Changed by %1 at ").arg(expectedRole())),
            qPrintable(gone.error().message));
        QVERIFY(bob.entitlements(p.id).value().isEmpty());
    }

    void changesListNewestFirst()
    {
        QTemporaryDir dir;
        auto opened = Database::open(m_backend.location(dir));
        QVERIFY(opened);
        Database& db = *opened.value();
        const IntegrationProfile a = profile(db, QStringLiteral("A"));
        const IntegrationProfile b = profile(db, QStringLiteral("B"));
        QVERIFY(ExclusionRepository(db).add(ExclusionRule::Kind::User, QStringLiteral("boss@example.com")));
        QVERIFY(ReclamationRepository(db).ensureRule(b.id).ok());
        ReportService reports(db);
        auto all = reports.changes(0, 0);
        QVERIFY(all);
        QCOMPARE(all.value().size(), 4);
        QCOMPARE(all.value().constFirst().table, QStringLiteral("reclamation_rule"));
        QCOMPARE(all.value().constLast().profileName, QStringLiteral("A"));
        // A's: its own and those for every profile.
        auto ofA = reports.changes(a.id, 0);
        QVERIFY(ofA);
        QCOMPARE(ofA.value().size(), 2);
        QCOMPARE(ofA.value().constFirst().table, QStringLiteral("exclusion_rule"));
        QCOMPARE(reports.changes(0, 1).value().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestChangeLog)
#include "tst_changelog.moc"
