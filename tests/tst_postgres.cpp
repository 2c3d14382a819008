// The PostgreSQL backend: the private test cluster itself, opening a database by URL and what the
// errors say. tst_storage runs once more against the cluster (RMSAM_TEST_DATABASE=postgresql).

#include "storage/Database.h"
#include "storage/DatabaseLocation.h"
#include "storage/Migrations.h"
#include "support/CliRunner.h"
#include "support/PostgresCluster.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUuid>

using namespace rmsam;
using namespace rmsam::test;

class TestPostgres : public QObject
{
    Q_OBJECT

    std::unique_ptr<PostgresCluster> m_cluster;
    int m_databases = 0;

    // A new empty database on the cluster, for one test.
    QString freshDatabase()
    {
        QString error;
        const QString name = m_cluster->createDatabase(QStringLiteral("t%1").arg(++m_databases), &error);
        if (!error.isEmpty()) {
            qWarning("%s", qPrintable(error));
        }
        return name;
    }

private slots:
    void initTestCase()
    {
        QString error;
        m_cluster = PostgresCluster::start(&error);
        // Fails, not skips: CI installs PostgreSQL, and a missing server must not pass unnoticed.
        QVERIFY2(m_cluster, qPrintable(error));
    }

    void clusterAnswersThroughItsSocketOnly()
    {
        QString error;
        QCOMPARE(m_cluster->psql(QStringLiteral("postgres"), QStringLiteral("SELECT 40 + 2"), &error),
            QStringLiteral("42"));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        // Its own socket folder, not the machine's (/var/run/postgresql).
        QVERIFY(QFileInfo::exists(
            QDir(m_cluster->socketDir()).filePath(QStringLiteral(".s.PGSQL.%1").arg(m_cluster->port()))));
        QCOMPARE(m_cluster->psql(QStringLiteral("postgres"), QStringLiteral("SHOW data_directory"), &error),
            QDir(m_cluster->socketDir()).filePath(QStringLiteral("data")));
    }

    void stoppingRemovesTheCluster()
    {
        QString error;
        auto other = PostgresCluster::start(&error);
        QVERIFY2(other, qPrintable(error));
        const QString folder = other->socketDir();
        other.reset();
        QVERIFY(!QFileInfo::exists(folder));
    }

    void folderStaysAFolder()
    {
        auto location = DatabaseLocation::parse(QStringLiteral("/home/a/postgresql:/data"));
        QVERIFY(location);
        QCOMPARE(location.value().backend, DatabaseLocation::Backend::Sqlite);
        QCOMPARE(location.value().dataDir, QStringLiteral("/home/a/postgresql:/data"));
    }

    void urlsAreReadAsLibpqReadsThem_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("database");
        QTest::addColumn<QString>("options");
        QTest::addColumn<QString>("display");
        QTest::newRow("full") << "postgresql://sam@db.example.com:5433/rmsam?sslmode=verify-full"
                              << "db.example.com" << 5433 << "sam"
                              << "rmsam"
                              << "sslmode='verify-full'"
                              << "postgresql://sam@db.example.com:5433/rmsam";
        QTest::newRow("short scheme, defaults") << "postgres://db/rmsam"
                                                << "db" << -1 << ""
                                                << "rmsam"
                                                << ""
                                                << "postgresql://db/rmsam";
        QTest::newRow("nothing: all from the environment") << "postgresql://"
                                                           << "" << -1 << ""
                                                           << ""
                                                           << ""
                                                           << "postgresql:///";
        QTest::newRow("socket folder as a parameter")
            << "postgresql://sam@/rmsam?host=/run/postgresql&port=5432"
            << "/run/postgresql" << 5432 << "sam"
            << "rmsam"
            << ""
            << "postgresql://sam@%2Frun%2Fpostgresql:5432/rmsam";
        QTest::newRow("socket folder percent-encoded") << "postgresql://%2Fvar%2Frun%2Fpg/rmsam"
                                                       << "/var/run/pg" << -1 << ""
                                                       << "rmsam"
                                                       << ""
                                                       << "postgresql://%2Fvar%2Frun%2Fpg/rmsam";
        QTest::newRow("IPv6") << "postgresql://[::1]:5432/rmsam"
                              << "::1" << 5432 << ""
                              << "rmsam"
                              << ""
                              << "postgresql://[::1]:5432/rmsam";
        QTest::newRow("service and certificates, quoted")
            << "postgresql:///?service=team&sslrootcert=/etc/ssl/it's%20root.crt&sslmode=verify-ca"
            << "" << -1 << ""
            << ""
            << "service='team';sslrootcert='/etc/ssl/it\\'s root.crt';sslmode='verify-ca'"
            << "postgresql:///";
        QTest::newRow("decoded user and database") << "postgresql://sam%40corp@h/my%20db"
                                                   << "h" << -1 << "sam@corp"
                                                   << "my db"
                                                   << ""
                                                   << "postgresql://sam%40corp@h/my%20db";
    }

    void urlsAreReadAsLibpqReadsThem()
    {
        QFETCH(QString, url);
        auto location = DatabaseLocation::parse(url);
        QVERIFY2(location, location ? "" : qPrintable(location.error().detail));
        const DatabaseLocation& l = location.value();
        QCOMPARE(l.backend, DatabaseLocation::Backend::PostgreSql);
        QTEST(l.host, "host");
        QTEST(l.port, "port");
        QTEST(l.user, "user");
        QTEST(l.database, "database");
        QTEST(l.connectOptions(), "options");
        QTEST(l.display(), "display");
    }

    void malformedUrlsAreRefused_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("detail");
        QTest::newRow("password") << "postgresql://sam:s3cret@h/db"
                                  << "a password in the URL";
        QTest::newRow("password parameter") << "postgresql://h/db?password=s3cret"
                                            << "a password in the URL";
        QTest::newRow("port") << "postgresql://h:99999/db"
                              << "the port is not a number from 1 to 65535";
        QTest::newRow("port text") << "postgresql://h:x/db"
                                   << "the port is not a number from 1 to 65535";
        QTest::newRow("several hosts") << "postgresql://a,b/db"
                                       << "several hosts (only one server is supported)";
        QTest::newRow("escape") << "postgresql://h/d%zz"
                                << "bad percent-encoding in the database name";
        QTest::newRow("parameter") << "postgresql://h/db?sslmode"
                                   << "a parameter that is not name=value";
        QTest::newRow("conninfo injection") << "postgresql://h/db?sslmode=a;host=evil"
                                            << "a ';' in the value of sslmode";
        QTest::newRow("IPv6") << "postgresql://[::1/db"
                              << "an IPv6 address without its closing bracket";
    }

    void malformedUrlsAreRefused()
    {
        QFETCH(QString, url);
        auto location = DatabaseLocation::parse(url);
        QVERIFY(!location);
        QCOMPARE(location.error().code, ErrorCode::InvalidInput);
        QTEST(location.error().detail, "detail");
        QVERIFY(location.error().message.contains(QLatin1String("postgresql://USER@HOST:PORT/DATABASE")));
        // The password a user wrote is never repeated.
        QVERIFY(!location.error().message.contains(QLatin1String("s3cret")));
        // Database::open refuses it the same way, before connecting.
        auto db = Database::open(url);
        QVERIFY(!db);
        QCOMPARE(db.error().message, location.error().message);
    }

    void opensThroughTheSocketAndMigrates()
    {
        const QString name = freshDatabase();
        QVERIFY(!name.isEmpty());
        auto db = Database::open(m_cluster->socketUrl(name));
        QVERIFY2(db, db ? "" : qPrintable(db.error().message + QLatin1Char(' ') + db.error().detail));
        QCOMPARE(db.value()->backend(), DatabaseLocation::Backend::PostgreSql);
        QCOMPARE(db.value()->connection().driverName(), QStringLiteral("QPSQL"));
        QCOMPARE(db.value()->schemaVersion(), int(Migrations::all().size()));
        QString error;
        QCOMPARE(m_cluster->psql(name, QStringLiteral("SELECT version FROM schema_version"), &error),
            QString::number(Migrations::all().size()));
        // Reopening finds the schema current.
        auto again = Database::open(m_cluster->socketUrl(name));
        QVERIFY2(again, again ? "" : qPrintable(again.error().detail));
    }

    // An upgrade waits for the migration lock another client holds, no longer than the busy
    // timeout, and then says the database is busy; once the lock is free it migrates.
    void upgradesTakeTheMigrationLock()
    {
        const QString name = freshDatabase();
        QSqlDatabase holder = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("holder"));
        holder.setHostName(m_cluster->socketDir());
        holder.setPort(m_cluster->port());
        holder.setUserName(PostgresCluster::superuser());
        holder.setDatabaseName(name);
        QVERIFY2(holder.open(), qPrintable(holder.lastError().text()));
        QSqlQuery lock(holder);
        QVERIFY(lock.exec(QStringLiteral("SELECT pg_advisory_lock(%1)").arg(Database::MigrationLockKey)));

        Database::Options options;
        options.busyTimeoutMs = 300;
        auto waiting = Database::open(m_cluster->socketUrl(name), options);
        QVERIFY(!waiting);
        QCOMPARE(waiting.error().code, ErrorCode::Busy);
        QVERIFY2(
            waiting.error().message.contains(QLatin1String("busy")), qPrintable(waiting.error().message));
        QString error;
        // Nothing half-done: the transaction that waited was rolled back.
        QCOMPARE(m_cluster->psql(name,
                     QStringLiteral("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"), &error),
            QStringLiteral("0"));

        QVERIFY(lock.exec(QStringLiteral("SELECT pg_advisory_unlock(%1)").arg(Database::MigrationLockKey)));
        auto migrated = Database::open(m_cluster->socketUrl(name), options);
        QVERIFY2(migrated, migrated ? "" : qPrintable(migrated.error().detail));
        QCOMPARE(migrated.value()->schemaVersion(), int(Migrations::all().size()));
        lock = QSqlQuery();
        holder.close();
        holder = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("holder"));
    }

    // Several clients opening a new database at once: one migrates, the others find it current.
    void concurrentOpensMigrateOnce()
    {
        const QString url = m_cluster->socketUrl(freshDatabase());
        QList<QThread*> threads;
        QAtomicInt opened = 0;
        for (int i = 0; i < 4; ++i) {
            threads.append(QThread::create([&] {
                if (auto db = Database::open(url);
                    db && db.value()->schemaVersion() == int(Migrations::all().size())) {
                    db.value()->releaseThreadConnection();
                    opened.fetchAndAddRelaxed(1);
                }
            }));
        }
        for (QThread* t : threads) {
            t->start();
        }
        for (QThread* t : threads) {
            QVERIFY(t->wait(60000));
            delete t;
        }
        QCOMPARE(opened.loadRelaxed(), 4);
        QString error;
        QCOMPARE(m_cluster->psql(url.section(QLatin1Char('/'), 3, 3).section(QLatin1Char('?'), 0, 0),
                     QStringLiteral("SELECT count(*) FROM schema_version"), &error),
            QStringLiteral("1"));
    }

    // PostgreSQL quotes the statement it ran in a LINE excerpt, and QPSQL writes the bound values
    // into it; the row at fault in a DETAIL line. Neither reaches an error or the log.
    void valuesInPostgreSqlErrorsAreDropped()
    {
        const QString name = freshDatabase();
        auto db = Database::open(m_cluster->socketUrl(name));
        QVERIFY(db);
        const QString email = QStringLiteral("jane.roe@example.com");
        auto failed = db.value()->run(QStringLiteral("SELECT CASE WHEN ? THEN ? ELSE 'x' END"), { 1, email },
            QStringLiteral("Cannot choose."));
        QVERIFY(!failed);
        QCOMPARE(failed.error().message, QStringLiteral("Cannot choose."));
        QVERIFY2(failed.error().detail.contains(QLatin1String("cannot be coerced")),
            qPrintable(failed.error().detail));
        QVERIFY2(!failed.error().detail.contains(email), qPrintable(failed.error().detail));
        QVERIFY2(!failed.error().detail.contains(QLatin1String("LINE")), qPrintable(failed.error().detail));
    }

    void passwordComesFromPgpass()
    {
        const QString name = freshDatabase();
        QTemporaryDir home;
        const QString pgpass = home.filePath(QStringLiteral("pgpass"));
        QFile file(pgpass);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QStringLiteral("127.0.0.1:%1:*:%2:%3\n")
                       .arg(m_cluster->port())
                       .arg(PostgresCluster::superuser(), m_cluster->password())
                       .toUtf8());
        file.close();
        QFile::setPermissions(pgpass, QFile::ReadOwner | QFile::WriteOwner); // libpq ignores it otherwise
        qputenv("PGPASSFILE", QFile::encodeName(pgpass));
        auto db = Database::open(m_cluster->loopbackUrl(name));
        qunsetenv("PGPASSFILE");
        QVERIFY2(db, db ? "" : qPrintable(db.error().message + QLatin1Char(' ') + db.error().detail));
        QCOMPARE(db.value()->schemaVersion(), int(Migrations::all().size()));
        QVERIFY(!db.value()->filePath().contains(m_cluster->password()));
    }

    void aRefusedLoginSaysSo()
    {
        QTemporaryDir home;
        qputenv("PGPASSFILE", QFile::encodeName(home.filePath(QStringLiteral("none"))));
        qputenv("PGPASSWORD", "wrong");
        auto db = Database::open(m_cluster->loopbackUrl(QStringLiteral("postgres")));
        qunsetenv("PGPASSWORD");
        qunsetenv("PGPASSFILE");
        QVERIFY(!db);
        QCOMPARE(db.error().code, ErrorCode::StorageError);
        QVERIFY2(
            db.error().message.contains(QLatin1String("refused the login")), qPrintable(db.error().message));
        QVERIFY(db.error().message.contains(m_cluster->loopbackUrl(QStringLiteral("postgres"))));
        QVERIFY2(db.error().detail.contains(QLatin1String("password authentication failed")),
            qPrintable(db.error().detail));
        QVERIFY(!db.error().detail.contains(QLatin1String("wrong")));
    }

    void anUnreachableServerSaysSo()
    {
        // A port nobody listens on: this cluster's, on a socket folder that has no socket.
        QTemporaryDir empty;
        const QString url = QStringLiteral("postgresql://%1@/postgres?host=%2&port=%3")
                                .arg(PostgresCluster::superuser(), empty.path())
                                .arg(m_cluster->port());
        auto db = Database::open(url);
        QVERIFY(!db);
        QCOMPARE(db.error().code, ErrorCode::Unreachable); // exit code 4, as a network failure
        QVERIFY2(db.error().message.contains(QLatin1String("Cannot reach the PostgreSQL server")),
            qPrintable(db.error().message));
        QVERIFY(!db.error().detail.isEmpty());
    }

    // Parameters after the question mark reach libpq: sslmode=require over TCP to this cluster,
    // which has no SSL, is refused by libpq itself (before any password is asked for);
    // application_name shows on the server.
    void urlParametersReachLibpq()
    {
        const QString name = freshDatabase();
        auto refused = Database::open(m_cluster->loopbackUrl(name) + QStringLiteral("?sslmode=require"));
        QVERIFY(!refused);
        QVERIFY2(refused.error().detail.contains(QLatin1String("SSL")), qPrintable(refused.error().detail));

        auto db
            = Database::open(m_cluster->socketUrl(name) + QStringLiteral("&application_name=rmsam%20test"));
        QVERIFY2(db, db ? "" : qPrintable(db.error().detail));
        QSqlQuery q(db.value()->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT current_setting('application_name')")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("rmsam test"));
    }

    void aMissingDatabaseNamesTheCause()
    {
        auto db = Database::open(m_cluster->socketUrl(QStringLiteral("nosuchdb")));
        QVERIFY(!db);
        QCOMPARE(db.error().code, ErrorCode::StorageError);
        QVERIFY2(db.error().detail.contains(QLatin1String("\"nosuchdb\" does not exist")),
            qPrintable(db.error().detail));
    }

    // --database points a command at a PostgreSQL database instead of the data folder: the
    // profile it creates is in that database, and the folder stays empty.
    void commandLineUsesTheDatabaseOption()
    {
        const QString name = freshDatabase();
        const QString url = m_cluster->socketUrl(name);
        QTemporaryDir folder;
        QVERIFY(folder.isValid());
        const QString unused = QDir(folder.path()).filePath(QStringLiteral("unused"));
        const CliRunner cli(
            unused, QStringLiteral("rmsam-test-pg-") + QUuid::createUuid().toString(QUuid::Id128));
        const CliRun created = cli.run({ QStringLiteral("--database"), url, QStringLiteral("profile"),
            QStringLiteral("create"), QStringLiteral("--name"), QStringLiteral("Team"),
            QStringLiteral("--endpoint"), QStringLiteral("http://127.0.0.1:9/public/graphql") });
        QVERIFY2(created.code == 0, qPrintable(describe(created)));
        const CliRun listed = cli.run(
            { QStringLiteral("--database"), url, QStringLiteral("profile"), QStringLiteral("list") });
        QVERIFY2(
            listed.code == 0 && listed.out.contains(QStringLiteral("Team")), qPrintable(describe(listed)));
        QString error;
        QCOMPARE(
            m_cluster->psql(name, QStringLiteral("SELECT display_name FROM integration_profile"), &error),
            QStringLiteral("Team"));
        QVERIFY(!QFileInfo::exists(unused));

        const CliRun both = cli.run({ QStringLiteral("--data-dir"), folder.path(),
            QStringLiteral("--database"), url, QStringLiteral("profile"), QStringLiteral("list") });
        QCOMPARE(both.code, 2);
        QVERIFY2(both.err.contains(QStringLiteral("--data-dir or --database")), qPrintable(describe(both)));
    }
};

QTEST_GUILESS_MAIN(TestPostgres)
#include "tst_postgres.moc"
