#pragma once

#include "core/AttachedReport.h"
#include "core/Result.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <optional>

namespace rmsam {

class Database;

class UserReportRepository
{
public:
    explicit UserReportRepository(Database& database);

    // Replaces the profile's report in one transaction: a rejected file never gets here, and a
    // failure leaves the previous report attached.
    Result<void> attach(qint64 profileId, const QString& fileName, const QString& encoding,
        const QList<QPair<QString, bool>>& emailsActive);
    Result<std::optional<AttachedReport>> current(qint64 profileId);
    Result<void> detach(qint64 profileId);

private:
    Database& m_database;
};

} // namespace rmsam
