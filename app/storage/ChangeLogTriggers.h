#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// How a logged table becomes the triggers that write change_log, on SQLite and PostgreSQL: the
// machinery under ChangeLogSchema's steps (which say what is logged).
namespace rmsam::ChangeLogTriggers {

// What a trigger writes for one operation on one table. The SQL reads both backends: in `summary`
// and `when`, OLD and NEW are the row, "{ne}" is "differs, NULL included" in the backend's words.
struct Logged
{
    QString operation; // "insert", "update", "delete"
    QString summary;
    QString when = {}; // update only: the change is logged when this holds
};

struct LoggedTable
{
    QString table;
    QString profile; // the profile id, with "{row}" for NEW or OLD; "NULL" for none
    QString key; // what names the row, the same way
    QList<Logged> operations;
};

// "threshold 90 → 60; " when the column changed, else nothing.
QString changed(const QString& column, const QString& label);
// The changed columns, or `unchanged` when none of them did.
QString changes(const QStringList& parts, const QString& unchanged);

// The change_log columns a trigger fills, and the PostgreSQL expressions of their values.
QString columns();
QString postgreSqlValues(const LoggedTable& t, const Logged& l);

QString triggerName(const LoggedTable& t, const Logged& l);
// SQLite: the row trigger of one operation.
QString sqliteTrigger(const LoggedTable& t, const Logged& l);
// SQLite: the change_log rows `l` logs for the rows of the table that `where` selects (the table
// read as NEW, the row triggers' name for the row), written by one statement.
QString sqliteLoggedRows(const LoggedTable& t, const Logged& l, const QString& where);
// PostgreSQL: the SET search_path each change-log function gets: this schema's change_log, never
// a temporary table of a member's with the same name (pg_temp last, not first by default).
QString pinSearchPath(const QStringList& functions);
QString postgreSqlFunctionName(const LoggedTable& t);
// PostgreSQL: the table's row-level trigger function, one branch per operation. SECURITY DEFINER:
// the trigger writes change_log with its owner's right, so a member needs no right on the table
// but SELECT. A trigger function cannot be called directly.
QString postgreSqlFunction(const LoggedTable& t, const QString& create);

} // namespace rmsam::ChangeLogTriggers
