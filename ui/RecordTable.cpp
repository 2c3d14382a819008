#include "RecordTable.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QSettings>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>
#include <numeric>

namespace rmsam {
namespace {

constexpr qsizetype BackgroundSearchRows = 5000;

} // namespace

RecordTableModel::RecordTableModel(QList<Column> columns, QObject* parent)
    : QAbstractTableModel(parent)
    , m_columns(std::move(columns))
{ }

void RecordTableModel::setRows(QList<QList<QVariant>> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    m_search.clear();
    // Built now rather than on the first keystroke, which must stay quick; in the background
    // when there are enough rows for it to delay the table's first paint.
    if (m_rows.size() < BackgroundSearchRows) {
        m_searchBuild = {};
        m_search = searchTextOf(m_rows, m_columns);
    } else {
        m_searchBuild = std::async(
            std::launch::async, [rows = m_rows, columns = m_columns] { return searchTextOf(rows, columns); });
    }
    m_order.resize(m_rows.size());
    std::iota(m_order.begin(), m_order.end(), 0);
    m_visible = m_order;
    endResetModel();
    if (m_sortColumn >= 0) {
        sort(m_sortColumn, m_sortOrder); // filters too
    } else if (!m_filter.isEmpty()) {
        applyFilter(false);
    }
}

int RecordTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_visible.size());
}

int RecordTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QString RecordTableModel::displayText(const QVariant& value, const Column& column)
{
    if (column.display && value.typeId() == QMetaType::QString) {
        return column.display(value.toString());
    }
    if (value.typeId() == QMetaType::QDateTime) {
        const QDateTime when = value.toDateTime();
        return when.isValid() ? QLocale().toString(when.toLocalTime(), QLocale::ShortFormat) : QString();
    }
    if (value.typeId() == QMetaType::Bool) {
        return value.toBool() ? tr("Yes") : tr("No");
    }
    // The tables' fractional numbers are amounts of money: two decimals and the locale's
    // separators, as on the dashboard.
    if (value.typeId() == QMetaType::Double) {
        return QLocale().toString(value.toDouble(), 'f', 2);
    }
    return value.toString();
}

QVariant RecordTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_visible.size()) {
        return {};
    }
    const QVariant& value = m_rows.at(m_visible.at(index.row())).value(index.column());
    switch (role) {
    case RawRole:
        return value;
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return value.typeId() == QMetaType::QDateTime || value.typeId() == QMetaType::Bool
                || value.typeId() == QMetaType::Double || m_columns.at(index.column()).display
            ? QVariant(displayText(value, m_columns.at(index.column())))
            : value;
    case Qt::TextAlignmentRole:
        return value.typeId() == QMetaType::Int || value.typeId() == QMetaType::LongLong
                || value.typeId() == QMetaType::Double
            ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
            : QVariant();
    }
    return {};
}

void RecordTableModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= m_columns.size()) {
        return;
    }
    m_sortColumn = column;
    m_sortOrder = order;
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    // Typed keys computed once, so each comparison is cheap; empty values sort last.
    const qsizetype n = m_rows.size();
    // Doubles hold every key exactly: money, counts, and milliseconds since 1970 (< 2^53).
    QList<double> numbers(n, 0);
    QList<QString> texts;
    QList<bool> empty(n, false);
    bool numeric = true;
    for (qsizetype r = 0; r < n; ++r) {
        const QVariant& v = m_rows.at(r).at(column);
        switch (v.typeId()) {
        case QMetaType::QDateTime: {
            const QDateTime when = v.toDateTime();
            empty[r] = !when.isValid();
            numbers[r] = when.isValid() ? double(when.toMSecsSinceEpoch()) : 0;
            break;
        }
        case QMetaType::Int:
        case QMetaType::UInt:
        case QMetaType::LongLong:
        case QMetaType::ULongLong:
        case QMetaType::Bool:
        case QMetaType::Double:
            numbers[r] = v.toDouble();
            break;
        default:
            empty[r] = v.isNull();
            numeric = numeric && v.isNull();
        }
    }
    if (!numeric) {
        texts.resize(n);
        for (qsizetype r = 0; r < n; ++r) {
            texts[r] = m_rows.at(r).at(column).toString().toCaseFolded();
        }
    }
    const bool ascending = order == Qt::AscendingOrder;
    std::stable_sort(m_order.begin(), m_order.end(), [&](int a, int b) {
        if (empty[a] || empty[b]) {
            return !empty[a] && empty[b];
        }
        if (numeric) {
            return ascending ? numbers[a] < numbers[b] : numbers[b] < numbers[a];
        }
        return ascending ? texts[a] < texts[b] : texts[b] < texts[a];
    });
    const QModelIndexList persistent = persistentIndexList();
    QList<int> persistentRows;
    for (const QModelIndex& i : persistent) {
        persistentRows.append(m_visible.value(i.row(), -1));
    }
    applyFilter(false);
    // Views keep their selection across a sort.
    if (!persistent.isEmpty()) {
        QHash<int, int> positionOf;
        for (int p = 0; p < m_visible.size(); ++p) {
            positionOf.insert(m_visible.at(p), p);
        }
        for (int k = 0; k < persistent.size(); ++k) {
            const int p = positionOf.value(persistentRows.at(k), -1);
            changePersistentIndex(
                persistent.at(k), p < 0 ? QModelIndex() : index(p, persistent.at(k).column()));
        }
    }
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void RecordTableModel::keepGivenOrder()
{
    m_sortColumn = -1;
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    std::iota(m_order.begin(), m_order.end(), 0);
    applyFilter(false);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void RecordTableModel::setFilterText(const QString& text)
{
    const QString needle = text.trimmed().toCaseFolded();
    if (needle == m_filter) {
        return;
    }
    const bool narrowing = !m_filter.isEmpty() && needle.contains(m_filter);
    m_filter = needle;
    beginResetModel();
    applyFilter(narrowing);
    endResetModel();
}

void RecordTableModel::applyFilter(bool narrowing)
{
    if (m_filter.isEmpty()) {
        m_visible = m_order;
        return;
    }
    const QList<int> candidates = narrowing ? m_visible : m_order;
    const QList<QString>& search = searchText();
    m_visible.clear();
    for (int row : candidates) {
        if (search.at(row).contains(m_filter)) {
            m_visible.append(row);
        }
    }
}

QList<QString> RecordTableModel::searchTextOf(
    const QList<QList<QVariant>>& rows, const QList<Column>& columns)
{
    // Text and number columns only: dates are found by sorting, and formatting 100k of them
    // would cost more than the whole filter.
    QList<QString> search;
    search.reserve(rows.size());
    for (const QList<QVariant>& row : rows) {
        QString text;
        for (qsizetype c = 0; c < row.size(); ++c) {
            const QVariant& value = row.at(c);
            if (value.typeId() != QMetaType::QDateTime) {
                text += displayText(value, c < columns.size() ? columns.at(c) : Column {});
                text += QChar(0x1F); // a separator no filter contains
            }
        }
        search.append(text.toCaseFolded());
    }
    return search;
}

const QList<QString>& RecordTableModel::searchText()
{
    if (m_searchBuild.valid()) {
        m_search = m_searchBuild.get();
    }
    return m_search;
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
    , m_view(new QTableView(this))
    , m_filter(new QLineEdit(this))
    , m_count(new QLabel(this))
{
    setObjectName(objectName);
    m_view->setObjectName(objectName + QStringLiteral("View"));
    m_view->setModel(m_model);
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

    m_view->horizontalHeader()->restoreState(
        QSettings().value(QStringLiteral("tables/%1/header").arg(objectName)).toByteArray());

    m_filter->setObjectName(objectName + QStringLiteral("Filter"));
    m_filter->setPlaceholderText(tr("Filter (all columns)"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Filter"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filter);
    layout->addWidget(m_view);
    layout->addWidget(m_count);

    auto* copy = new QAction(tr("&Copy"), m_view);
    copy->setObjectName(objectName + QStringLiteral("Copy"));
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    m_view->addAction(copy);
    connect(copy, &QAction::triggered, this, &RecordTable::copySelection);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, &RecordTable::showRowMenu);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_model->setFilterText(text);
        updateCount();
    });
    connect(
        m_view->horizontalHeader(), &QWidget::customContextMenuRequested, this, [this](const QPoint& pos) {
            QMenu menu(this);
            for (int column = 0; column < m_model->columnCount(); ++column) {
                QAction* action = menu.addAction(m_model->columns().at(column).header);
                action->setCheckable(true);
                action->setChecked(!m_view->isColumnHidden(column));
                connect(action, &QAction::toggled, this,
                    [this, column](bool shown) { m_view->setColumnHidden(column, !shown); });
            }
            menu.exec(m_view->horizontalHeader()->mapToGlobal(pos));
        });
    updateCount();
}

void RecordTable::setFirstRows(QList<QList<QVariant>> rows)
{
    setRows(std::move(rows));
    m_firstRowsOnly = true;
    updateCount();
}

void RecordTable::setRows(QList<QList<QVariant>> rows)
{
    m_firstRowsOnly = false;
    m_model->setRows(std::move(rows));
    m_view->resizeColumnsToContents(); // measured on the first rows only (resize precision)
    updateCount();
}

RecordTable::~RecordTable()
{
    QSettings().setValue(
        QStringLiteral("tables/%1/header").arg(objectName()), m_view->horizontalHeader()->saveState());
}

bool RecordTable::isFiltered() const
{
    return m_model->rowCount() != m_model->totalRowCount();
}

QList<int> RecordTable::shownColumns() const
{
    const QHeaderView* header = m_view->horizontalHeader();
    QList<int> columns;
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        if (!header->isSectionHidden(logical)) {
            columns.append(logical);
        }
    }
    return columns;
}

QStringList RecordTable::shownHeaders() const
{
    QStringList headers;
    for (int column : shownColumns()) {
        headers.append(m_model->columns().at(column).header);
    }
    return headers;
}

QList<QList<QVariant>> RecordTable::shownRows() const
{
    const QList<int> columns = shownColumns();
    QList<QList<QVariant>> rows;
    rows.reserve(m_model->rowCount());
    for (int row = 0; row < m_model->rowCount(); ++row) {
        QList<QVariant> values;
        values.reserve(columns.size());
        for (int column : columns) {
            values.append(m_model->index(row, column).data(RecordTableModel::RawRole));
        }
        rows.append(values);
    }
    return rows;
}

QString RecordTable::selectedText() const
{
    // Rows, whichever of their cells are selected (hidden columns included or not).
    QList<int> rows;
    for (const QModelIndex& index : m_view->selectionModel()->selectedIndexes()) {
        rows.append(index.row());
    }
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    const QList<int> columns = shownColumns();
    QStringList lines;
    for (int row : rows) {
        QStringList cells;
        for (int column : columns) {
            // Tabs and line breaks inside a value would split it into other cells.
            cells.append(m_model->index(row, column).data().toString().simplified());
        }
        lines.append(cells.join(QLatin1Char('\t')));
    }
    return lines.join(QLatin1Char('\n'));
}

void RecordTable::copySelection()
{
    const QString text = selectedText();
    if (!text.isEmpty()) {
        QApplication::clipboard()->setText(text);
    }
}

QVariant RecordTable::rawValue(int viewRow, const QString& exportHeader) const
{
    const auto& columns = m_model->columns();
    for (int column = 0; column < columns.size(); ++column) {
        if (columns.at(column).exportHeader == exportHeader) {
            return m_model->index(viewRow, column).data(RecordTableModel::RawRole);
        }
    }
    return {};
}

void RecordTable::showRowMenu(const QPoint& pos)
{
    const QModelIndex index = m_view->indexAt(pos);
    if (index.isValid() && !m_view->selectionModel()->isSelected(index)) {
        m_view->selectionModel()->select(index,
            QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows | QItemSelectionModel::Current);
    }
    QMenu menu(this);
    QAction* copy = menu.addAction(tr("&Copy"), this, &RecordTable::copySelection);
    copy->setShortcut(QKeySequence::Copy);
    copy->setEnabled(m_view->selectionModel()->hasSelection());
    emit rowMenuRequested(&menu, index.isValid() ? index.row() : -1);
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

QString RecordTable::countText() const
{
    const int shown = m_model->rowCount();
    const int total = m_model->totalRowCount();
    if (m_firstRowsOnly) {
        return tr("Loading… the first %n row(s) are shown", nullptr, total);
    }
    return shown == total ? tr("%n row(s)", nullptr, total)
                          : tr("%1 of %n row(s)", nullptr, total).arg(shown);
}

void RecordTable::updateCount()
{
    m_count->setText(countText());
    emit countChanged(countText());
}

void RecordTable::showInGivenOrder()
{
    m_view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_model->keepGivenOrder();
}

} // namespace rmsam
