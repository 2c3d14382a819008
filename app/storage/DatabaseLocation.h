#pragma once

#include "core/Result.h"

#include <QString>
#include <QStringList>

namespace rmsam {

// Where the database is: a data folder holding the SQLite file (the default, one admin), or a
// PostgreSQL server written as libpq writes it,
//   postgresql://USER@HOST:PORT/DBNAME?sslmode=verify-full
//   postgresql://USER@/DBNAME?host=/path/to/socket-folder
// Every part is optional as in libpq: what is left out comes from the environment (PGHOST,
// PGUSER…, PGSERVICE) and ~/.pgpass, which libpq reads itself; the driver (Qt's QPSQL) gets the
// host, port, user and database, and every other parameter verbatim as a connect option.
//
// A password never goes into the address: the address is shown in messages and logs. One in the
// URL is refused, pointing to ~/.pgpass.
struct DatabaseLocation
{
    enum class Backend
    {
        Sqlite,
        PostgreSql,
    };

    Backend backend = Backend::Sqlite;
    QString dataDir; // Sqlite: the data folder
    // PostgreSql, decoded; empty (port -1) when not given.
    QString host; // a name, an address, or a socket folder (starting with "/")
    int port = -1;
    QString user;
    QString database;
    // The other parameters, "name=value" with value quoted for a libpq conninfo string.
    QStringList options;

    // Whether text is a postgresql:// (or postgres://) URL rather than a folder.
    static bool isPostgreSqlUrl(const QString& text);
    // A folder as it is, or a URL read; a malformed URL is InvalidInput, its message naming the
    // expected form and its detail the part that is wrong.
    static Result<DatabaseLocation> parse(const QString& text);

    // For messages and logs: the folder, or the URL without its query (no password is ever in
    // it; the query may name certificate files, which the message does not need).
    QString display() const;
    // The connect options as the QPSQL driver takes them ("a='1';b='2'").
    QString connectOptions() const;
};

} // namespace rmsam
