#pragma once

#include "core/Result.h"
#include "storage/Database.h"

#include <QStringList>
#include <QVariantList>
#include <functional>
#include <optional>

namespace rmsam {

// Inserts many rows into one table, several rows per statement: INSERT … VALUES (…), (…), ….
// One statement per row costs a round trip each on PostgreSQL (and a driver call each on
// SQLite), which is most of the time of storing a 100k-user snapshot. Rows are buffered and sent
// RowsPerStatement at a time through one statement prepared once; the last, shorter batch gets
// its own. It runs inside the caller's transaction and commits nothing: a failure leaves the
// transaction to be rolled back whole.
class BatchInsert
{
public:
    // 16 columns × 250 rows = 4,000 values: well under PostgreSQL's 65,535 parameters and
    // SQLite's 32,766 variables per statement.
    static constexpr int RowsPerStatement = 250;

    // failure: what could not be done, in the caller's words (Database::run).
    BatchInsert(Database& database, const QString& table, const QStringList& columns, QString failure);
    Q_DISABLE_COPY_MOVE(BatchInsert)

    // Each inserted row's `columns` (an SQL RETURNING list, e.g. "id, user_id"), handed to eachRow
    // as its batch is sent. The rows of one batch come in no promised order: return a key with the id.
    void setReturning(const QString& columns, std::function<void(const QSqlQuery&)> eachRow);

    // What one row's parentheses hold when not a "?" per column: SQL literals for the columns
    // every row shares ("(7, ?, 1)"), so only the "?" are bound; rows then have that many values.
    // Binding is most of the cost of a narrow row: a million rows bind a third as many values.
    void setRowValues(const QString& values);
    // An ON CONFLICT clause after the values ("ON CONFLICT (key) DO NOTHING"): both backends read it.
    void setOnConflict(const QString& clause) { m_onConflict = QLatin1Char(' ') + clause; }

    // Adds a row, its values in the columns' order; sends a full batch.
    Result<void> add(const QVariantList& row);
    // Sends the rows still buffered: after the last add(), or before a statement that must see them.
    Result<void> finish();
    int pendingRows() const { return m_rows; }

private:
    QString statementFor(int rows) const;
    Result<void> send(std::optional<PreparedStatement>& statement, int rows);

    Database& m_database;
    QString m_head; // INSERT INTO table (columns) VALUES
    QString m_rowPlaceholders; // (?, ?, …)
    int m_columns = 0;
    QString m_failure;
    QString m_onConflict; // " ON CONFLICT …" or empty
    QString m_returning; // " RETURNING …" or empty
    std::function<void(const QSqlQuery&)> m_eachReturned;
    QVariantList m_values;
    int m_rows = 0;
    std::optional<PreparedStatement> m_full;
};

} // namespace rmsam
