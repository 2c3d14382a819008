#include "storage/BatchInsert.h"

namespace rmsam {

BatchInsert::BatchInsert(
    Database& database, const QString& table, const QStringList& columns, QString failure)
    : m_database(database)
    , m_head(QStringLiteral("INSERT INTO %1 (%2) VALUES ").arg(table, columns.join(QStringLiteral(", "))))
    , m_columns(int(columns.size()))
    , m_failure(std::move(failure))
{
    QStringList marks;
    marks.fill(QStringLiteral("?"), m_columns);
    m_rowPlaceholders = QLatin1Char('(') + marks.join(QStringLiteral(", ")) + QLatin1Char(')');
    m_values.reserve(RowsPerStatement * m_columns);
}

void BatchInsert::setRowValues(const QString& values)
{
    Q_ASSERT(m_rows == 0);
    m_rowPlaceholders = QLatin1Char('(') + values + QLatin1Char(')');
    m_columns = int(values.count(QLatin1Char('?')));
}

void BatchInsert::setReturning(const QString& columns, std::function<void(const QSqlQuery&)> eachRow)
{
    m_returning = QStringLiteral(" RETURNING ") + columns;
    m_eachReturned = std::move(eachRow);
}

QString BatchInsert::statementFor(int rows) const
{
    QStringList all;
    all.fill(m_rowPlaceholders, rows);
    return m_head + all.join(QStringLiteral(", ")) + m_onConflict + m_returning;
}

Result<void> BatchInsert::add(const QVariantList& row)
{
    Q_ASSERT(row.size() == m_columns);
    m_values.append(row);
    if (++m_rows < RowsPerStatement) {
        return {};
    }
    return send(m_full, m_rows);
}

Result<void> BatchInsert::finish()
{
    if (m_rows == 0) {
        return {};
    }
    std::optional<PreparedStatement> rest;
    return send(rest, m_rows);
}

Result<void> BatchInsert::send(std::optional<PreparedStatement>& statement, int rows)
{
    if (!statement) {
        auto prepared = m_database.prepare(statementFor(rows), m_failure);
        if (!prepared) {
            return prepared.error();
        }
        statement.emplace(std::move(prepared).value());
    }
    auto sent = statement->run(SqlValues(std::move(m_values)));
    m_values = QVariantList();
    m_values.reserve(RowsPerStatement * m_columns);
    m_rows = 0;
    if (!sent || !m_eachReturned) {
        return sent;
    }
    QSqlQuery& returned = statement->query();
    while (returned.next()) {
        m_eachReturned(std::as_const(returned));
    }
    if (returned.lastError().isValid()) {
        return Database::storageError(m_failure, returned.lastError());
    }
    return {};
}

} // namespace rmsam
