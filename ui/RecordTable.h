#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QVariant>
#include <QWidget>
#include <future>

class QLabel;
class QLineEdit;
class QMenu;

class QTableView;

namespace rmsam {

// Rows of plain values (text, numbers, booleans, date-times) under named columns. Display
// follows the user's locale; sorting uses the raw values; exports use the raw values too.
class RecordTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    static constexpr int RawRole = Qt::UserRole + 1;

    struct Column
    {
        QString header; // translated, on screen and in GUI exports
        QString exportHeader; // stable English, for the command line
        // The text shown for a text cell whose value is kept as written (an English text the
        // database stores): on screen and in the filter; sorting and exports use the value.
        QString (*display)(const QString& value) = nullptr;
    };

    explicit RecordTableModel(QList<Column> columns, QObject* parent = nullptr);

    // The rows, in the order of the last sort() (a refresh keeps what the header shows).
    void setRows(QList<QList<QVariant>> rows);
    const QList<Column>& columns() const { return m_columns; }
    int totalRowCount() const { return int(m_rows.size()); }
    // Keeps the rows whose text contains `text` in any column, case-insensitively. Typing more
    // of the same filter only looks at the rows still shown.
    void setFilterText(const QString& text);

    // rowCount() counts the rows shown (after the filter), in the sorted order.
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    // Rows in the order they were given, until a column is sorted again.
    void keepGivenOrder();

private:
    // Sorting and filtering live in the model rather than a QSortFilterProxyModel: with 100k
    // rows the proxy re-sorts everything on every keystroke.
    void applyFilter(bool narrowing);
    // Per row, the case-folded text the filter looks in (any thread).
    static QList<QString> searchTextOf(const QList<QList<QVariant>>& rows, const QList<Column>& columns);
    // The search text of the rows shown, waiting for its build if that is still running.
    const QList<QString>& searchText();
    static QString displayText(const QVariant& value, const Column& column);

    QList<Column> m_columns;
    QList<QList<QVariant>> m_rows;
    QList<int> m_order; // every row, sorted
    QList<int> m_visible; // the rows shown, in sorted order
    QList<QString> m_search; // per row, the lower-case text the filter looks in
    // m_search being built in the background: many rows take longer to make searchable than to
    // show, and the first paint of a table of 100k rows must not wait for it.
    std::future<QList<QString>> m_searchBuild;
    QString m_filter;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
};

// A table with filter-as-you-type over every column, sorting on every column, columns that can
// be hidden (header context menu) and a row count.
class RecordTable : public QWidget
{
    Q_OBJECT

public:
    RecordTable(
        const QString& objectName, QList<RecordTableModel::Column> columns, QWidget* parent = nullptr);
    // Saves the column layout (widths, order, hidden columns, sort) in the settings, under the
    // table's object name; the next table of that name starts from it.
    ~RecordTable() override;

    RecordTableModel* model() const { return m_model; }
    // No sort indicator; rows as the service lists them (candidates: leavers first) until the
    // admin sorts by a column.
    void showInGivenOrder();
    QTableView* view() const { return m_view; }
    void setRows(QList<QList<QVariant>> rows);
    // The first rows while the whole table is read: the count says so until setRows().
    void setFirstRows(QList<QList<QVariant>> rows);
    bool showsFirstRowsOnly() const { return m_firstRowsOnly; }
    bool isFiltered() const;
    QString countText() const;

    // What is on screen: the columns shown in their on-screen order, the rows the filter keeps
    // in the order shown, as raw values (for an export).
    QStringList shownHeaders() const;
    QList<QList<QVariant>> shownRows() const;
    // The selected rows' shown columns as tab-separated display text, a row per line.
    QString selectedText() const;
    // The raw value of `column` in the row at `viewRow` (as shown); invalid when out of range.
    QVariant rawValue(int viewRow, const QString& exportHeader) const;

public slots:
    void copySelection();

signals:
    void countChanged(const QString& text);
    // A row's context menu is about to open: add actions for the row at viewRow (-1: none).
    void rowMenuRequested(QMenu* menu, int viewRow);

private:
    void updateCount();
    QList<int> shownColumns() const; // logical indexes, in on-screen order
    void showRowMenu(const QPoint& pos);

    RecordTableModel* m_model;
    QTableView* m_view;
    QLineEdit* m_filter;
    QLabel* m_count;
    bool m_firstRowsOnly = false;
};

} // namespace rmsam
