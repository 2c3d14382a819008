#pragma once

#include "services/Dashboard.h"
#include "services/Reports.h"

#include <QTabWidget>
#include <atomic>
#include <optional>

class QThread;

namespace rmsam {

class CandidatesPanel;
class DashboardView;
class ExclusionsPanel;
class ProfileForm;
class RecordTable;
class ReportService;
class Services;

// A profile and its related lists: the form, the dashboard, then Subscriptions, Activity, Unrecognized
// subscription identifiers, Exclusion rules (with adding and removing them), Scheduled jobs, Job results,
// Software models, Removal candidates (with their actions), License position and the Audit log.
class ProfileTabs : public QTabWidget
{
    Q_OBJECT

public:
    ProfileTabs(Services& services, QWidget* parent = nullptr);

    ProfileForm* form() const { return m_form; }
    CandidatesPanel* candidates() const { return m_candidates; }
    ExclusionsPanel* exclusions() const { return m_exclusions; }
    DashboardView* dashboard() const { return m_dashboard; }
    RecordTable* table(const QString& objectName) const;
    RecordTable* currentTable() const { return tableOn(currentWidget()); } // none on Profile, Dashboard
    QList<RecordTable*> tables() const { return m_tables; }

    ~ProfileTabs() override;

    // Shows the profile and reads its tables before returning.
    void showProfile(qint64 id);
    void reloadTables();
    // The same without blocking the window: the tables are read in a worker thread, the table on
    // the current tab first (a snapshot table shows its first screenful of rows at once, then
    // all of them), and each shows its rows as they arrive (the old profile's rows are cleared
    // at once). A later call supersedes a load still running.
    void openProfile(qint64 id);
    void refreshTables();
    bool isLoading() const { return m_loading; }
    // The table on the current tab, as last loaded; none on the Profile tab.
    std::optional<Report> currentReport() const;
    // The kind of table on the current tab, loaded yet or not; none on the Profile tab.
    std::optional<ReportKind> currentKind() const;

signals:
    void countChanged(const QString& text); // the current tab's rows; empty: it has no table
    void loaded(); // a load started by openProfile() or refreshTables() has shown every table

private:
    RecordTable* addTable(ReportKind kind);
    void loadInBackground();
    void showReports(const QHash<ReportKind, Report>& reports);
    // What a background load read, in the window's thread; a superseded load's is dropped.
    void showLoaded(quint64 ticket, const Result<QHash<ReportKind, Report>>& reports,
        const std::optional<Result<DashboardFigures>>& dashboard);
    void showFirstRows(quint64 ticket, ReportKind kind, const Result<std::optional<Report>>& first);
    // The table a tab shows, directly or inside a panel.
    static RecordTable* tableOn(QWidget* page);

    Services& m_services;
    ReportService& m_reportService;
    ProfileForm* m_form;
    CandidatesPanel* m_candidates = nullptr;
    ExclusionsPanel* m_exclusions = nullptr;
    DashboardView* m_dashboard = nullptr;
    QList<RecordTable*> m_tables;
    QHash<ReportKind, Report> m_reports;
    qint64 m_profileId = 0;
    std::atomic<quint64> m_ticket = 0; // the latest background load; workers read it too
    bool m_loading = false;
    QList<QThread*> m_workers;
};

} // namespace rmsam
