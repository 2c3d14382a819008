#include "RecordTable.h"

#include <QAction>
#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace rmsam {

RecordTableModel::RecordTableModel(QList<Column> columns, QObject* parent)
    : QAbstractTableModel(parent)
    , m_columns(std::move(columns))
{
}

void RecordTableModel::setRows(QList<QList<QVariant>> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

int RecordTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RecordTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant RecordTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size()) {
        return {};
    }
    const QVariant& value = m_rows.at(index.row()).value(index.column());
    switch (role) {
    case RawRole:
        return value;
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        if (value.typeId() == QMetaType::QDateTime) {
            const QDateTime when = value.toDateTime();
            return when.isValid() ? QLocale().toString(when.toLocalTime(), QLocale::ShortFormat) : QString();
        }
        if (value.typeId() == QMetaType::Bool) {
            return value.toBool() ? tr("Yes") : tr("No");
        }
        return value;
    case Qt::TextAlignmentRole:
        return value.typeId() == QMetaType::Int ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    }
    return {};
}

QVariant RecordTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole && section < m_columns.size()) {
        return m_columns.at(section).header;
    }
    return {};
}

RecordTable::RecordTable(const QString& objectName, QList<RecordTableModel::Column> columns, QWidget* parent)
    : QWidget(parent)
    , m_model(new RecordTableModel(std::move(columns), this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_view(new QTableView(this))
    , m_filter(new QLineEdit(this))
    , m_count(new QLabel(this))
{
    setObjectName(objectName);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(RecordTableModel::RawRole);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);

    m_view->setObjectName(objectName + QStringLiteral("View"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(0, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
        m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setResizeContentsPrecision(200);
    m_view->horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);

    m_filter->setObjectName(objectName + QStringLiteral("Filter"));
    m_filter->setPlaceholderText(tr("Filter (all columns)"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Filter"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filter);
    layout->addWidget(m_view);
    layout->addWidget(m_count);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_proxy->setFilterFixedString(text);
        updateCount();
    });
    connect(m_view->horizontalHeader(), &QWidget::customContextMenuRequested, this, [this](const QPoint& pos) {
        QMenu menu(this);
        for (int column = 0; column < m_model->columnCount(); ++column) {
            QAction* action = menu.addAction(m_model->columns().at(column).header);
            action->setCheckable(true);
            action->setChecked(!m_view->isColumnHidden(column));
            connect(action, &QAction::toggled, this, [this, column](bool shown) { m_view->setColumnHidden(column, !shown); });
        }
        menu.exec(m_view->horizontalHeader()->mapToGlobal(pos));
    });
    updateCount();
}

void RecordTable::setRows(QList<QList<QVariant>> rows)
{
        m_model->setRows(std::move(rows));
    m_view->resizeColumnsToContents(); // measured on the first rows only (resize precision)
    updateCount();
}

QString RecordTable::countText() const
{
    const int shown = m_proxy->rowCount();
    const int total = m_model->rowCount();
    return shown == total ? tr("%n row(s)", nullptr, total) : tr("%1 of %n row(s)", nullptr, total).arg(shown);
}

void RecordTable::updateCount()
{
    m_count->setText(countText());
    emit countChanged(countText());
}

} // namespace rmsam
