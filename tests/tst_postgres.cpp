// The PostgreSQL backend: the private test cluster itself, opening a database by URL and what the
// errors say. tst_storage runs once more against the cluster (RMSAM_TEST_DATABASE=postgresql).

#include "support/PostgresCluster.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace rmsam;
using namespace rmsam::test;

class TestPostgres : public QObject
{
    Q_OBJECT

    std::unique_ptr<PostgresCluster> m_cluster;

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
};

QTEST_GUILESS_MAIN(TestPostgres)
#include "tst_postgres.moc"
