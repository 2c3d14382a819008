// CSV export: exact bytes, quoting, the formula guard (OWASP CSV injection), and a round trip
// through an independent RFC 4180 reading that gives back the original values.
#include "csv/CsvWriter.h"

#include <QBuffer>
#include <QTest>

using namespace rmsam;

namespace {

// A deliberately small, separate RFC 4180 reader, so the writer is not checked against itself.
QList<QStringList> parse(const QByteArray& bytes)
{
    QString text = QString::fromUtf8(bytes);
    if (text.startsWith(QChar(0xFEFF))) {
        text.remove(0, 1);
    }
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                field += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            row.append(field);
            field.clear();
        } else if (c == QLatin1Char('\r') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n')) {
            row.append(field);
            field.clear();
            rows.append(row);
            row.clear();
            ++i;
        } else {
            field += c;
        }
    }
    return rows;
}

} // namespace

class TestCsvWriter : public QObject
{
    Q_OBJECT

private slots:
    void exactBytes()
    {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        CsvWriter writer(&buffer);
        writer.writeRow({ QStringLiteral("User ID"), QStringLiteral("Email") });
        writer.writeRow({ QStringLiteral("a,b"), QStringLiteral("say \"hi\"") });
        writer.writeRow({ QStringLiteral("line\nbreak"), QString() });
        QVERIFY(writer.finish());
        QCOMPARE(buffer.data(),
            QByteArray("\xEF\xBB\xBFUser ID,Email\r\n\"a,b\",\"say \"\"hi\"\"\"\r\n\"line\nbreak\",\r\n"));
    }

    void withoutByteOrderMark()
    {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        CsvWriter writer(&buffer, CsvWriter::Options { false, true });
        writer.writeRow({ QStringLiteral("x") });
        QVERIFY(writer.finish());
        QCOMPARE(buffer.data(), QByteArray("x\r\n"));
    }

    void formulaGuard_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QByteArray>("written");
        QTest::newRow("equals") << QStringLiteral("=HYPERLINK(\"http://x\",\"y\")")
                                << QByteArray("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
        QTest::newRow("plus") << QStringLiteral("+1") << QByteArray("'+1");
        QTest::newRow("minus") << QStringLiteral("-2") << QByteArray("'-2");
        QTest::newRow("at") << QStringLiteral("@SUM(A1)") << QByteArray("'@SUM(A1)");
        QTest::newRow("tab") << QStringLiteral("\tx") << QByteArray("'\tx");
        QTest::newRow("cr") << QStringLiteral("\rx") << QByteArray("\"'\rx\"");
        QTest::newRow("plain") << QStringLiteral("a=b") << QByteArray("a=b");
        QTest::newRow("japanese") << QStringLiteral("佐藤 健") << QByteArray("佐藤 健");
        QTest::newRow("padded") << QStringLiteral(" x ") << QByteArray("\" x \"");
    }

    void formulaGuard()
    {
        QFETCH(QString, value);
        QFETCH(QByteArray, written);
        QCOMPARE(CsvWriter::encodeField(value), written);
    }

    // A row written a field at a time (the export's streaming path, with its own encoding of
    // ASCII fields, from UTF-16 or UTF-8) holds exactly the fields encodeField() gives, for every
    // kind of value.
    void fieldsAsEncodeFieldWritesThem()
    {
        const QStringList values { QString(), QStringLiteral(""), QStringLiteral("plain"),
            QStringLiteral("a,b"), QStringLiteral("say \"hi\""), QStringLiteral("\""), QStringLiteral("\"\""),
            QStringLiteral("line\nbreak"), QStringLiteral("cr\r"), QStringLiteral("\r\n"),
            QStringLiteral(" lead"), QStringLiteral("trail "), QStringLiteral(" "), QStringLiteral("\t"),
            QStringLiteral("\tx"), QStringLiteral("x\t"), QStringLiteral("=1+2"), QStringLiteral("=\"x\",y"),
            QStringLiteral("+"), QStringLiteral("-2 "), QStringLiteral("@SUM(A1)"), QStringLiteral("\rx"),
            QStringLiteral("'quoted"), QStringLiteral("2026-11-30T10:47:46Z"), QStringLiteral("true"),
            QStringLiteral("\x7f\x01"), QStringLiteral("佐藤 健"), QStringLiteral("Zoë, \"Z\""),
            QStringLiteral("　全角　"), QStringLiteral("\u00a0nbsp"), QStringLiteral("=１"),
            QStringLiteral("-\u00e9"), QStringLiteral("😀"),
            QString(QChar(0xD800)) + QStringLiteral("lone surrogate") };
        for (const bool guard : { true, false }) {
            QBuffer buffer;
            buffer.open(QIODevice::WriteOnly);
            CsvWriter writer(&buffer, CsvWriter::Options { false, guard });
            QByteArray expected;
            for (const QString& value : values) {
                writer.addField(value);
                writer.endRow();
                expected += CsvWriter::encodeField(value, guard) + "\r\n";
            }
            writer.writeRow(values);
            QByteArrayList joined;
            for (const QString& value : values) {
                joined.append(CsvWriter::encodeField(value, guard));
            }
            expected += joined.join(',') + "\r\n";
            writer.endRow(); // a row of no fields
            expected += "\r\n";
            // The same values given as UTF-8 (as the database's library holds them), one row,
            // then fields already encoded.
            QByteArrayList utf8;
            for (const QString& value : values) {
                const QByteArray bytes = value.toUtf8();
                writer.addField(QUtf8StringView(bytes));
                utf8.append(CsvWriter::encodeField(QString::fromUtf8(bytes), guard));
            }
            writer.endRow();
            expected += utf8.join(',') + "\r\n";
            writer.addEncodedField("\"a,b\"");
            writer.addEncodedField({});
            writer.addEncodedField("true");
            writer.endRow();
            expected += "\"a,b\",,true\r\n";
            QVERIFY(writer.finish());
            QCOMPARE(buffer.data(), expected);
        }
    }

    void roundTrip()
    {
        const QList<QStringList> rows = {
            { QStringLiteral("User ID"), QStringLiteral("Email"), QStringLiteral("First Name") },
            { QStringLiteral("6a4d"), QStringLiteral("taro@example.jp"), QStringLiteral("太郎") },
            { QStringLiteral("=1+2"), QStringLiteral("-3"), QStringLiteral("@x") },
            { QStringLiteral("\"quoted\""), QStringLiteral("a,b"), QStringLiteral("two\r\nlines") },
            { QString(), QStringLiteral("'already quoted"), QStringLiteral("Zoë") },
        };
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        CsvWriter writer(&buffer);
        for (const QStringList& row : rows) {
            writer.writeRow(row);
        }
        QVERIFY(writer.finish());
        QList<QStringList> back = parse(buffer.data());
        for (QStringList& row : back) {
            for (QString& field : row) {
                field = CsvWriter::unguard(field);
            }
        }
        QCOMPARE(back, rows);
    }

    void manyRowsAreBuffered()
    {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        CsvWriter writer(&buffer);
        for (int i = 0; i < 20000; ++i) {
            writer.writeRow({ QString::number(i), QStringLiteral("user%1@example.com").arg(i) });
        }
        QVERIFY(writer.finish());
        const QList<QStringList> back = parse(buffer.data());
        QCOMPARE(back.size(), 20000);
        QCOMPARE(
            back.last(), (QStringList { QStringLiteral("19999"), QStringLiteral("user19999@example.com") }));
    }
};

QTEST_GUILESS_MAIN(TestCsvWriter)
#include "tst_csvwriter.moc"
