#include "storage/DatabaseCopy.h"

#include "storage/Database.h"

#include <QCoreApplication>
#include <QSet>

namespace rmsam {
namespace {

// schema_version is the target's own (it is migrated, not copied); a run lock belongs to a
// process on this computer and means nothing in a team database; client_identity is SQLite's
// stand-in for a connection's OS account and host (PostgreSQL keeps them per session), and
// change_log_pause SQLite's way to log a bulk insert in one statement (always empty when read).
const QStringList NotCopied = { QStringLiteral("schema_version"), QStringLiteral("run_lock"),
    QStringLiteral("client_identity"), QStringLiteral("change_log_pause") };

// How often the progress callback hears of a big table.
constexpr qint64 ProgressEvery = 5000;

QString tr(const char* text)
{
    return QCoreApplication::translate("rmsam::DatabaseCopy", text);
}

// Table and column names come from the schema, never from a user; quoted all the same.
QString quoted(const QString& name)
{
    return QLatin1Char('"') + QString(name).replace(QLatin1Char('"'), QLatin1String("\"\""))
        + QLatin1Char('"');
}

QString quotedList(const QStringList& names)
{
    QStringList quotedNames;
    for (const QString& name : names) {
        quotedNames.append(quoted(name));
    }
    return quotedNames.join(QLatin1String(", "));
}

} // namespace

DatabaseCopy::DatabaseCopy(Database& source, Database& target)
    : m_source(source)
    , m_target(target)
{ }

Result<DatabaseCopyReport> DatabaseCopy::run(const DatabaseCopyProgress& progress)
{
    if (m_source.backend() != DatabaseLocation::Backend::Sqlite
        || m_target.backend() != DatabaseLocation::Backend::PostgreSql) {
        return Error { ErrorCode::InvalidInput,
            tr("database copy moves a local database (the data folder) into a PostgreSQL database: give "
               "the data folder with --data-dir (or none for the default) and the PostgreSQL database "
               "with --to postgresql://USER@HOST:PORT/DBNAME."),
            {} };
    }
    if (m_source.schemaVersion() != m_target.schemaVersion()) {
        return Error { ErrorCode::InvalidState,
            tr("The databases %1 and %2 have different schema versions (%3 and %4). Use the same version "
               "of Roadmunk SAM for both.")
                .arg(m_source.filePath(), m_target.filePath(), QString::number(m_source.schemaVersion()),
                    QString::number(m_target.schemaVersion())),
            {} };
    }
    auto tables = sourceTables();
    if (!tables) {
        return tables.error();
    }
    if (auto matches = checkTargetSchema(tables.value()); !matches) {
        return matches.error();
    }
    DatabaseCopyReport report { m_source.filePath(), m_target.filePath(), {} };
    // The source is read in one read transaction: a consistent picture even if the app writes
    // meanwhile (SQLite's WAL keeps this reader's snapshot).
    QSqlDatabase sourceConnection = m_source.connection();
    sourceConnection.transaction();
    auto copied
        = inTransaction(m_target.connection(), [&]() { return copyAll(tables.value(), progress, report); });
    sourceConnection.rollback();
    if (!copied) {
        return copied.error();
    }
    return report;
}

Result<void> DatabaseCopy::copyAll(
    const QList<Table>& tables, const DatabaseCopyProgress& progress, DatabaseCopyReport& report)
{
    // Under the target's write lock: nobody fills it between the check and the copy.
    if (auto empty = checkTargetEmpty(); !empty) {
        return empty;
    }
    if (auto off = setTriggers(tables, false); !off) {
        return off;
    }
    for (const Table& table : tables) {
        auto rows = copyTable(table, progress);
        if (!rows) {
            return rows.error();
        }
        if (auto advanced = advanceSequences(table); !advanced) {
            return advanced;
        }
        report.tables.append({ table.name, rows.value() });
    }
    if (auto on = setTriggers(tables, true); !on) {
        return on;
    }
    for (const CopiedTable& copied : std::as_const(report.tables)) {
        auto inSource = count(m_source, copied.table);
        auto inTarget = count(m_target, copied.table);
        if (!inSource || !inTarget) {
            return inSource ? inTarget.error() : inSource.error();
        }
        if (inSource.value() != inTarget.value() || inTarget.value() != copied.rows) {
            return Error { ErrorCode::StorageError,
                tr("The copy of the table %1 does not match: %2 rows here, %3 in %4. Nothing was copied.")
                    .arg(copied.table)
                    .arg(inSource.value())
                    .arg(inTarget.value())
                    .arg(m_target.filePath()),
                {} };
        }
    }
    return {};
}

Result<QList<DatabaseCopy::Table>> DatabaseCopy::sourceTables()
{
    const QString failure = tr("Cannot read the tables of the local database.");
    auto names = m_source.list(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name "
                                              "NOT LIKE 'sqlite_%' ORDER BY name"),
        {}, failure, [](const QSqlQuery& q) { return q.value(0).toString(); });
    if (!names) {
        return names.error();
    }
    QList<Table> found;
    for (const QString& name : names.value()) {
        if (NotCopied.contains(name)) {
            continue;
        }
        Table table { name, {}, {}, QStringLiteral("rowid") };
        auto columns = m_source.list(QStringLiteral("SELECT name FROM pragma_table_info(?) ORDER BY cid"),
            { name }, failure, [](const QSqlQuery& q) { return q.value(0).toString(); });
        // A table WITHOUT ROWID has no rowid: its rows come in its primary key's order.
        auto key
            = m_source.list(QStringLiteral("SELECT name FROM pragma_table_info(?) WHERE pk > 0 AND (SELECT "
                                           "sql FROM sqlite_master WHERE type = 'table' AND name = ?) LIKE "
                                           "'%WITHOUT ROWID' ORDER BY pk"),
                { name, name }, failure, [](const QSqlQuery& q) { return q.value(0).toString(); });
        if (!key) {
            return key.error();
        }
        if (!key.value().isEmpty()) {
            table.order = quotedList(key.value());
        }
        auto parents
            = m_source.list(QStringLiteral("SELECT DISTINCT \"table\" FROM pragma_foreign_key_list(?)"),
                { name }, failure, [](const QSqlQuery& q) { return q.value(0).toString(); });
        if (!columns || !parents) {
            return columns ? parents.error() : columns.error();
        }
        table.columns = columns.value();
        table.parents = parents.value();
        table.parents.removeAll(name); // a row may point at another of its own table: none do yet
        found.append(table);
    }
    // Parents before children: each round takes the tables whose parents are all placed.
    QList<Table> ordered;
    QSet<QString> placed;
    while (!found.isEmpty()) {
        const qsizetype before = found.size();
        for (auto it = found.begin(); it != found.end();) {
            const bool ready = std::all_of(it->parents.cbegin(), it->parents.cend(),
                [&](const QString& parent) { return placed.contains(parent) || NotCopied.contains(parent); });
            if (ready) {
                placed.insert(it->name);
                ordered.append(*it);
                it = found.erase(it);
            } else {
                ++it;
            }
        }
        if (found.size() == before) {
            return Error { ErrorCode::StorageError, failure,
                QStringLiteral("foreign keys form a cycle or name a missing table: %1")
                    .arg(found.constFirst().name) };
        }
    }
    return ordered;
}

Result<void> DatabaseCopy::checkTargetSchema(const QList<Table>& tables)
{
    const QString failure = tr("Cannot read the tables of the PostgreSQL database.");
    for (const Table& table : tables) {
        auto columns
            = m_target.list(QStringLiteral("SELECT column_name FROM information_schema.columns WHERE "
                                           "table_schema = current_schema() AND table_name = ?"),
                { table.name }, failure, [](const QSqlQuery& q) { return q.value(0).toString(); });
        if (!columns) {
            return columns.error();
        }
        for (const QString& column : table.columns) {
            if (!columns.value().contains(column)) {
                return Error { ErrorCode::InvalidState,
                    tr("The PostgreSQL database %1 has no column %2 in the table %3, which the local "
                       "database has. Nothing was copied.")
                        .arg(m_target.filePath(), column, table.name),
                    {} };
            }
        }
    }
    return {};
}

Result<void> DatabaseCopy::checkTargetEmpty()
{
    const QString failure = tr("Cannot read the tables of the PostgreSQL database.");
    auto tables
        = m_target.list(QStringLiteral("SELECT table_name FROM information_schema.tables WHERE "
                                       "table_schema = current_schema() AND table_type = 'BASE TABLE' "
                                       "ORDER BY table_name"),
            {}, failure, [](const QSqlQuery& q) { return q.value(0).toString(); });
    if (!tables) {
        return tables.error();
    }
    for (const QString& table : tables.value()) {
        if (table == QLatin1String("schema_version")) {
            continue;
        }
        auto row = m_target.first(QStringLiteral("SELECT 1 FROM %1 LIMIT 1").arg(quoted(table)), {}, failure,
            [](const QSqlQuery& q) { return q.value(0).toInt(); });
        if (!row) {
            return row.error();
        }
        if (row.value()) {
            return Error { ErrorCode::Conflict,
                tr("The PostgreSQL database %1 is not empty (the table %2 has rows). database copy only "
                   "fills an empty database, so that nothing there is mixed or overwritten; nothing was "
                   "changed. Give a new database with --to.")
                    .arg(m_target.filePath(), table),
                {} };
        }
    }
    return {};
}

Result<void> DatabaseCopy::setTriggers(const QList<Table>& tables, bool enabled)
{
    const QString failure = tr("Cannot switch the triggers of the PostgreSQL database for the copy. Run "
                               "database copy as the user who owns the tables (who ran database init).");
    for (const Table& table : tables) {
        const QString sql
            = QStringLiteral("ALTER TABLE %1 %2 TRIGGER USER")
                  .arg(quoted(table.name), enabled ? QStringLiteral("ENABLE") : QStringLiteral("DISABLE"));
        if (auto done = m_target.exec(sql, {}, failure); !done) {
            return done;
        }
    }
    return {};
}

Result<qint64> DatabaseCopy::copyTable(const Table& table, const DatabaseCopyProgress& progress)
{
    const QString failure = tr("Cannot copy the table %1.").arg(table.name);
    auto total = count(m_source, table.name);
    if (!total) {
        return total.error();
    }
    QStringList markers;
    for (qsizetype i = 0; i < table.columns.size(); ++i) {
        markers.append(QStringLiteral("?"));
    }
    const QString columns = quotedList(table.columns);
    auto insert = m_target.prepare(QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                                       .arg(quoted(table.name), columns, markers.join(QLatin1String(", "))),
        failure);
    auto rows = m_source.run(
        QStringLiteral("SELECT %1 FROM %2 ORDER BY %3").arg(columns, quoted(table.name), table.order), {},
        failure);
    if (!insert || !rows) {
        return insert ? rows.error() : insert.error();
    }
    if (progress) {
        progress(table.name, 0, total.value());
    }
    QSqlQuery& q = rows.value();
    qint64 done = 0;
    while (q.next()) {
        QVariantList values;
        values.reserve(table.columns.size());
        for (qsizetype i = 0; i < table.columns.size(); ++i) {
            values.append(q.value(int(i)));
        }
        if (auto inserted = insert.value().run(SqlValues(values)); !inserted) {
            return inserted.error();
        }
        if (++done % ProgressEvery == 0 && progress) {
            progress(table.name, done, total.value());
        }
    }
    if (q.lastError().isValid()) {
        return Database::storageError(failure, q.lastError());
    }
    if (progress && done % ProgressEvery != 0) {
        progress(table.name, done, total.value());
    }
    return done;
}

Result<void> DatabaseCopy::advanceSequences(const Table& table)
{
    const QString failure = tr("Cannot copy the table %1.").arg(table.name);
    auto identities = m_target.list(
        QStringLiteral("SELECT column_name FROM information_schema.columns WHERE table_schema = "
                       "current_schema() AND table_name = ? AND (is_identity = 'YES' OR column_default LIKE "
                       "'nextval(%')"),
        { table.name }, failure, [](const QSqlQuery& q) { return q.value(0).toString(); });
    if (!identities) {
        return identities.error();
    }
    // The next id the target gives is past every copied one.
    for (const QString& column : identities.value()) {
        const QString sql = QStringLiteral("SELECT setval(pg_get_serial_sequence(?, ?), COALESCE((SELECT "
                                           "MAX(%1) FROM %2), 0) + 1, false)")
                                .arg(quoted(column), quoted(table.name));
        if (auto set = m_target.exec(sql, { quoted(table.name), column }, failure); !set) {
            return set;
        }
    }
    return {};
}

Result<qint64> DatabaseCopy::count(Database& database, const QString& table)
{
    return database.one(
        QStringLiteral("SELECT COUNT(*) FROM %1").arg(quoted(table)), {},
        tr("Cannot count the rows of the table %1.").arg(table),
        [](const QSqlQuery& q) { return q.value(0).toLongLong(); },
        Error { ErrorCode::StorageError, tr("Cannot count the rows of the table %1.").arg(table), {} });
}

} // namespace rmsam
