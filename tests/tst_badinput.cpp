// The bad-input matrix (README, "Reliability and security"): every bad input an admin can give
// the command line gets a specific message and exit code, and changes nothing stored — the
// database is dumped before and after each row and compared.
#include "cli/CommandLine.h"
#include "sandbox/SandboxServer.h"
#include "storage/Database.h"

#include <QBuffer>
#include <QFile>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace rmsam;

class TestBadInput : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dataDir;
    QTemporaryDir m_files;
    const QString m_service
        = QStringLiteral("roadmunk-sam-test-bad-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    std::unique_ptr<SandboxServer> m_sandbox;
    QString m_closedUrl;

    struct Run
    {
        int code = -1;
        QString err;
    };

    Run run(const QStringList& words, const QByteArray& input = {})
    {
        Run result;
        QString out;
        QTextStream outStream(&out);
        QTextStream err(&result.err);
        QBuffer in;
        in.setData(input);
        in.open(QIODevice::ReadOnly);
        CommandLine cli({ m_dataDir.path(), m_service }, { outStream, err, in, false });
        std::optional<int> code;
        connect(&cli, &CommandLine::finished, this, [&code](int c) { code = c; });
        cli.start(QStringList { QStringLiteral("roadmunk-sam") } + words);
        if (QTest::qWaitFor([&code] { return code.has_value(); }, 30000)) {
            result.code = *code;
        }
        return result;
    }

    // Every row of every table but the run history, which records failed runs by design.
    QString dump()
    {
        auto database = Database::open(m_dataDir.path());
        if (!database) {
            return QStringLiteral("cannot open");
        }
        QString text;
        QSqlQuery tables(database.value()->connection());
        tables.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"));
        while (tables.next()) {
            const QString table = tables.value(0).toString();
            if (table == QLatin1String("job_result") || table == QLatin1String("snapshot_change")) {
                continue;
            }
            QSqlQuery rows(database.value()->connection());
            rows.exec(QStringLiteral("SELECT * FROM %1 ORDER BY 1, 2").arg(table));
            text += table + QLatin1Char('\n');
            while (rows.next()) {
                for (int c = 0; c < rows.record().count(); ++c) {
                    text += rows.value(c).toString() + QLatin1Char('|');
                }
                text += QLatin1Char('\n');
            }
        }
        database.value()->releaseThreadConnection();
        return text;
    }

    QString file(const QString& name, const QByteArray& bytes)
    {
        const QString path = m_files.filePath(name);
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        f.write(bytes);
        return path;
    }

    static QString data(const char* name)
    {
        return qEnvironmentVariable("RMSAM_TEST_DATA") + QStringLiteral("/csv/") + QLatin1String(name);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dataDir.isValid());
        QVERIFY(m_files.isValid());
        SandboxOptions options;
        options.userCount = 40;
        m_sandbox = std::make_unique<SandboxServer>(options);
        QVERIFY(m_sandbox->listen(0) != 0);
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        m_closedUrl = QStringLiteral("http://127.0.0.1:%1/public/graphql").arg(probe.serverPort());
        probe.close();

        const QString endpoint = m_sandbox->endpoint().toString();
        const QByteArray token = m_sandbox->token().toUtf8();
        for (const QStringList& words : QList<QStringList> {
                 { "profile", "create", "--name", "Matrix", "--endpoint", endpoint },
                 { "validate", "--profile", "Matrix" },
                 { "publish", "--profile", "Matrix", "--yes" },
                 { "sync", "--profile", "Matrix" },
                 { "attach-report", "--profile", "Matrix", data("utf8.csv") },
                 { "profile", "create", "--name", "Wrong token", "--endpoint", endpoint },
                 { "profile", "create", "--name", "Unreachable", "--endpoint", m_closedUrl },
             }) {
            if (words.at(0) == QLatin1String("validate")) {
                QCOMPARE(run({ "token", "set", "--profile", "Matrix" }, token).code, int(ExitOk));
            }
            const Run r = run(words);
            QVERIFY2(
                r.code == ExitOk, qPrintable(words.join(QLatin1Char(' ')) + QStringLiteral(": ") + r.err));
        }
        QCOMPARE(run({ "token", "set", "--profile", "Wrong token" }, QByteArray(549, 'w')).code, int(ExitOk));
        QCOMPARE(run({ "token", "set", "--profile", "Unreachable" }, token).code, int(ExitOk));
    }

    void matrix_data()
    {
        QTest::addColumn<QStringList>("words");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("says");
        QTest::addColumn<bool>("expiredToken");

        const auto attach = [](const QString& path) {
            return QStringList { "attach-report", "--profile", "Matrix", path };
        };
        QTest::newRow("wrong token") << QStringList { "validate", "--profile", "Wrong token" }
                                     << int(ExitToken) << "rejected the API token" << false;
        QTest::newRow("expired token") << QStringList { "sync", "--profile", "Matrix" } << int(ExitToken)
                                       << "revoked or expired" << true;
        QTest::newRow("unknown region")
            << QStringList { "profile", "create", "--name", "X", "--region", "us" } << int(ExitUsage) << "us"
            << false;
        QTest::newRow("unreachable gateway") << QStringList { "validate", "--profile", "Unreachable" }
                                             << int(ExitNetwork) << "127.0.0.1" << false;
        QTest::newRow("csv empty") << attach(data("empty.csv")) << int(ExitInvalidFile) << "empty" << false;
        QTest::newRow("csv binary") << attach(data("binary.csv")) << int(ExitInvalidFile) << "not text"
                                    << false;
        QTest::newRow("csv ragged") << attach(data("ragged.csv")) << int(ExitInvalidFile)
                                    << "Line 3 has 1 fields" << false;
        QTest::newRow("csv unknown encoding") << attach(file(
            QStringLiteral("latin1.csv"), QByteArray("Email,Status\r\nm\xfc\xfcller@example.com,Active\r\n")))
                                              << int(ExitInvalidFile) << "encoding is not one" << false;
        QTest::newRow("csv missing email column")
            << attach(data("no-email-column.csv")) << int(ExitInvalidFile) << "--email-column" << false;
        QTest::newRow("csv missing file") << attach(m_files.filePath(QStringLiteral("nope.csv")))
                                          << int(ExitInvalidFile) << "nope.csv" << false;
        QTest::newRow("profile name collides") << QStringList { "profile", "create", "--name", "MATRIX" }
                                               << int(ExitFailure) << "already exists" << false;
        QTest::newRow("date in the future")
            << QStringList { "profile", "create", "--name", "Future", "--analyze-from", "2999-01-01" }
            << int(ExitUsage) << "future" << false;
        QTest::newRow("rule with admins in scope")
            << QStringList { "rule", "set", "--profile", "Matrix", "--roles", "account_admin" }
            << int(ExitUsage) << "never in scope" << false;
        QTest::newRow("entitlement bad currency") << QStringList { "entitlement", "set", "--profile",
            "Matrix", "--seat", "reviewer", "--owned", "3", "--price", "5", "--currency", "dollars" }
                                                  << int(ExitUsage) << "ISO 4217" << false;
        QTest::newRow("reclaim both dry run and yes")
            << QStringList { "reclaim", "--profile", "Matrix", "--dry-run", "--yes" } << int(ExitUsage)
            << "Usage" << false;
    }

    void matrix()
    {
        QFETCH(QStringList, words);
        QFETCH(int, code);
        QFETCH(QString, says);
        QFETCH(bool, expiredToken);
        const QString before = dump();
        if (expiredToken) {
            m_sandbox->setRequestHook([](int request, const QString&) -> std::optional<int> {
                return request >= 1 ? std::optional<int>(401) : std::nullopt;
            });
        }
        const Run r = run(words);
        m_sandbox->setRequestHook({});
        QVERIFY2(r.code == code, qPrintable(QStringLiteral("exit %1: %2").arg(r.code).arg(r.err)));
        QVERIFY2(r.err.contains(says, Qt::CaseInsensitive), qPrintable(r.err));
        const QString after = dump();
        if (after != before) {
            const QStringList a = before.split(QLatin1Char('\n'));
            const QStringList b = after.split(QLatin1Char('\n'));
            for (qsizetype i = 0; i < qMin(a.size(), b.size()); ++i) {
                QVERIFY2(a.at(i) == b.at(i), qPrintable(a.at(i) + QStringLiteral(" became ") + b.at(i)));
            }
        }
        QCOMPARE(after, before);
    }

    void theMatrixCoversAnOversizedFileWithoutReadingIt()
    {
        const QString path = m_files.filePath(QStringLiteral("huge.csv"));
        QFile sparse(path);
        QVERIFY(sparse.open(QIODevice::WriteOnly));
        QVERIFY(sparse.resize(201LL * 1024 * 1024)); // sparse: nothing is written to disk
        sparse.close();
        const QString before = dump();
        const Run r = run({ "attach-report", "--profile", "Matrix", path });
        QCOMPARE(r.code, int(ExitInvalidFile));
        QVERIFY2(r.err.contains(QStringLiteral("largest file")), qPrintable(r.err));
        QCOMPARE(dump(), before);
    }
};

QTEST_GUILESS_MAIN(TestBadInput)
#include "tst_badinput.moc"
