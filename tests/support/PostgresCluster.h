#pragma once

// A private PostgreSQL 15 cluster for the tests: created with initdb in a temporary folder,
// listening on a socket in that folder and on a free loopback port, stopped and removed when the
// object goes. Never the machine's own cluster. PostgreSQL refuses to run as root, so when the
// tests run as root the cluster runs as the unprivileged "postgres" account (runuser), in a
// folder that account owns.
//
// Local (socket) connections are trusted: the folder is private to the cluster's account (and
// root). Loopback connections need the password (SCRAM), so authentication failures can be tested.

#include <QString>
#include <QTemporaryDir>
#include <memory>

namespace rmsam::test {

class PostgresCluster
{
public:
    // The folder of PostgreSQL 15's programs on Debian.
    static QString binDir();

    // Starts a cluster; null with *error naming the cause (PostgreSQL not installed, no
    // unprivileged account, initdb or the server failing, with their output).
    static std::unique_ptr<PostgresCluster> start(QString* error);
    ~PostgresCluster();
    Q_DISABLE_COPY_MOVE(PostgresCluster)

    // The superuser the tests connect as, and its password (loopback connections only).
    static QString superuser() { return QStringLiteral("rmsam_test"); }
    QString password() const { return m_password; }
    QString socketDir() const { return m_folder.path(); }
    int port() const { return m_port; }

    // A new, empty database; empty with *error on failure.
    QString createDatabase(const QString& name, QString* error);
    // postgresql:// URLs to a database: through the socket folder, or over the loopback port
    // (which needs the password, from ~/.pgpass or PGPASSWORD).
    QString socketUrl(const QString& database) const;
    // The same as another login role (team mode's members; the socket trusts any role).
    QString socketUrlAs(const QString& user, const QString& database) const;
    QString loopbackUrl(const QString& database) const;

    // Runs psql on a database through the socket as the superuser; its standard output, or
    // empty with *error.
    QString psql(const QString& database, const QString& sql, QString* error) const;
    // The same as another login role: what the server lets that role do.
    QString psqlAs(const QString& user, const QString& database, const QString& sql, QString* error) const;

    // Stops the server as an administrator's fast shutdown does (every session is ended) and
    // starts it again on the same port and socket, for the tests of a server that goes away.
    // False with *error naming the cause.
    bool stopServer(QString* error);
    bool startServer(QString* error);

private:
    PostgresCluster() = default;
    bool init(QString* error);
    bool stop();
    // The program from binDir() with its arguments, as the cluster's account when we are root.
    bool runAsOwner(
        const QString& program, const QStringList& arguments, QString* output, int timeoutMs = 60000) const;

    QTemporaryDir m_folder;
    QString m_password;
    int m_port = 0;
    bool m_running = false;
    bool m_asRoot = false;
};

} // namespace rmsam::test
