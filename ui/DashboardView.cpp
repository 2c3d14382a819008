#include "DashboardView.h"

#include "core/Reclamation.h"
#include "core/Renewal.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QFileDialog>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QMessageBox>
#include <QPieSeries>
#include <QPushButton>
#include <QSaveFile>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>

namespace rmsam {
namespace {

const QString Dash = QString(QChar(0x2014));

const QList<QPair<DashboardChart, QString>>& chartNames()
{
    static const QList<QPair<DashboardChart, QString>> names = {
        { DashboardChart::Summary, QStringLiteral("dashboardSummary") },
        { DashboardChart::LastActivity, QStringLiteral("dashboardBuckets") },
        { DashboardChart::SeatTypes, QStringLiteral("dashboardSeatTypes") },
        { DashboardChart::Trend, QStringLiteral("dashboardTrend") },
    };
    return names;
}

QString moneyText(const QMap<QString, double>& totals)
{
    const QLocale locale;
    QStringList parts;
    for (auto it = totals.cbegin(); it != totals.cend(); ++it) {
        // The ISO code, not a symbol: "$" alone could be any of several currencies.
        parts.append(Licenses::moneyText(it.value(), it.key()));
    }
    return parts.isEmpty() ? Dash : parts.join(QLatin1Char('\n'));
}

// A count axis with whole-number ticks, about five of them.
QValueAxis* countAxis(int maximum)
{
    auto* axis = new QValueAxis;
    const int step = std::max(1, (maximum + 4) / 5);
    axis->setTickType(QValueAxis::TicksDynamic);
    axis->setTickAnchor(0);
    axis->setTickInterval(step);
    axis->setRange(0, std::max(step, (maximum + step - 1) / step * step));
    axis->setLabelFormat(QStringLiteral("%d"));
    return axis;
}

bool isNumber(const QVariant& value)
{
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::Double:
        return true;
    default:
        return false;
    }
}

} // namespace

DashboardView::DashboardView(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("dashboardView"));

    auto* figuresBox = new QGroupBox(Dashboard::title(DashboardChart::Summary), this);
    figuresBox->setObjectName(QStringLiteral("dashboardSummary"));
    auto* figuresRow = new QHBoxLayout(figuresBox);
    m_spend = createFigure(figuresRow, QStringLiteral("dashboardSpend"), tr("Current annual spend"));
    m_unused = createFigure(figuresRow, QStringLiteral("dashboardUnused"), tr("Unused seats"));
    m_savings = createFigure(figuresRow, QStringLiteral("dashboardSavings"), tr("Potential savings"));
    m_trueUp = createFigure(figuresRow, QStringLiteral("dashboardTrueUp"), tr("True-up cost"));
    m_savingsYtd
        = createFigure(figuresRow, QStringLiteral("dashboardSavingsYtd"), tr("Actual savings this year"));
    auto* summaryExport = new QPushButton(tr("Export CSV…"), figuresBox);
    summaryExport->setObjectName(QStringLiteral("dashboardSummaryExport"));
    summaryExport->setAccessibleName(tr("Export %1 as CSV").arg(Dashboard::title(DashboardChart::Summary)));
    connect(summaryExport, &QPushButton::clicked, this,
        [this] { askAndExport(DashboardChart::Summary, QStringLiteral("dashboardSummary")); });
    figuresRow->addWidget(summaryExport, 0, Qt::AlignTop);

    // One chart per row, each the full width of the tab, so that the bucket names and the
    // legends stay readable; the tab scrolls.
    QWidget* trend = createPanel(DashboardChart::Trend, QStringLiteral("dashboardTrend"));
    m_trendNote = new QLabel(trend);
    m_trendNote->setObjectName(QStringLiteral("dashboardTrendNote"));
    m_trendNote->setWordWrap(true);
    trend->layout()->addWidget(m_trendNote);

    m_renewals = new QLabel(this);
    m_renewals->setObjectName(QStringLiteral("dashboardRenewals"));
    m_renewals->setWordWrap(true);
    m_renewals->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(figuresBox);
    layout->addWidget(m_renewals);
    layout->addWidget(createPanel(DashboardChart::LastActivity, QStringLiteral("dashboardBuckets")));
    layout->addWidget(createPanel(DashboardChart::SeatTypes, QStringLiteral("dashboardSeatTypes")));
    layout->addWidget(trend);
    setFigures({});
}

QLabel* DashboardView::createFigure(QHBoxLayout* row, const QString& name, const QString& caption)
{
    auto* box = new QVBoxLayout;
    auto* title = new QLabel(caption, this);
    title->setObjectName(name + QStringLiteral("Caption"));
    auto* value = new QLabel(this);
    value->setObjectName(name);
    value->setAccessibleName(caption);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    QFont font = value->font();
    font.setPointSizeF(font.pointSizeF() * 1.4);
    font.setBold(true);
    value->setFont(font);
    box->addWidget(title);
    box->addWidget(value);
    box->addStretch();
    row->addLayout(box, 1);
    return value;
}

QWidget* DashboardView::createPanel(DashboardChart chart, const QString& name)
{
    const QString title = Dashboard::title(chart);
    auto* box = new QGroupBox(title, this);
    box->setObjectName(name + QStringLiteral("Panel"));

    Panel panel;
    panel.chart = chart;
    panel.name = name;
    panel.toggle = new QToolButton(box);
    panel.toggle->setObjectName(name + QStringLiteral("Toggle"));
    panel.toggle->setText(tr("Show numbers"));
    panel.toggle->setCheckable(true);
    panel.toggle->setFocusPolicy(Qt::StrongFocus);
    panel.toggle->setAccessibleName(tr("Show the numbers of %1").arg(title));
    panel.toggle->setToolTip(tr("Swap the chart for a table of its numbers"));
    panel.exportButton = new QPushButton(tr("Export CSV…"), box);
    panel.exportButton->setObjectName(name + QStringLiteral("Export"));
    panel.exportButton->setAccessibleName(tr("Export %1 as CSV").arg(title));

    panel.view = new QChartView(box);
    panel.view->setObjectName(name);
    panel.view->setAccessibleName(title);
    panel.view->setRenderHint(QPainter::Antialiasing);
    panel.view->setMinimumHeight(300);
    panel.model = new QStandardItemModel(this);
    panel.table = new QTableView(box);
    panel.table->setObjectName(name + QStringLiteral("Table"));
    panel.table->setAccessibleName(tr("Numbers of %1").arg(title));
    panel.table->setModel(panel.model);
    panel.table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    panel.table->setSelectionBehavior(QAbstractItemView::SelectRows);
    panel.table->verticalHeader()->hide();
    panel.table->horizontalHeader()->setStretchLastSection(true);
    panel.stack = new QStackedWidget(box);
    panel.stack->setObjectName(name + QStringLiteral("Stack"));
    panel.stack->addWidget(panel.view);
    panel.stack->addWidget(panel.table);

    QToolButton* toggle = panel.toggle;
    QStackedWidget* stack = panel.stack;
    QTableView* table = panel.table;
    QChartView* view = panel.view;
    connect(toggle, &QToolButton::toggled, this, [toggle, stack, table, view](bool numbers) {
        stack->setCurrentWidget(numbers ? static_cast<QWidget*>(table) : view);
        toggle->setText(numbers ? tr("Show chart") : tr("Show numbers"));
    });
    connect(
        panel.exportButton, &QPushButton::clicked, this, [this, chart, name] { askAndExport(chart, name); });

    auto* header = new QHBoxLayout;
    header->addStretch();
    header->addWidget(panel.toggle);
    header->addWidget(panel.exportButton);
    auto* layout = new QVBoxLayout(box);
    layout->addLayout(header);
    layout->addWidget(panel.stack, 1);
    m_panels.append(panel);
    return box;
}

void DashboardView::setFigures(const DashboardFigures& figures)
{
    m_figures = figures;
    updateFigures();
    for (Panel& panel : m_panels) {
        QChart* chart = panel.chart == DashboardChart::LastActivity ? bucketsChart()
            : panel.chart == DashboardChart::SeatTypes              ? seatTypesChart()
                                                                    : trendChart();
        chart->setTitle(Dashboard::title(panel.chart));
        followPalette(chart);
        // setChart releases the previous chart without deleting it.
        QChart* previous = panel.view->chart();
        panel.view->setChart(chart);
        delete previous;
        fillTable(panel);
    }
    m_trendNote->setText(
        tr("Active: activity within the reclamation rule's %n day(s). The app keeps only the latest "
           "activity, so active seats are known for the latest run only.",
            nullptr, m_figures.thresholdDays));
}

void DashboardView::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        for (const Panel& panel : m_panels) {
            followPalette(panel.view->chart());
        }
    }
}

void DashboardView::followPalette(QChart* chart) const
{
    const QPalette& p = palette();
    const bool dark = p.color(QPalette::Window).lightness() < 128;
    // The theme picks series colours that read on that background; the rest comes from the
    // palette itself, so that a chart looks like the tables around it.
    chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundBrush(p.base());
    chart->setTitleBrush(p.text());
    chart->legend()->setLabelColor(p.color(QPalette::Text));
    for (QAbstractAxis* axis : chart->axes()) {
        axis->setLabelsColor(p.color(QPalette::Text));
        axis->setTitleBrush(p.text());
    }
}

void DashboardView::updateFigures()
{
    m_spend->setText(moneyText(m_figures.annualSpend));
    m_savings->setText(moneyText(m_figures.potentialSavings));
    m_trueUp->setText(moneyText(m_figures.trueUpCost));
    m_savingsYtd->setText(moneyText(m_figures.actualSavingsYtd));
    QString moneyNote;
    if (m_figures.annualSpend.isEmpty()) {
        moneyNote = tr("No entitlements are set: enter the seats owned and their price under Rule and "
                       "entitlements.");
    } else if (!m_figures.unpriced.isEmpty()) {
        QStringList types;
        for (SeatType type : m_figures.unpriced) {
            types.append(SeatTypes::displayName(type));
        }
        moneyNote = tr("Not included, no entitlement is set: %1.").arg(types.join(QStringLiteral(", ")));
    }
    for (QLabel* label : { m_spend, m_savings, m_trueUp, m_savingsYtd }) {
        label->setToolTip(moneyNote);
    }
    if (m_figures.actualSavingsYtd.size() > 1) {
        m_savingsYtd->setToolTip(tr("Each seat counts at the price and in the currency it was reclaimed at; "
                                    "amounts in different currencies are not added up.")
            + (moneyNote.isEmpty() ? QString() : QLatin1Char('\n') + moneyNote));
    }

    const QLocale locale;
    const auto unused = m_figures.unusedPercent();
    m_unused->setText(unused ? tr("%1 %").arg(locale.toString(*unused, 'f', 1)) : Dash);
    m_unused->setToolTip(tr("%n open removal candidate(s)", nullptr, m_figures.openCandidates)
        + QLatin1Char(' ') + tr("of %n seat(s) held", nullptr, m_figures.seatsHeld));

    QStringList renewals;
    for (const RenewalAdvice& advice : m_figures.renewals) {
        renewals.append(
            tr("%1 seats: %2").arg(SeatTypes::displayName(advice.seatType), Renewals::summary(advice)));
    }
    m_renewals->setText(renewals.join(QLatin1Char('\n')));
    m_renewals->setVisible(!renewals.isEmpty());
}

void DashboardView::fillTable(Panel& panel)
{
    const DashboardTable table = Dashboard::table(m_figures, panel.chart);
    panel.model->clear();
    panel.model->setHorizontalHeaderLabels(Dashboard::translatedHeaders(panel.chart));
    QStringList description;
    for (const QList<QVariant>& row : table.rows) {
        QList<QStandardItem*> items;
        for (const QVariant& value : row) {
            auto* item = new QStandardItem;
            item->setEditable(false);
            if (!value.isValid()) {
                item->setText(Dash);
                item->setToolTip(panel.chart == DashboardChart::Trend
                        ? tr("Not recorded: the app keeps only the latest activity of each user.")
                        : tr("Not known"));
            } else if (value.typeId() == QMetaType::QDateTime) {
                item->setData(value.toDateTime().toLocalTime(), Qt::DisplayRole);
            } else {
                item->setData(value, Qt::DisplayRole);
            }
            if (isNumber(value)) {
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            }
            items.append(item);
        }
        if (panel.chart != DashboardChart::Trend && row.size() >= 2) {
            description.append(QStringLiteral("%1: %2").arg(
                row.first().toString(), items.last()->data(Qt::DisplayRole).toString()));
        }
        panel.model->appendRow(items);
    }
    panel.table->resizeColumnsToContents();
    panel.view->setAccessibleDescription(description.join(QStringLiteral("; ")));
}

QChart* DashboardView::bucketsChart() const
{
    auto* chart = new QChart;
    auto* users = new QBarSet(tr("Users"));
    QStringList categories;
    int maximum = 0;
    // Horizontal bars run from the bottom up: add the buckets last first, so that the most recent
    // is on top, as the table lists them.
    const QList<ActivityBucket> buckets = m_figures.lastActivity.keys();
    for (auto bucket = buckets.crbegin(); bucket != buckets.crend(); ++bucket) {
        const int count = m_figures.lastActivity.value(*bucket);
        categories.append(Dashboard::bucketDisplayName(*bucket));
        users->append(count);
        maximum = std::max(maximum, count);
    }
    // Bars across, bucket names down the side: a name gets the width it needs ("アクティビティなし"
    // was elided under a column of its own), whatever the language and the window's width.
    auto* series = new QHorizontalBarSeries;
    series->append(users);
    series->setLabelsVisible(true);
    chart->addSeries(series);
    auto* names = new QBarCategoryAxis;
    names->append(categories);
    QValueAxis* counts = countAxis(maximum);
    chart->addAxis(names, Qt::AlignLeft);
    chart->addAxis(counts, Qt::AlignBottom);
    series->attachAxis(names);
    series->attachAxis(counts);
    chart->legend()->hide();
    return chart;
}

QChart* DashboardView::seatTypesChart() const
{
    auto* chart = new QChart;
    auto* series = new QPieSeries;
    const QList<QPair<QString, int>> slices = {
        { SeatTypes::displayName(SeatType::CollaboratorType), m_figures.collaboratorSeats },
        { SeatTypes::displayName(SeatType::Reviewer), m_figures.reviewerSeats },
        { tr("Unrecognized"), m_figures.unrecognizedSeats },
    };
    const QLocale locale;
    for (const auto& [label, seats] : slices) {
        // An empty slice has no area, only a label on top of its neighbour's.
        if (seats > 0) {
            series->append(tr("%1: %2").arg(label, locale.toString(seats)), seats)->setLabelVisible(true);
        }
    }
    chart->addSeries(series);
    chart->legend()->setAlignment(Qt::AlignRight);
    return chart;
}

QChart* DashboardView::trendChart() const
{
    auto* chart = new QChart;
    auto* assigned = new QLineSeries;
    assigned->setName(tr("Assigned"));
    auto* active = new QLineSeries;
    active->setName(tr("Active"));
    int maximum = 0;
    QDateTime first;
    QDateTime last;
    for (const TrendPoint& point : m_figures.trend) {
        const auto x = qreal(point.at.toMSecsSinceEpoch());
        assigned->append(x, point.assigned);
        maximum = std::max(maximum, point.assigned);
        if (point.active) {
            active->append(x, *point.active);
            maximum = std::max(maximum, *point.active);
        }
        first = first.isValid() ? std::min(first, point.at) : point.at;
        last = last.isValid() ? std::max(last, point.at) : point.at;
    }
    for (QLineSeries* series : { assigned, active }) {
        series->setPointsVisible(true); // a single run is a point, not a line
        chart->addSeries(series);
    }
    if (!first.isValid()) {
        first = last = m_figures.asOf.isValid() ? m_figures.asOf : QDateTime::currentDateTime();
    }
    if (first == last) {
        first = first.addDays(-1);
        last = last.addDays(1);
    }
    auto* x = new QDateTimeAxis;
    x->setFormat(QLocale().dateFormat(QLocale::ShortFormat));
    x->setRange(first.toLocalTime(), last.toLocalTime());
    QValueAxis* y = countAxis(maximum);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QLineSeries* series : { assigned, active }) {
        series->attachAxis(x);
        series->attachAxis(y);
    }
    chart->legend()->setAlignment(Qt::AlignBottom);
    return chart;
}

void DashboardView::askAndExport(DashboardChart chart, const QString& name)
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export as CSV"), Dashboard::code(chart) + QStringLiteral(".csv"), tr("CSV files (*.csv)"));
    if (path.isEmpty()) {
        return;
    }
    QString error;
    if (!exportChart(name, path, &error)) {
        QMessageBox::warning(this, tr("Export as CSV"), error);
    }
}

bool DashboardView::exportChart(const QString& chartObjectName, const QString& path, QString* error)
{
    const auto named = std::find_if(chartNames().cbegin(), chartNames().cend(),
        [&chartObjectName](const auto& entry) { return entry.second == chartObjectName; });
    if (named == chartNames().cend()) {
        if (error) {
            *error = tr("There is no chart named %1.").arg(chartObjectName);
        }
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)
        || !Dashboard::writeCsv(Dashboard::table(m_figures, named->first), &file, true) || !file.commit()) {
        if (error) {
            *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        }
        return false;
    }
    return true;
}

} // namespace rmsam
