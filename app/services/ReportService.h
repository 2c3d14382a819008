#pragma once

#include "core/ChangeLog.h"
#include "core/Result.h"
#include "services/Dashboard.h"
#include "services/Reports.h"

#include <QDateTime>

namespace rmsam {

class Database;
struct ProfileSnapshot;

// Every table and the dashboard of a profile, as one screen shows them.
struct ProfileReports
{
    QHash<ReportKind, Report> reports;
    DashboardFigures dashboard;
};

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
    // One table as CSV, read and written in one go (Reports::exportCsv).
    Result<Reports::CsvExport> exportCsv(
        qint64 profileId, ReportKind kind, QIODevice* device, bool translatedHeaders);
    Result<DashboardFigures> dashboard(qint64 profileId, const QDateTime& now = QDateTime::currentDateTime());
    // Both, reading the snapshot once: what a window opening the profile needs. Safe to call from
    // a worker thread (the database gives each thread its own connection).
    Result<ProfileReports> reportsAndDashboard(
        qint64 profileId, const QDateTime& now = QDateTime::currentDateTime());
    // The same in steps, for a screen that shows one table first: the tables given, from the
    // snapshot read so far (completed with what they need), then the dashboard.
    Result<QHash<ReportKind, Report>> reports(
        qint64 profileId, const QList<ReportKind>& kinds, ProfileSnapshot& snapshot);
    Result<DashboardFigures> dashboard(qint64 profileId, const QDateTime& now, ProfileSnapshot& snapshot);
    // The first rows of a table, what a screen shows while the whole table is read: of a table
    // worked out from the seat holders alone (Subscriptions, Activity, …), from the first `limit`
    // subscriptions by e-mail address; of Removal candidates, its first `limit` rows. Nothing for
    // the other tables.
    Result<std::optional<Report>> preview(qint64 profileId, ReportKind kind, int limit);
    // A worker thread that read through this service closes its connection before it ends.
    void releaseThreadConnection();

    // The change log of a profile (with the changes that apply to every profile), or of all with
    // profileId 0: the newest first, at most `limit` (0: all).
    Result<QList<ChangeLogEntry>> changes(qint64 profileId, int limit);

private:
    Database& m_database;
};

} // namespace rmsam
