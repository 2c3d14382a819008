#include "support/PostgresCluster.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTcpServer>
#include <QUuid>
#include <grp.h>
#include <pwd.h>
#include <unistd.h>

namespace rmsam::test {
namespace {

// The account a cluster started by root runs as: it exists wherever postgresql-15 is installed.
const char* const ClusterAccount = "postgres";

// A loopback port nobody listens on now (another process may take it before the server; rare).
int freeLoopbackPort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : 0;
}

} // namespace

QString PostgresCluster::binDir()
{
    return QStringLiteral("/usr/lib/postgresql/15/bin");
}

std::unique_ptr<PostgresCluster> PostgresCluster::start(QString* error)
{
    std::unique_ptr<PostgresCluster> cluster(new PostgresCluster());
    if (!cluster->init(error)) {
        return nullptr;
    }
    return cluster;
}

bool PostgresCluster::runAsOwner(
    const QString& program, const QStringList& arguments, QString* output, int timeoutMs) const
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    // The server and its tools must not pick up the tests' (or the machine's) libpq settings.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString& key : env.keys()) {
        if (key.startsWith(QLatin1String("PG"))) {
            env.remove(key);
        }
    }
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    process.setProcessEnvironment(env);
    process.setWorkingDirectory(m_folder.path());
    const QString path = QDir(binDir()).filePath(program);
    if (m_asRoot) {
        process.start(QStringLiteral("runuser"),
            QStringList {
                QStringLiteral("-u"), QString::fromLatin1(ClusterAccount), QStringLiteral("--"), path }
                + arguments);
    } else {
        process.start(path, arguments);
    }
    const bool finished = process.waitForFinished(timeoutMs);
    *output = QString::fromLocal8Bit(process.readAll()).trimmed();
    if (!finished) {
        process.kill();
        process.waitForFinished();
        *output
            = QStringLiteral("%1 did not finish in %2 s: %3").arg(program).arg(timeoutMs / 1000).arg(*output);
        return false;
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        *output = QStringLiteral("%1 failed (%2): %3")
                      .arg(program,
                          process.error() == QProcess::FailedToStart ? process.errorString()
                                                                     : QString::number(process.exitCode()),
                          *output);
        return false;
    }
    return true;
}

bool PostgresCluster::init(QString* error)
{
    if (!QFileInfo(QDir(binDir()).filePath(QStringLiteral("initdb"))).isExecutable()) {
        *error = QStringLiteral("PostgreSQL 15 is not installed (%1/initdb is missing): run "
                                "packaging/install-deps.sh --test")
                     .arg(binDir());
        return false;
    }
    if (!m_folder.isValid()) {
        *error = QStringLiteral("Cannot create a temporary folder for the PostgreSQL cluster: %1")
                     .arg(m_folder.errorString());
        return false;
    }
    m_asRoot = ::geteuid() == 0;
    if (m_asRoot) {
        const passwd* account = ::getpwnam(ClusterAccount);
        if (account == nullptr) {
            *error = QStringLiteral("The tests run as root and PostgreSQL refuses root, but there is no "
                                    "\"%1\" account to run the cluster as (postgresql-15 creates it).")
                         .arg(QString::fromLatin1(ClusterAccount));
            return false;
        }
        // The temporary folder is root's (0700); the cluster's account must own it. Root, our
        // side, reaches it anyway.
        if (::chown(QFile::encodeName(m_folder.path()).constData(), account->pw_uid, account->pw_gid) != 0) {
            *error = QStringLiteral("Cannot give %1 to the \"%2\" account.")
                         .arg(m_folder.path(), QString::fromLatin1(ClusterAccount));
            return false;
        }
        // The account must reach the folder from /: /tmp is world-searchable; TMPDIR may not be.
    }
    m_password = QUuid::createUuid().toString(QUuid::Id128);
    const QString passwordFile = QDir(m_folder.path()).filePath(QStringLiteral("pwfile"));
    {
        QFile file(passwordFile);
        if (!file.open(QIODevice::WriteOnly) || file.write(m_password.toLatin1()) < 0) {
            *error = QStringLiteral("Cannot write %1").arg(passwordFile);
            return false;
        }
    }
    if (m_asRoot) {
        const passwd* account = ::getpwnam(ClusterAccount);
        if (::chown(QFile::encodeName(passwordFile).constData(), account->pw_uid, account->pw_gid) != 0) {
            *error = QStringLiteral("Cannot give %1 to the \"%2\" account.")
                         .arg(passwordFile, QString::fromLatin1(ClusterAccount));
            return false;
        }
    }
    const QString data = QDir(m_folder.path()).filePath(QStringLiteral("data"));
    QString output;
    if (!runAsOwner(QStringLiteral("initdb"),
            { QStringLiteral("-D"), data, QStringLiteral("-U"), superuser(), QStringLiteral("--pwfile"),
                passwordFile, QStringLiteral("--auth-local=trust"),
                QStringLiteral("--auth-host=scram-sha-256"), QStringLiteral("-E"), QStringLiteral("UTF8"),
                QStringLiteral("--locale=C.UTF-8"), QStringLiteral("--no-sync") },
            &output)) {
        *error = QStringLiteral("Cannot create the test cluster: %1").arg(output);
        return false;
    }
    QFile::remove(passwordFile);
    m_port = freeLoopbackPort();
    if (m_port == 0) {
        *error = QStringLiteral("No free loopback port for the test cluster.");
        return false;
    }
    if (!startServer(error)) {
        return false;
    }
    // A test that crashes or is killed never runs the destructor: a watchdog stops the server
    // and removes its folder once this process is gone, so no cluster outlives its test.
    const QString ctl = QDir(binDir()).filePath(QStringLiteral("pg_ctl"));
    const QString asOwner
        = m_asRoot ? QStringLiteral("runuser -u %1 -- ").arg(QString::fromLatin1(ClusterAccount)) : QString();
    QProcess::startDetached(QStringLiteral("sh"),
        { QStringLiteral("-c"),
            QStringLiteral("while kill -0 %1 2>/dev/null; do sleep 1; done; [ -d '%2' ] || exit 0; "
                           "%3'%4' stop -m immediate -D '%2' >/dev/null 2>&1; rm -rf '%5'")
                .arg(QCoreApplication::applicationPid())
                .arg(data, asOwner, ctl, m_folder.path()) });
    return true;
}

bool PostgresCluster::startServer(QString* error)
{
    const QString data = QDir(m_folder.path()).filePath(QStringLiteral("data"));
    QString output;
    // fsync off: a test cluster is thrown away; nothing in it must survive a power cut.
    const QString options
        = QStringLiteral("-c listen_addresses=127.0.0.1 -c port=%1 -c unix_socket_directories=%2 "
                         "-c fsync=off -c max_connections=100")
              .arg(m_port)
              .arg(m_folder.path());
    const QString log = QDir(m_folder.path()).filePath(QStringLiteral("server.log"));
    if (!runAsOwner(QStringLiteral("pg_ctl"),
            { QStringLiteral("start"), QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("60"),
                QStringLiteral("-D"), data, QStringLiteral("-l"), log, QStringLiteral("-o"), options },
            &output, 90000)) {
        QFile logFile(log);
        const QString serverLog
            = logFile.open(QIODevice::ReadOnly) ? QString::fromLocal8Bit(logFile.readAll()) : QString();
        *error = QStringLiteral("Cannot start the test cluster: %1\n%2").arg(output, serverLog);
        stop(); // pg_ctl may have given up on a server that still comes up
        return false;
    }
    m_running = true;
    return true;
}

bool PostgresCluster::stopServer(QString* error)
{
    QString output;
    // Fast, as an administrator's shutdown: open sessions are ended (57P01), nothing waits.
    if (!runAsOwner(QStringLiteral("pg_ctl"),
            { QStringLiteral("stop"), QStringLiteral("-w"), QStringLiteral("-m"), QStringLiteral("fast"),
                QStringLiteral("-D"), QDir(m_folder.path()).filePath(QStringLiteral("data")) },
            &output)) {
        *error = output;
        return false;
    }
    m_running = false;
    return true;
}

bool PostgresCluster::stop()
{
    QString output;
    const bool stopped = runAsOwner(QStringLiteral("pg_ctl"),
        { QStringLiteral("stop"), QStringLiteral("-w"), QStringLiteral("-m"), QStringLiteral("fast"),
            QStringLiteral("-D"), QDir(m_folder.path()).filePath(QStringLiteral("data")) },
        &output);
    if (!stopped && m_running) {
        qWarning("Cannot stop the PostgreSQL test cluster: %s", qPrintable(output));
    }
    m_running = false;
    return stopped;
}

PostgresCluster::~PostgresCluster()
{
    if (m_running) {
        stop();
    }
}

QString PostgresCluster::psql(const QString& database, const QString& sql, QString* error) const
{
    return psqlAs(superuser(), database, sql, error);
}

QString PostgresCluster::psqlAs(
    const QString& user, const QString& database, const QString& sql, QString* error) const
{
    QString output;
    if (!runAsOwner(QStringLiteral("psql"),
            { QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-A"), QStringLiteral("-t"),
                QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-h"), socketDir(),
                QStringLiteral("-p"), QString::number(m_port), QStringLiteral("-U"), user,
                QStringLiteral("-d"), database, QStringLiteral("-c"), sql },
            &output)) {
        *error = output;
        return {};
    }
    error->clear();
    return output;
}

QString PostgresCluster::createDatabase(const QString& name, QString* error)
{
    psql(QStringLiteral("postgres"), QStringLiteral("CREATE DATABASE \"%1\"").arg(name), error);
    return error->isEmpty() ? name : QString();
}

QString PostgresCluster::socketUrl(const QString& database) const
{
    return QStringLiteral("postgresql://%1@/%2?host=%3&port=%4")
        .arg(superuser(), database, socketDir())
        .arg(m_port);
}

QString PostgresCluster::socketUrlAs(const QString& user, const QString& database) const
{
    return QStringLiteral("postgresql://%1@/%2?host=%3&port=%4").arg(user, database, socketDir()).arg(m_port);
}

QString PostgresCluster::loopbackUrl(const QString& database) const
{
    return QStringLiteral("postgresql://%1@127.0.0.1:%2/%3").arg(superuser()).arg(m_port).arg(database);
}

} // namespace rmsam::test
