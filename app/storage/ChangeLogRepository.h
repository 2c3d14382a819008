#pragma once

#include "core/ChangeLog.h"
#include "core/Result.h"

#include <QList>

namespace rmsam {

class Database;

// Reads the change log (change_log). Nothing here writes it: the database's triggers do.
class ChangeLogRepository
{
public:
    explicit ChangeLogRepository(Database& database);

    enum class Order
    {
        Oldest,
        Newest,
    };
    // The entries of one profile and those of no profile (exclusion rules apply to all), or with
    // profileId 0 every entry; at most `limit` (0: all), from the oldest or the newest.
    Result<QList<ChangeLogEntry>> entries(qint64 profileId, int limit, Order order);

private:
    Database& m_database;
};

} // namespace rmsam
