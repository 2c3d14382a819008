// Running statements and write transactions on an open Database: the query helper the
// repositories use (prepare, bind, run, a failure as the storage module's error) and the write
// lock every transaction takes, on SQLite and on PostgreSQL alike.

#include "storage/Database.h"

#include <QCoreApplication>
#include <QDate>
#include <QSqlError>
#include <QSqlQuery>
#include <optional>

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

namespace {

// Days since 1970-01-01 of a proleptic Gregorian date, and back (H. Hinnant's algorithms): the
// stored form is read and written a few hundred thousand times in a sync, and QDateTime's own
// text conversions cost microseconds each.
qint64 daysFromCivil(int y, int m, int d)
{
    y -= m <= 2 ? 1 : 0;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yearOfEra = y - era * 400;
    const int dayOfYear = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return qint64(era) * 146097 + dayOfEra - 719468;
}

void civilFromDays(qint64 z, int& y, int& m, int& d)
{
    z += 719468;
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const int dayOfEra = int(z - era * 146097);
    const int yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const int mp = (5 * dayOfYear + 2) / 153;
    d = dayOfYear - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y = int(yearOfEra + era * 400) + (m <= 2 ? 1 : 0);
}

char16_t unit(QChar c)
{
    return c.unicode();
}

char16_t unit(char c)
{
    return char16_t(uchar(c));
}

struct StoredTime
{
    int year, month, day, hour, minute, second, ms;
};

// The fields of "2026-11-30T10:44:29.123Z", the form timeOrNull writes; nothing for any other
// text. Text: QStringView, or QUtf8StringView as NativeRows reads it.
template<typename Text> std::optional<StoredTime> storedFields(Text text)
{
    if (text.size() != 24 || text[4] != u'-' || text[7] != u'-' || text[10] != u'T' || text[13] != u':'
        || text[16] != u':' || text[19] != u'.' || text[23] != u'Z') {
        return std::nullopt;
    }
    int digits[17];
    int n = 0;
    for (int i : { 0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18, 20, 21, 22 }) {
        const char16_t c = unit(text[i]);
        if (c < u'0' || c > u'9') {
            return std::nullopt;
        }
        digits[n++] = c - u'0';
    }
    const StoredTime t { digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3],
        digits[4] * 10 + digits[5], digits[6] * 10 + digits[7], digits[8] * 10 + digits[9],
        digits[10] * 10 + digits[11], digits[12] * 10 + digits[13],
        digits[14] * 100 + digits[15] * 10 + digits[16] };
    if (!QDate::isValid(t.year, t.month, t.day) || t.hour > 23 || t.minute > 59 || t.second > 59) {
        return std::nullopt;
    }
    return t;
}

template<typename Text> QDateTime timeFromText(Text text)
{
    if (text.isNull()) {
        return QDateTime();
    }
    if (const auto t = storedFields(text)) {
        const qint64 seconds
            = daysFromCivil(t->year, t->month, t->day) * 86400 + t->hour * 3600 + t->minute * 60 + t->second;
        return QDateTime::fromMSecsSinceEpoch(seconds * 1000 + t->ms, Qt::UTC);
    }
    return QDateTime::fromString(text.toString(), Qt::ISODateWithMs);
}

} // namespace

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QVariant timeOrNull(const QDateTime& when)
{
    if (!when.isValid()) {
        return QVariant(QMetaType(QMetaType::QString));
    }
    const qint64 ms = when.toMSecsSinceEpoch();
    const qint64 days = ms >= 0 ? ms / 86400000 : (ms - 86399999) / 86400000;
    const int inDay = int(ms - days * 86400000);
    int year = 0;
    int month = 0;
    int day = 0;
    civilFromDays(days, year, month, day);
    if (year < 0 || year > 9999) {
        return QVariant(when.toUTC().toString(Qt::ISODateWithMs));
    }
    char16_t text[24] = { u'0', u'0', u'0', u'0', u'-', u'0', u'0', u'-', u'0', u'0', u'T', u'0', u'0', u':',
        u'0', u'0', u':', u'0', u'0', u'.', u'0', u'0', u'0', u'Z' };
    const auto put = [&text](int at, int value, int width) {
        for (int i = at + width - 1; i >= at; --i, value /= 10) {
            text[i] = char16_t(u'0' + value % 10);
        }
    };
    put(0, year, 4);
    put(5, month, 2);
    put(8, day, 2);
    put(11, inDay / 3600000, 2);
    put(14, inDay / 60000 % 60, 2);
    put(17, inDay / 1000 % 60, 2);
    put(20, inDay % 1000, 3);
    return QVariant(QString(reinterpret_cast<const QChar*>(text), 24));
}

QDateTime timeFrom(const QVariant& value)
{
    return value.isNull() ? QDateTime() : timeFromText(QStringView(value.toString()));
}

QDateTime timeFrom(QUtf8StringView text)
{
    return timeFromText(text);
}

bool isStoredTime(QStringView text)
{
    return storedFields(text).has_value();
}

bool isStoredTime(QUtf8StringView text)
{
    return storedFields(text).has_value();
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
