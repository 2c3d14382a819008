#include "ProfileTabs.h"

#include "CandidatesPanel.h"
#include "DashboardView.h"
#include "ExclusionsPanel.h"
#include "ProfileForm.h"
#include "RecordTable.h"
#include "services/ProfileSnapshot.h"
#include "services/ReportService.h"
#include "services/Services.h"
#include "services/TeamService.h"

#include <QMenu>
#include <QScrollArea>
#include <QTableView>
#include <QThread>

namespace rmsam {
namespace {

// Rows a large table (a snapshot table, the removal candidates) shows while the whole is read:
// more than a screen holds.
constexpr int FirstRows = 200;

} // namespace

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
    // The Profile tab's title marks unsaved edits, seen from every other tab.
    connect(m_form, &ProfileForm::unsavedEditsChanged, this, [this, scroll](bool unsaved) {
        setTabText(indexOf(scroll), unsaved ? tr("Prof&ile *") : tr("Prof&ile"));
    });
    m_dashboard = new DashboardView(this);
    m_dashboard->setObjectName(QStringLiteral("dashboard"));
    auto* dashboardScroll = new QScrollArea(this);
    dashboardScroll->setWidget(m_dashboard);
    dashboardScroll->setWidgetResizable(true);
    addTab(dashboardScroll, tr("Dash&board"));

    for (ReportKind kind : Reports::all()) {
        addTable(kind);
    }

    // Empty on a tab without a table.
    connect(this, &QTabWidget::currentChanged, this, [this] {
        const RecordTable* t = tableOn(currentWidget());
        emit countChanged(t ? t->countText() : QString());
    });
}

RecordTable* ProfileTabs::addTable(ReportKind kind)
{
    QList<RecordTableModel::Column> columns;
    const QStringList english = Reports::headers(kind);
    const QStringList translated = Reports::translatedHeaders(kind);
    for (qsizetype c = 0; c < english.size(); ++c) {
        columns.append(
            { translated.at(c), english.at(c), Reports::displayOfStoredText(kind, english.at(c)) });
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
    if (kind != ReportKind::Exclusions && kind != ReportKind::Audit
        && Reports::headers(kind).contains(QStringLiteral("Email"))) {
        connect(table, &RecordTable::rowMenuRequested, this, [this, table](QMenu* menu, int row) {
            const QString email = table->rawValue(row, QStringLiteral("Email")).toString();
            if (row < 0 || email.isEmpty()) {
                return;
            }
            menu->addSeparator();
            QAction* exclude = menu->addAction(
                tr("E&xclude this user…"), m_exclusions, [this, email] { m_exclusions->excludeUser(email); });
            exclude->setObjectName(QStringLiteral("excludeThisUserAction"));
            exclude->setToolTip(m_services.team().refusal(TeamAction::Exclusions));
            exclude->setEnabled(m_services.team().permits(TeamAction::Exclusions));
        });
    }
    if (kind == ReportKind::Candidates) {
        m_candidates = new CandidatesPanel(m_services, table, this);
        connect(m_candidates, &CandidatesPanel::changed, this, &ProfileTabs::reloadTables);
        addTab(m_candidates, Reports::title(kind));
    } else if (kind == ReportKind::Exclusions) {
        m_exclusions = new ExclusionsPanel(m_services, table, this);
        connect(m_exclusions, &ExclusionsPanel::changed, this, &ProfileTabs::reloadTables);
        addTab(m_exclusions, Reports::title(kind));
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

ProfileTabs::~ProfileTabs()
{
    // The workers read through the services and post to this object: let them end first.
    ++m_ticket;
    for (QThread* worker : std::as_const(m_workers)) {
        worker->wait();
    }
}

void ProfileTabs::showProfile(qint64 id)
{
    if (id != m_profileId) {
        m_form->settleUnsavedEdits(ProfileForm::Leaving::OtherProfile);
    }
    m_profileId = id;
    m_form->showProfile(id);
    m_candidates->setProfile(id);
    m_exclusions->setProfile(id);
    reloadTables();
}

void ProfileTabs::reloadTables()
{
    ++m_ticket; // a background load still running would show older rows
    m_loading = false;
    auto loaded = m_reportService.reportsAndDashboard(m_profileId);
    if (!loaded) {
        emit countChanged(loaded.error().message);
        return;
    }
    showReports(loaded.value().reports);
    m_dashboard->setFigures(loaded.value().dashboard);
}

void ProfileTabs::showReports(const QHash<ReportKind, Report>& reports)
{
    for (auto it = reports.cbegin(); it != reports.cend(); ++it) {
        m_reports.insert(it.key(), it.value());
    }
    for (RecordTable* t : std::as_const(m_tables)) {
        const auto kind = ReportKind(t->property("reportKind").toInt());
        if (reports.contains(kind)) {
            t->setRows(reports.value(kind).rows);
        }
    }
}

void ProfileTabs::openProfile(qint64 id)
{
    if (id != m_profileId) {
        // The other profile is chosen already: its edits are saved or discarded, not kept.
        m_form->settleUnsavedEdits(ProfileForm::Leaving::OtherProfile);
        // Never the previous profile's rows under this one's name while its own are read.
        m_reports.clear();
        for (RecordTable* t : std::as_const(m_tables)) {
            t->setRows({});
        }
    }
    m_profileId = id;
    m_form->showProfile(id);
    m_candidates->setProfile(id);
    m_exclusions->setProfile(id);
    loadInBackground();
}

void ProfileTabs::refreshTables()
{
    loadInBackground();
}

void ProfileTabs::loadInBackground()
{
    const quint64 ticket = ++m_ticket;
    m_loading = true;
    const qint64 profileId = m_profileId;
    QList<ReportKind> first;
    if (RecordTable* t = tableOn(currentWidget())) {
        first.append(ReportKind(t->property("reportKind").toInt()));
    }
    QList<ReportKind> rest = Reports::all();
    for (ReportKind kind : first) {
        rest.removeAll(kind);
    }
    ReportService* service = &m_reportService;
    QThread* worker = QThread::create([this, service, ticket, profileId, first, rest] {
        ProfileSnapshot snapshot;
        if (!first.isEmpty()) {
            // A screenful first: the whole of a 100,000-row table takes about a second to read.
            auto preview = service->preview(profileId, first.constFirst(), FirstRows);
            QMetaObject::invokeMethod(this,
                [this, ticket, kind = first.constFirst(), preview] { showFirstRows(ticket, kind, preview); });
            auto reports = service->reports(profileId, first, snapshot);
            QMetaObject::invokeMethod(
                this, [this, ticket, reports] { showLoaded(ticket, reports, std::nullopt); });
            // Superseded (another profile chosen meanwhile): the rest would be dropped unread.
            if (!reports || ticket != m_ticket) {
                service->releaseThreadConnection();
                return;
            }
        }
        auto reports = service->reports(profileId, rest, snapshot);
        auto dashboard = reports ? service->dashboard(profileId, QDateTime::currentDateTime(), snapshot)
                                 : Result<DashboardFigures>(reports.error());
        service->releaseThreadConnection();
        QMetaObject::invokeMethod(
            this, [this, ticket, reports, dashboard] { showLoaded(ticket, reports, dashboard); });
    });
    worker->setParent(this);
    m_workers.append(worker);
    connect(worker, &QThread::finished, this, [this, worker] {
        m_workers.removeOne(worker);
        worker->deleteLater();
    });
    worker->start();
}

void ProfileTabs::showFirstRows(quint64 ticket, ReportKind kind, const Result<std::optional<Report>>& first)
{
    // A failure here is the whole table's too, which says so when it arrives.
    if (ticket != m_ticket || !first || !first.value()) {
        return;
    }
    for (RecordTable* t : std::as_const(m_tables)) {
        if (ReportKind(t->property("reportKind").toInt()) == kind) {
            t->setFirstRows(first.value()->rows);
        }
    }
}

void ProfileTabs::showLoaded(quint64 ticket, const Result<QHash<ReportKind, Report>>& reports,
    const std::optional<Result<DashboardFigures>>& dashboard)
{
    if (ticket != m_ticket) {
        return;
    }
    const bool last = dashboard.has_value() || !reports;
    if (!reports) {
        emit countChanged(reports.error().message);
    } else {
        showReports(reports.value());
    }
    if (dashboard && *dashboard) {
        m_dashboard->setFigures(dashboard->value());
    } else if (dashboard && reports) {
        emit countChanged(dashboard->error().message);
    }
    if (last) {
        m_loading = false;
        emit loaded();
    }
}

std::optional<Report> ProfileTabs::currentReport() const
{
    RecordTable* t = tableOn(currentWidget());
    if (!t) {
        return std::nullopt;
    }
    return m_reports.value(ReportKind(t->property("reportKind").toInt()));
}

std::optional<ReportKind> ProfileTabs::currentKind() const
{
    RecordTable* t = tableOn(currentWidget());
    if (!t) {
        return std::nullopt;
    }
    return ReportKind(t->property("reportKind").toInt());
}

} // namespace rmsam
