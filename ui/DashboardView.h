#pragma once

#include "services/Dashboard.h"

#include <QList>
#include <QWidget>

class QChart;
class QChartView;
class QHBoxLayout;
class QLabel;
class QPushButton;
class QStackedWidget;
class QStandardItemModel;
class QTableView;
class QToolButton;

namespace rmsam {

// The reclamation dashboard of one profile: the money and unused-seat figures, and charts of
// last activity, seats by type and assigned against active seats. Each chart can be swapped
// for a table of its numbers and exported as CSV. It shows figures worked out elsewhere
// (Dashboard::figures); it reads nothing itself.
class DashboardView : public QWidget
{
    Q_OBJECT

public:
    explicit DashboardView(QWidget* parent = nullptr);

    void setFigures(const DashboardFigures& figures);
    const DashboardFigures& figures() const { return m_figures; }

    // Writes the numbers behind a chart, named by its object name ("dashboardBuckets",
    // "dashboardSeatTypes", "dashboardTrend"; "dashboardSummary" for the figures row), to path
    // as CSV with translated headers. False, with the reason in *error, when there is no such
    // chart or the file cannot be written.
    bool exportChart(const QString& chartObjectName, const QString& path, QString* error = nullptr);

protected:
    // The charts follow the palette: a dark system palette gives dark charts.
    void changeEvent(QEvent* event) override;

private:
    struct Panel
    {
        DashboardChart chart;
        QString name; // the chart's object name
        QToolButton* toggle = nullptr;
        QPushButton* exportButton = nullptr;
        QStackedWidget* stack = nullptr;
        QChartView* view = nullptr;
        QTableView* table = nullptr;
        QStandardItemModel* model = nullptr;
    };

    QWidget* createPanel(DashboardChart chart, const QString& name);
    QLabel* createFigure(QHBoxLayout* row, const QString& name, const QString& caption);
    void askAndExport(DashboardChart chart, const QString& name);
    void updateFigures();
    void fillTable(Panel& panel);
    void followPalette(QChart* chart) const;
    QChart* bucketsChart() const;
    QChart* seatTypesChart() const;
    QChart* trendChart() const;

    DashboardFigures m_figures;
    QList<Panel> m_panels;
    QLabel* m_spend;
    QLabel* m_unused;
    QLabel* m_savings;
    QLabel* m_trueUp;
    QLabel* m_savingsYtd;
    QLabel* m_trendNote;
    QLabel* m_renewals; // per seat type with a renewal date; hidden without one
};

} // namespace rmsam
