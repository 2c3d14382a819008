// Running statements and write transactions on an open Database: the query helper the
// repositories use (prepare, bind, run, a failure as the storage module's error) and the write
// lock every transaction takes, on SQLite and on PostgreSQL alike.

#include "storage/Database.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace rmsam {
namespace {

// storageError() for a transaction that could not begin or commit. On PostgreSQL a lost
// connection is closed, so that Database::connection() opens a new one for the next statement,
// and the message names the database.
Error transactionError(QSqlDatabase& db, const QString& message, const QSqlError& sqlError)
{
    if (db.driverName() != QLatin1String("QPSQL")) {
        return Database::storageError(message, sqlError);
    }
    DatabaseLocation location;
    location.backend = DatabaseLocation::Backend::PostgreSql;
    location.host = db.hostName();
    location.port = db.port();
    location.user = db.userName();
    location.database = db.databaseName();
    const Error error = Database::storageError(message, sqlError, location.display());
    if (Database::lostConnection(sqlError)) {
        db.close();
    }
    return error;
}

// Takes the write lock as the transaction begins. A plain BEGIN starts as a reader; when it
// later writes while another process holds or has just released the write lock, SQLite fails at
// once with SQLITE_BUSY (the busy timeout does not apply to that upgrade).
//
// PostgreSQL's BEGIN takes no lock, and its READ COMMITTED transactions that read and then write
// (a state check, then the change) could interleave with another client's. The advisory lock
// gives them SQLite's guarantee, one writer at a time, with the same bounded wait (lock_timeout,
// then Busy). Readers never wait for it. Finer locks (rows) are for team mode to choose.
Result<void> beginWrite(QSqlDatabase& db)
{
    const QString message
        = QCoreApplication::translate("rmsam::Database", "Cannot start a database transaction.");
    if (db.driverName() == QLatin1String("QPSQL")) {
        if (!db.transaction()) {
            return transactionError(db, message, db.lastError());
        }
        QSqlQuery lock(db);
        if (!lock.exec(QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(Database::WriteLockKey))) {
            db.rollback();
            return transactionError(db, message, lock.lastError());
        }
        return {};
    }
    if (db.driverName() != QLatin1String("QSQLITE")) {
        return db.transaction() ? Result<void>() : Database::storageError(message, db.lastError());
    }
    QSqlQuery begin(db);
    if (!begin.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
        return Database::storageError(message, begin.lastError());
    }
    return {};
}

} // namespace

namespace SqlColumns {

QVariant timeOrNull(const QDateTime& when)
{
    return when.isValid() ? QVariant(when.toUTC().toString(Qt::ISODateWithMs))
                          : QVariant(QMetaType(QMetaType::QString));
}

QDateTime timeFrom(const QVariant& value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

QVariant textOrNull(const QString& text)
{
    return text.isNull() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(text);
}

} // namespace SqlColumns

void SqlValues::bindTo(QSqlQuery& query) const
{
    for (const QVariant& value : m_positional) {
        query.addBindValue(value);
    }
    for (const auto& [name, value] : m_named) {
        query.bindValue(name, value);
    }
}

PreparedStatement::PreparedStatement(Database& database, QSqlQuery query, QString sql, QString failure)
    : m_database(&database)
    , m_query(std::move(query))
    , m_sql(std::move(sql))
    , m_failure(std::move(failure))
{ }

Result<void> PreparedStatement::run(const SqlValues& values)
{
    values.bindTo(m_query);
    if (!m_query.exec()) {
        return m_database->statementError(m_sql, m_failure, m_query.lastError());
    }
    return {};
}

Result<PreparedStatement> Database::prepare(const QString& sql, const QString& failure)
{
    QSqlQuery query(connection());
    query.setForwardOnly(true);
    if (!query.prepare(sql)) {
        return statementError(sql, failure, query.lastError());
    }
    return PreparedStatement(*this, std::move(query), sql, failure);
}

Result<QSqlQuery> Database::run(const QString& sql, const SqlValues& values, const QString& failure)
{
    if (values.isEmpty() && m_location.backend == DatabaseLocation::Backend::PostgreSql) {
        // PostgreSQL prepares only queries and data changes (PREPARE), not DDL or SET: a statement
        // without values runs as it is.
        QSqlQuery query(connection());
        query.setForwardOnly(true);
        if (!query.exec(sql)) {
            return statementError(sql, failure, query.lastError());
        }
        return query;
    }
    auto statement = prepare(sql, failure);
    if (!statement) {
        return statement.error();
    }
    if (auto ran = statement.value().run(values); !ran) {
        return ran.error();
    }
    return std::move(statement.value().query());
}

qint64 Database::returnedId(QSqlQuery& query)
{
    const qint64 id = query.next() ? query.value(0).toLongLong() : 0;
    query.finish(); // SQLite keeps its write lock while a statement has rows left
    return id;
}

Result<void> Database::exec(const QString& sql, const SqlValues& values, const QString& failure)
{
    auto query = run(sql, values, failure);
    return query ? Result<void>() : query.error();
}

Result<void> inTransaction(QSqlDatabase db, const std::function<Result<void>()>& work)
{
    if (auto begun = beginWrite(db); !begun) {
        return begun;
    }
    Result<void> result = work();
    if (!result) {
        db.rollback();
        return result;
    }
    if (!db.commit()) {
        const QSqlError failed = db.lastError();
        db.rollback();
        return transactionError(db,
            QCoreApplication::translate("rmsam::Database", "Cannot save the changes to the database."),
            failed);
    }
    return {};
}

} // namespace rmsam
