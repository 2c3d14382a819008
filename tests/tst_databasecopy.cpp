// `database copy --to URL`: a single admin's SQLite database (two profiles, synced snapshots and
// their history, candidates with events, a reclaim run with its claims and audit) moved into a
// PostgreSQL database on a private cluster, then compared table by table and row by row. A second
// copy into the now filled database is refused with nothing changed; a database at an older
// schema version is upgraded before it is filled.

#include "services/ReclaimJob.h"
#include "storage/Database.h"
#include "storage/ExclusionRepository.h"
#include "storage/Migrations.h"
#include "support/CliRunner.h"
#include "support/PostgresCluster.h"
#include "support/SandboxFixture.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

using namespace rmsam;
using namespace rmsam::test;

namespace {

// A value as text, the same for both drivers: SQLite gives 64-bit integers where PostgreSQL
// gives 16- or 32-bit ones, and a float prints alike once read as a double.
QString cell(const QVariant& value)
{
    if (value.isNull()) {
        return QStringLiteral("NULL");
    }
    if (value.typeId() == QMetaType::Double || value.typeId() == QMetaType::Float) {
        return QString::number(value.toDouble(), 'g', 17);
    }
    return value.toString();
}

// Every row of a table, each as its cells joined, sorted: the same multiset on both sides means
// the same rows, whatever order each database returns them in.
QStringList rowsOf(QSqlDatabase db, const QString& table, const QStringList& columns)
{
    QSqlQuery query(db);
    if (!query.exec(
            QStringLiteral("SELECT \"%1\" FROM \"%2\"").arg(columns.join(QLatin1String("\", \"")), table))) {
        return { QStringLiteral("error: ") + query.lastError().text() };
    }
    QStringList rows;
    while (query.next()) {
        QStringList cells;
        for (int i = 0; i < columns.size(); ++i) {
            cells.append(cell(query.value(i)));
        }
        rows.append(cells.join(QLatin1Char('|')));
    }
    rows.sort();
    return rows;
}

QStringList column(QSqlDatabase db, const QString& sql)
{
    QSqlQuery query(db);
    QStringList values;
    if (!query.exec(sql)) {
        return { QStringLiteral("error: ") + query.lastError().text() };
    }
    while (query.next()) {
        values.append(query.value(0).toString());
    }
    return values;
}

} // namespace

class TestDatabaseCopy : public QObject, protected SandboxFixture
{
    Q_OBJECT

    std::unique_ptr<PostgresCluster> m_cluster;
    int m_databases = 0;

    QString freshDatabase()
    {
        QString error;
        const QString name = m_cluster->createDatabase(QStringLiteral("copy%1").arg(++m_databases), &error);
        if (!error.isEmpty()) {
            qWarning("%s", qPrintable(error));
        }
        return name;
    }

    CliRun copyTo(const QString& url) const
    {
        const CliRunner cli(m_dataDir.path(), m_tokens->service());
        return cli.run({ QStringLiteral("database"), QStringLiteral("copy"), QStringLiteral("--to"), url });
    }

    // The tables the local database has and a copy carries.
    QStringList copiedTables()
    {
        QStringList tables = column(m_database->connection(),
            QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                           "'sqlite_%' ORDER BY name"));
        tables.removeAll(QStringLiteral("schema_version"));
        tables.removeAll(QStringLiteral("run_lock"));
        tables.removeAll(QStringLiteral("client_identity")); // SQLite's own, see DatabaseCopy.cpp
        tables.removeAll(QStringLiteral("change_log_pause"));
        return tables;
    }

    QStringList columnsOf(const QString& table)
    {
        return column(m_database->connection(),
            QStringLiteral("SELECT name FROM pragma_table_info('%1') ORDER BY cid").arg(table));
    }

    // Every copied table of the target, row by row, against the local database.
    void compareEveryTable(Database& target)
    {
        for (const QString& table : copiedTables()) {
            const QStringList columns = columnsOf(table);
            const QStringList here = rowsOf(m_database->connection(), table, columns);
            const QStringList there = rowsOf(target.connection(), table, columns);
            QVERIFY2(here == there,
                qPrintable(QStringLiteral("%1: %2 rows here, %3 there")
                               .arg(table)
                               .arg(here.size())
                               .arg(there.size())));
        }
    }

    qint64 countIn(QSqlDatabase db, const QString& table)
    {
        const QStringList n = column(db, QStringLiteral("SELECT COUNT(*) FROM \"%1\"").arg(table));
        return n.size() == 1 ? n.constFirst().toLongLong() : -1;
    }

    void reclaimTwo(const IntegrationProfile& profile)
    {
        ReclaimOptions options;
        options.dryRun = false;
        options.max = 2;
        options.actor = QStringLiteral("copy test admin");
        ReclaimJob job(*m_database, profile, m_sandbox->token(), options);
        std::optional<ReclaimOutcome> outcome;
        connect(&job, &ReclaimJob::finished, this, [&outcome](const ReclaimOutcome& o) { outcome = o; });
        job.start();
        QVERIFY(QTest::qWaitFor([&outcome] { return outcome.has_value(); }, 60000));
        QVERIFY2(!outcome->error, qPrintable(outcome->error ? outcome->error->message : QString()));
        QCOMPARE(outcome->count(ReclaimItem::Outcome::Deactivated), 2);
    }

private slots:
    void initTestCase()
    {
        SandboxOptions options;
        options.userCount = 120;
        options.seed = 5;
        const QString started = startFixture(QStringLiteral("rmsam-test-copy-"), options);
        QVERIFY2(started.isEmpty(), qPrintable(started));
        QString error;
        m_cluster = PostgresCluster::start(&error);
        QVERIFY2(m_cluster, qPrintable(error));

        const IntegrationProfile alpha = publishedProfile({ .name = QStringLiteral("Alpha"), .sync = true });
        const IntegrationProfile beta = publishedProfile({ .name = QStringLiteral("Beta"), .sync = true });
        QVERIFY(alpha.id != 0 && beta.id != 0);
        QVERIFY(ExclusionRepository(*m_database)
                    .add(ExclusionRule::Kind::User, QStringLiteral("kept@example.com")));
        reclaimTwo(alpha);
        const CliRun attached
            = CliRunner(m_dataDir.path(), m_tokens->service())
                  .run({ QStringLiteral("attach-report"), QStringLiteral("--profile"), QStringLiteral("Beta"),
                      qEnvironmentVariable("RMSAM_TEST_DATA") + QStringLiteral("/csv/utf8.csv") });
        QVERIFY2(attached.code == 0, qPrintable(describe(attached)));
        // What the comparison must cover is there to compare.
        QSqlDatabase local = m_database->connection();
        QCOMPARE(countIn(local, QStringLiteral("integration_profile")), 2);
        for (const char* table : { "subscription", "job_result", "removal_candidate", "candidate_event",
                 "audit_entry", "user_report", "user_report_row", "deactivation_claim", "deactivated_user",
                 "exclusion_rule", "scheduled_job" }) {
            QVERIFY2(countIn(local, QLatin1String(table)) > 0, table);
        }
    }

    void copiesEveryTableRowByRow()
    {
        const QString name = freshDatabase();
        const QString url = m_cluster->socketUrl(name);
        QString error;
        // A user trigger on the target, as the audit's: it must not fire for copied history.
        m_cluster->psql(name,
            QStringLiteral("CREATE TABLE trigger_hits (n INTEGER);"
                           "CREATE FUNCTION hit() RETURNS trigger LANGUAGE plpgsql AS "
                           "$$ BEGIN INSERT INTO trigger_hits VALUES (1); RETURN NEW; END $$;"),
            &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        {
            auto opened = Database::open(url); // the schema, so the trigger has its table
            QVERIFY(opened);
        }
        m_cluster->psql(name,
            QStringLiteral("CREATE TRIGGER hits AFTER INSERT ON integration_profile FOR EACH ROW EXECUTE "
                           "FUNCTION hit()"),
            &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));

        const CliRun copied = copyTo(url);
        QVERIFY2(copied.code == 0, qPrintable(describe(copied)));
        QVERIFY2(copied.err.contains(QStringLiteral("own keychain")), qPrintable(describe(copied)));
        QVERIFY2(copied.out.contains(QStringLiteral("integration_profile\t2")), qPrintable(describe(copied)));

        auto target = Database::open(url);
        QVERIFY(target);
        QCOMPARE(target.value()->schemaVersion(), int(Migrations::all().size()));
        compareEveryTable(*target.value());
        QCOMPARE(countIn(target.value()->connection(), QStringLiteral("run_lock")), 0);
        QCOMPARE(m_cluster->psql(name, QStringLiteral("SELECT COUNT(*) FROM trigger_hits"), &error),
            QStringLiteral("0"));
        QCOMPARE(m_cluster->psql(
                     name, QStringLiteral("SELECT tgenabled FROM pg_trigger WHERE tgname = 'hits'"), &error),
            QStringLiteral("O"));

        // New rows get ids past the copied ones.
        const QString maxCandidate
            = m_cluster->psql(name, QStringLiteral("SELECT MAX(id) FROM removal_candidate"), &error);
        const QString next = m_cluster->psql(name,
            QStringLiteral("INSERT INTO exclusion_rule (kind, value, active, created_at) VALUES ('user', "
                           "'new@example.com', 1, '2026-01-01T00:00:00.000Z') RETURNING id"),
            &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(next.toLongLong(), countIn(m_database->connection(), QStringLiteral("exclusion_rule")) + 1);
        QVERIFY(maxCandidate.toLongLong() > 0);
        QVERIFY2(m_cluster
                     ->psql(name,
                         QStringLiteral("SELECT nextval(pg_get_serial_sequence('removal_candidate', 'id'))"),
                         &error)
                     .toLongLong()
                > maxCandidate.toLongLong(),
            qPrintable(error));
    }

    // The copied profiles keep their keychain keys: on this computer the token is found, and a
    // command on the team database reaches Roadmunk with it.
    void theCopiedProfilesFindTheirTokens()
    {
        const QString url = m_cluster->socketUrl(freshDatabase());
        const CliRun copied = copyTo(url);
        QVERIFY2(copied.code == 0, qPrintable(describe(copied)));
        const CliRunner cli(QString(), m_tokens->service());
        const CliRun validated = cli.run({ QStringLiteral("--database"), url, QStringLiteral("validate"),
            QStringLiteral("--profile"), QStringLiteral("Beta") });
        QVERIFY2(validated.code == 0, qPrintable(describe(validated)));
    }

    void aFilledTargetIsRefusedWithNothingChanged()
    {
        const QString name = freshDatabase();
        const QString url = m_cluster->socketUrl(name);
        const CliRun first = copyTo(url);
        QVERIFY2(first.code == 0, qPrintable(describe(first)));
        auto target = Database::open(url);
        QVERIFY(target);
        QHash<QString, QStringList> before;
        for (const QString& table : copiedTables()) {
            before.insert(table, rowsOf(target.value()->connection(), table, columnsOf(table)));
        }

        const CliRun second = copyTo(url);
        QCOMPARE(second.code, 1);
        QVERIFY2(second.err.contains(QStringLiteral("is not empty")), qPrintable(describe(second)));
        for (const QString& table : copiedTables()) {
            QCOMPARE(rowsOf(target.value()->connection(), table, columnsOf(table)), before.value(table));
        }
    }

    void anOlderTargetIsUpgradedFirst()
    {
        const QString name = freshDatabase();
        const QList<Migration> migrations = Migrations::all();
        const int older = 5;
        QStringList statements { QStringLiteral("CREATE TABLE schema_version (version INTEGER NOT NULL)") };
        for (int i = 0; i < older; ++i) {
            for (QString statement : migrations.at(i).statements + migrations.at(i).postgresqlOnly) {
                statement.replace(QLatin1String("{id}"),
                    QLatin1String("BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"));
                statement.replace(QLatin1String("{real}"), QLatin1String("DOUBLE PRECISION"));
                statements.append(statement);
            }
        }
        statements.append(QStringLiteral("INSERT INTO schema_version VALUES (%1)").arg(older));
        QString error;
        m_cluster->psql(name, statements.join(QLatin1String(";\n")), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(m_cluster->psql(name, QStringLiteral("SELECT version FROM schema_version"), &error),
            QString::number(older));

        const CliRun copied = copyTo(m_cluster->socketUrl(name));
        QVERIFY2(copied.code == 0, qPrintable(describe(copied)));
        QCOMPARE(m_cluster->psql(name, QStringLiteral("SELECT version FROM schema_version"), &error),
            QString::number(migrations.size()));
        auto target = Database::open(m_cluster->socketUrl(name));
        QVERIFY(target);
        compareEveryTable(*target.value());
    }

    void onlyAPostgreSqlTargetIsTaken()
    {
        const CliRun copied = copyTo(m_dataDir.path() + QStringLiteral("/elsewhere"));
        QCOMPARE(copied.code, 2);
        QVERIFY2(copied.err.contains(QStringLiteral("--to takes a PostgreSQL database")),
            qPrintable(describe(copied)));
    }
};

QTEST_GUILESS_MAIN(TestDatabaseCopy)
#include "tst_databasecopy.moc"
