#include "services/ReportService.h"

namespace rmsam {

ReportService::ReportService(Database& database)
    : m_database(database)
{ }

Result<QHash<ReportKind, Report>> ReportService::reports(qint64 profileId)
{
    return Reports::build(m_database, profileId);
}

Result<QHash<ReportKind, Report>> ReportService::reports(qint64 profileId, const QList<ReportKind>& kinds)
{
    return Reports::build(m_database, profileId, kinds);
}

Result<DashboardFigures> ReportService::dashboard(qint64 profileId, const QDateTime& now)
{
    return Dashboard::figures(m_database, profileId, now);
}

} // namespace rmsam
