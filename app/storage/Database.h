#pragma once

#include "core/Result.h"
#include "storage/DatabaseLocation.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QLoggingCategory>
#include <QMutex>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QUtf8StringView>
#include <QVariant>
#include <initializer_list>
#include <optional>
#include <type_traits>
#include <utility>

Q_DECLARE_LOGGING_CATEGORY(lcStorage)

namespace rmsam {

// The values a statement runs with: for its "?" placeholders in order, `{ id, email }`, or for its
// ":name" placeholders by name, `{ { ":p", id } }`. They hold e-mail addresses and names, so they
// go into no message, no detail and no log.
class SqlValues
{
public:
    SqlValues() = default;
    SqlValues(std::initializer_list<QVariant> positional)
        : m_positional(positional)
    { }
    SqlValues(std::initializer_list<std::pair<QString, QVariant>> named)
        : m_named(named)
    { }
    explicit SqlValues(QVariantList positional)
        : m_positional(std::move(positional))
    { }
    explicit SqlValues(QList<std::pair<QString, QVariant>> named)
        : m_named(std::move(named))
    { }

    void bindTo(QSqlQuery& query) const;
    bool isEmpty() const { return m_positional.isEmpty() && m_named.isEmpty(); }

private:
    QVariantList m_positional;
    QList<std::pair<QString, QVariant>> m_named;
};

class Database;

// A statement prepared once and run once per row (the inserts of a snapshot), on the connection
// of the thread that prepared it.
class PreparedStatement
{
public:
    // Binds values and runs the statement; a failure is Database::storageError(failure, …).
    Result<void> run(const SqlValues& values);
    // lastInsertId(), numRowsAffected() and the rows of the last run.
    QSqlQuery& query() { return m_query; }

private:
    friend class Database;
    PreparedStatement(Database& database, QSqlQuery query, QString sql, QString failure);

    Database* m_database;
    QSqlQuery m_query;
    QString m_sql;
    QString m_failure;
};

// The application's database: SQLite in the data directory by default, or a PostgreSQL database
// named by a postgresql:// URL (DatabaseLocation). Qt Sql connections belong to the thread that
// opened them, so each thread gets its own, opened on first use. The backends' specifics (WAL,
// busy timeout, pragmas, BEGIN IMMEDIATE; the QPSQL driver, lock timeout, advisory locks) live
// in this file and nowhere else.
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

    // On PostgreSQL every schema upgrade holds this transaction-level advisory lock ("rmsam",
    // then 1), so one client at a time migrates; an administrator's tool can take it too.
    static constexpr qint64 MigrationLockKey = 0x726d73616d000001;
    // Every write transaction on PostgreSQL holds this transaction-level advisory lock ("rmsam",
    // then 2 for writes), as every SQLite write transaction holds SQLite's one write lock.
    static constexpr qint64 WriteLockKey = 0x726d73616d000002;

    struct Options
    {
        int busyTimeoutMs = BusyTimeoutMs;
        // PostgreSQL: the password the admin typed (kept in the OS keychain, handed over in
        // memory); empty leaves it to libpq (~/.pgpass, PGPASSWORD, a certificate, peer login).
        QString password;
    };

    // What a connection test finds at a PostgreSQL address, without changing anything there.
    struct Probe
    {
        QString serverVersion; // "15.8"
        QString user; // the role the server logged us in as
        int schemaVersion = 0; // 0: no Roadmunk SAM schema yet
        int supportedVersion = 0; // the schema version this client writes
    };

    // The name of the notification channel a team database announces committed changes on; the
    // payload is "TABLE CLIENT", CLIENT being the clientId() of the Database that wrote.
    static constexpr const char* ChangeChannel = "rmsam_change";

    // Opens (creating if needed) the database file in a data folder, or connects to the
    // PostgreSQL database a postgresql:// URL names, and brings its schema up to date, safely
    // when several processes do so at once.
    static Result<std::unique_ptr<Database>> open(const QString& dataDirOrUrl);
    static Result<std::unique_ptr<Database>> open(const QString& dataDirOrUrl, const Options& options);
    ~Database();
    Q_DISABLE_COPY_MOVE(Database)

    // Connects to a postgresql:// URL once and reads what Probe holds; changes nothing.
    static Result<Probe> probe(const QString& url, const QString& password);

    // Who and where this process runs, as the change log records them: the OS account (at most
    // 200 characters) and the host name (255); "?" when the system does not say.
    static QString operatingSystemAccount();
    static QString hostName();

    // Refuses a data folder on a network file system (by type, e.g. "nfs4", "cifs") or a UNC path.
    static Result<void> checkLocation(const QString& dataDir, const QByteArray& fileSystemType);

    // The SQLite file; for PostgreSQL, the URL without its query (DatabaseLocation::display()).
    QString filePath() const { return m_filePath; }
    DatabaseLocation::Backend backend() const { return m_location.backend; }
    // A temporary table's name in the schema temporary tables live in (pg_temp on PostgreSQL,
    // temp on SQLite), so that no table of the database's own is meant by it.
    QString temporaryTable(const QString& name) const
    {
        return (backend() == DatabaseLocation::Backend::PostgreSql ? QStringLiteral("pg_temp.")
                                                                   : QStringLiteral("temp."))
            + name;
    }
    int schemaVersion();
    // The time by the database's clock, UTC: on a shared PostgreSQL server its own (one clock for
    // every member, whatever their desktops say), on SQLite this computer's. This computer's when
    // the server cannot be asked (the statement after it will fail and say why).
    QDateTime currentTime();
    // Tells this Database's connections apart from other clients' in change notifications.
    QString clientId() const { return m_connectionPrefix; }
    // For writes that must survive a power cut even when the rest may lose the last commit (the
    // audit trail): SQLite's synchronous=FULL while on, NORMAL after. Outside a transaction.
    void setFullSync(bool full);

    // This thread's connection. One whose server went away (lostConnection) was closed when that
    // was seen, and is opened again here: the next statement reconnects.
    QSqlDatabase connection();
    // Whether this thread has opened its connection yet.
    bool hasThreadConnection() const;
    // Closes this thread's connection; a worker thread calls it before it ends, since a later
    // thread may get the same address and must not find a connection of a dead one.
    void releaseThreadConnection();

    // The id an INSERT … RETURNING id gave (0 if none), the statement then finished. Not
    // lastInsertId(): on PostgreSQL that is lastval(), which a trigger's own insert (the change
    // log) moves on.
    static qint64 returnedId(QSqlQuery& query);

    // An Error for a failed statement or transaction, with the driver's text as detail. When the
    // database was busy with another process it is ErrorCode::Busy and the message says so; when
    // the connection to the PostgreSQL server was lost (the server stopped, the network failed)
    // it is ErrorCode::Unreachable and the message names the database `where` and what to do.
    static Error storageError(const QString& message, const QSqlError& sqlError, const QString& where = {});
    // Whether the error says the connection to the PostgreSQL server is gone: SQLSTATE class 08,
    // an administrator's shutdown (57P01…57P03), or libpq's own words for a dead connection.
    static bool lostConnection(const QSqlError& sqlError);

    // Statements on this thread's connection. `failure` says what could not be done, in the
    // caller's words ("Cannot read the scheduled jobs."); a failed statement returns
    // storageError(failure, …), whose detail is the driver's text. The SQL and that text go to
    // the debug log of rmsam.storage; the bound values never do.
    //
    // Prepares sql, binds values and runs it; the query is positioned before its first row.
    Result<QSqlQuery> run(const QString& sql, const SqlValues& values, const QString& failure);
    // The same for a statement whose rows and counts nobody reads.
    Result<void> exec(const QString& sql, const SqlValues& values, const QString& failure);
    Result<PreparedStatement> prepare(const QString& sql, const QString& failure);

    template<typename Map> using RowOf = std::invoke_result_t<Map&, const QSqlQuery&>;
    // The first row through map, or nothing when there is no row.
    template<typename Map>
    Result<std::optional<RowOf<Map>>> first(
        const QString& sql, const SqlValues& values, const QString& failure, Map map);
    // The first row through map, or notFound when there is no row.
    template<typename Map>
    Result<RowOf<Map>> one(
        const QString& sql, const SqlValues& values, const QString& failure, Map map, Error notFound);
    // Every row through map, in the statement's order. A row that cannot be read fails the whole
    // list: a list cut short is never taken for the whole.
    template<typename Map>
    Result<QList<RowOf<Map>>> list(
        const QString& sql, const SqlValues& values, const QString& failure, Map map);
    // list() for a statement that looks rows up by any number of keys: `sql` holds "IN (%1)",
    // filled with a "?" per key, and runs once per KeysPerStatement keys (well under either
    // backend's limit of parameters), the `leading` values bound before the keys each time.
    static constexpr qsizetype KeysPerStatement = 500;
    template<typename Map>
    Result<QList<RowOf<Map>>> listByKeys(const QString& sql, const QVariantList& leading,
        const QStringList& keys, const QString& failure, Map map);

private:
    friend class PreparedStatement;
    friend class NativeRows;
    // storageError() for a statement on this thread's connection; a lost connection is closed.
    Error statementError(const QString& sql, const QString& failure, const QSqlError& sqlError);

    Database(DatabaseLocation location, QString filePath, Options options);
    // Why a PostgreSQL connection could not be opened: a login refused, a server out of reach.
    static Error connectionError(const QString& url, const QSqlError& sqlError);
    static Result<std::unique_ptr<Database>> openPostgreSql(
        DatabaseLocation location, const Options& options);
    Result<void> openSqliteConnection(QSqlDatabase& db);
    Result<void> openPostgreSqlConnection(QSqlDatabase& db);
    QString threadConnectionName() const;
    Result<void> openConnection(const QString& name);
    Result<void> migrate();
    Result<void> newerSchemaError(int version) const;
    // Ok when this session may upgrade a team database's schema (it owns the database or is a
    // superuser); otherwise NotPermitted, naming the version and the administrator to ask.
    Result<void> olderTeamSchemaError(int version);
    Result<void> recordClientIdentity();

    DatabaseLocation m_location;
    QString m_filePath;
    Options m_options;
    QString m_connectionPrefix;
    QMutex m_mutex;
    QStringList m_connectionNames;
};

// How the tables keep times and optional text: UTC ISO-8601 with milliseconds, NULL for none.
namespace SqlColumns {
QString now(); // the current time as the tables keep it
QVariant timeOrNull(const QDateTime& when); // an invalid time is NULL
QDateTime timeFrom(const QVariant& value); // NULL is an invalid time
QDateTime timeFrom(QUtf8StringView text); // the same, of a value NativeRows read (null for NULL)
// Whether text is a time in the form the tables keep ("2026-11-30T10:44:29.123Z"), so that a
// reader may cut it without a QDateTime (the export).
bool isStoredTime(QStringView text);
bool isStoredTime(QUtf8StringView text);
QVariant textOrNull(const QString& text); // a null string is NULL; an empty one stays empty
} // namespace SqlColumns

// Runs a function inside a write transaction on db; commits when it returns success, rolls back
// otherwise. The write lock is taken when the transaction begins (BEGIN IMMEDIATE): a
// transaction that first reads and then writes cannot fail halfway because another process
// wrote meanwhile; it waits for that process instead. Nested calls are not supported (SQLite
// has no nested transactions).
Result<void> inTransaction(QSqlDatabase db, const std::function<Result<void>()>& work);

template<typename Map>
Result<std::optional<Database::RowOf<Map>>> Database::first(
    const QString& sql, const SqlValues& values, const QString& failure, Map map)
{
    auto query = run(sql, values, failure);
    if (!query) {
        return query.error();
    }
    QSqlQuery& q = query.value();
    if (!q.next()) {
        if (q.lastError().isValid()) {
            return statementError(sql, failure, q.lastError());
        }
        return std::optional<RowOf<Map>>();
    }
    return std::optional<RowOf<Map>>(map(std::as_const(q)));
}

template<typename Map>
Result<Database::RowOf<Map>> Database::one(
    const QString& sql, const SqlValues& values, const QString& failure, Map map, Error notFound)
{
    auto row = first(sql, values, failure, std::move(map));
    if (!row) {
        return row.error();
    }
    if (!row.value()) {
        return notFound;
    }
    return std::move(*row.value());
}

template<typename Map>
Result<QList<Database::RowOf<Map>>> Database::list(
    const QString& sql, const SqlValues& values, const QString& failure, Map map)
{
    auto query = run(sql, values, failure);
    if (!query) {
        return query.error();
    }
    QSqlQuery& q = query.value();
    QList<RowOf<Map>> rows;
    while (q.next()) {
        rows.append(map(std::as_const(q)));
    }
    if (q.lastError().isValid()) {
        return statementError(sql, failure, q.lastError());
    }
    return rows;
}

template<typename Map>
Result<QList<Database::RowOf<Map>>> Database::listByKeys(
    const QString& sql, const QVariantList& leading, const QStringList& keys, const QString& failure, Map map)
{
    QList<RowOf<Map>> rows;
    for (qsizetype from = 0; from < keys.size(); from += KeysPerStatement) {
        const QStringList some = keys.mid(from, KeysPerStatement);
        QStringList marks;
        marks.fill(QStringLiteral("?"), some.size());
        QVariantList values = leading;
        for (const QString& key : some) {
            values.append(key);
        }
        auto found
            = list(sql.arg(marks.join(QStringLiteral(", "))), SqlValues(std::move(values)), failure, map);
        if (!found) {
            return found.error();
        }
        rows.append(std::move(found).value());
    }
    return rows;
}

} // namespace rmsam
