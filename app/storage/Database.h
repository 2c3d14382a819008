#pragma once

#include "core/Result.h"

#include <QHash>
#include <QLoggingCategory>
#include <QMutex>
#include <QSqlDatabase>
#include <QString>

Q_DECLARE_LOGGING_CATEGORY(lcStorage)

namespace rmsam {

// The application's database: SQLite in the data directory by default. Qt Sql connections
// belong to the thread that opened them, so each thread gets its own, opened on first use.
// SQLite specifics (WAL, busy timeout, pragmas, BEGIN IMMEDIATE) live in this file and nowhere else.
//
// Several processes may use one data folder at once (the GUI, a scheduled sync, a command in a
// terminal): every write transaction takes SQLite's write lock when it begins, and a process that
// finds it taken waits up to the busy timeout before it gives up with ErrorCode::Busy.
//
// On Unix the data folder is private to the user (0700) and the database files 0600: they hold
// employee data. A folder and files an older version left readable are made private when opened.
class Database
{
public:
    // How long a statement waits for another process's write lock: longer than any one
    // transaction of ours takes, short enough that a stuck process is reported.
    static constexpr int BusyTimeoutMs = 30000;

    struct Options
    {
        int busyTimeoutMs = BusyTimeoutMs;
    };

    // Opens (creating if needed) the database file in dataDir and brings its schema up to date,
    // safely when several processes do so at once.
    static Result<std::unique_ptr<Database>> open(const QString& dataDir);
    static Result<std::unique_ptr<Database>> open(const QString& dataDir, const Options& options);
    ~Database();
    Q_DISABLE_COPY_MOVE(Database)

    // Refuses a data folder on a network file system (by type, e.g. "nfs4", "cifs") or a UNC path.
    static Result<void> checkLocation(const QString& dataDir, const QByteArray& fileSystemType);

    QString filePath() const { return m_filePath; }
    int schemaVersion();

    // This thread's connection.
    QSqlDatabase connection();
    // Whether this thread has opened its connection yet.
    bool hasThreadConnection() const;
    // Closes this thread's connection; a worker thread calls it before it ends, since a later
    // thread may get the same address and must not find a connection of a dead one.
    void releaseThreadConnection();

    // An Error for a failed statement or transaction, with the driver's text as detail. When the
    // database was busy with another process it is ErrorCode::Busy and the message says so.
    static Error storageError(const QString& message, const QSqlError& sqlError);

private:
    Database(QString filePath, Options options);
    QString threadConnectionName() const;
    Result<void> openConnection(const QString& name);
    Result<void> migrate();
    Result<void> newerSchemaError(int version) const;

    QString m_filePath;
    Options m_options;
    QString m_connectionPrefix;
    QMutex m_mutex;
    QStringList m_connectionNames;
};

// Runs a function inside a write transaction on db; commits when it returns success, rolls back
// otherwise. The write lock is taken when the transaction begins (BEGIN IMMEDIATE): a
// transaction that first reads and then writes cannot fail halfway because another process
// wrote meanwhile; it waits for that process instead. Nested calls are not supported (SQLite
// has no nested transactions).
Result<void> inTransaction(QSqlDatabase db, const std::function<Result<void>()>& work);

} // namespace rmsam
