#include "services/ReportService.h"

#include "services/ProfileSnapshot.h"
#include "storage/ChangeLogRepository.h"
#include "storage/Database.h"

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

Result<Reports::CsvExport> ReportService::exportCsv(
    qint64 profileId, ReportKind kind, QIODevice* device, bool translatedHeaders)
{
    return Reports::exportCsv(m_database, profileId, kind, device, translatedHeaders);
}

Result<DashboardFigures> ReportService::dashboard(qint64 profileId, const QDateTime& now)
{
    return Dashboard::figures(m_database, profileId, now);
}

Result<ProfileReports> ReportService::reportsAndDashboard(qint64 profileId, const QDateTime& now)
{
    auto snapshot = ProfileSnapshots::read(m_database, profileId);
    if (!snapshot) {
        return snapshot.error();
    }
    auto reports = Reports::build(m_database, profileId, Reports::all(), snapshot.value());
    if (!reports) {
        return reports.error();
    }
    auto figures = Dashboard::figures(m_database, profileId, now, snapshot.value());
    if (!figures) {
        return figures.error();
    }
    return ProfileReports { std::move(reports.value()), std::move(figures.value()) };
}

Result<QHash<ReportKind, Report>> ReportService::reports(
    qint64 profileId, const QList<ReportKind>& kinds, ProfileSnapshot& snapshot)
{
    bool holders = false;
    bool reclamation = false;
    for (ReportKind kind : kinds) {
        const auto [h, r] = ProfileSnapshots::partsFor(kind);
        holders = holders || h;
        reclamation = reclamation || r;
    }
    if (auto read = ProfileSnapshots::complete(m_database, profileId, snapshot, holders, reclamation);
        !read) {
        return read.error();
    }
    return Reports::build(m_database, profileId, kinds, snapshot);
}

Result<std::optional<Report>> ReportService::preview(qint64 profileId, ReportKind kind, int limit)
{
    ProfileSnapshot first;
    const auto parts = ProfileSnapshots::partsFor(kind);
    if (parts == std::pair(false, true)) { // Removal candidates
        auto read = ProfileSnapshots::firstCandidates(m_database, profileId, limit);
        if (!read) {
            return read.error();
        }
        first = std::move(read.value());
    } else if (parts == std::pair(true, false)) {
        auto holders = Reclamation::seatHolders(m_database, profileId, limit);
        if (!holders) {
            return holders.error();
        }
        first.holders = std::move(holders.value());
        first.hasHolders = true;
    } else {
        return std::optional<Report>();
    }
    auto built = Reports::build(m_database, profileId, { kind }, first);
    if (!built) {
        return built.error();
    }
    return std::optional<Report>(built.value().value(kind));
}

Result<DashboardFigures> ReportService::dashboard(
    qint64 profileId, const QDateTime& now, ProfileSnapshot& snapshot)
{
    if (auto read = ProfileSnapshots::complete(m_database, profileId, snapshot, true, true); !read) {
        return read.error();
    }
    return Dashboard::figures(m_database, profileId, now, snapshot);
}

void ReportService::releaseThreadConnection()
{
    m_database.releaseThreadConnection();
}

Result<QList<ChangeLogEntry>> ReportService::changes(qint64 profileId, int limit)
{
    return ChangeLogRepository(m_database).entries(profileId, limit, ChangeLogRepository::Order::Newest);
}

} // namespace rmsam
