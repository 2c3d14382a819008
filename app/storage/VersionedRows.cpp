#include "storage/VersionedRows.h"

#include "storage/Database.h"

#include <QCoreApplication>
#include <QLocale>

namespace rmsam {

using SqlColumns::timeFrom;

Error staleEdit(Database& database, const EditedRow& row)
{
    const QString failure
        = QCoreApplication::translate("rmsam::ReclamationRepository", "Cannot read who changed it.");
    const auto byAt
        = [](const QSqlQuery& q) { return std::pair(q.value(0).toString(), timeFrom(q.value(1))); };
    auto stamped = database.first(
        QStringLiteral("SELECT changed_by, changed_at FROM %1 WHERE %2").arg(row.table, row.where),
        SqlValues(row.keys), failure, byAt);
    if (stamped && !stamped.value()) {
        stamped = database.first(
            QStringLiteral("SELECT db_role, at FROM change_log WHERE table_name = ? AND profile_id = ? AND "
                           "row_key = ? AND operation = 'delete' ORDER BY id DESC"),
            { row.table, row.profileId, row.logKey }, failure, byAt);
    }
    const auto who = stamped && stamped.value() ? *stamped.value() : std::pair(QString(), QDateTime());
    return Error { ErrorCode::Conflict,
        QCoreApplication::translate(
            "rmsam::ReclamationRepository", "Changed by %1 at %2 since you opened it. Reload and try again.")
            .arg(who.first.isEmpty() ? QStringLiteral("?") : who.first,
                who.second.isValid() ? QLocale().toString(who.second.toLocalTime(), QLocale::ShortFormat)
                                     : QStringLiteral("?")),
        QStringLiteral("stale edit of %1 %2").arg(row.table, row.logKey) };
}

Result<void> writeVersioned(Database& database, const EditedRow& row, qint64 readVersion,
    const QStringList& columns, const QVariantList& values, const QString& failure)
{
    const QString by = Database::operatingSystemAccount(); // PostgreSQL stamps session_user instead
    const QString at = SqlColumns::now();
    Result<QSqlQuery> written = Error {};
    if (readVersion > 0) {
        QStringList sets;
        for (const QString& column : columns) {
            sets << column + QStringLiteral(" = ?");
        }
        written = database.run(
            QStringLiteral("UPDATE %1 SET %2, row_version = row_version + 1, changed_by = ?, "
                           "changed_at = ? WHERE %3 AND row_version = ?")
                .arg(row.table, sets.join(QLatin1String(", ")), row.where),
            SqlValues(values + QVariantList { by, at } + row.keys + QVariantList { readVersion }), failure);
    } else {
        // The keys are the row's identity columns, named in `where` ("a = ? AND b = ?").
        QStringList keyColumns = row.where.split(QStringLiteral(" AND "));
        for (QString& k : keyColumns) {
            k = k.section(QLatin1Char(' '), 0, 0);
        }
        const QStringList all = keyColumns + columns
            + QStringList { QStringLiteral("changed_by"), QStringLiteral("changed_at") };
        written = database.run(QStringLiteral("INSERT INTO %1 (%2) VALUES (%3) ON CONFLICT (%4) DO NOTHING")
                                   .arg(row.table, all.join(QLatin1String(", ")),
                                       QStringList(all.size(), QStringLiteral("?")).join(QLatin1String(", ")),
                                       keyColumns.join(QLatin1String(", "))),
            SqlValues(row.keys + values + QVariantList { by, at }), failure);
    }
    if (!written) {
        return written.error();
    }
    if (written.value().numRowsAffected() != 1) {
        return staleEdit(database, row);
    }
    return {};
}

} // namespace rmsam
