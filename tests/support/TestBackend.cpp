#include "support/TestBackend.h"

namespace rmsam::test {

TestBackend::TestBackend()
    : m_postgreSql(qEnvironmentVariable("RMSAM_TEST_DATABASE") == QLatin1String("postgresql"))
{ }

QString TestBackend::start()
{
    const QString chosen = qEnvironmentVariable("RMSAM_TEST_DATABASE");
    if (!chosen.isEmpty() && chosen != QLatin1String("sqlite") && chosen != QLatin1String("postgresql")) {
        return QStringLiteral("RMSAM_TEST_DATABASE is \"%1\"; it takes sqlite or postgresql").arg(chosen);
    }
    if (!m_postgreSql || m_cluster) {
        return {};
    }
    QString error;
    m_cluster = PostgresCluster::start(&error);
    return m_cluster ? QString() : error;
}

QString TestBackend::location(const QTemporaryDir& dir)
{
    if (!m_postgreSql) {
        return dir.path();
    }
    if (const auto found = m_databases.constFind(dir.path()); found != m_databases.cend()) {
        return found.value();
    }
    if (!m_cluster) {
        qFatal("TestBackend::start() was not called or failed");
    }
    QString error;
    const QString name = m_cluster->createDatabase(QStringLiteral("t%1").arg(m_databases.size() + 1), &error);
    if (name.isEmpty()) {
        // The test fails when it opens this: a folder name is no URL of this backend.
        qWarning("Cannot create a test database: %s", qPrintable(error));
        return QStringLiteral("postgresql:///cannot-create-test-database");
    }
    const QString url = m_cluster->socketUrl(name);
    m_databases.insert(dir.path(), url);
    return url;
}

} // namespace rmsam::test
