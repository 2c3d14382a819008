// The User report reader against the corpus in tests/data/csv: encodings, quoting, and whole-
// file rejection with line numbers.
#include "csv/CsvReader.h"
#include "csv/UserReport.h"

#include <QBuffer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace rmsam;

class TestCsv : public QObject
{
    Q_OBJECT

private:
    QString path(const char* name) const
    {
        return qEnvironmentVariable("RMSAM_TEST_DATA") + QStringLiteral("/csv/") + QLatin1String(name);
    }

    ParsedUserReport read(const char* name, const UserReportOptions& options = {})
    {
        QFile file(path(name));
        if (!file.open(QIODevice::ReadOnly)) {
            qWarning("cannot open %s", name);
            return {};
        }
        return readUserReport(&file, options);
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(path("utf8-bom.csv")), "RMSAM_TEST_DATA must point at tests/data");
    }

    void encodings_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("encoding");
        QTest::newRow("utf-8 bom") << "utf8-bom.csv"
                                   << "UTF-8";
        QTest::newRow("utf-8") << "utf8.csv"
                               << "UTF-8";
        QTest::newRow("utf-16le") << "utf16le-bom.csv"
                                  << "UTF-16LE";
        QTest::newRow("utf-16be") << "utf16be-bom.csv"
                                  << "UTF-16BE";
    }

    void encodings()
    {
        QFETCH(QString, file);
        QFETCH(QString, encoding);
        const ParsedUserReport parsed = read(file.toLatin1().constData());
        QVERIFY2(parsed.report, qPrintable(parsed.error ? parsed.error->message : QString()));
        QCOMPARE(parsed.report->encoding, encoding);
        QCOMPARE(parsed.report->emailsActive.size(), 3);
        QCOMPARE(parsed.report->activeCount, 2);
        QCOMPARE(parsed.report->headers.first(), QStringLiteral("First Name"));
        QCOMPARE(parsed.report->emailsActive.at(1),
            (QPair<QString, bool> { QStringLiteral("jose@example.com"), false }));
    }

    void shiftJisWithJapaneseHeaders()
    {
        const ParsedUserReport parsed = read("shift-jis.csv");
        QVERIFY2(parsed.report, qPrintable(parsed.error ? parsed.error->message : QString()));
        QCOMPARE(parsed.report->encoding, QStringLiteral("Shift_JIS"));
        QCOMPARE(parsed.report->headers.at(2), QStringLiteral("メールアドレス"));
        QCOMPARE(parsed.report->emailsActive.size(), 3);
        QCOMPARE(parsed.report->activeCount, 2); // アクティブ and 有効; 非アクティブ is inactive

        QFile file(path("shift-jis.csv"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        CsvReader reader(&file);
        QStringList row;
        QVERIFY(reader.readRow(&row));
        QVERIFY(reader.readRow(&row));
        QCOMPARE(row.at(0), QStringLiteral("太郎"));
        QCOMPARE(row.at(1), QStringLiteral("山田"));
    }

    void quotedFields()
    {
        QFile file(path("quoted.csv"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        CsvReader reader(&file);
        QStringList row;
        QVERIFY(reader.readRow(&row));
        QVERIFY(reader.readRow(&row));
        QCOMPARE(row,
            (QStringList { QStringLiteral("Doe, Jane"), QStringLiteral("jane@example.com"),
                QStringLiteral("Active"), QStringLiteral("said \"hi\"") }));
        QVERIFY(reader.readRow(&row));
        QCOMPARE(row.at(3), QStringLiteral("line one\nline two"));
        QCOMPARE(reader.lineNumber(), 3);
        QVERIFY(reader.readRow(&row));
        QCOMPARE(reader.lineNumber(), 5); // the quoted line break counted
        QCOMPARE(row.at(3), QString());
        QVERIFY(!reader.readRow(&row));
        QVERIFY(!reader.error());
        QVERIFY(read("quoted.csv").report);
    }

    void rejectedWhole_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("says");
        QTest::newRow("ragged") << "ragged.csv"
                                << "Line 3 has 1 fields but the header has 2.";
        QTest::newRow("ragged, too many") << "ragged.csv"
                                          << "Line 4 has 3 fields";
        QTest::newRow("bad status") << "bad-status.csv"
                                    << "Line 3: the status \"Maybe\"";
        QTest::newRow("empty") << "empty.csv"
                               << "empty";
        QTest::newRow("header only") << "header-only.csv"
                                     << "header only";
        QTest::newRow("binary") << "binary.csv"
                                << "not text";
        QTest::newRow("invalid utf-8") << "invalid-utf8-middle.csv"
                                       << "Line 4002 has bytes that are not valid UTF-8";
        QTest::newRow("unterminated") << "unterminated-quote.csv"
                                      << "starts on line 2 is never closed";
    }

    void rejectedWhole()
    {
        QFETCH(QString, file);
        QFETCH(QString, says);
        const ParsedUserReport parsed = read(file.toLatin1().constData());
        QVERIFY(!parsed.report);
        QVERIFY(parsed.error);
        QCOMPARE(parsed.error->code, ErrorCode::InvalidFile);
        QVERIFY2(parsed.error->message.contains(says), qPrintable(parsed.error->message));
    }

    void columnsNotFoundListsTheHeaders()
    {
        ParsedUserReport parsed = read("no-email-column.csv");
        QVERIFY(!parsed.report);
        QVERIFY(parsed.columnsNotFound);
        QCOMPARE(parsed.headers,
            (QStringList { QStringLiteral("Name"), QStringLiteral("Login"), QStringLiteral("State") }));
        // Chosen by name and by number.
        parsed = read("no-email-column.csv", { QStringLiteral("login"), QStringLiteral("3") });
        QVERIFY2(parsed.report, qPrintable(parsed.error ? parsed.error->message : QString()));
        QCOMPARE(parsed.report->emailsActive.first().first, QStringLiteral("a@example.com"));
        QVERIFY(!read("no-email-column.csv", { QStringLiteral("9"), QStringLiteral("3") }).report);
    }

    void sizeLimitChecksBeforeReading()
    {
        QTemporaryDir dir;
        QFile sparse(dir.filePath(QStringLiteral("huge.csv")));
        QVERIFY(sparse.open(QIODevice::WriteOnly));
        QVERIFY(sparse.resize(CsvReader::DefaultMaxBytes + 1)); // sparse: no disk written
        sparse.close();
        QVERIFY(sparse.open(QIODevice::ReadOnly));
        const ParsedUserReport parsed = readUserReport(&sparse, {});
        QVERIFY(!parsed.report);
        QVERIFY2(parsed.error->message.contains(QStringLiteral("largest file")),
            qPrintable(parsed.error->message));
    }

    void formulaPayloadsAreReadVerbatim()
    {
        const ParsedUserReport parsed = read("formula.csv");
        QVERIFY(parsed.report);
        QFile file(path("formula.csv"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        CsvReader reader(&file);
        QStringList row;
        QVERIFY(reader.readRow(&row));
        QVERIFY(reader.readRow(&row));
        QCOMPARE(row.at(2), QStringLiteral("=HYPERLINK(\"http://evil.example\",\"x\")"));
    }
};

QTEST_GUILESS_MAIN(TestCsv)
#include "tst_csv.moc"
