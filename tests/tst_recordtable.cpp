// RecordTableModel, the model behind every table of the GUI: sorting by typed value, empty values
// last in both directions, filtering over the display text, and the row counts the status bar shows.

#include "RecordTable.h"

#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QTableView>
#include <QTest>
#include <QTimer>

using namespace rmsam;

namespace {

QList<RecordTableModel::Column> columns(const QStringList& names)
{
    QList<RecordTableModel::Column> result;
    for (const QString& name : names) {
        result.append({ name, name });
    }
    return result;
}

// The raw values of one column, in the order the model shows its rows.
QVariantList shown(const RecordTableModel& model, int column)
{
    QVariantList values;
    for (int row = 0; row < model.rowCount(); ++row) {
        values.append(model.index(row, column).data(RecordTableModel::RawRole));
    }
    return values;
}

} // namespace

class TestRecordTable : public QObject
{
    Q_OBJECT

private slots:
    void moneySortsAsNumbers()
    {
        RecordTableModel model(columns({ QStringLiteral("Savings") }));
        model.setRows({ { 1200.5 }, { 99.0 }, { 10000.0 }, { QVariant() }, { 250.25 } });
        model.sort(0, Qt::AscendingOrder);
        // As text, "10000" would come before "99" and "1200.5" before "250.25".
        QCOMPARE(shown(model, 0), (QVariantList { 99.0, 250.25, 1200.5, 10000.0, QVariant() }));
        model.sort(0, Qt::DescendingOrder);
        QCOMPARE(shown(model, 0), (QVariantList { 10000.0, 1200.5, 250.25, 99.0, QVariant() }));
    }

    void countsAndDatesSortByValue()
    {
        RecordTableModel model(columns({ QStringLiteral("Seats"), QStringLiteral("Last login") }));
        const QDateTime early(QDate(2026, 1, 2), QTime(3, 4), Qt::UTC);
        const QDateTime late(QDate(2026, 11, 2), QTime(3, 4), Qt::UTC);
        model.setRows({ { 10, late }, { 9, QDateTime() }, { 100, early } });
        model.sort(0, Qt::AscendingOrder);
        QCOMPARE(shown(model, 0), (QVariantList { 9, 10, 100 }));
        model.sort(1, Qt::AscendingOrder);
        QCOMPARE(shown(model, 0), (QVariantList { 100, 10, 9 })); // no date last
        model.sort(1, Qt::DescendingOrder);
        QCOMPARE(shown(model, 0), (QVariantList { 10, 100, 9 })); // still last
    }

    void textSortsCaseInsensitively()
    {
        RecordTableModel model(columns({ QStringLiteral("Email") }));
        model.setRows({ { QStringLiteral("bob@example.com") }, { QStringLiteral("Alice@example.com") },
            { QStringLiteral("carol@example.com") } });
        model.sort(0, Qt::AscendingOrder);
        QCOMPARE(shown(model, 0),
            (QVariantList { QStringLiteral("Alice@example.com"), QStringLiteral("bob@example.com"),
                QStringLiteral("carol@example.com") }));
    }

    void filterKeepsTheSortAndCountsShownRows()
    {
        RecordTableModel model(columns({ QStringLiteral("Name"), QStringLiteral("Savings") }));
        model.setRows({ { QStringLiteral("鈴木"), 30.0 }, { QStringLiteral("Suzuki"), 5.0 },
            { QStringLiteral("suzuki-b"), 12.0 }, { QStringLiteral("Tanaka"), 1.0 } });
        model.sort(1, Qt::DescendingOrder);
        model.setFilterText(QStringLiteral("SUZ"));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.totalRowCount(), 4);
        QCOMPARE(shown(model, 1), (QVariantList { 12.0, 5.0 }));
        model.setFilterText(QStringLiteral("鈴木"));
        QCOMPARE(shown(model, 1), (QVariantList { 30.0 }));
        model.setFilterText(QString());
        QCOMPARE(shown(model, 1), (QVariantList { 30.0, 12.0, 5.0, 1.0 }));
    }

    // A column of stored texts shows them through its display function (and is filtered by what
    // it shows); the raw value, which sorting and exports use, stays as stored.
    void aStoredTextShowsThroughItsDisplay()
    {
        QList<RecordTableModel::Column> c = columns({ QStringLiteral("Action"), QStringLiteral("Count") });
        c[0].display = [](const QString& value) {
            return value == QLatin1String("job saved") ? QStringLiteral("ジョブ保存") : value;
        };
        RecordTableModel model(c);
        model.setRows({ { QStringLiteral("job saved"), 1 }, { QStringLiteral("other"), 2 } });
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("ジョブ保存"));
        QCOMPARE(model.index(0, 0).data(RecordTableModel::RawRole).toString(), QStringLiteral("job saved"));
        QCOMPARE(model.index(1, 0).data().toString(), QStringLiteral("other"));
        QCOMPARE(model.index(0, 1).data().toInt(), 1); // a column without one: as it is
        model.setFilterText(QStringLiteral("ジョブ"));
        QCOMPARE(shown(model, 1), (QVariantList { 1 }));
    }

    // A large table's search text is built in the background; filtering right after the rows
    // arrive, and keeping a filter across new rows, still finds exactly the matching rows.
    void aLargeTableFiltersBeforeItsSearchTextIsReady()
    {
        const auto rowsOf = [](const QString& domain) {
            QList<QList<QVariant>> rows;
            for (int i = 0; i < 20000; ++i) {
                rows.append({ QStringLiteral("user%1@%2").arg(i).arg(domain), i % 2 == 0, i });
            }
            return rows;
        };
        RecordTableModel model(
            columns({ QStringLiteral("Email"), QStringLiteral("Invited"), QStringLiteral("N") }));
        model.setRows(rowsOf(QStringLiteral("old.example")));
        model.setFilterText(QStringLiteral("USER1999@"));
        QCOMPARE(shown(model, 0), QVariantList { QStringLiteral("user1999@old.example") });
        model.setRows(rowsOf(QStringLiteral("new.example")));
        QCOMPARE(shown(model, 0), QVariantList { QStringLiteral("user1999@new.example") });
        QCOMPARE(model.totalRowCount(), 20000);
        model.setFilterText(QStringLiteral("@new.example"));
        QCOMPARE(model.rowCount(), 20000);
        model.setFilterText(QStringLiteral("old"));
        QCOMPARE(model.rowCount(), 0);
    }

    // A refresh (new rows) keeps the order the header shows, on the model and on a table.
    void aRefreshKeepsTheSortTheHeaderShows()
    {
        RecordTableModel model(columns({ QStringLiteral("Seats") }));
        model.sort(0, Qt::DescendingOrder); // before any rows, as a view sorts when it opens
        model.setRows({ { 1 }, { 3 }, { 2 } });
        QCOMPARE(shown(model, 0), (QVariantList { 3, 2, 1 }));
        model.setRows({ { 5 }, { 7 }, { 6 } });
        QCOMPARE(shown(model, 0), (QVariantList { 7, 6, 5 }));

        RecordTable table(QStringLiteral("sortedTable"), columns({ QStringLiteral("Name") }));
        table.setRows({ { QStringLiteral("b") }, { QStringLiteral("c") }, { QStringLiteral("a") } });
        const QHeaderView* header = table.view()->horizontalHeader();
        QCOMPARE(header->sortIndicatorSection(), 0);
        QCOMPARE(header->sortIndicatorOrder(), Qt::AscendingOrder);
        QCOMPARE(shown(*table.model(), 0),
            (QVariantList { QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c") }));
    }

    // What is on screen, for an export: the shown columns in their on-screen order, the rows the
    // filter keeps in the order shown, raw values.
    void shownRowsAreWhatTheTableShows()
    {
        RecordTable table(QStringLiteral("shownTable"),
            columns({ QStringLiteral("Email"), QStringLiteral("Seats"), QStringLiteral("Savings") }));
        table.setRows({ { QStringLiteral("b@x.com"), 2, 20.5 }, { QStringLiteral("a@x.com"), 1, 10.0 },
            { QStringLiteral("c@y.com"), 3, 30.0 } });
        table.view()->sortByColumn(1, Qt::DescendingOrder);
        table.view()->setColumnHidden(1, true);
        table.view()->horizontalHeader()->moveSection(2, 0); // Savings first
        QVERIFY(!table.isFiltered());
        QCOMPARE(table.shownHeaders(), (QStringList { QStringLiteral("Savings"), QStringLiteral("Email") }));
        table.findChild<QLineEdit*>(QStringLiteral("shownTableFilter"))->setText(QStringLiteral("x.com"));
        QVERIFY(table.isFiltered());
        QCOMPARE(table.shownRows(),
            (QList<QList<QVariant>> {
                { 20.5, QStringLiteral("b@x.com") }, { 10.0, QStringLiteral("a@x.com") } }));
        QVERIFY2(table.countText().startsWith(QStringLiteral("2 of 3 row")), qPrintable(table.countText()));
    }

    // Ctrl+C and the row menu's Copy put the selected rows' shown cells on the clipboard as
    // tab-separated lines; the row menu offers what others add for the row under the mouse.
    void copyAndTheRowMenu()
    {
        RecordTable table(
            QStringLiteral("copyTable"), columns({ QStringLiteral("Email"), QStringLiteral("Note") }));
        table.setRows({ { QStringLiteral("a@x.com"), QStringLiteral("two\twords") },
            { QStringLiteral("b@x.com"), QStringLiteral("line\nbreak") }, { QStringLiteral("c@x.com"), 3 } });
        table.show();
        QVERIFY(QTest::qWaitForWindowExposed(&table));
        table.view()->selectRow(0);
        table.view()->selectionModel()->select(
            table.model()->index(1, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        table.view()->setFocus();
        QApplication::clipboard()->clear();
        QTest::keySequence(table.view(), QKeySequence::Copy);
        QCOMPARE(
            QApplication::clipboard()->text(), QStringLiteral("a@x.com\ttwo words\nb@x.com\tline break"));
        QCOMPARE(table.rawValue(2, QStringLiteral("Email")), QVariant(QStringLiteral("c@x.com")));
        QVERIFY(!table.rawValue(2, QStringLiteral("Missing")).isValid());

        int menuRow = -2;
        QStringList offered;
        connect(&table, &RecordTable::rowMenuRequested, this, [&](QMenu* menu, int row) {
            menuRow = row;
            menu->addAction(QStringLiteral("Exclude this user"));
            for (QAction* a : menu->actions()) {
                offered << a->text();
            }
            QTimer::singleShot(0, menu, &QMenu::close);
        });
        const QRect third = table.view()->visualRect(table.model()->index(2, 0));
        emit table.view()->customContextMenuRequested(third.center());
        QCOMPARE(menuRow, 2);
        QCOMPARE(offered, (QStringList { QStringLiteral("&Copy"), QStringLiteral("Exclude this user") }));
        // The row under the mouse becomes the selection when it was not part of it.
        QCOMPARE(table.selectedText(), QStringLiteral("c@x.com\t3"));
    }
};

QTEST_MAIN(TestRecordTable)
#include "tst_recordtable.moc"
