// Team mode's roles on a private PostgreSQL cluster: `database init` creates the group roles,
// `team grant|revoke|list` manage the members, and each role's limits are enforced twice — by
// the app (exit 7, naming the role needed) and by the server itself (psql as that member gets
// "permission denied"). The approver rule: whoever moved a candidate to Awaiting Approval cannot
// decide it, even as an approver; another approver can; a viewer cannot.

#include "MainWindow.h"
#include "core/TeamRole.h"
#include "secrets/TokenStore.h"
#include "services/ReclamationService.h"
#include "services/Services.h"
#include "services/TeamService.h"
#include "storage/Database.h"
#include "storage/DatabaseLocation.h"
#include "storage/Migrations.h"
#include "storage/TeamSchema.h"
#include "support/CliRunner.h"
#include "support/PostgresCluster.h"

#include <QAction>
#include <QDir>
#include <QLabel>
#include <QPushButton>
#include <QScopeGuard>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace rmsam;
using namespace rmsam::test;

class TestTeam : public QObject
{
    Q_OBJECT

    static inline const QString Db = QStringLiteral("team1");
    std::unique_ptr<PostgresCluster> m_cluster;
    QTemporaryDir m_folder;
    std::unique_ptr<CliRunner> m_cli;

    // `roadmunk-sam --database URL words…` as a member (the socket trusts every login role).
    CliRun as(const QString& member, const QStringList& words, const QByteArray& input = {}) const
    {
        return m_cli->run(
            QStringList { QStringLiteral("--database"), m_cluster->socketUrlAs(member, Db) } + words, input);
    }
    CliRun asAdmin(const QStringList& words) const { return as(PostgresCluster::superuser(), words); }

    // psql as a member: its output, or the server's refusal in *error.
    QString psqlAs(const QString& member, const QString& sql, QString* error) const
    {
        return m_cluster->psqlAs(member, Db, sql, error);
    }
    QString admin(const QString& sql) const
    {
        QString error;
        const QString out = m_cluster->psql(Db, sql, &error);
        if (!error.isEmpty()) {
            qWarning("%s", qPrintable(error));
        }
        return out;
    }

    // A removal candidate of profile 1 waiting for the user's answer; its number.
    QString candidateAwaitingUser(const QString& user)
    {
        return admin(
            QStringLiteral("INSERT INTO removal_candidate (profile_id, user_id, email, display_name, "
                           "role, seat_type, activity_source, justification, state, created_at, "
                           "updated_at) VALUES (1, '%1', '%1@example.com', '%1', 'collaborator', "
                           "'collaborator', 'none', 'no activity', 'awaiting_user', "
                           "'2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z') RETURNING id")
                .arg(user));
    }

    QString stateOf(const QString& number)
    {
        return admin(QStringLiteral("SELECT state FROM removal_candidate WHERE id = %1").arg(number));
    }

private slots:
    void initTestCase()
    {
        QString error;
        m_cluster = PostgresCluster::start(&error);
        QVERIFY2(m_cluster, qPrintable(error));
        QVERIFY(m_folder.isValid());
        m_cli = std::make_unique<CliRunner>(QDir(m_folder.path()).filePath(QStringLiteral("unused")),
            QStringLiteral("rmsam-test-team-") + QUuid::createUuid().toString(QUuid::Id128));
        m_cluster->createDatabase(Db, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        for (const char* member : { "vera", "oscar", "rita", "alice", "bob", "owen", "nobody" }) {
            m_cluster->psql(QStringLiteral("postgres"),
                QStringLiteral("CREATE ROLE %1 LOGIN").arg(QLatin1String(member)), &error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
        }
    }

    void initCreatesTheSchemaAndTheRoles()
    {
        const CliRun init = asAdmin({ QStringLiteral("database"), QStringLiteral("init") });
        QVERIFY2(init.code == 0, qPrintable(describe(init)));
        QVERIFY2(init.out.contains(QStringLiteral("roles and grants")), qPrintable(describe(init)));
        QCOMPARE(admin(QStringLiteral("SELECT string_agg(rolname, ',' ORDER BY rolname) FROM pg_roles WHERE "
                                      "rolname LIKE 'rmsam_team1_%' AND NOT rolcanlogin")),
            QStringLiteral(
                "rmsam_team1_approver,rmsam_team1_operator,rmsam_team1_owner,rmsam_team1_reclaimer,"
                "rmsam_team1_viewer"));
        // The ladder: the owner holds every role below it; the viewer none above.
        QCOMPARE(
            admin(QStringLiteral("SELECT pg_has_role('rmsam_team1_owner', 'rmsam_team1_viewer', 'MEMBER'), "
                                 "pg_has_role('rmsam_team1_viewer', 'rmsam_team1_operator', 'MEMBER')")),
            QStringLiteral("t|f"));
        // Idempotent: a second init changes nothing and succeeds.
        const CliRun again = asAdmin({ QStringLiteral("database"), QStringLiteral("init") });
        QVERIFY2(again.code == 0, qPrintable(describe(again)));
        const CliRun created = asAdmin({ QStringLiteral("profile"), QStringLiteral("create"),
            QStringLiteral("--name"), QStringLiteral("Team"), QStringLiteral("--endpoint"),
            QStringLiteral("http://127.0.0.1:9/public/graphql") });
        QVERIFY2(created.code == 0, qPrintable(describe(created)));
    }

    void grantListRevoke()
    {
        const QList<std::pair<QString, QString>> members
            = { { QStringLiteral("vera"), QStringLiteral("viewer") },
                  { QStringLiteral("oscar"), QStringLiteral("operator") },
                  { QStringLiteral("rita"), QStringLiteral("reclaimer") },
                  { QStringLiteral("alice"), QStringLiteral("approver") },
                  { QStringLiteral("bob"), QStringLiteral("approver") },
                  { QStringLiteral("owen"), QStringLiteral("owner") },
                  { QStringLiteral("nobody"), QStringLiteral("viewer") } };
        for (const auto& [member, role] : members) {
            const CliRun granted = asAdmin({ QStringLiteral("team"), QStringLiteral("grant"),
                QStringLiteral("--member"), member, QStringLiteral("--role"), role });
            QVERIFY2(granted.code == 0, qPrintable(describe(granted)));
        }
        // A second grant replaces the role rather than adding one.
        const CliRun regrant
            = asAdmin({ QStringLiteral("team"), QStringLiteral("grant"), QStringLiteral("--member"),
                QStringLiteral("nobody"), QStringLiteral("--role"), QStringLiteral("owner") });
        QVERIFY2(regrant.code == 0, qPrintable(describe(regrant)));
        CliRun list = asAdmin({ QStringLiteral("team"), QStringLiteral("list") });
        QVERIFY2(list.code == 0, qPrintable(describe(list)));
        QCOMPARE(list.out,
            QStringLiteral("alice\tapprover\nbob\tapprover\nnobody\towner\noscar\toperator\nowen\towner\n"
                           "rita\treclaimer\nvera\tviewer\n"));
        const CliRun revoked = asAdmin({ QStringLiteral("team"), QStringLiteral("revoke"),
            QStringLiteral("--member"), QStringLiteral("nobody") });
        QVERIFY2(revoked.code == 0, qPrintable(describe(revoked)));
        list = asAdmin({ QStringLiteral("team"), QStringLiteral("list") });
        QVERIFY2(!list.out.contains(QStringLiteral("nobody")), qPrintable(describe(list)));
        // Revoked, nobody reads anything any more: the server says so.
        QString error;
        psqlAs(QStringLiteral("nobody"), QStringLiteral("SELECT COUNT(*) FROM integration_profile"), &error);
        QVERIFY2(error.contains(QStringLiteral("permission denied")), qPrintable(error));

        const CliRun unknown
            = asAdmin({ QStringLiteral("team"), QStringLiteral("grant"), QStringLiteral("--member"),
                QStringLiteral("ghost"), QStringLiteral("--role"), QStringLiteral("viewer") });
        QCOMPARE(unknown.code, 1);
        QVERIFY2(unknown.err.contains(QStringLiteral("no PostgreSQL role \"ghost\"")),
            qPrintable(describe(unknown)));
        const CliRun badRole
            = asAdmin({ QStringLiteral("team"), QStringLiteral("grant"), QStringLiteral("--member"),
                QStringLiteral("vera"), QStringLiteral("--role"), QStringLiteral("boss") });
        QCOMPARE(badRole.code, 2);
        // An owner grants and revokes the roles below their own; another owner is the database
        // administrator's to make (the server refuses).
        const CliRun byOwner = as(QStringLiteral("owen"),
            { QStringLiteral("team"), QStringLiteral("grant"), QStringLiteral("--member"),
                QStringLiteral("nobody"), QStringLiteral("--role"), QStringLiteral("approver") });
        QVERIFY2(byOwner.code == 0, qPrintable(describe(byOwner)));
        const CliRun ownerRevokes = as(QStringLiteral("owen"),
            { QStringLiteral("team"), QStringLiteral("revoke"), QStringLiteral("--member"),
                QStringLiteral("nobody") });
        QVERIFY2(ownerRevokes.code == 0, qPrintable(describe(ownerRevokes)));
        const CliRun anotherOwner = as(QStringLiteral("owen"),
            { QStringLiteral("team"), QStringLiteral("grant"), QStringLiteral("--member"),
                QStringLiteral("nobody"), QStringLiteral("--role"), QStringLiteral("owner") });
        QCOMPARE(anotherOwner.code, 7);
        QVERIFY2(anotherOwner.err.contains(QStringLiteral("The database refused")),
            qPrintable(describe(anotherOwner)));
        // Only an owner manages the team.
        const CliRun byOperator = as(QStringLiteral("oscar"),
            { QStringLiteral("team"), QStringLiteral("grant"), QStringLiteral("--member"),
                QStringLiteral("oscar"), QStringLiteral("--role"), QStringLiteral("owner") });
        QCOMPARE(byOperator.code, 7);
        QVERIFY2(byOperator.err.contains(QStringLiteral("needs the owner role; your role is operator")),
            qPrintable(describe(byOperator)));
    }

    void statusShowsTheMembersRole()
    {
        const CliRun status
            = as(QStringLiteral("oscar"), { QStringLiteral("database"), QStringLiteral("status") });
        QVERIFY2(status.code == 0, qPrintable(describe(status)));
        // The location has %2F in it: no arg() after it.
        const QString location
            = DatabaseLocation::parse(m_cluster->socketUrlAs(QStringLiteral("oscar"), Db)).value().display();
        QCOMPARE(status.out,
            QStringLiteral("Backend: PostgreSQL\nDatabase: ") + location
                + QStringLiteral("\nSchema version: %1\nMember: oscar\nRole: operator\nTeam roles: set up\n")
                      .arg(Migrations::all().size()));
        const CliRun owner = asAdmin({ QStringLiteral("database"), QStringLiteral("status") });
        QVERIFY2(owner.out.contains(QStringLiteral("Role: owner\n")), qPrintable(describe(owner)));
    }

    void theServerRefusesWhatARoleDoesNotAllow()
    {
        QString error;
        psqlAs(QStringLiteral("vera"),
            QStringLiteral("INSERT INTO exclusion_rule (kind, value, active, created_at) VALUES ('user', "
                           "'v@example.com', 1, 'x')"),
            &error);
        QVERIFY2(
            error.contains(QStringLiteral("permission denied for table exclusion_rule")), qPrintable(error));
        psqlAs(QStringLiteral("oscar"), QStringLiteral("UPDATE reclamation_rule SET threshold_days = 1"),
            &error);
        QVERIFY2(error.contains(QStringLiteral("permission denied for table reclamation_rule")),
            qPrintable(error));
        // Claiming a deactivation takes the reclaimer role; an operator has not got it.
        psqlAs(QStringLiteral("oscar"),
            QStringLiteral(
                "INSERT INTO deactivation_claim (profile_id, user_id, candidate_id, claimed_at, actor) "
                "VALUES (1, 'u2', 1, 'x', 'a')"),
            &error);
        QVERIFY2(error.contains(QStringLiteral("permission denied for table deactivation_claim")),
            qPrintable(error));
        psqlAs(QStringLiteral("owen"), QStringLiteral("CREATE TABLE intruder (x int)"), &error);
        QVERIFY2(error.contains(QStringLiteral("permission denied for schema public")), qPrintable(error));
    }

    void eachRoleMayDoItsPart()
    {
        QString error;
        psqlAs(QStringLiteral("vera"), QStringLiteral("SELECT COUNT(*) FROM removal_candidate"), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        psqlAs(QStringLiteral("oscar"),
            QStringLiteral("INSERT INTO exclusion_rule (kind, value, active, created_at) VALUES ('user', "
                           "'o@example.com', 1, 'x')"),
            &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        psqlAs(QStringLiteral("rita"),
            QStringLiteral(
                "INSERT INTO deactivation_claim (profile_id, user_id, candidate_id, claimed_at, actor) "
                "VALUES (1, 'u3', 1, 'x', 'r')"),
            &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        psqlAs(QStringLiteral("owen"),
            QStringLiteral(
                "INSERT INTO reclamation_rule (profile_id, threshold_days, roles_in_scope, "
                "include_no_activity, grace_days, notify_user, notify_days) VALUES (1, 60, "
                "'collaborator', 1, 14, 1, 7) ON CONFLICT (profile_id) DO UPDATE SET threshold_days = 45"),
            &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        // Through the app: an operator excludes, an owner changes the rule.
        const CliRun excluded = as(QStringLiteral("oscar"),
            { QStringLiteral("exclude"), QStringLiteral("add"), QStringLiteral("--profile"),
                QStringLiteral("Team"), QStringLiteral("--user"), QStringLiteral("x@example.com") });
        QVERIFY2(excluded.code == 0, qPrintable(describe(excluded)));
        const CliRun rule = as(QStringLiteral("owen"),
            { QStringLiteral("rule"), QStringLiteral("set"), QStringLiteral("--profile"),
                QStringLiteral("Team"), QStringLiteral("--threshold-days"), QStringLiteral("30") });
        QVERIFY2(rule.code == 0, qPrintable(describe(rule)));
        QCOMPARE(admin(QStringLiteral("SELECT threshold_days FROM reclamation_rule")), QStringLiteral("30"));
    }

    // Tokens stay on desktops: an operator stores their own, and the shared profile stays as the
    // owner left it.
    void aMembersTokenLeavesTheSharedProfileAlone()
    {
        const QString before
            = admin(QStringLiteral("SELECT status, validated_at FROM integration_profile WHERE id = 1"));
        const CliRun stored = as(QStringLiteral("oscar"),
            { QStringLiteral("token"), QStringLiteral("set"), QStringLiteral("--profile"),
                QStringLiteral("Team") },
            "oscars-own-token\n");
        QVERIFY2(stored.code == 0, qPrintable(describe(stored)));
        QCOMPARE(admin(QStringLiteral("SELECT status, validated_at FROM integration_profile WHERE id = 1")),
            before);
        QString error;
        QCOMPARE(
            m_cluster->psql(Db,
                QStringLiteral("SELECT count(*) FROM change_log WHERE summary LIKE '%%oscars-own-token%%'"),
                &error),
            QStringLiteral("0"));
        const CliRun removed = as(QStringLiteral("oscar"),
            { QStringLiteral("token"), QStringLiteral("clear"), QStringLiteral("--profile"),
                QStringLiteral("Team") });
        QVERIFY2(removed.code == 0, qPrintable(describe(removed)));
    }

    void theAppRefusesWithExitSevenAndTheRoleNeeded()
    {
        const CliRun exclude = as(QStringLiteral("vera"),
            { QStringLiteral("exclude"), QStringLiteral("add"), QStringLiteral("--profile"),
                QStringLiteral("Team"), QStringLiteral("--user"), QStringLiteral("v@example.com") });
        QCOMPARE(exclude.code, 7);
        QVERIFY2(
            exclude.err.contains(QStringLiteral(
                "Changing exclusions needs the operator role; your role is viewer. An owner can grant it: "
                "roadmunk-sam team grant --member vera --role operator.")),
            qPrintable(describe(exclude)));
        const CliRun rule = as(QStringLiteral("oscar"),
            { QStringLiteral("rule"), QStringLiteral("set"), QStringLiteral("--profile"),
                QStringLiteral("Team"), QStringLiteral("--threshold-days"), QStringLiteral("5") });
        QCOMPARE(rule.code, 7);
        QVERIFY2(rule.err.contains(QStringLiteral("needs the owner role")), qPrintable(describe(rule)));
        const CliRun reclaim = as(QStringLiteral("oscar"),
            { QStringLiteral("reclaim"), QStringLiteral("--profile"), QStringLiteral("Team"),
                QStringLiteral("--yes") });
        QCOMPARE(reclaim.code, 7);
        QVERIFY2(
            reclaim.err.contains(QStringLiteral("needs the reclaimer role")), qPrintable(describe(reclaim)));
        QCOMPARE(admin(QStringLiteral("SELECT threshold_days FROM reclamation_rule")), QStringLiteral("30"));
    }

    // The e-mail relay is the team's: only an owner sets it up (the app refuses first, the server
    // too), every member reads it.
    void onlyAnOwnerChangesTheEmailSettings()
    {
        const QStringList set { QStringLiteral("notify"), QStringLiteral("smtp"), QStringLiteral("set"),
            QStringLiteral("--host"), QStringLiteral("smtp.example.com"), QStringLiteral("--from"),
            QStringLiteral("sam@example.com") };
        const CliRun refused = as(QStringLiteral("alice"), set);
        QCOMPARE(refused.code, 7);
        QVERIFY2(refused.err.contains(QStringLiteral("Changing the e-mail settings needs the owner role")),
            qPrintable(describe(refused)));
        QString error;
        psqlAs(QStringLiteral("alice"),
            QStringLiteral("INSERT INTO smtp_settings (id, host, port, security, from_address, per_minute, "
                           "changed_at) VALUES (1, 'evil.example.com', 25, 'starttls', 'a@b.c', 1, 'x')"),
            &error);
        QVERIFY2(
            error.contains(QStringLiteral("permission denied for table smtp_settings")), qPrintable(error));
        const CliRun owner = as(QStringLiteral("owen"), set);
        QVERIFY2(owner.code == 0, qPrintable(describe(owner)));
        const CliRun shown = as(QStringLiteral("vera"),
            { QStringLiteral("notify"), QStringLiteral("smtp"), QStringLiteral("show") });
        QVERIFY2(shown.code == 0 && shown.out.contains(QStringLiteral("Host: smtp.example.com\n")),
            qPrintable(describe(shown)));
        QCOMPARE(admin(QStringLiteral("SELECT db_role || ' ' || summary FROM change_log WHERE table_name = "
                                      "'smtp_settings'")),
            QStringLiteral("owen e-mail: smtp.example.com:587 starttls, from sam@example.com"));
    }

    // A modified client that skips the app's check meets the server's: the services, opened as a
    // viewer, get NotPermitted from the database itself.
    void theServersRefusalIsNotPermittedInTheApp()
    {
        auto database = Database::open(m_cluster->socketUrlAs(QStringLiteral("vera"), Db));
        QVERIFY2(database, qPrintable(database.failure() ? database.error().message : QString()));
        Services services(
            std::move(database).value(), std::make_unique<TokenStore>(QStringLiteral("rmsam-test-team")));
        QCOMPARE(services.team().role(), TeamRole::Viewer);
        QVERIFY(!services.team().permits(TeamAction::Exclusions));
        auto added = services.reclamationService().addExclusion(
            ExclusionRule::Kind::User, QStringLiteral("z@example.com"));
        QVERIFY(!added);
        QCOMPARE(added.error().code, ErrorCode::NotPermitted);
        QVERIFY2(added.error().message.contains(QStringLiteral("your team role does not allow it")),
            qPrintable(added.error().message));
        QVERIFY2(added.error().detail.contains(QStringLiteral("permission denied")),
            qPrintable(added.error().detail));
    }

    // The GUI disables what the role does not allow and says why; it decides nothing itself.
    void aViewersWindowDisablesWhatTheRoleDoesNotAllow()
    {
        // A profile on a region (a sandbox profile's region is fixed for everyone).
        const QString endpoint
            = admin(QStringLiteral("SELECT endpoint_override FROM integration_profile WHERE id = 1"));
        admin(QStringLiteral("UPDATE integration_profile SET endpoint_override = NULL WHERE id = 1"));
        const auto restore = qScopeGuard([&] {
            admin(QStringLiteral("UPDATE integration_profile SET endpoint_override = '%1' WHERE id = 1")
                      .arg(endpoint));
        });
        auto database = Database::open(m_cluster->socketUrlAs(QStringLiteral("vera"), Db));
        QVERIFY(database);
        Services services(
            std::move(database).value(), std::make_unique<TokenStore>(QStringLiteral("rmsam-test-team")));
        MainWindow window(services, {});
        auto* table = window.findChild<QTableView*>(QStringLiteral("profileTable"));
        QVERIFY(table);
        table->selectRow(0);
        auto* sync = window.findChild<QAction*>(QStringLiteral("syncAction"));
        QVERIFY(sync);
        QVERIFY(!sync->isEnabled());
        QVERIFY2(sync->toolTip().startsWith(
                     QStringLiteral("Syncing needs the operator role; your role is viewer.")),
            qPrintable(sync->toolTip()));
        auto* create = window.findChild<QAction*>(QStringLiteral("newProfileAction"));
        QVERIFY(create && !create->isEnabled());
        QVERIFY(create->toolTip().contains(QStringLiteral("needs the owner role")));
        auto* remove = window.findChild<QAction*>(QStringLiteral("deleteProfileAction"));
        QVERIFY(remove && !remove->isEnabled());
        // Exclusion rules: readable by everyone, changed from the operator role on.
        for (const char* name : { "excludeUserButton", "excludeIdentifierButton", "removeExclusionButton" }) {
            auto* button = window.findChild<QPushButton*>(QLatin1String(name));
            QVERIFY2(button && !button->isEnabled(), name);
            QVERIFY2(button->toolTip().startsWith(
                         QStringLiteral("Changing exclusions needs the operator role; your role is viewer.")),
                qPrintable(button->toolTip()));
        }
        auto* role = window.findChild<QLabel*>(QStringLiteral("teamRoleLabel"));
        QVERIFY(role);
        QCOMPARE(role->text(), QStringLiteral("vera, viewer"));
        auto* save = window.findChild<QWidget*>(QStringLiteral("saveButton"));
        QVERIFY(save && !save->isEnabled());
        // The settings only an owner changes are shown read-only.
        QVERIFY(!window.findChild<QWidget*>(QStringLiteral("jobsBox"))->isEnabled());
        QVERIFY(!window.findChild<QWidget*>(QStringLiteral("regionCombo"))->isEnabled());
        QVERIFY(!window.findChild<QWidget*>(QStringLiteral("subflowsBox"))->isEnabled());

        // The owner's window offers the same actions.
        auto ownerDatabase = Database::open(m_cluster->socketUrlAs(QStringLiteral("owen"), Db));
        QVERIFY(ownerDatabase);
        Services owner(std::move(ownerDatabase).value(),
            std::make_unique<TokenStore>(QStringLiteral("rmsam-test-team")));
        MainWindow ownerWindow(owner, {});
        ownerWindow.findChild<QTableView*>(QStringLiteral("profileTable"))->selectRow(0);
        QVERIFY(ownerWindow.findChild<QAction*>(QStringLiteral("newProfileAction"))->isEnabled());
        QVERIFY(ownerWindow.findChild<QAction*>(QStringLiteral("deleteProfileAction"))->isEnabled());
        QVERIFY(ownerWindow.findChild<QWidget*>(QStringLiteral("saveButton"))->isEnabled());
        QVERIFY(ownerWindow.findChild<QWidget*>(QStringLiteral("excludeUserButton"))->isEnabled());
        QVERIFY(ownerWindow.findChild<QWidget*>(QStringLiteral("excludeIdentifierButton"))->isEnabled());
        QVERIFY(ownerWindow.findChild<QWidget*>(QStringLiteral("jobsBox"))->isEnabled());
        QVERIFY(ownerWindow.findChild<QWidget*>(QStringLiteral("regionCombo"))->isEnabled());
    }

    void theApproverRuleThroughTheApp()
    {
        const QString number = candidateAwaitingUser(QStringLiteral("keeper"));
        QVERIFY(!number.isEmpty());
        // Alice, an approver, records that the user wants to keep the seat...
        const CliRun keep = as(QStringLiteral("alice"),
            { QStringLiteral("candidate"), QStringLiteral("keep"), QStringLiteral("--number"), number });
        QVERIFY2(keep.code == 0, qPrintable(describe(keep)));
        QCOMPARE(stateOf(number), QStringLiteral("awaiting_approval"));
        QCOMPARE(
            admin(QStringLiteral("SELECT member FROM candidate_event WHERE candidate_id = %1 AND to_state = "
                                 "'awaiting_approval'")
                      .arg(number)),
            QStringLiteral("alice"));
        // ...so she cannot decide it herself.
        const CliRun self = as(QStringLiteral("alice"),
            { QStringLiteral("candidate"), QStringLiteral("approve"), QStringLiteral("--number"), number });
        QCOMPARE(self.code, 7);
        QVERIFY2(self.err.contains(QStringLiteral("approver rule")), qPrintable(describe(self)));
        QCOMPARE(stateOf(number), QStringLiteral("awaiting_approval"));
        // A viewer cannot either: the app says which role it takes.
        const CliRun viewer = as(QStringLiteral("vera"),
            { QStringLiteral("candidate"), QStringLiteral("approve"), QStringLiteral("--number"), number });
        QCOMPARE(viewer.code, 7);
        QVERIFY2(viewer.err.contains(QStringLiteral("needs the approver role; your role is viewer")),
            qPrintable(describe(viewer)));
        // Skipping it would have the approval's effect: that is a decision too.
        const CliRun skip = as(QStringLiteral("oscar"),
            { QStringLiteral("candidate"), QStringLiteral("skip"), QStringLiteral("--number"), number });
        QCOMPARE(skip.code, 7);
        QVERIFY2(skip.err.contains(QStringLiteral("needs the approver role; your role is operator")),
            qPrintable(describe(skip)));
        QString error;
        psqlAs(QStringLiteral("oscar"),
            QStringLiteral(
                "INSERT INTO candidate_event (candidate_id, at, actor, action, from_state, to_state) "
                "VALUES (%1, 'x', 'o', 'skip', 'awaiting_approval', 'closed_skipped')")
                .arg(number),
            &error);
        QVERIFY2(error.contains(QStringLiteral("does not hold the approver role")), qPrintable(error));
        // Bob, another approver, can.
        const CliRun bob = as(QStringLiteral("bob"),
            { QStringLiteral("candidate"), QStringLiteral("approve"), QStringLiteral("--number"), number });
        QVERIFY2(bob.code == 0, qPrintable(describe(bob)));
        QCOMPARE(stateOf(number), QStringLiteral("closed_skipped"));
    }

    void theApproverRuleWithPsql()
    {
        const QString number = candidateAwaitingUser(QStringLiteral("keeper2"));
        const CliRun keep = as(QStringLiteral("alice"),
            { QStringLiteral("candidate"), QStringLiteral("keep"), QStringLiteral("--number"), number });
        QVERIFY2(keep.code == 0, qPrintable(describe(keep)));
        const QString decide = QStringLiteral(
            "BEGIN; UPDATE removal_candidate SET state = 'awaiting_revocation' WHERE id = %1; "
            "INSERT INTO candidate_event (candidate_id, at, actor, action, from_state, to_state, member) "
            "VALUES "
            "(%1, 'x', 'someone else', 'decline', 'awaiting_approval', 'awaiting_revocation', 'bob'); "
            "COMMIT;")
                                   .arg(number);
        QString error;
        // Alice, writing bob's name in the row: the server records and checks session_user.
        psqlAs(QStringLiteral("alice"), decide, &error);
        QVERIFY2(error.contains(QStringLiteral("approver rule: alice moved candidate")), qPrintable(error));
        // An operator is not an approver.
        psqlAs(QStringLiteral("oscar"), decide, &error);
        QVERIFY2(error.contains(QStringLiteral("does not hold the approver role")), qPrintable(error));
        QCOMPARE(stateOf(number), QStringLiteral("awaiting_approval"));
        psqlAs(QStringLiteral("bob"), decide, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(stateOf(number), QStringLiteral("awaiting_revocation"));
        QCOMPARE(
            admin(QStringLiteral("SELECT member FROM candidate_event WHERE candidate_id = %1 AND action = "
                                 "'decline'")
                      .arg(number)),
            QStringLiteral("bob"));

        // A modified client that moves a candidate without its history event goes around the
        // rule the events carry: the server refuses the move at commit.
        const QString other = candidateAwaitingUser(QStringLiteral("keeper3"));
        psqlAs(QStringLiteral("oscar"),
            QStringLiteral("UPDATE removal_candidate SET state = 'closed_skipped' WHERE id = %1").arg(other),
            &error);
        QVERIFY2(error.contains(QStringLiteral("without its history event")), qPrintable(error));
        QCOMPARE(stateOf(other), QStringLiteral("awaiting_user"));
        const CliRun kept = as(QStringLiteral("alice"),
            { QStringLiteral("candidate"), QStringLiteral("keep"), QStringLiteral("--number"), other });
        QVERIFY2(kept.code == 0, qPrintable(describe(kept)));

        // Nor with a history event that calls the move something else ("vanished", as a sync
        // would write, from a state it is not in): the server reads the candidate's own state.
        psqlAs(QStringLiteral("oscar"),
            QStringLiteral(
                "BEGIN; UPDATE removal_candidate SET state = 'closed_skipped' WHERE id = %1; "
                "INSERT INTO candidate_event (candidate_id, at, actor, action, from_state, to_state) "
                "VALUES (%1, 'x', 'Roadmunk SAM', 'vanished', 'ready', 'closed_skipped'); COMMIT;")
                .arg(other),
            &error);
        QVERIFY2(error.contains(QStringLiteral("does not hold the approver role")), qPrintable(error));
        QCOMPARE(stateOf(other), QStringLiteral("awaiting_approval"));
        // Nor can an operator create a candidate already on its way to deactivation.
        psqlAs(QStringLiteral("oscar"),
            QStringLiteral("INSERT INTO removal_candidate (profile_id, user_id, email, display_name, role, "
                           "seat_type, activity_source, justification, state, created_at, updated_at) VALUES "
                           "(1, 'forged', 'forged@example.com', 'f', 'collaborator', 'collaborator', 'none', "
                           "'x', 'awaiting_revocation', 'x', 'x')"),
            &error);
        QVERIFY2(
            error.contains(QStringLiteral("may create removal candidates only Ready or Attention Required")),
            qPrintable(error));
        QCOMPARE(admin(QStringLiteral("SELECT COUNT(*) FROM removal_candidate WHERE user_id = 'forged'")),
            QStringLiteral("0"));
        // Closing it by hand is a decision as well, in the app as on the server.
        const CliRun close = as(QStringLiteral("oscar"),
            { QStringLiteral("candidate"), QStringLiteral("close"), QStringLiteral("--number"), other });
        QCOMPARE(close.code, 7);
        QVERIFY2(close.err.contains(QStringLiteral("needs the approver role; your role is operator")),
            qPrintable(describe(close)));
        QCOMPARE(stateOf(other), QStringLiteral("awaiting_approval"));
    }

    // A member's newer client finds the team schema older: it may not upgrade it, and says who can.
    void anOlderTeamSchemaNamesItsAdministrator()
    {
        admin(QStringLiteral("UPDATE schema_version SET version = version - 1"));
        const auto restore
            = qScopeGuard([&] { admin(QStringLiteral("UPDATE schema_version SET version = version + 1")); });
        const CliRun status
            = as(QStringLiteral("oscar"), { QStringLiteral("database"), QStringLiteral("status") });
        QCOMPARE(status.code, 7);
        QVERIFY2(status.err.contains(QStringLiteral("Only the schema's administrator (%1) upgrades it")
                                         .arg(PostgresCluster::superuser())),
            qPrintable(describe(status)));
        QVERIFY2(!status.err.contains(QStringLiteral("permission denied")), qPrintable(describe(status)));
    }

    void teamCommandsNeedPostgreSql()
    {
        QTemporaryDir folder;
        const CliRunner local(folder.path(), QStringLiteral("rmsam-test-team-local"));
        const CliRun list = local.run({ QStringLiteral("team"), QStringLiteral("list") });
        QCOMPARE(list.code, 2);
        QVERIFY2(list.err.contains(QStringLiteral("Team mode needs a PostgreSQL database")),
            qPrintable(describe(list)));
        const CliRun init = local.run({ QStringLiteral("database"), QStringLiteral("init") });
        QVERIFY2(init.code == 0 && init.out.contains(QStringLiteral("SQLite")), qPrintable(describe(init)));
        const CliRun status = local.run({ QStringLiteral("database"), QStringLiteral("status") });
        QVERIFY2(status.code == 0, qPrintable(describe(status)));
        QVERIFY2(status.out.startsWith(QStringLiteral("Backend: SQLite\n"))
                && status.out.endsWith(QStringLiteral("Role: owner\n")),
            qPrintable(describe(status)));
    }

    void longDatabaseNamesAreRefused()
    {
        QVERIFY(TeamSchema::groupRole(QString(47, QLatin1Char('d')), TeamRole::Reclaimer));
        const auto tooLong = TeamSchema::groupRole(QString(48, QLatin1Char('d')), TeamRole::Reclaimer);
        QVERIFY(!tooLong);
        QCOMPARE(tooLong.error().code, ErrorCode::InvalidInput);
        // Bytes, not characters.
        QVERIFY(!TeamSchema::groupRole(QString(24, QChar(0x00e9)), TeamRole::Reclaimer));
        QCOMPARE(TeamSchema::quoted(QStringLiteral("a\"b")), QStringLiteral("\"a\"\"b\""));
    }
};

QTEST_MAIN(TestTeam)
#include "tst_team.moc"
