#pragma once

// The database backend a storage test runs on, chosen by one parameter: RMSAM_TEST_DATABASE unset
// or "sqlite" runs on SQLite in a temporary folder; "postgresql" gives each temporary folder a
// database of its own on a private PostgreSQL cluster (PostgresCluster) started for the test
// class. CMake registers the storage tests once per backend; the test code is the same.

#include "support/PostgresCluster.h"

#include <QHash>
#include <QTemporaryDir>
#include <memory>

namespace rmsam::test {

class TestBackend
{
public:
    // From RMSAM_TEST_DATABASE.
    TestBackend();
    Q_DISABLE_COPY_MOVE(TestBackend)

    bool postgreSql() const { return m_postgreSql; }
    // Starts the cluster when the backend is PostgreSQL; empty when ready, else the cause (for
    // QVERIFY2 in initTestCase: a cluster that does not start fails the tests, never skips them).
    QString start();
    // What Database::open takes for a test's temporary folder: the folder itself, or the URL of
    // the database made for it on first use (the same one when the test opens it again).
    QString location(const QTemporaryDir& dir);
    // The cluster (PostgreSQL only): to inspect a database with psql.
    PostgresCluster* cluster() const { return m_cluster.get(); }

private:
    bool m_postgreSql = false;
    std::unique_ptr<PostgresCluster> m_cluster;
    QHash<QString, QString> m_databases; // folder -> URL
};

} // namespace rmsam::test
