#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QVariant>
#include <QWidget>

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
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
        QString header;       // translated, on screen and in GUI exports
        QString exportHeader; // stable English, for the command line
    };

    explicit RecordTableModel(QList<Column> columns, QObject* parent = nullptr);

    void setRows(QList<QList<QVariant>> rows);
    const QList<Column>& columns() const { return m_columns; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Column> m_columns;
    QList<QList<QVariant>> m_rows;
};

// A table with filter-as-you-type over every column, sorting on every column, columns that can
// be hidden (header context menu) and a row count.
class RecordTable : public QWidget
{
    Q_OBJECT

public:
    RecordTable(const QString& objectName, QList<RecordTableModel::Column> columns, QWidget* parent = nullptr);

    RecordTableModel* model() const { return m_model; }
    QSortFilterProxyModel* proxy() const { return m_proxy; }
    QTableView* view() const { return m_view; }
    void setRows(QList<QList<QVariant>> rows);
    QString countText() const;

signals:
    void countChanged(const QString& text);

private:
    void updateCount();

    RecordTableModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QTableView* m_view;
    QLineEdit* m_filter;
    QLabel* m_count;
};

} // namespace rmsam
