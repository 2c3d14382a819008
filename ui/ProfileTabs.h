#pragma once

#include "services/Reports.h"

#include <QTabWidget>

namespace rmsam {

class CandidatesPanel;
class DashboardView;
class ProfileForm;
class RecordTable;
class ReportService;
class Services;

// A profile and its related lists: the form, the dashboard, then Subscriptions, Activity, Unrecognized
// subscription identifiers, Scheduled jobs, Job results, Software models, Removal candidates
// (with their actions), License position and the Audit log.
class ProfileTabs : public QTabWidget
{
    Q_OBJECT

public:
    ProfileTabs(Services& services, QWidget* parent = nullptr);

    ProfileForm* form() const { return m_form; }
    CandidatesPanel* candidates() const { return m_candidates; }
    DashboardView* dashboard() const { return m_dashboard; }
    RecordTable* table(const QString& objectName) const;
    QList<RecordTable*> tables() const { return m_tables; }

    void showProfile(qint64 id);
    void reloadTables();
    // The table on the current tab, as last loaded; none on the Profile tab.
    std::optional<Report> currentReport() const;

signals:
    void countChanged(const QString& text);

private:
    RecordTable* addTable(ReportKind kind);
    // The table a tab shows, directly or inside a panel.
    static RecordTable* tableOn(QWidget* page);

    Services& m_services;
    ReportService& m_reportService;
    ProfileForm* m_form;
    CandidatesPanel* m_candidates = nullptr;
    DashboardView* m_dashboard = nullptr;
    QList<RecordTable*> m_tables;
    QHash<ReportKind, Report> m_reports;
    qint64 m_profileId = 0;
};

} // namespace rmsam
