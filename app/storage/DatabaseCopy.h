#pragma once

#include "core/DatabaseCopyReport.h"
#include "core/Result.h"

#include <QStringList>

namespace rmsam {

class Database;

// Moves a single-admin SQLite database into a PostgreSQL team database (`database copy --to`).
//
// Generic over the tables the SQLite schema has, so a table a later migration adds is copied
// without a change here: every table but schema_version and run_lock (a run lock belongs to a
// process on this computer), columns by name, parents before children (by the foreign keys).
// Both databases are opened, and so migrated, to the same schema version before the copy.
//
// The copy is one write transaction on the target: all or nothing. A target that holds any row
// in any of its tables is refused with nothing changed. The target's user triggers (the audit
// ones) are off during the copy, so copied history is not audited a second time as new changes,
// and back on in the same transaction; identity sequences are set past the copied ids; the row
// counts of both sides are compared before the commit.
class DatabaseCopy
{
public:
    DatabaseCopy(Database& source, Database& target);
    Q_DISABLE_COPY_MOVE(DatabaseCopy)

    Result<DatabaseCopyReport> run(const DatabaseCopyProgress& progress);

private:
    struct Table
    {
        QString name;
        QStringList columns;
        QStringList parents;
        QString order; // what the rows are read in: the rowid, or a WITHOUT ROWID table's key
    };

    Result<QList<Table>> sourceTables();
    Result<void> checkTargetSchema(const QList<Table>& tables);
    Result<void> checkTargetEmpty();
    Result<void> setTriggers(const QList<Table>& tables, bool enabled);
    Result<qint64> copyTable(const Table& table, const DatabaseCopyProgress& progress);
    Result<void> advanceSequences(const Table& table);
    Result<qint64> count(Database& database, const QString& table);
    Result<void> copyAll(
        const QList<Table>& tables, const DatabaseCopyProgress& progress, DatabaseCopyReport& report);

    Database& m_source;
    Database& m_target;
};

} // namespace rmsam
