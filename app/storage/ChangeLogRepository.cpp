#include "storage/ChangeLogRepository.h"

#include "storage/Database.h"

#include <QCoreApplication>

namespace rmsam {

ChangeLogRepository::ChangeLogRepository(Database& database)
    : m_database(database)
{ }

Result<QList<ChangeLogEntry>> ChangeLogRepository::entries(qint64 profileId, int limit, Order order)
{
    return m_database.list(
        QStringLiteral(
            "SELECT c.id, c.at, c.db_role, c.os_user, c.host, c.table_name, c.operation, c.profile_id, "
            "p.display_name, c.row_key, c.summary FROM change_log c "
            "LEFT JOIN integration_profile p ON p.id = c.profile_id "
            "WHERE ? = 0 OR c.profile_id = ? OR c.profile_id IS NULL ORDER BY c.id %1%2")
            .arg(order == Order::Newest ? QStringLiteral("DESC") : QStringLiteral("ASC"),
                limit > 0 ? QStringLiteral(" LIMIT %1").arg(limit) : QString()),
        { profileId, profileId },
        QCoreApplication::translate("rmsam::ChangeLogRepository", "Cannot read the change log."),
        [](const QSqlQuery& q) {
            ChangeLogEntry e;
            e.id = q.value(0).toLongLong();
            e.at = SqlColumns::timeFrom(q.value(1));
            e.dbRole = q.value(2).toString();
            e.osUser = q.value(3).toString();
            e.host = q.value(4).toString();
            e.table = q.value(5).toString();
            e.operation = q.value(6).toString();
            e.profileId = q.value(7).toLongLong();
            e.profileName = q.value(8).toString();
            e.rowKey = q.value(9).toString();
            e.summary = q.value(10).toString();
            return e;
        });
}

} // namespace rmsam
