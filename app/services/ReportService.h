#pragma once

#include "core/Result.h"
#include "services/Dashboard.h"
#include "services/Reports.h"

#include <QDateTime>

namespace rmsam {

class Database;

// The tables and the dashboard of a profile, read from the database this service holds (the
// work is in Reports and Dashboard).
class ReportService
{
public:
    explicit ReportService(Database& database);
    Q_DISABLE_COPY_MOVE(ReportService)

    // Every table of the profile, or only the kinds given (an export needs one).
    Result<QHash<ReportKind, Report>> reports(qint64 profileId);
    Result<QHash<ReportKind, Report>> reports(qint64 profileId, const QList<ReportKind>& kinds);
    Result<DashboardFigures> dashboard(qint64 profileId, const QDateTime& now = QDateTime::currentDateTime());

private:
    Database& m_database;
};

} // namespace rmsam
