// The bad-input matrix (README, "Reliability and security"): every bad input an admin can give
// the command line gets a specific message and exit code, and changes nothing stored — the
// database is dumped before and after each row and compared.
#include "cli/CommandLine.h"
#include "sandbox/SandboxServer.h"
#include "services/ReclaimJob.h"
#include "services/ReclaimPlanFile.h"
#include "storage/Database.h"
#include "storage/ProfileRepository.h"
#include "storage/ReclamationRepository.h"
#include "support/CliRunner.h"
#include "support/SandboxFixture.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStringEncoder>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <atomic>
#include <thread>

#ifdef Q_OS_UNIX
#include <csignal>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

using namespace rmsam;
using test::CliRun;

class TestBadInput : public QObject, protected test::SandboxFixture
{
    Q_OBJECT

private:
    QTemporaryDir m_files;
    test::CliRunner m_cli; // on the fixture's data folder and keychain service
    QString m_closedUrl;

    CliRun run(const QStringList& words, const QByteArray& input = {}) { return m_cli.run(words, input); }

    // Every row of every table but the run history, which records failed runs by design, and the
    // change log, which records that history's rows in turn.
    QString dump()
    {
        auto database = Database::open(m_backend.location(m_dataDir));
        if (!database) {
            return QStringLiteral("cannot open");
        }
        QString text;
        QSqlQuery tables(database.value()->connection());
        tables.exec(m_backend.postgreSql()
                ? QStringLiteral("SELECT table_name FROM information_schema.tables WHERE table_schema = "
                                 "current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name")
                : QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"));
        while (tables.next()) {
            const QString table = tables.value(0).toString();
            if (table == QLatin1String("job_result") || table == QLatin1String("snapshot_change")
                || table == QLatin1String("change_log")) {
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

    // A plan of Matrix's, saved by the dry run and then edited: one more user added.
    QString editedPlan()
    {
        const QString path = m_files.filePath(QStringLiteral("edited-plan.json"));
        const CliRun saved
            = run({ "reclaim", "--profile", "Matrix", "--dry-run", "--max", "2", "--save-plan", path });
        if (saved.code != ExitOk) {
            qWarning("%s", qPrintable(saved.err));
        }
        QFile f(path);
        f.open(QIODevice::ReadOnly);
        QJsonObject plan = QJsonDocument::fromJson(f.readAll()).object();
        f.close();
        QJsonArray candidates = plan.value(QLatin1String("candidates")).toArray();
        QJsonObject extra = candidates.first().toObject();
        extra.insert(QStringLiteral("number"), extra.value(QLatin1String("number")).toInteger() + 1000);
        candidates.append(extra);
        plan.insert(QStringLiteral("candidates"), candidates);
        f.open(QIODevice::WriteOnly);
        f.write(QJsonDocument(plan).toJson());
        return path;
    }

    // A plan of Matrix's, intact, made 25 hours ago.
    QString oldPlan()
    {
        const IntegrationProfile matrix
            = ProfileRepository(*m_database).findByReference(QStringLiteral("Matrix")).value();
        ReclaimOptions options;
        options.max = 2;
        const QList<ReclaimItem> preview = Reclaim::plan(*m_database, matrix, options).value();
        const QString path = m_files.filePath(QStringLiteral("old-plan.json"));
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        f.write(ReclaimPlanFiles::write(
            matrix, options, preview, QDateTime::currentDateTimeUtc().addSecs(-25 * 3600)));
        return path;
    }

    static QString data(const char* name)
    {
        return qEnvironmentVariable("RMSAM_TEST_DATA") + QStringLiteral("/csv/") + QLatin1String(name);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_files.isValid());
        SandboxOptions options;
        options.userCount = 40;
        const QString failed = startFixture(QStringLiteral("roadmunk-sam-test-bad-"), options);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        m_cli = test::CliRunner(m_backend.location(m_dataDir), m_tokens->service());
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        m_closedUrl = QStringLiteral("http://127.0.0.1:%1/public/graphql").arg(probe.serverPort());
        probe.close();

        QVERIFY(publishedProfile({ .name = QStringLiteral("Matrix"), .sync = true }).id != 0);
        // The comparisons below see every table's rows (on either backend).
        QVERIFY(dump().contains(QStringLiteral("integration_profile\n1|Matrix|")));
        const QString endpoint = m_sandbox->endpoint().toString();
        const QByteArray token = m_sandbox->token().toUtf8();
        for (const QStringList& words : QList<QStringList> {
                 { "attach-report", "--profile", "Matrix", data("utf8.csv") },
                 { "profile", "create", "--name", "Wrong token", "--endpoint", endpoint },
                 { "profile", "create", "--name", "Unreachable", "--endpoint", m_closedUrl },
             }) {
            const CliRun r = run(words);
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
        const QStringList entitlement { "entitlement", "set", "--profile", "Matrix", "--seat", "reviewer",
            "--owned", "3", "--price", "5", "--currency", "USD" };
        QTest::newRow("entitlement renewal not a date")
            << entitlement + QStringList { "--renewal", "31/03/2027" } << int(ExitUsage) << "YYYY-MM-DD"
            << false;
        QTest::newRow("entitlement renewal not a day")
            << entitlement + QStringList { "--renewal", "2027-02-30" } << int(ExitUsage) << "YYYY-MM-DD"
            << false;
        QTest::newRow("entitlement term start not a date")
            << entitlement + QStringList { "--renewal", "2027-03-31", "--term-start", "soon" }
            << int(ExitUsage) << "--term-start" << false;
        QTest::newRow("entitlement negative notice")
            << entitlement + QStringList { "--renewal", "2027-03-31", "--notice-days", "-5" }
            << int(ExitUsage) << "notice period" << false;
        QTest::newRow("entitlement notice not a number")
            << entitlement + QStringList { "--notice-days", "thirty" } << int(ExitUsage) << "whole number"
            << false;
        QTest::newRow("entitlement term after renewal")
            << entitlement + QStringList { "--renewal", "2027-03-31", "--term-start", "2027-04-01" }
            << int(ExitUsage) << "start before" << false;
        QTest::newRow("entitlement negative buffer")
            << entitlement + QStringList { "--buffer-percent", "-1" } << int(ExitUsage) << "buffer" << false;
        // An exclusion names the user by address; a typo would exclude nobody and say nothing.
        for (const char* notAnAddress : { "bob", "a@", "a b@x.com", "@example.com", "ana@example" }) {
            QTest::addRow("exclude user %s", notAnAddress)
                << QStringList { "exclude", "add", "--profile", "Matrix", "--user", notAnAddress }
                << int(ExitUsage)
                << QStringLiteral("\"%1\" is not an email address: a user is excluded by an address of the "
                                  "form name@example.com")
                       .arg(QLatin1String(notAnAddress))
                << false;
        }
        QTest::newRow("csv header field of 2 MB")
            << attach(file(QStringLiteral("wide-header.csv"),
                   "Email,Status," + QByteArray(2 * 1024 * 1024, 'x') + "\r\nuser@example.com,Active,x\r\n"))
            << int(ExitInvalidFile) << "longer than 65536 characters" << false;
        QTest::newRow("csv split by nothing")
            << attach(file(QStringLiteral("pipes.csv"), "Email|Status\r\nuser@example.com|Active\r\n"))
            << int(ExitInvalidFile) << "separated by neither commas, semicolons nor tabs" << false;
        QTest::newRow("reclaim both dry run and yes")
            << QStringList { "reclaim", "--profile", "Matrix", "--dry-run", "--yes" } << int(ExitUsage)
            << "Usage" << false;
        QTest::newRow("reclaim saving a plan of a real run") << QStringList { "reclaim", "--profile",
            "Matrix", "--yes", "--save-plan", m_files.filePath("p.json") }
                                                             << int(ExitUsage) << "Usage" << false;
        QTest::newRow("reclaim a plan without --yes")
            << QStringList { "reclaim", "--profile", "Matrix", "--plan", m_files.filePath("p.json") }
            << int(ExitUsage) << "Usage" << false;
        QTest::newRow("reclaim a plan with another size") << QStringList { "reclaim", "--profile", "Matrix",
            "--yes", "--max", "3", "--plan", m_files.filePath("p.json") }
                                                          << int(ExitUsage) << "Usage" << false;
        QTest::newRow("reclaim a plan that is not one")
            << QStringList { "reclaim", "--profile", "Matrix", "--yes", "--plan", data("utf8.csv") }
            << int(ExitFailure) << "not a plan saved by reclaim --dry-run --save-plan" << false;
        QTest::newRow("reclaim a plan that was edited")
            << QStringList { "reclaim", "--profile", "Matrix", "--yes", "--plan", editedPlan() }
            << int(ExitFailure) << "changed after it was saved" << false;
        QTest::newRow("reclaim a plan older than a day")
            << QStringList { "reclaim", "--profile", "Matrix", "--yes", "--plan", oldPlan() }
            << int(ExitFailure) << "older than 24 hours" << false;
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
        const CliRun r = run(words);
        m_sandbox->setRequestHook({});
        QVERIFY2(r.code == code, qPrintable(QStringLiteral("exit %1: %2").arg(r.code).arg(r.err)));
        QVERIFY2(r.err.contains(says, Qt::CaseInsensitive), qPrintable(r.err.left(2000)));
        QVERIFY2(r.err.size() < 2000, qPrintable(QStringLiteral("%1 characters").arg(r.err.size())));
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

    // A word no command takes is refused before anything runs, and never repeated: it may be a
    // token pasted on the command line.
    // A saved plan runs exactly its candidates, and nothing at all once one of them changed.
    void aSavedPlanRunsWhatItListsAndNothingElse()
    {
        SandboxOptions options;
        options.userCount = 60;
        options.seed = 11;
        const auto sandbox = test::startSandbox(options);
        QVERIFY(sandbox);
        const IntegrationProfile p
            = publishedProfile(*sandbox, { .name = QStringLiteral("Plans"), .sync = true });
        QVERIFY(p.id != 0);
        const QString path = m_files.filePath(QStringLiteral("plans.json"));
        const CliRun saved
            = run({ "reclaim", "--profile", "Plans", "--dry-run", "--max", "3", "--save-plan", path });
        QVERIFY2(saved.code == ExitOk, qPrintable(saved.err));
        QVERIFY2(saved.err.contains(QStringLiteral("reclaim --profile Plans --yes --plan")),
            qPrintable(saved.err));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY(!bytes.contains(sandbox->token().toUtf8()));
        const QJsonArray listed
            = QJsonDocument::fromJson(bytes).object().value(QLatin1String("candidates")).toArray();
        QCOMPARE(listed.size(), 3);
        QStringList planned;
        for (const QJsonValue& v : listed) {
            planned.append(v.toObject().value(QLatin1String("userId")).toString());
        }

        // A candidate of the plan moves (another admin skips it): nothing is called.
        const CliRun saved2 = run({ "reclaim", "--profile", "Plans", "--dry-run", "--max", "1", "--save-plan",
            m_files.filePath(QStringLiteral("stale.json")) });
        QVERIFY2(saved2.code == ExitOk, qPrintable(saved2.err));
        const qint64 first = QJsonDocument::fromJson([&] {
            QFile s(m_files.filePath(QStringLiteral("stale.json")));
            s.open(QIODevice::ReadOnly);
            return s.readAll();
        }())
                                 .object()
                                 .value(QLatin1String("candidates"))
                                 .toArray()
                                 .first()
                                 .toObject()
                                 .value(QLatin1String("number"))
                                 .toInteger();
        QVERIFY(ReclamationRepository(*m_database)
                    .apply(first, CandidateAction::Skip, QStringLiteral("another admin"))
                    .ok());
        const CliRun stale = run({ "reclaim", "--profile", "Plans", "--yes", "--plan",
            m_files.filePath(QStringLiteral("stale.json")) });
        QCOMPARE(stale.code, int(ExitFailure));
        QVERIFY2(stale.err.contains(QStringLiteral("changed after the preview you confirmed")),
            qPrintable(stale.err));
        QVERIFY(sandbox->account().deactivatedIds().isEmpty());

        // A fresh plan without it runs exactly its users, however many more are ready.
        const CliRun fresh
            = run({ "reclaim", "--profile", "Plans", "--dry-run", "--max", "2", "--save-plan", path });
        QVERIFY2(fresh.code == ExitOk, qPrintable(fresh.err));
        f.close();
        QVERIFY(f.open(QIODevice::ReadOnly));
        planned.clear();
        for (const QJsonValue& v :
            QJsonDocument::fromJson(f.readAll()).object().value(QLatin1String("candidates")).toArray()) {
            planned.append(v.toObject().value(QLatin1String("userId")).toString());
        }
        QCOMPARE(planned.size(), 2);
        const CliRun ran = run({ "reclaim", "--profile", "Plans", "--yes", "--plan", path });
        QVERIFY2(ran.code == ExitOk, qPrintable(ran.err));
        QStringList gone = sandbox->account().deactivatedIds();
        gone.sort();
        planned.sort();
        QCOMPARE(gone, planned);
    }

    void positionalWordsAreRefusedAndNotEchoed_data()
    {
        QTest::addColumn<QStringList>("words");
        const QString secret = QStringLiteral("rmk_SECRET_") + QString(40, QLatin1Char('Z'));
        QTest::newRow("token set TOKEN") << QStringList { "token", "set", "--profile", "Matrix", secret };
        QTest::newRow("profile token NAME TOKEN") << QStringList { "profile", "token", "Matrix", secret };
        QTest::newRow("validate TOKEN") << QStringList { "validate", "--profile", "Matrix", secret };
        QTest::newRow("exclude list TOKEN")
            << QStringList { "exclude", "list", "--profile", "Matrix", secret };
        QTest::newRow("attach-report FILE TOKEN")
            << QStringList { "attach-report", "--profile", "Matrix", data("utf8.csv"), secret };
    }

    void positionalWordsAreRefusedAndNotEchoed()
    {
        QFETCH(QStringList, words);
        const QString secret = words.last();
        const QString before = dump();
        const CliRun r = run(words, "typed-on-stdin-instead");
        QCOMPARE(r.code, int(ExitUsage));
        QVERIFY2(r.err.contains(QStringLiteral("read from standard input or typed at the hidden prompt")),
            qPrintable(r.err));
        QVERIFY2(!r.err.contains(QStringLiteral("SECRET")), qPrintable(r.err));
        QCOMPARE(dump(), before);
    }

    // What Excel writes, through the command line: semicolons, "Unicode Text", bare-comma rows,
    // and CP932 whose first Japanese text comes after 64 KiB.
    void attachesWhatExcelWrites_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("says");
        QTest::newRow("semicolons") << data("semicolon.csv") << "3 users, 2 active (UTF-8)";
        QTest::newRow("unicode text") << data("unicode-text.txt") << "3 users, 2 active (UTF-16LE)";
        QTest::newRow("bare commas") << data("bare-commas.csv") << "3 users, 2 active (UTF-8)";
        QByteArray late = "Name,Email,Status\r\n";
        for (int i = 0; late.size() <= 128 * 1024; ++i) {
            late += QStringLiteral("User %1,user%1@example.com,Active\r\n").arg(i).toLatin1();
        }
        QStringEncoder cp932("windows-31j");
        late += QByteArray(cp932(QStringLiteral("山田,yamada@example.com,非アクティブ\r\n")));
        QTest::newRow("cp932 after 128 KiB of ASCII")
            << file(QStringLiteral("late-cp932.csv"), late) << "active (Shift_JIS)";
    }

    void attachesWhatExcelWrites()
    {
        QFETCH(QString, path);
        QFETCH(QString, says);
        const CliRun r = run({ "attach-report", "--profile", "Matrix", path });
        QVERIFY2(r.code == ExitOk, qPrintable(QStringLiteral("exit %1: %2").arg(r.code).arg(r.err)));
        QVERIFY2(r.err.contains(says), qPrintable(r.err));
    }

    // A report is stored while it is read, batch by batch, in the transaction that replaces the
    // previous one: a row refused after thousands were stored, or a conflict found 20,000 lines
    // later, leaves the previous report whole.
    void aRowRefusedLateLeavesThePreviousReport()
    {
        const CliRun first = run({ "attach-report", "--profile", "Matrix", data("utf8.csv") });
        QVERIFY2(first.code == ExitOk, qPrintable(first.err));
        const QString before = dump();
        QVERIFY(before.contains(QStringLiteral("user_report_row")));
        QByteArray rows = "Name,Email,Status\r\n";
        for (int i = 0; i < 20000; ++i) { // many batches, and many 256 KiB pieces of the file
            rows += "User " + QByteArray::number(i) + ",user" + QByteArray::number(i)
                + "@example.com,Active\r\n";
        }
        const QList<std::pair<QByteArray, QString>> refused {
            { "Late,not-an-email,Active\r\n",
                QStringLiteral("Line 20002: \"not-an-email\" is not an email address") },
            { "Late,USER7@example.com,Inactive\r\n",
                QStringLiteral(
                    "Line 20002: USER7@example.com is listed again with another status (first on line 9)") },
        };
        for (const auto& [late, says] : refused) {
            const CliRun r = run({ "attach-report", "--profile", "Matrix",
                file(QStringLiteral("late.csv"), rows + late + "Last,last@example.com,Active\r\n") });
            QCOMPARE(r.code, int(ExitInvalidFile));
            QVERIFY2(r.err.contains(says), qPrintable(r.err));
            QVERIFY2(r.err.contains(QStringLiteral("the previous one stays")), qPrintable(r.err));
            QCOMPARE(dump(), before);
        }
        // The same rows without the late one replace it; users listed again, in other cases and
        // across batches, are stored once.
        QByteArray again;
        for (int i = 0; i < 600; ++i) {
            again += "Again,USER" + QByteArray::number(i * 33) + "@Example.com,Active\r\n";
        }
        const CliRun r = run({ "attach-report", "--profile", "Matrix",
            file(QStringLiteral("late.csv"), rows + again + rows.sliced(rows.indexOf('\n') + 1)) });
        QVERIFY2(r.code == ExitOk, qPrintable(r.err));
        // 40,600 rows, 20,000 users: counted as they are stored, as the profile page shows them.
        QVERIFY2(r.err.contains(QStringLiteral("20000 users, 20000 active (UTF-8)")), qPrintable(r.err));
        const QStringList lines = dump().split(QLatin1Char('\n'));
        qsizetype stored = 0;
        for (qsizetype i = lines.indexOf(QStringLiteral("user_report_row")) + 1;
             i > 0 && i < lines.size() && lines.at(i).contains(QLatin1Char('|')); ++i) {
            stored += lines.at(i).endsWith(QStringLiteral("@example.com|1|"));
        }
        QCOMPARE(stored, 20000);
        QVERIFY(dump() != before);
        QVERIFY(run({ "attach-report", "--profile", "Matrix", data("utf8.csv") }).code == ExitOk);
    }

    // A report read from a pipe (a FIFO, /dev/stdin, <(…)) has no size to check first: reading
    // stops at the limit instead of filling memory.
    void aPipeIsReadOnlyUpTo200MB()
    {
#ifdef Q_OS_UNIX
        const QString fifo = m_files.filePath(QStringLiteral("report.fifo"));
        QCOMPARE(mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        const auto previous = std::signal(SIGPIPE, SIG_IGN); // the reader leaving is expected
        std::atomic<bool> stop = false;
        std::atomic<qint64> written = 0;
        std::thread writer([&] {
            // Non-blocking until a reader opens it, so a failure before that cannot hang the test.
            int fd = -1;
            while (fd < 0 && !stop) {
                fd = ::open(QFile::encodeName(fifo).constData(), O_WRONLY | O_NONBLOCK);
                if (fd < 0) {
                    std::this_thread::yield();
                }
            }
            if (fd < 0) {
                return;
            }
            fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
            const QByteArray header = "Email,Status,Note\r\n";
            const QByteArray row = "user@example.com,Active," + QByteArray(8000, 'x') + "\r\n";
            bool ok = ::write(fd, header.constData(), size_t(header.size())) == header.size();
            written += header.size();
            // Stop a little past the limit, so the test ends even if the reader never stops.
            while (ok && written < 210LL * 1024 * 1024) {
                const ssize_t n = ::write(fd, row.constData(), size_t(row.size()));
                ok = n > 0;
                written += ok ? n : 0;
            }
            ::close(fd);
        });
        const QString before = dump();
        const CliRun r = run({ "attach-report", "--profile", "Matrix", fifo });
        stop = true;
        writer.join();
        std::signal(SIGPIPE, previous);
        QVERIFY2(r.code == ExitInvalidFile, qPrintable(QStringLiteral("exit %1: %2").arg(r.code).arg(r.err)));
        QVERIFY2(r.err.contains(QStringLiteral("Stopped reading after 200 MB")), qPrintable(r.err));
        // What the reader took: the limit, plus what the pipe and a read buffer hold.
        QVERIFY2(written < 201LL * 1024 * 1024, qPrintable(QString::number(written)));
        QCOMPARE(dump(), before);
#else
        QSKIP("FIFOs are POSIX");
#endif
    }

    void theMatrixCoversAnOversizedFileWithoutReadingIt()
    {
        const QString path = m_files.filePath(QStringLiteral("huge.csv"));
        QFile sparse(path);
        QVERIFY(sparse.open(QIODevice::WriteOnly));
        QVERIFY(sparse.resize(201LL * 1024 * 1024)); // sparse: nothing is written to disk
        sparse.close();
        const QString before = dump();
        const CliRun r = run({ "attach-report", "--profile", "Matrix", path });
        QCOMPARE(r.code, int(ExitInvalidFile));
        QVERIFY2(r.err.contains(QStringLiteral("largest file")), qPrintable(r.err));
        QCOMPARE(dump(), before);
    }
};

QTEST_GUILESS_MAIN(TestBadInput)
#include "tst_badinput.moc"
