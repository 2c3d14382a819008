#include "ProfileTabs.h"

#include "CandidatesPanel.h"
#include "DashboardView.h"
#include "ProfileForm.h"
#include "RecordTable.h"
#include "services/ReportService.h"
#include "services/Services.h"
#include "services/TeamService.h"

#include <QScrollArea>
#include <QTableView>

namespace rmsam {

ProfileTabs::ProfileTabs(Services& services, QWidget* parent)
    : QTabWidget(parent)
    , m_services(services)
    , m_reportService(services.reportService())
    , m_form(new ProfileForm(services.profileService(), this))
{
    setObjectName(QStringLiteral("profileTabs"));
    m_form->setTeamRefusals(
        services.team().refusal(TeamAction::Profiles), services.team().refusal(TeamAction::AttachReport));
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(m_form);
    scroll->setWidgetResizable(true);
    addTab(scroll, tr("Prof&ile"));
    m_dashboard = new DashboardView(this);
    m_dashboard->setObjectName(QStringLiteral("dashboard"));
    auto* dashboardScroll = new QScrollArea(this);
    dashboardScroll->setWidget(m_dashboard);
    dashboardScroll->setWidgetResizable(true);
    addTab(dashboardScroll, tr("Dash&board"));

    for (ReportKind kind : Reports::all()) {
        addTable(kind);
    }

    connect(this, &QTabWidget::currentChanged, this, [this] {
        if (RecordTable* t = tableOn(currentWidget())) {
            emit countChanged(t->countText());
        }
    });
}

RecordTable* ProfileTabs::addTable(ReportKind kind)
{
    QList<RecordTableModel::Column> columns;
    const QStringList english = Reports::headers(kind);
    const QStringList translated = Reports::translatedHeaders(kind);
    for (qsizetype c = 0; c < english.size(); ++c) {
        columns.append({ translated.at(c), english.at(c) });
    }
    auto* table = new RecordTable(Reports::code(kind) + QStringLiteral("Table"), columns, this);
    table->setProperty("reportKind", int(kind));
    table->view()->setAccessibleName(Reports::title(kind));
    connect(table, &RecordTable::countChanged, this, [this, table](const QString& text) {
        if (tableOn(currentWidget()) == table) {
            emit countChanged(text);
        }
    });
    m_tables.append(table);
    if (kind == ReportKind::Candidates) {
        m_candidates = new CandidatesPanel(m_services, table, this);
        connect(m_candidates, &CandidatesPanel::changed, this, &ProfileTabs::reloadTables);
        addTab(m_candidates, Reports::title(kind));
    } else {
        addTab(table, Reports::title(kind));
    }
    return table;
}

RecordTable* ProfileTabs::tableOn(QWidget* page)
{
    if (auto* table = qobject_cast<RecordTable*>(page)) {
        return table;
    }
    return page ? page->findChild<RecordTable*>(QString(), Qt::FindDirectChildrenOnly) : nullptr;
}

RecordTable* ProfileTabs::table(const QString& objectName) const
{
    for (RecordTable* t : m_tables) {
        if (t->objectName() == objectName) {
            return t;
        }
    }
    return nullptr;
}

void ProfileTabs::showProfile(qint64 id)
{
    m_profileId = id;
    m_form->showProfile(id);
    m_candidates->setProfile(id);
    reloadTables();
}

void ProfileTabs::reloadTables()
{
    auto reports = m_reportService.reports(m_profileId);
    if (!reports) {
        emit countChanged(reports.error().message);
        return;
    }
    m_reports = reports.value();
    for (RecordTable* t : std::as_const(m_tables)) {
        t->setRows(m_reports.value(ReportKind(t->property("reportKind").toInt())).rows);
    }
    auto figures = m_reportService.dashboard(m_profileId);
    if (!figures) {
        emit countChanged(figures.error().message);
        return;
    }
    m_dashboard->setFigures(figures.value());
}

std::optional<Report> ProfileTabs::currentReport() const
{
    RecordTable* t = tableOn(currentWidget());
    if (!t) {
        return std::nullopt;
    }
    return m_reports.value(ReportKind(t->property("reportKind").toInt()));
}

} // namespace rmsam
