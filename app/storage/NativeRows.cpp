#include "storage/NativeRows.h"

#include "storage/Database.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QVarLengthArray>
#include <algorithm>
#include <atomic>
#include <span>

#if defined(Q_OS_LINUX)
#include <dlfcn.h>
#endif

// The libraries' handles, declared as their own headers declare them, so that the functions below
// are called through pointers of their exact types.
struct sqlite3;
struct sqlite3_stmt;
struct pg_conn;
struct pg_result;

namespace rmsam {

class NativeRows::Source
{
public:
    Source(Database& database, QString sql, QString failure)
        : m_database(database)
        , m_sql(std::move(sql))
        , m_failure(std::move(failure))
    { }
    virtual ~Source() = default;
    Source(const Source&) = delete;
    Source& operator=(const Source&) = delete;

    virtual bool next() = 0;
    virtual QUtf8StringView text(int column) const = 0;
    virtual qint64 integer(int column) const
    {
        const QUtf8StringView value = text(column);
        return QByteArray::fromRawData(value.data(), value.size()).toLongLong();
    }

    std::optional<Error> error;

protected:
    // The statement failed with the library's words and code (SQLite's extended result code,
    // PostgreSQL's SQLSTATE): the error Database gives for it, busy and lost connections told.
    void fail(const char* message, const QString& code)
    {
        fail(QSqlError(QString::fromUtf8(message).trimmed(), {}, QSqlError::StatementError, code));
    }
    void fail(const QSqlError& sqlError)
    {
        error = NativeRows::statementError(m_database, m_sql, m_failure, sqlError);
    }

private:
    Database& m_database;
    QString m_sql;
    QString m_failure;
};

namespace {

std::atomic<bool> allowed = true;

// A library's functions, resolved from the copy already loaded for Qt's driver (RTLD_NOLOAD:
// never one of our own), or nothing when none is loaded (the driver has the library built in) or
// this platform is not one where that can be told.
template<typename Api> std::optional<Api> resolveLoaded(const char* library)
{
#if defined(Q_OS_LINUX)
    void* loaded = dlopen(library, RTLD_LAZY | RTLD_NOLOAD);
    if (!loaded) {
        return std::nullopt;
    }
    Api api;
    bool complete = true;
    api.resolve([loaded, &complete](auto& function, const char* name) {
        function = reinterpret_cast<std::remove_reference_t<decltype(function)>>(dlsym(loaded, name));
        complete = complete && function;
    });
    return complete ? std::optional<Api>(api) : std::nullopt;
#else
    Q_UNUSED(library);
    return std::nullopt;
#endif
}

// The connection handle Qt's driver uses for this thread's connection, when it is of one of
// `types` (the names Qt gives the pointer type).
void* driverHandle(Database& database, std::initializer_list<const char*> types)
{
    const QVariant handle = database.connection().driver()->handle();
    if (!handle.isValid() || std::none_of(types.begin(), types.end(), [&handle](const char* type) {
            return qstrcmp(handle.typeName(), type) == 0;
        })) {
        return nullptr;
    }
    return *static_cast<void* const*>(handle.constData());
}

// The part of SQLite's C API (stable since SQLite 3.0) the rows are read with.
struct SqliteApi
{
    int (*prepare)(sqlite3* db, const char* sql, int bytes, sqlite3_stmt** statement, const char** tail)
        = nullptr;
    int (*bindInt64)(sqlite3_stmt* statement, int index, qint64 value) = nullptr;
    int (*step)(sqlite3_stmt* statement) = nullptr;
    const unsigned char* (*columnText)(sqlite3_stmt* statement, int column) = nullptr;
    int (*columnBytes)(sqlite3_stmt* statement, int column) = nullptr;
    qint64 (*columnInt64)(sqlite3_stmt* statement, int column) = nullptr;
    int (*finalize)(sqlite3_stmt* statement) = nullptr;
    const char* (*errorMessage)(sqlite3* db) = nullptr;
    int (*errorCode)(sqlite3* db) = nullptr;

    static constexpr int Ok = 0;
    static constexpr int Row = 100;
    static constexpr int Done = 101;

    template<typename Resolve> void resolve(Resolve&& resolve)
    {
        resolve(prepare, "sqlite3_prepare_v2");
        resolve(bindInt64, "sqlite3_bind_int64");
        resolve(step, "sqlite3_step");
        resolve(columnText, "sqlite3_column_text");
        resolve(columnBytes, "sqlite3_column_bytes");
        resolve(columnInt64, "sqlite3_column_int64");
        resolve(finalize, "sqlite3_finalize");
        resolve(errorMessage, "sqlite3_errmsg");
        resolve(errorCode, "sqlite3_extended_errcode");
    }
};

class SqliteSource final : public NativeRows::Source
{
public:
    SqliteSource(
        const SqliteApi& api, sqlite3* db, Database& database, const QString& sql, const QString& failure)
        : Source(database, sql, failure)
        , m_api(api)
        , m_db(db)
    { }
    ~SqliteSource() override
    {
        if (m_statement) {
            m_api.finalize(m_statement);
        }
    }

    void start(const QString& sql, const QList<qint64>& values)
    {
        const QByteArray text = sql.toUtf8();
        int code = m_api.prepare(m_db, text.constData(), int(text.size()), &m_statement, nullptr);
        for (int i = 0; code == SqliteApi::Ok && i < values.size(); ++i) {
            code = m_api.bindInt64(m_statement, i + 1, values.at(i));
        }
        if (code != SqliteApi::Ok) {
            failed();
        }
    }

    bool next() override
    {
        if (!m_statement || error) {
            return false;
        }
        const int code = m_api.step(m_statement);
        if (code == SqliteApi::Row) {
            return true;
        }
        if (code != SqliteApi::Done) {
            failed();
        }
        m_api.finalize(std::exchange(m_statement, nullptr)); // the read lock goes with it
        return false;
    }

    QUtf8StringView text(int column) const override
    {
        // sqlite3_column_text() before sqlite3_column_bytes(): the length is then that of the text.
        const auto* value = reinterpret_cast<const char*>(m_api.columnText(m_statement, column));
        return value ? QUtf8StringView(value, m_api.columnBytes(m_statement, column)) : QUtf8StringView();
    }

    qint64 integer(int column) const override { return m_api.columnInt64(m_statement, column); }

private:
    void failed() { fail(m_api.errorMessage(m_db), QString::number(m_api.errorCode(m_db))); }

    const SqliteApi& m_api;
    sqlite3* m_db; // Qt's driver's
    sqlite3_stmt* m_statement = nullptr; // ours
};

// The part of libpq's API (stable since PostgreSQL 9.2) the rows are read with, a row at a time.
struct PqApi
{
    int (*sendQueryParams)(pg_conn* conn, const char* command, int count, const unsigned* types,
        const char* const* values, const int* lengths, const int* formats, int resultFormat)
        = nullptr;
    int (*setSingleRowMode)(pg_conn* conn) = nullptr;
    pg_result* (*result)(pg_conn* conn) = nullptr;
    int (*resultStatus)(const pg_result* result) = nullptr;
    char* (*value)(const pg_result* result, int row, int column) = nullptr;
    int (*length)(const pg_result* result, int row, int column) = nullptr;
    int (*isNull)(const pg_result* result, int row, int column) = nullptr;
    void (*clear)(pg_result* result) = nullptr;
    char* (*resultError)(const pg_result* result) = nullptr;
    char* (*resultErrorField)(const pg_result* result, int field) = nullptr;
    int (*transactionStatus)(const pg_conn* conn) = nullptr;
    char* (*connectionError)(const pg_conn* conn) = nullptr;
    pg_result* (*exec)(pg_conn* conn, const char* command) = nullptr;
    int (*putCopyData)(pg_conn* conn, const char* buffer, int bytes) = nullptr;
    int (*putCopyEnd)(pg_conn* conn, const char* error) = nullptr;

    static constexpr int CommandOk = 1; // PGRES_COMMAND_OK: a COPY ended well
    static constexpr int TuplesOk = 2; // PGRES_TUPLES_OK: the end of the rows
    static constexpr int CopyIn = 4; // PGRES_COPY_IN: the server takes COPY data
    static constexpr int SingleTuple = 9; // PGRES_SINGLE_TUPLE: a row
    static constexpr int SqlState = 'C'; // PG_DIAG_SQLSTATE
    static constexpr int TransactionActive = 1; // PQTRANS_ACTIVE: a command is in progress

    // The error of a result (the server's words and SQLSTATE), or of the connection without one.
    QSqlError error(const pg_conn* conn, const pg_result* failed) const
    {
        const char* state = failed ? resultErrorField(failed, SqlState) : nullptr;
        return QSqlError(QString::fromUtf8(failed ? resultError(failed) : connectionError(conn)).trimmed(),
            {}, QSqlError::StatementError, state ? QString::fromLatin1(state) : QString());
    }

    // Reads what is left of a statement's results, so that the connection takes the next one. A
    // result saying the server still takes COPY data means a copy could not be ended (libpq out of
    // memory): there would be no end to those.
    void readResults(pg_conn* conn) const
    {
        while (pg_result* rest = result(conn)) {
            const bool copying = resultStatus(rest) == CopyIn;
            clear(rest);
            if (copying) {
                return;
            }
        }
    }

    template<typename Resolve> void resolve(Resolve&& resolve)
    {
        resolve(sendQueryParams, "PQsendQueryParams");
        resolve(setSingleRowMode, "PQsetSingleRowMode");
        resolve(result, "PQgetResult");
        resolve(resultStatus, "PQresultStatus");
        resolve(value, "PQgetvalue");
        resolve(length, "PQgetlength");
        resolve(isNull, "PQgetisnull");
        resolve(clear, "PQclear");
        resolve(resultError, "PQresultErrorMessage");
        resolve(resultErrorField, "PQresultErrorField");
        resolve(transactionStatus, "PQtransactionStatus");
        resolve(connectionError, "PQerrorMessage");
        resolve(exec, "PQexec");
        resolve(putCopyData, "PQputCopyData");
        resolve(putCopyEnd, "PQputCopyEnd");
    }
};

// The rows in libpq's single-row mode, as Qt's driver reads a forward-only query: one row in
// memory at a time.
class PostgreSqlSource final : public NativeRows::Source
{
public:
    PostgreSqlSource(
        const PqApi& api, pg_conn* conn, Database& database, const QString& sql, const QString& failure)
        : Source(database, sql, failure)
        , m_api(api)
        , m_conn(conn)
    { }
    ~PostgreSqlSource() override { finish(); }

    void start(const QString& sql, const QList<qint64>& values)
    {
        const QStringList parts = sql.split(QLatin1Char('?')); // "?" → "$1", "$2", …
        QString numbered = parts.first();
        for (qsizetype n = 1; n < parts.size(); ++n) {
            numbered += QLatin1Char('$') + QString::number(n) + parts.at(n);
        }
        QList<QByteArray> texts;
        QList<const char*> pointers;
        for (qint64 value : values) {
            texts.append(QByteArray::number(value));
            pointers.append(texts.constLast().constData());
        }
        if (!m_api.sendQueryParams(m_conn, numbered.toUtf8().constData(), int(values.size()), nullptr,
                pointers.constData(), nullptr, nullptr, 0)) {
            return fail(m_api.connectionError(m_conn), {});
        }
        m_sent = true;
        m_api.setSingleRowMode(m_conn);
    }

    bool next() override
    {
        clearRow();
        if (!m_sent || error) {
            return false;
        }
        m_row = m_api.result(m_conn);
        const int status = m_row ? m_api.resultStatus(m_row) : PqApi::TuplesOk;
        if (status == PqApi::SingleTuple) {
            return true;
        }
        if (status != PqApi::TuplesOk) {
            const QSqlError failed = m_api.error(m_conn, m_row);
            finish(); // the connection takes statements again before the error is classed
            fail(failed);
            return false;
        }
        finish();
        return false;
    }

    QUtf8StringView text(int column) const override
    {
        if (m_api.isNull(m_row, 0, column)) {
            return {};
        }
        return QUtf8StringView(m_api.value(m_row, 0, column), m_api.length(m_row, 0, column));
    }

private:
    void clearRow()
    {
        if (m_row) {
            m_api.clear(std::exchange(m_row, nullptr));
        }
    }
    // Reads what is left of the statement's results (all of them when stopped early), so that the
    // connection takes the next statement.
    void finish()
    {
        clearRow();
        if (std::exchange(m_sent, false)) {
            m_api.readResults(m_conn);
        }
    }

    const PqApi& m_api;
    pg_conn* m_conn; // Qt's driver's
    bool m_sent = false; // a statement whose results are not all read
    pg_result* m_row = nullptr; // the current row, ours
};

std::unique_ptr<NativeRows::Source> sqliteSource(
    Database& database, const QString& sql, const QList<qint64>& values, const QString& failure)
{
    static const std::optional<SqliteApi> api = resolveLoaded<SqliteApi>("libsqlite3.so.0");
    auto* db = static_cast<sqlite3*>(api ? driverHandle(database, { "sqlite3*" }) : nullptr);
    if (!db) {
        return nullptr;
    }
    auto source = std::make_unique<SqliteSource>(*api, db, database, sql, failure);
    source->start(sql, values);
    return source;
}

const std::optional<PqApi>& pqApi()
{
    static const std::optional<PqApi> api = resolveLoaded<PqApi>("libpq.so.5");
    return api;
}

// This thread's PostgreSQL connection when a statement of ours can run on it now.
pg_conn* pqConnection(Database& database)
{
    const std::optional<PqApi>& api = pqApi();
    auto* conn = static_cast<pg_conn*>(api ? driverHandle(database, { "pg_conn*", "PGconn*" }) : nullptr);
    // A command Qt's driver has not finished (a query still returning rows) would make ours fail.
    return conn && api->transactionStatus(conn) != PqApi::TransactionActive ? conn : nullptr;
}

std::unique_ptr<NativeRows::Source> postgreSqlSource(
    Database& database, const QString& sql, const QList<qint64>& values, const QString& failure)
{
    pg_conn* conn = pqConnection(database);
    if (!conn) {
        return nullptr;
    }
    auto source = std::make_unique<PostgreSqlSource>(*pqApi(), conn, database, sql, failure);
    source->start(sql, values);
    return source;
}

} // namespace

Result<std::optional<NativeRows>> NativeRows::run(
    Database& database, const QString& sql, const QList<qint64>& values, const QString& failure)
{
    std::unique_ptr<Source> source = !allowed ? nullptr
        : database.backend() == DatabaseLocation::Backend::Sqlite
        ? sqliteSource(database, sql, values, failure)
        : postgreSqlSource(database, sql, values, failure);
    if (!source) {
        return std::optional<NativeRows>();
    }
    if (source->error) {
        return *source->error;
    }
    return std::optional<NativeRows>(NativeRows(std::move(source)));
}

void NativeRows::setAllowed(bool allow)
{
    allowed = allow;
}

Error NativeRows::statementError(
    Database& database, const QString& sql, const QString& failure, const QSqlError& sqlError)
{
    return database.statementError(sql, failure, sqlError);
}

NativeRows::NativeRows(std::unique_ptr<Source> source)
    : m_source(std::move(source))
{ }

NativeRows::NativeRows(NativeRows&& other) noexcept = default;

NativeRows::~NativeRows() = default;

bool NativeRows::next()
{
    return m_source->next();
}

QUtf8StringView NativeRows::text(int column) const
{
    return m_source->text(column);
}

qint64 NativeRows::integer(int column) const
{
    return m_source->integer(column);
}

const std::optional<Error>& NativeRows::error() const
{
    return m_source->error;
}

// COPY … FROM STDIN in text format: a row a line, values apart by tabs, \N for NULL.
class NativeCopy::Stream
{
public:
    Stream(const PqApi& api, pg_conn* conn, Database& database, QString sql, QString failure)
        : m_api(api)
        , m_conn(conn)
        , m_database(database)
        , m_sql(std::move(sql))
        , m_failure(std::move(failure))
    { }
    ~Stream()
    {
        if (m_copying) {
            m_api.putCopyEnd(m_conn, "abandoned by the client"); // the server stores none of it
            m_api.readResults(m_conn);
        }
    }
    Stream(const Stream&) = delete;
    Stream& operator=(const Stream&) = delete;

    std::optional<Error> begin()
    {
        pg_result* started = m_api.exec(m_conn, m_sql.toUtf8().constData());
        if (started && m_api.resultStatus(started) == PqApi::CopyIn) {
            m_api.clear(started);
            m_copying = true;
            return std::nullopt;
        }
        fail(takeError(started));
        return m_error;
    }

    Result<void> add(std::span<const QUtf8StringView> values)
    {
        if (m_error) {
            return *m_error;
        }
        bool first = true;
        for (const QUtf8StringView value : values) {
            if (!std::exchange(first, false)) {
                m_buffer += '\t';
            }
            if (value.isNull()) {
                m_buffer += "\\N";
                continue;
            }
            for (const char c : value) {
                switch (c) {
                case '\\':
                    m_buffer += "\\\\";
                    break;
                case '\n':
                    m_buffer += "\\n";
                    break;
                case '\r':
                    m_buffer += "\\r";
                    break;
                case '\t':
                    m_buffer += "\\t";
                    break;
                default:
                    m_buffer += c;
                }
            }
        }
        m_buffer += '\n';
        return m_buffer.size() < SendAt ? Result<void>() : send();
    }

    Result<void> finish()
    {
        if (auto sent = send(); !sent) {
            return sent;
        }
        m_copying = false;
        if (m_api.putCopyEnd(m_conn, nullptr) != 1) {
            fail(takeError(nullptr));
            return *m_error;
        }
        pg_result* ended = m_api.result(m_conn);
        if (!ended || m_api.resultStatus(ended) != PqApi::CommandOk) {
            fail(takeError(ended));
            return *m_error;
        }
        m_api.clear(ended);
        m_api.readResults(m_conn);
        return {};
    }

private:
    static constexpr qsizetype SendAt = 1 << 16;

    Result<void> send()
    {
        if (m_error) {
            return *m_error;
        }
        if (!m_buffer.isEmpty()
            && m_api.putCopyData(m_conn, m_buffer.constData(), int(m_buffer.size())) != 1) {
            fail(takeError(nullptr));
            return *m_error;
        }
        m_buffer.clear();
        return {};
    }

    // PqApi::error(), the result then cleared.
    QSqlError takeError(pg_result* result)
    {
        const QSqlError error = m_api.error(m_conn, result);
        if (result) {
            m_api.clear(result);
        }
        return error;
    }

    // Ends the copy and reads what is left of its results, so that the connection takes statements
    // again, and only then classes the error: a lost connection is closed by Database, after which
    // nothing here touches it.
    void fail(const QSqlError& error)
    {
        if (std::exchange(m_copying, false)) {
            m_api.putCopyEnd(m_conn, "abandoned by the client");
        }
        m_api.readResults(m_conn);
        m_error = NativeRows::statementError(m_database, m_sql, m_failure, error);
    }

    const PqApi& m_api;
    pg_conn* m_conn; // Qt's driver's
    Database& m_database;
    QString m_sql;
    QString m_failure;
    QByteArray m_buffer; // rows not sent yet
    bool m_copying = false; // the server takes COPY data
    std::optional<Error> m_error;
};

namespace {

pg_conn* copyConnection(Database& database)
{
    return allowed && database.backend() == DatabaseLocation::Backend::PostgreSql ? pqConnection(database)
                                                                                  : nullptr;
}

} // namespace

bool NativeCopy::available(Database& database)
{
    return copyConnection(database) != nullptr;
}

Result<std::optional<NativeCopy>> NativeCopy::start(
    Database& database, const QString& sql, const QString& failure)
{
    pg_conn* conn = copyConnection(database);
    if (!conn) {
        return std::optional<NativeCopy>();
    }
    auto stream = std::make_unique<Stream>(*pqApi(), conn, database, sql, failure);
    if (auto error = stream->begin()) {
        return *error;
    }
    return std::optional<NativeCopy>(NativeCopy(std::move(stream)));
}

NativeCopy::NativeCopy(std::unique_ptr<Stream> stream)
    : m_stream(std::move(stream))
{ }

NativeCopy::NativeCopy(NativeCopy&& other) noexcept = default;

NativeCopy::~NativeCopy() = default;

Result<void> NativeCopy::add(std::initializer_list<QUtf8StringView> values)
{
    return m_stream->add(std::span(values.begin(), values.size()));
}

Result<void> NativeCopy::add(const QVariantList& values)
{
    QVarLengthArray<QByteArray, 16> texts;
    QVarLengthArray<QUtf8StringView, 16> views;
    texts.reserve(values.size()); // the views point into these: no reallocation
    for (const QVariant& value : values) {
        QByteArray text = value.isNull() ? QByteArray() : value.toString().toUtf8();
        if (text.isNull()) {
            views.append(QUtf8StringView());
        } else {
            texts.append(std::move(text));
            views.append(QUtf8StringView(texts.back()));
        }
    }
    return m_stream->add(std::span(views.cbegin(), views.size()));
}

Result<void> NativeCopy::finish()
{
    return m_stream->finish();
}

} // namespace rmsam
