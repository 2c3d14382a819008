#pragma once

#include "core/Result.h"

#include <QList>
#include <QUtf8StringView>
#include <QVariantList>
#include <memory>
#include <optional>

class QSqlError;

namespace rmsam {

class Database;

// The rows of one query read straight through the client library Qt's driver runs on (SQLite's,
// or PostgreSQL's libpq), each value as the UTF-8 text that library holds: for reading a whole
// table (an export) without the QString in a QVariant that Qt SQL makes of every value, which
// costs more than the reading itself (issue 15). Possible only where that library is a shared
// one this process already has loaded (Qt built on the system's SQLite and libpq, as Debian's
// is): a statement is never run by a second copy of a library on a connection the first one
// opened. Elsewhere run() gives nothing and the caller reads through QSqlQuery.
class NativeRows
{
public:
    // Runs sql on this thread's connection with `values` bound to its "?"s in order: the rows,
    // or nothing when they cannot be read this way, or the error when the statement fails (on
    // PostgreSQL the server's error may come with the first next() instead).
    static Result<std::optional<NativeRows>> run(
        Database& database, const QString& sql, const QList<qint64>& values, const QString& failure);
    // Whether run() may read this way: true, unless a test turns it off to check the QSqlQuery
    // path other platforms take.
    static void setAllowed(bool allowed);

    NativeRows(NativeRows&& other) noexcept;
    NativeRows& operator=(NativeRows&&) = delete;
    NativeRows(const NativeRows&) = delete;
    NativeRows& operator=(const NativeRows&) = delete;
    ~NativeRows();

    // The next row; false at the end and when a row cannot be read (error() says which).
    bool next();
    // A value of the current row, valid until next(): a null view for NULL.
    QUtf8StringView text(int column) const;
    qint64 integer(int column) const;
    // Why next() stopped early, with the database's words; nothing at the end of the rows.
    const std::optional<Error>& error() const;

    class Source; // a statement of one backend (NativeRows.cpp)

private:
    friend class NativeCopy;
    explicit NativeRows(std::unique_ptr<Source> source);
    // Database::statementError(), which the friend Database names NativeRows for (not its Source).
    static Error statementError(
        Database& database, const QString& sql, const QString& failure, const QSqlError& sqlError);

    std::unique_ptr<Source> m_source;
};

// Rows written with PostgreSQL's COPY … FROM STDIN through the libpq Qt's driver runs on, as
// NativeRows reads: Qt SQL cannot reach COPY, and sending many rows as text in INSERT statements
// costs the server several times what COPY does (issue 15). Only where NativeRows::run() could
// read; elsewhere start() gives nothing and the caller inserts through Qt SQL.
class NativeCopy
{
public:
    // Starts `sql` (COPY table (columns) FROM STDIN) on this thread's connection: the copy, or
    // nothing when it cannot be done this way, or the error when the statement fails.
    static Result<std::optional<NativeCopy>> start(
        Database& database, const QString& sql, const QString& failure);
    // Whether start() can copy on this thread's connection (so a caller can choose before it
    // prepares a table to copy into).
    static bool available(Database& database);

    NativeCopy(NativeCopy&& other) noexcept;
    NativeCopy& operator=(NativeCopy&&) = delete;
    NativeCopy(const NativeCopy&) = delete;
    NativeCopy& operator=(const NativeCopy&) = delete;
    // A copy not finished is ended as failed: the server stores none of its rows.
    ~NativeCopy();

    // A row, its values in the columns' order as text (a null view for NULL), sent with others.
    Result<void> add(std::initializer_list<QUtf8StringView> values);
    // A row as BatchInsert takes one: NULL for a null QVariant or a null QString (as Qt SQL binds
    // them), any other value as its toString().
    Result<void> add(const QVariantList& values);
    // Sends what is buffered and ends the copy: the server's error, if any, comes here.
    Result<void> finish();

    class Stream; // the copy of one connection (NativeRows.cpp)

private:
    explicit NativeCopy(std::unique_ptr<Stream> stream);

    std::unique_ptr<Stream> m_stream;
};

} // namespace rmsam
