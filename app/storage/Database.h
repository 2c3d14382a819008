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
// SQLite specifics (WAL, busy timeout, pragmas) live in openConnection() and nowhere else.
class Database
{
public:
    static constexpr int BusyTimeoutMs = 5000;

    // Opens (creating if needed) the database file in dataDir and brings its schema up to date.
    static Result<std::unique_ptr<Database>> open(const QString& dataDir);
    ~Database();
    Q_DISABLE_COPY_MOVE(Database)

    // Refuses a data folder on a network file system (by type, e.g. "nfs4", "cifs") or a UNC path.
    static Result<void> checkLocation(const QString& dataDir, const QByteArray& fileSystemType);

    QString filePath() const { return m_filePath; }
    int schemaVersion();

    // This thread's connection.
    QSqlDatabase connection();
    // Closes this thread's connection; a worker thread calls it before it ends, since a later
    // thread may get the same address and must not find a connection of a dead one.
    void releaseThreadConnection();

    // An Error for a failed statement or transaction, with the driver's text as detail.
    static Error storageError(const QString& message, const QSqlError& sqlError);

private:
    explicit Database(QString filePath);
    Result<void> openConnection(const QString& name);
    Result<void> migrate();

    QString m_filePath;
    QString m_connectionPrefix;
    QMutex m_mutex;
    QStringList m_connectionNames;
};

// Runs a function inside a transaction on db; commits when it returns success, rolls back
// otherwise. Nested calls are not supported (SQLite has no nested transactions).
Result<void> inTransaction(QSqlDatabase db, const std::function<Result<void>()>& work);

} // namespace rmsam
