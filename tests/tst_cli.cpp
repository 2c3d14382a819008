// The command line end to end against the sandbox, with the real keychain of the test session:
// profile create → token set → validate → publish → profile show --json, and its failures.
#include "cli/Command.h"
#include "cli/CommandLine.h"
#include "cli/CommandRegistry.h"
#include "core/Reclamation.h"
#include "core/Subscription.h"
#include "sandbox/SandboxServer.h"
#include "secrets/TokenStore.h"
#include "storage/Database.h"
#include "storage/ProfileRepository.h"
#include "support/CliRunner.h"
#include "support/TestBackend.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QStringEncoder>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>
#include <optional>

using namespace rmsam;

// The names the tests below give the shared in-process runner (support/CliRunner.h).
using Run = test::CliRun;
using test::describe;

class TestCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dataDir;
    test::TestBackend m_backend; // SQLite in m_dataDir, or PostgreSQL with RMSAM_TEST_DATABASE=postgresql
    const QString m_service
        = QStringLiteral("roadmunk-sam-test-cli-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    std::unique_ptr<SandboxServer> m_sandbox;
    test::CliRunner m_cli; // on m_backend's database

    Run run(const QStringList& words, const QByteArray& input = {}) { return m_cli.run(words, input); }

    QJsonObject show(const QString& name)
    {
        const Run r
            = run({ QStringLiteral("profile"), QStringLiteral("show"), name, QStringLiteral("--json") });
        return QJsonDocument::fromJson(r.out.toUtf8()).object();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dataDir.isValid());
        const QString started = m_backend.start();
        QVERIFY2(started.isEmpty(), qPrintable(started));
        m_cli = test::CliRunner(m_backend.location(m_dataDir), m_service);
        SandboxOptions options;
        options.userCount = 30;
        m_sandbox = std::make_unique<SandboxServer>(options);
        QVERIFY(m_sandbox->listen(0) != 0);
    }

    void happyPathToPublished()
    {
        const QString endpoint = m_sandbox->endpoint().toString();
        Run r = run({ QStringLiteral("profile"), QStringLiteral("create"), QStringLiteral("--name"),
            QStringLiteral("Sandbox 本社"), QStringLiteral("--endpoint"), endpoint,
            QStringLiteral("--analyze-from"), QStringLiteral("2026-01-01") });
        QVERIFY2(r.code == ExitOk, qPrintable(describe(r)));
        QCOMPARE(show(QStringLiteral("Sandbox 本社")).value(QLatin1String("status")).toString(),
            QStringLiteral("Draft"));

        r = run({ QStringLiteral("validate"), QStringLiteral("--profile"), QStringLiteral("Sandbox 本社") });
        QVERIFY2(r.code == ExitToken, qPrintable(describe(r))); // no token yet
        QCOMPARE(
            show(QStringLiteral("Sandbox 本社")).value(QLatin1String("tokenSetAt")).type(), QJsonValue::Null);

        r = run({ QStringLiteral("token"), QStringLiteral("set"), QStringLiteral("--profile"),
                    QStringLiteral("Sandbox 本社") },
            m_sandbox->token().toUtf8() + "\n");
        QVERIFY2(r.code == ExitOk, qPrintable(describe(r)));

        QVERIFY(show(QStringLiteral("Sandbox 本社")).value(QLatin1String("tokenSetAt")).isString());
        r = run({ QStringLiteral("publish"), QStringLiteral("--profile"), QStringLiteral("Sandbox 本社"),
            QStringLiteral("--yes") });
        QVERIFY2(r.code == ExitFailure, qPrintable(describe(r))); // not validated yet
        QVERIFY(r.err.contains(QStringLiteral("Validate")));

        r = run({ QStringLiteral("validate"), QStringLiteral("--profile"), QStringLiteral("Sandbox 本社") });
        QVERIFY2(r.code == ExitOk, qPrintable(describe(r)));
        QVERIFY(r.err.contains(QStringLiteral("Connection validated")));
        QVERIFY(r.err.contains(QStringLiteral("[4/4]")));
        // The only profile for its account: no warning, and the account is noted.
        QVERIFY2(!r.err.contains(QStringLiteral("Warning")), qPrintable(r.err));
        QCOMPARE(show(QStringLiteral("Sandbox 本社")).value(QLatin1String("roadmunkAccountId")).toString(),
            m_sandbox->account().company().id);
        QVERIFY(!m_sandbox->account().company().id.isEmpty());

        r = run({ QStringLiteral("publish"), QStringLiteral("--profile"), QStringLiteral("Sandbox 本社") });
        QVERIFY2(r.code == ExitUsage, qPrintable(describe(r))); // no terminal to confirm on and no --yes
        r = run({ QStringLiteral("publish"), QStringLiteral("--profile"), QStringLiteral("Sandbox 本社"),
            QStringLiteral("--yes") });
        QVERIFY2(r.code == ExitOk, qPrintable(describe(r)));

        // The published profile's jobs run headless.
        r = run({ QStringLiteral("sync"), QStringLiteral("--profile"), QStringLiteral("Sandbox 本社") });
        QVERIFY2(r.code == ExitOk, qPrintable(describe(r)));
        QVERIFY(
            r.err.contains(QStringLiteral("SAM - Refresh Sandbox 本社 Subscriptions: Succeeded. 30 users")));
        QVERIFY(r.err.contains(QStringLiteral("SAM - Refresh Sandbox 本社 Activity: Succeeded")));
        // stderr is not a terminal here (a log, cron): no progress lines rewritten with \r.
        QVERIFY2(!r.err.contains(QLatin1Char('\r')) && !r.err.contains(QStringLiteral(" pages, ")),
            qPrintable(r.err));
        QVERIFY(!r.err.startsWith(QLatin1Char('\n')));
        r = run({ QStringLiteral("sync"), QStringLiteral("--profile"), QStringLiteral("Sandbox 本社"),
            QStringLiteral("--only"), QStringLiteral("activity") });
        QVERIFY2(r.code == ExitOk, qPrintable(describe(r)));
        QVERIFY(!r.err.contains(QStringLiteral("Subscriptions:")));
        r = run({ QStringLiteral("sync"), QStringLiteral("--profile"), QStringLiteral("Sandbox 本社"),
            QStringLiteral("--only"), QStringLiteral("everything") });
        QCOMPARE(r.code, int(ExitUsage));
        r = run({ "sync", "--profile", "Sandbox 本社", "--only", "subscriptions", "--max-in-flight", "1" });
        QVERIFY2(r.code == ExitOk, qPrintable(describe(r)));
        QCOMPARE(run({ "sync", "--profile", "Sandbox 本社", "--max-in-flight", "0" }).code, int(ExitUsage));

        // The daily run time is configurable.
        r = run({ "schedule", "set", "--profile", "Sandbox 本社", "--job", "activity", "--at", "05:45" });
        QVERIFY2(r.code == ExitOk, qPrintable(describe(r)));
        r = run({ "schedule", "list", "--profile", "Sandbox 本社" });
        QVERIFY2(r.out.contains(QStringLiteral("activity\t05:45\t")), qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("subscriptions\t02:00\t")));
        QCOMPARE(run({ "schedule", "set", "--profile", "Sandbox 本社", "--job", "activity", "--at", "25:00" })
                     .code,
            int(ExitUsage));

        const QJsonObject profile = show(QStringLiteral("sandbox 本社"));
        QCOMPARE(profile.value(QLatin1String("status")).toString(), QStringLiteral("Published"));
        QCOMPARE(
            profile.value(QLatin1String("profileType")).toString(), QStringLiteral("Roadmunk Subscription"));
        QCOMPARE(profile.value(QLatin1String("connectionUrl")).toString(), endpoint);
        QCOMPARE(
            profile.value(QLatin1String("analyzeActivityFrom")).toString(), QStringLiteral("2026-01-01"));
        QVERIFY(profile.value(QLatin1String("downloadSubscriptions")).toBool());

        r = run({ QStringLiteral("profile"), QStringLiteral("list"), QStringLiteral("--json") });
        QCOMPARE(r.code, int(ExitOk));
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).array().size(), 1);

        // A published profile's new token is checked before it replaces the stored one: one that
        // works keeps the profile Published. On a shared database the token is one member's own
        // and is stored as given.
        const bool shared = m_backend.postgreSql();
        r = run({ QStringLiteral("token"), QStringLiteral("set"), QStringLiteral("--profile"),
                    QStringLiteral("Sandbox 本社") },
            m_sandbox->token().toUtf8());
        QVERIFY2(r.code == ExitOk, qPrintable(describe(r)));
        QCOMPARE(show(QStringLiteral("Sandbox 本社")).value(QLatin1String("status")).toString(),
            QStringLiteral("Published"));
        if (!shared) {
            QVERIFY2(r.err.contains(QStringLiteral("stays Published")), qPrintable(describe(r)));
            // A token the gateway refuses is not stored: the old one and the status stay.
            const QString tokenSetAt
                = show(QStringLiteral("Sandbox 本社")).value(QLatin1String("tokenSetAt")).toString();
            r = run({ QStringLiteral("token"), QStringLiteral("set"), QStringLiteral("--profile"),
                        QStringLiteral("Sandbox 本社") },
                QByteArray(549, 'w'));
            QVERIFY2(r.code == ExitToken, qPrintable(describe(r)));
            QVERIFY2(r.err.contains(QStringLiteral("was not stored")), qPrintable(describe(r)));
            QVERIFY(r.err.contains(QStringLiteral("keeps its previous token")));
            QVERIFY(!r.err.contains(QString(549, QLatin1Char('w'))));
            const QJsonObject kept = show(QStringLiteral("Sandbox 本社"));
            QCOMPARE(kept.value(QLatin1String("status")).toString(), QStringLiteral("Published"));
            QCOMPARE(kept.value(QLatin1String("tokenSetAt")).toString(), tokenSetAt);
        }
        r = run({ QStringLiteral("sync"), QStringLiteral("--profile"), QStringLiteral("Sandbox 本社") });
        QVERIFY2(r.code == ExitOk, qPrintable(describe(r))); // with the token that works
    }

    // The contract's term from the command line, and what entitlement list advises at renewal
    // for the synced profile: seats in use (held, not open removal candidates) plus the buffer.
    void renewalFromTheCommandLine()
    {
        const QString profile = QStringLiteral("Sandbox 本社");
        const QDate today = QDate::currentDate();
        const QStringList set { "entitlement", "set", "--profile", profile, "--seat", "collaborator",
            "--owned", "40", "--price", "10", "--period", "month", "--currency", "EUR" };
        Run r = run(set
            + QStringList { "--renewal", today.addDays(100).toString(Qt::ISODate), "--notice-days", "30",
                "--term-start", today.addDays(-265).toString(Qt::ISODate) });
        QVERIFY2(r.code == ExitOk, qPrintable(describe(r)));
        const QRegularExpression position(
            QStringLiteral("^collaborator\t\\w+\tassigned (\\d+), owned 40, stale (\\d+)"),
            QRegularExpression::MultilineOption);
        const auto expectedLine = [&](const QString& out, int bufferPercent) {
            const QRegularExpressionMatch m = position.match(out);
            if (!m.hasMatch()) {
                return QStringLiteral("no collaborator position in: ") + out;
            }
            const int active = m.captured(1).toInt() - m.captured(2).toInt();
            const int recommended = active + (active * bufferPercent + 99) / 100;
            return QStringLiteral(
                "collaborator\trenewal\trenewal %1, cancel by %2 (in 70 days): recommended %3 "
                "seats (%4 active + %5 %), saves %6 a year")
                .arg(today.addDays(100).toString(Qt::ISODate), today.addDays(70).toString(Qt::ISODate))
                .arg(recommended)
                .arg(active)
                .arg(bufferPercent)
                .arg(Licenses::moneyText(std::max(0, 40 - recommended) * 120.0, QStringLiteral("EUR")));
        };
        r = run({ "entitlement", "list", "--profile", profile });
        QVERIFY2(r.code == ExitOk, qPrintable(describe(r)));
        QVERIFY2(position.match(r.out).hasMatch(), qPrintable(r.out));
        const int held = position.match(r.out).captured(1).toInt();
        QVERIFY2(held > 0 && held <= 30, qPrintable(r.out)); // the sandbox's users hold seats
        QVERIFY2(r.out.contains(expectedLine(r.out, 10)),
            qPrintable(r.out + QStringLiteral("\n") + expectedLine(r.out, 10)));
        QVERIFY(!r.out.contains(QStringLiteral("reviewer\trenewal"))); // no renewal date for reviewers

        // Setting the seats again keeps the term; the buffer is the entitlement's.
        r = run(set + QStringList { "--buffer-percent", "25" });
        QVERIFY2(r.code == ExitOk, qPrintable(describe(r)));
        r = run({ "entitlement", "list", "--profile", profile });
        QVERIFY2(r.out.contains(expectedLine(r.out, 25)),
            qPrintable(r.out + QStringLiteral("\n") + expectedLine(r.out, 25)));

        // 70 days before the cancel-by date: no reminder yet. 5 days before: the 7-day reminder,
        // once (a cron job running every day says nothing more).
        r = run({ "entitlement", "remind" });
        QVERIFY2(r.code == ExitOk && r.out.isEmpty(), qPrintable(describe(r)));
        QVERIFY2(r.err.contains(QStringLiteral("No renewal reminder is due.")), qPrintable(describe(r)));
        r = run(set + QStringList { "--renewal", today.addDays(35).toString(Qt::ISODate) });
        QVERIFY2(r.code == ExitOk, qPrintable(describe(r)));
        r = run({ "entitlement", "remind" });
        QVERIFY2(r.code == ExitOk, qPrintable(describe(r)));
        QVERIFY2(r.out.startsWith(profile + QStringLiteral("\tcollaborator\t7\tRoadmunk renewal for “")),
            qPrintable(describe(r)));
        QVERIFY2(r.out.contains(
                     QStringLiteral("Cancel by %1 (in 5 days)").arg(today.addDays(5).toString(Qt::ISODate))),
            qPrintable(describe(r)));
        QCOMPARE(r.out.count(QLatin1Char('\n')), 1);
        r = run({ "entitlement", "remind" });
        QVERIFY2(r.code == ExitOk && r.out.isEmpty(), qPrintable(describe(r)));

        // "none" forgets the renewal date, and the advice with it.
        r = run(set + QStringList { "--renewal", "none" });
        QVERIFY2(r.code == ExitOk, qPrintable(describe(r)));
        QVERIFY2(!r.out.contains(QStringLiteral("\trenewal\t")), qPrintable(r.out));
    }

    void wrongTokenExitsThree()
    {
        QCOMPARE(run({ QStringLiteral("profile"), QStringLiteral("create"), QStringLiteral("--name"),
                         QStringLiteral("Wrong token"), QStringLiteral("--endpoint"),
                         m_sandbox->endpoint().toString() })
                     .code,
            int(ExitOk));
        QCOMPARE(run({ QStringLiteral("token"), QStringLiteral("set"), QStringLiteral("--profile"),
                         QStringLiteral("Wrong token") },
                     QByteArray(549, 'w'))
                     .code,
            int(ExitOk));
        const Run r
            = run({ QStringLiteral("validate"), QStringLiteral("--profile"), QStringLiteral("Wrong token") });
        QVERIFY2(r.code == ExitToken, qPrintable(describe(r)));
        QVERIFY(r.err.contains(QStringLiteral("rejected")));
        QVERIFY(!r.err.contains(QString(549, QLatin1Char('w'))));
        QCOMPARE(
            show(QStringLiteral("Wrong token")).value(QLatin1String("validatedAt")).type(), QJsonValue::Null);
    }

    void closedPortExitsFour()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const QString url = QStringLiteral("http://127.0.0.1:%1/public/graphql").arg(probe.serverPort());
        probe.close();
        QCOMPARE(run({ QStringLiteral("profile"), QStringLiteral("create"), QStringLiteral("--name"),
                         QStringLiteral("Closed"), QStringLiteral("--endpoint"), url })
                     .code,
            int(ExitOk));
        QCOMPARE(run({ QStringLiteral("token"), QStringLiteral("set"), QStringLiteral("--profile"),
                         QStringLiteral("Closed") },
                     m_sandbox->token().toUtf8())
                     .code,
            int(ExitOk));
        const Run r
            = run({ QStringLiteral("validate"), QStringLiteral("--profile"), QStringLiteral("Closed") });
        QVERIFY2(r.code == ExitNetwork, qPrintable(describe(r)));
    }

    void badInputIsAUsageError_data()
    {
        QTest::addColumn<QStringList>("words");
        QTest::addColumn<int>("code");
        QTest::newRow("non-loopback endpoint") << QStringList { "profile", "create", "--name", "X",
            "--endpoint", "https://evil.example/public/graphql" }
                                               << int(ExitUsage);
        QTest::newRow("unknown region")
            << QStringList { "profile", "create", "--name", "X", "--region", "us" } << int(ExitUsage);
        QTest::newRow("future analyze-from") << QStringList { "profile", "create", "--name", "X",
            "--analyze-from", "2999-01-01" } << int(ExitUsage);
        QTest::newRow("bad date") << QStringList { "profile", "create", "--name", "X", "--analyze-from",
            "01/02/2026" } << int(ExitUsage);
        QTest::newRow("name too long")
            << QStringList { "profile", "create", "--name", QString(101, QLatin1Char('n')) }
            << int(ExitUsage);
        QTest::newRow("no name") << QStringList { "profile", "create" } << int(ExitUsage);
        QTest::newRow("unknown option")
            << QStringList { "profile", "list", "--frobnicate" } << int(ExitUsage);
        QTest::newRow("token as argument")
            << QStringList { "token", "set", "--profile", "X", "--token", "abc" } << int(ExitUsage);
        QTest::newRow("unknown subcommand") << QStringList { "profile", "rename" } << int(ExitUsage);
        QTest::newRow("missing profile")
            << QStringList { "validate", "--profile", "No such profile" } << int(ExitFailure);
        QTest::newRow("show missing")
            << QStringList { "profile", "show", "No such profile" } << int(ExitFailure);
    }

    void badInputIsAUsageError()
    {
        QFETCH(QStringList, words);
        QFETCH(int, code);
        const int before
            = int(QJsonDocument::fromJson(run({ "profile", "list", "--json" }).out.toUtf8()).array().size());
        const Run r = run(words);
        QVERIFY2(r.code == code, qPrintable(describe(r)));
        QVERIFY(!r.err.isEmpty());
        const int after
            = int(QJsonDocument::fromJson(run({ "profile", "list", "--json" }).out.toUtf8()).array().size());
        QCOMPARE(after, before); // nothing was created
    }

    void duplicateNameIsRefused()
    {
        QCOMPARE(run({ "profile", "create", "--name", "Twice", "--region", "eu" }).code, int(ExitOk));
        const Run r = run({ "profile", "create", "--name", "TWICE" });
        QCOMPARE(r.code, int(ExitFailure));
        QVERIFY(r.err.contains(QStringLiteral("already exists")));
        QCOMPARE(show(QStringLiteral("Twice")).value(QLatin1String("connectionUrl")).toString(),
            QStringLiteral("https://eu-gateway.roadmunk.com/public/graphql"));
    }

    void exclusionsFromTheCommandLine()
    {
        // "Sandbox 本社" holds the synced subscriptions of happyPathToPublished().
        const QString someone = m_sandbox->account().users().at(3).email;
        Run r = run({ "exclude", "add", "--profile", "Sandbox 本社", "--user", someone.toUpper() });
        QVERIFY2(r.code == ExitOk, qPrintable(describe(r)));
        r = run({ "exclude", "add", "--profile", "Sandbox 本社", "--identifier", "reviewer" });
        QCOMPARE(r.code, int(ExitOk));
        r = run({ "exclude", "list", "--profile", "Sandbox 本社" });
        QCOMPARE(r.code, int(ExitOk));
        QVERIFY2(r.out.contains(QStringLiteral("user	%1	active	1").arg(someone.toLower())),
            qPrintable(r.out));
        int reviewers = 0;
        for (const SandboxUser& u : m_sandbox->account().users()) {
            reviewers += u.accountRole == QLatin1String("reviewer");
        }
        QVERIFY(reviewers > 0);
        QVERIFY2(r.out.contains(QStringLiteral("identifier	reviewer	active	%1").arg(reviewers)),
            qPrintable(r.out));

        QCOMPARE(run({ "exclude", "remove", "--profile", "Sandbox 本社", "--identifier", "REVIEWER" }).code,
            int(ExitOk));
        QCOMPARE(run({ "exclude", "remove", "--profile", "Sandbox 本社", "--identifier", "reviewer" }).code,
            int(ExitFailure));
        QCOMPARE(
            run({ "exclude", "add", "--profile", "Sandbox 本社", "--user", "nobody" }).code, int(ExitUsage));
        QCOMPARE(
            run({ "exclude", "add", "--profile", "Sandbox 本社", "--user", "a@b.c", "--identifier", "x" })
                .code,
            int(ExitUsage));
        QCOMPARE(run({ "exclude", "add", "--profile", "Sandbox 本社" }).code, int(ExitUsage));
        r = run({ "exclude", "list", "--profile", "Sandbox 本社" });
        QCOMPARE(r.out.count(QLatin1Char('\n')), 1);
    }

    void changeLogFromTheCommandLine()
    {
        // "Sandbox 本社" is published (happyPathToPublished()): its rule is stored.
        Run r = run({ "rule", "set", "--profile", "Sandbox 本社", "--threshold-days", "91" });
        QVERIFY2(r.code == ExitOk, qPrintable(describe(r)));
        r = run({ "changes", "--profile", "Sandbox 本社", "--limit", "1" });
        QVERIFY2(r.code == ExitOk, qPrintable(describe(r)));
        QCOMPARE(r.out.count(QLatin1Char('\n')), 1);
        QVERIFY2(r.out.contains(QStringLiteral("\treclamation_rule\tupdate\t")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("→ 91")), qPrintable(r.out));
        QVERIFY(r.out.contains(
            QStringLiteral("\t%1@%2\t").arg(Database::operatingSystemAccount(), Database::hostName())));
        r = run({ "changes", "--limit", "0" });
        QVERIFY2(r.code == ExitOk, qPrintable(describe(r)));
        QVERIFY(r.out.count(QLatin1Char('\n')) > 5);
        QVERIFY(r.out.contains(QStringLiteral("\tjob_result\tinsert\t"))); // the syncs
    }

    // `export --report changes`: who joined, left or changed role at the latest sync, and only then.
    void exportsTheChangesOfTheLatestSync()
    {
        SandboxOptions options;
        options.userCount = 12;
        options.seed = 2; // another account than m_sandbox's
        SandboxServer sandbox(options);
        QVERIFY(sandbox.listen(0) != 0);
        const QString name = QStringLiteral("Changes 支社");
        Run r = run({ "profile", "create", "--name", name, "--endpoint", sandbox.endpoint().toString() });
        QVERIFY2(r.code == ExitOk, qPrintable(describe(r)));
        QCOMPARE(run({ "token", "set", "--profile", name }, sandbox.token().toUtf8()).code, int(ExitOk));
        r = run({ "validate", "--profile", name });
        QVERIFY2(r.code == ExitOk, qPrintable(describe(r)));
        QVERIFY2(!r.err.contains(QStringLiteral("already points at")), qPrintable(r.err)); // another account
        QCOMPARE(run({ "publish", "--profile", name, "--yes" }).code, int(ExitOk));
        const auto exported = [this, &name] {
            const Run e = run({ "export", "--profile", name, "--report", "changes" });
            if (e.code != ExitOk || !e.out.startsWith(QChar(0xFEFF))) {
                return QStringList { describe(e) };
            }
            return e.out.mid(1).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        };
        const QString headers = QStringLiteral("Change,Email,User ID,Old Role,New Role,Synced At");
        QCOMPARE(exported(), QStringList { headers }); // no sync yet
        r = run({ "sync", "--profile", name, "--only", "subscriptions" });
        QVERIFY2(r.code == ExitOk, qPrintable(describe(r)));
        QStringList lines = exported();
        QCOMPARE(lines.size(), 1 + 12); // the first sync: everyone joined
        QVERIFY2(lines.at(1).startsWith(QStringLiteral("Joined,")), qPrintable(lines.at(1)));

        SandboxAccount& account = sandbox.account();
        const SandboxUser leaver = account.users().at(1);
        SandboxUser& changed = account.userAt(2);
        const QString oldRole = changed.accountRole;
        changed.accountRole = oldRole == QLatin1String("reviewer") ? QStringLiteral("collaborator")
                                                                   : QStringLiteral("reviewer");
        const SandboxUser changedNow = changed;
        SandboxUser joiner = account.users().at(3);
        joiner.id = QStringLiteral("eeeeeeeeeeeeeeeeee000009");
        joiner.email = QStringLiteral("new.hire@sandbox.example");
        account.removeUser(leaver.id);
        account.insertUser(account.users().size(), joiner);
        r = run({ "sync", "--profile", name, "--only", "subscriptions" });
        QVERIFY2(r.code == ExitOk, qPrintable(describe(r)));
        lines = exported();
        QCOMPARE(lines.size(), 1 + 3); // this sync's three, none of the first sync's joiners
        QCOMPARE(lines.at(0), headers);
        QVERIFY2(
            lines.at(1).startsWith(QStringLiteral("Joined,%1,%2,,%3,")
                                       .arg(joiner.email, joiner.id, Roles::displayName(joiner.accountRole))),
            qPrintable(lines.at(1)));
        QVERIFY2(
            lines.at(2).startsWith(QStringLiteral("Left,%1,%2,%3,,")
                                       .arg(leaver.email, leaver.id, Roles::displayName(leaver.accountRole))),
            qPrintable(lines.at(2)));
        QVERIFY2(lines.at(3).startsWith(QStringLiteral("Role changed,%1,%2,%3,%4,")
                                            .arg(changedNow.email, changedNow.id, Roles::displayName(oldRole),
                                                Roles::displayName(changedNow.accountRole))),
            qPrintable(lines.at(3)));
        static const QRegularExpression syncedAt(
            QStringLiteral(",\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z$"));
        for (const QString& line : lines.mid(1)) {
            QVERIFY2(line.contains(syncedAt), qPrintable(line));
        }
        QCOMPARE(run({ "profile", "delete", name }).code, int(ExitOk));
    }

    // A second profile for the account of "Sandbox 本社" validates, with a warning naming the first.
    void secondProfileForOneAccountIsFlagged()
    {
        // Validated again: on SQLite the new token of happyPathToPublished() made it a Draft
        // whose account is known only at its next validation.
        Run first = run({ "validate", "--profile", "Sandbox 本社" });
        QVERIFY2(first.code == ExitOk, qPrintable(describe(first)));
        QVERIFY2(!first.err.contains(QStringLiteral("Warning")), qPrintable(first.err));
        const QString name = QStringLiteral("Sandbox again");
        QCOMPARE(
            run({ "profile", "create", "--name", name, "--endpoint", m_sandbox->endpoint().toString() }).code,
            int(ExitOk));
        QCOMPARE(run({ "token", "set", "--profile", name }, m_sandbox->token().toUtf8()).code, int(ExitOk));
        const Run r = run({ "validate", "--profile", name });
        QVERIFY2(r.code == ExitOk, qPrintable(describe(r)));
        const SandboxCompany& company = m_sandbox->account().company();
        QVERIFY2(r.err.contains(
                     QStringLiteral("\nWarning: Profile “Sandbox 本社” already points at this Roadmunk "
                                    "account (%1/%2). Two profiles for one account count its seats twice")
                         .arg(company.id, company.companyName)),
            qPrintable(r.err));
        QCOMPARE(r.err.count(QStringLiteral("Warning:")), 1);
        QVERIFY(show(name).value(QLatin1String("validatedAt")).isString()); // validated all the same
        QCOMPARE(run({ "profile", "delete", name }).code, int(ExitOk));
    }

    void exportsWithStableHeaders()
    {
        Run r = run({ "export", "--profile", "Sandbox 本社", "--report", "subscriptions" });
        QVERIFY2(r.code == ExitOk, qPrintable(describe(r)));
        QVERIFY(r.out.startsWith(QChar(0xFEFF))); // UTF-8 BOM, for Excel
        const QStringList lines = r.out.mid(1).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.first(),
            QStringLiteral("User ID,Email,First Name,Last Name,Role,Seat Type,Invited,Excluded,Last Login,"
                           "Last Activity,Activity Source"));
        QCOMPARE(lines.size(), 1 + 30);
        // Dates as ISO-8601 UTC.
        static const QRegularExpression iso(QStringLiteral(",\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z,"));
        QVERIFY(lines.at(1).contains(iso) || lines.at(2).contains(iso) || lines.at(3).contains(iso));

        const QString out = m_dataDir.filePath(QStringLiteral("jobs.csv"));
        r = run({ "export", "--profile", "Sandbox 本社", "--report", "jobs", "--out", out });
        QVERIFY2(r.code == ExitOk, qPrintable(describe(r)));
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.startsWith("\xEF\xBB\xBFJob,Trigger,Started,Ended,Outcome,Users,"));
        QVERIFY(bytes.contains(",Command line,")); // the trigger, by its display name
        for (const char* report :
            { "activity", "unrecognized", "exclusions", "inactive", "scheduled", "models" }) {
            QCOMPARE(run({ "export", "--profile", "Sandbox 本社", "--report", report }).code, int(ExitOk));
        }
        QCOMPARE(
            run({ "export", "--profile", "Sandbox 本社", "--report", "everything" }).code, int(ExitUsage));
        QCOMPARE(
            run({ "export", "--profile", "Sandbox 本社", "--report", "jobs", "--out", "/proc/nope/x.csv" })
                .code,
            int(ExitUsage));
    }

    void attachReportNarrowsSubscriptions()
    {
        // A report listing three sandbox users, two active, in Japanese Shift-JIS.
        const auto& users = m_sandbox->account().users();
        QByteArray csv = QStringLiteral("メールアドレス,ステータス\r\n").toUtf8();
        csv += users.at(0).email.toUtf8() + ",アクティブ\r\n";
        csv += users.at(1).email.toUpper().toUtf8() + ",有効\r\n";
        csv += users.at(2).email.toUtf8() + ",非アクティブ\r\n";
        QStringEncoder toSjis("windows-31j");
        const QByteArray sjis = toSjis(QString::fromUtf8(csv));
        const QString reportPath = m_dataDir.filePath(QStringLiteral("users-sjis.csv"));
        QFile file(reportPath);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(sjis);
        file.close();

        Run r = run({ "attach-report", "--profile", "Sandbox 本社", reportPath });
        QVERIFY2(r.code == ExitOk, qPrintable(describe(r)));
        QVERIFY(r.err.contains(QStringLiteral("3 users, 2 active (Shift_JIS)")));
        r = run({ "export", "--profile", "Sandbox 本社", "--report", "subscriptions" });
        QCOMPARE(r.out.count(QStringLiteral("\r\n")), 1 + 2);
        r = run({ "export", "--profile", "Sandbox 本社", "--report", "inactive" });
        QCOMPARE(r.out.count(QStringLiteral("\r\n")), 1 + 28);

        // A bad file is refused whole with exit 5, and the previous report stays.
        r = run({ "attach-report", "--profile", "Sandbox 本社",
            qEnvironmentVariable("RMSAM_TEST_DATA") + QStringLiteral("/csv/ragged.csv") });
        QCOMPARE(r.code, int(ExitInvalidFile));
        QVERIFY(r.err.contains(QStringLiteral("Line 3")));
        r = run({ "attach-report", "--profile", "Sandbox 本社",
            qEnvironmentVariable("RMSAM_TEST_DATA") + QStringLiteral("/csv/no-email-column.csv") });
        QCOMPARE(r.code, int(ExitInvalidFile));
        QVERIFY(r.err.contains(QStringLiteral("--email-column")));
        r = run({ "export", "--profile", "Sandbox 本社", "--report", "subscriptions" });
        QCOMPARE(r.out.count(QStringLiteral("\r\n")), 1 + 2);
        QCOMPARE(run({ "attach-report", "--profile", "Sandbox 本社", "/nonexistent.csv" }).code,
            int(ExitInvalidFile));
    }

    void tooLongTokenIsRefused()
    {
        QCOMPARE(run({ "profile", "create", "--name", "Long token" }).code, int(ExitOk));
        const Run r = run({ "token", "set", "--profile", "Long token" }, QByteArray(3000, 'x'));
        QCOMPARE(r.code, int(ExitUsage));
        QVERIFY(r.err.contains(QStringLiteral("2560")));
    }

    // Deleting a profile removes its token from the keychain and its User report from the database.
    void deleteRemovesTheKeychainEntry()
    {
        QCOMPARE(
            run({ "profile", "create", "--name", "Doomed", "--endpoint", m_sandbox->endpoint().toString() })
                .code,
            int(ExitOk));
        QCOMPARE(
            run({ "token", "set", "--profile", "Doomed" }, m_sandbox->token().toUtf8()).code, int(ExitOk));
        const Run attached = run({ "attach-report", "--profile", "Doomed",
            qEnvironmentVariable("RMSAM_TEST_DATA") + QStringLiteral("/csv/utf8.csv") });
        QVERIFY2(attached.code == ExitOk, qPrintable(describe(attached)));
        QString tokenKey;
        qint64 id = 0;
        const auto reportRows = [this, &id] {
            auto db = Database::open(m_backend.location(m_dataDir));
            QSqlQuery q(db.value()->connection());
            q.exec(QStringLiteral("SELECT COUNT(*) FROM user_report_row WHERE profile_id = %1").arg(id));
            return q.next() ? q.value(0).toInt() : -1;
        };
        {
            auto db = Database::open(m_backend.location(m_dataDir));
            QVERIFY(db);
            const IntegrationProfile doomed
                = ProfileRepository(*db.value()).findByReference(QStringLiteral("Doomed")).value();
            tokenKey = doomed.tokenKey;
            id = doomed.id;
        }
        QVERIFY(reportRows() > 0);
        TokenStore store(m_service);
        auto read = [&store, &tokenKey] {
            std::optional<Result<QString>> result;
            store.read(tokenKey, [&result](Result<QString> r) { result = r; });
            if (!QTest::qWaitFor([&result] { return result.has_value(); }, 20000)) {
                result = Result<QString>(Error { ErrorCode::Timeout, QStringLiteral("no answer"), {} });
            }
            return result;
        };
        QCOMPARE(read()->value(), m_sandbox->token());

        QCOMPARE(run({ "profile", "delete", "Doomed" }).code, int(ExitOk));
        QCOMPARE(run({ "profile", "show", "Doomed" }).code, int(ExitFailure));
        QCOMPARE(read()->error().code, ErrorCode::TokenMissing);
        QCOMPARE(reportRows(), 0);
    }

    void tokenNeverReachesDiskOrOutput()
    {
        const QByteArray token = m_sandbox->token().toUtf8();
        // The database's own files: the data folder, or the whole PostgreSQL cluster (its tables,
        // write-ahead log and server log).
        QDirIterator it(m_backend.postgreSql() ? m_backend.cluster()->socketDir() : m_dataDir.path(),
            QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        int files = 0;
        while (it.hasNext()) {
            QFile file(it.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY2(!file.readAll().contains(token), qPrintable(file.fileName()));
            ++files;
        }
        QVERIFY(files > 0); // the database is there, and was searched
        const Run r = run({ "profile", "show", "Sandbox 本社" });
        QVERIFY(!r.out.contains(QString::fromUtf8(token)));
    }

    void jobSettingsFromTheCommandLine()
    {
        QCOMPARE(run({ "profile", "create", "--name", "Settings", "--region", "apac" }).code, int(ExitOk));
        Run r = run(
            { "schedule", "set", "--profile", "Settings", "--max-in-flight", "6", "--report-max-age", "45" });
        QVERIFY2(r.code == ExitOk, qPrintable(describe(r)));
        const QJsonObject shown = show(QStringLiteral("Settings"));
        QCOMPARE(shown.value(QLatin1String("maxInFlight")).toInt(), 6);
        QCOMPARE(shown.value(QLatin1String("reportMaxAgeDays")).toInt(), 45);
        r = run({ "schedule", "set", "--profile", "Settings", "--max-in-flight", "99" });
        QCOMPARE(r.code, int(ExitUsage));
        QVERIFY(r.err.contains(QStringLiteral("16")));
        QCOMPARE(show(QStringLiteral("Settings")).value(QLatin1String("maxInFlight")).toInt(), 6);
        // A Draft has no daily job yet.
        r = run({ "schedule", "set", "--profile", "Settings", "--job", "subscriptions", "--at", "04:00" });
        QCOMPARE(r.code, int(ExitFailure));
        QVERIFY(r.err.contains(QStringLiteral("publish it first")));
    }

    void helpListsTheExitCodes()
    {
        const Run r = run({ "profile", "--help" });
        QCOMPARE(r.code, int(ExitOk));
        QVERIFY(r.out.contains(QStringLiteral("6 keychain unavailable")));
    }

    // An unknown first word is refused (exit 2) with the closest command, never taken for anything.
    void unknownCommandIsRefused_data()
    {
        QTest::addColumn<QStringList>("words");
        QTest::addColumn<QString>("says");
        QTest::addColumn<QString>("suggests"); // empty: nothing is close
        QTest::newRow("nothing close") << QStringList { "xyzzy" } << "unknown command \"xyzzy\"" << QString();
        QTest::newRow("a slip") << QStringList { "profle", "list" } << "unknown command \"profle\""
                                << "profile";
        QTest::newRow("swapped letters")
            << QStringList { "--data-dir", m_dataDir.path(), "exprot", "--profile", "x" }
            << "unknown command \"exprot\""
            << "export";
        QTest::newRow("capitals") << QStringList { "SYNC" } << "unknown command \"SYNC\""
                                  << "sync";
        QTest::newRow("the start of one") << QStringList { "cand", "list" } << "unknown command \"cand\""
                                          << "candidate";
        QTest::newRow("an option's value is not the command")
            << QStringList { "--data-dir", "profile", "bogus" } << "unknown command \"bogus\"" << QString();
    }

    void unknownCommandIsRefused()
    {
        QFETCH(QStringList, words);
        QFETCH(QString, says);
        QFETCH(QString, suggests);
        const Run r = run(words);
        QVERIFY2(r.code == ExitUsage, qPrintable(describe(r)));
        QVERIFY2(
            r.err.startsWith(QStringLiteral("roadmunk-sam: ") + says + QLatin1Char('\n')), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("Run \"roadmunk-sam --help\" for the commands.")),
            qPrintable(r.err));
        if (suggests.isEmpty()) {
            QVERIFY2(!r.err.contains(QStringLiteral("Did you mean")), qPrintable(r.err));
        } else {
            QVERIFY2(r.err.contains(QStringLiteral("Did you mean \"%1\"?").arg(suggests)), qPrintable(r.err));
        }
        QVERIFY(r.out.isEmpty());
    }

    // A long first word may be a pasted token: refused without repeating any of it.
    void unknownLongWordIsNotRepeated()
    {
        const QString secret = QStringLiteral("rmk") + QString(60, QLatin1Char('S'));
        const Run r = run({ secret });
        QCOMPARE(r.code, int(ExitUsage));
        QVERIFY2(r.err.contains(QStringLiteral("unknown command of 63 characters")), qPrintable(r.err));
        QVERIFY2(!r.err.contains(QStringLiteral("rmkS")) && !r.err.contains(QStringLiteral("SSSS")),
            qPrintable(r.err));
    }

    void closestFirstWord()
    {
        QCOMPARE(CommandRegistry::closestFirstWord(QStringLiteral("xyzzy")), QString());
        QCOMPARE(CommandRegistry::closestFirstWord(QStringLiteral("x")), QString());
        QCOMPARE(CommandRegistry::closestFirstWord(QStringLiteral("vaildate")), QStringLiteral("validate"));
        QCOMPARE(CommandRegistry::closestFirstWord(QStringLiteral("rul")), QStringLiteral("rule"));
        QCOMPARE(
            CommandRegistry::closestFirstWord(QStringLiteral("entitlements")), QStringLiteral("entitlement"));
        QCOMPARE(
            CommandRegistry::closestFirstWord(QStringLiteral("attach")), QStringLiteral("attach-report"));
        QCOMPARE(CommandRegistry::closestFirstWord(QStringLiteral("tkn")), QString());
    }

    // The commands are found by their words, and the help lists every one of them.
    void everyCommandIsInTheHelp()
    {
        const QList<const Command*>& commands = CommandRegistry::all();
        QVERIFY(commands.size() > 30);
        const Run r = run({ "--help" });
        QCOMPARE(r.code, int(ExitOk));
        QStringList firstWords;
        for (const Command* command : commands) {
            QCOMPARE(CommandRegistry::find(command->words() + QStringList { "more" }), command);
            QVERIFY2(r.out.contains(QStringLiteral("  ") + command->usage() + QStringLiteral("\n      ")
                         + command->summaryText() + QLatin1Char('\n')),
                qPrintable(command->name));
            QVERIFY2(!command->summaryText().isEmpty(), qPrintable(command->name));
            if (!firstWords.contains(command->words().constFirst())) {
                firstWords.append(command->words().constFirst());
            }
        }
        QCOMPARE(CommandLine::commandNames(), firstWords);
        QCOMPARE(firstWords.first(), QStringLiteral("profile"));
        QCOMPARE(firstWords.last(), QStringLiteral("reclaim"));
        QVERIFY(CommandLine::commandsHelp().contains(QStringLiteral("8 busy")));
        QVERIFY(CommandLine::commandsHelp().contains(QStringLiteral("7 not permitted")));
    }

    // Each command's --help shows its usage and lists exactly the options it declares (and the
    // global ones); the parser accepts exactly those.
    void eachHelpListsItsOptions()
    {
        static const QRegularExpression optionLine(QStringLiteral("^  (?:-h, )?--([a-z-]+)"));
        for (const Command* command : CommandRegistry::all()) {
            if (command->runsOutside()) {
                continue; // the sandbox prints its own help (SandboxCommand.cpp)
            }
            const Run r = run(command->words() + QStringList { "--help" });
            QVERIFY2(r.code == ExitOk, qPrintable(command->name + describe(r)));
            QVERIFY2(r.out.startsWith(QStringLiteral("Usage: ") + command->usage() + QLatin1Char('\n')),
                qPrintable(r.out));
            QVERIFY(r.out.contains(QStringLiteral("6 keychain unavailable")));
            QStringList listed;
            for (const QString& line : r.out.split(QLatin1Char('\n'))) {
                if (const auto match = optionLine.match(line); match.hasMatch()) {
                    listed.append(match.captured(1));
                }
            }
            QStringList declared;
            for (const CommandOption& option : command->options + CommandSyntax::globalOptions()) {
                declared.append(option.name);
                QVERIFY2(r.out.contains(QStringLiteral("--") + option.name
                             + (option.value.isEmpty() ? QString() : QLatin1Char(' ') + option.value)),
                    qPrintable(command->name + QStringLiteral(": ") + option.name));
            }
            QCOMPARE(listed, declared);
            for (const CommandArgument& argument : command->arguments) {
                QVERIFY2(r.out.contains(QStringLiteral("\n  ") + argument.name + QStringLiteral("  ")),
                    qPrintable(command->name + QStringLiteral(": ") + argument.name));
            }
        }
    }

    // A wrong option, a missing or an extra word, a missing required option: the command's own
    // generated usage and exit 2, before anything is opened.
    void wrongSyntaxPrintsTheUsage()
    {
        for (const Command* command : CommandRegistry::all()) {
            const QString usage = QStringLiteral("Usage: ") + command->usage() + QLatin1Char('\n');
            QStringList complete = command->words();
            for (const CommandArgument& argument : command->arguments) {
                complete.append(QStringLiteral("some-") + argument.name.toLower());
            }
            QList<QStringList> wrong { complete + QStringList { "--no-such-option" },
                complete + QStringList { "extra" } };
            if (!command->arguments.isEmpty()) {
                wrong.append(command->words());
            }
            for (const CommandOption& option : command->options) {
                if (option.presence == Presence::Required || option.presence == Presence::OneOf) {
                    wrong.append(complete); // no options at all
                    break;
                }
            }
            if (!command->options.isEmpty() && !command->options.constFirst().value.isEmpty()) {
                wrong.append(
                    complete + QStringList { QStringLiteral("--") + command->options.constFirst().name });
            }
            for (const QStringList& words : wrong) {
                const Run r = run(words);
                const QString what = words.join(QLatin1Char(' ')) + QLatin1Char('\n') + describe(r);
                QVERIFY2(r.code == ExitUsage, qPrintable(what));
                QVERIFY2(r.err.contains(usage), qPrintable(what));
                QVERIFY2(r.out.isEmpty(), qPrintable(what));
            }
        }
        QVERIFY(!QFile::exists(m_dataDir.filePath(QStringLiteral("some-name")))); // nothing was created
    }

    // The options a command does not declare are refused rather than ignored.
    void undeclaredOptionIsRefused()
    {
        Run r = run({ "profile", "list", "--yes" });
        QCOMPARE(r.code, int(ExitUsage));
        QVERIFY2(r.err.startsWith(QStringLiteral(
                     "Error: Unknown option 'yes'.\nUsage: roadmunk-sam profile list [--json]\n")),
            qPrintable(r.err));
        r = run({ "candidate", "show", "--number", "1", "--profile", "x" });
        QCOMPARE(r.code, int(ExitUsage));
        QVERIFY2(r.err.contains(QStringLiteral("Unknown option 'profile'")), qPrintable(r.err));
    }

    // A group's first word alone, or with a verb it does not have, prints the group's usages.
    void groupWithoutVerbPrintsItsUsages()
    {
        const Run r = run({ "exclude", "rename" });
        QCOMPARE(r.code, int(ExitUsage));
        for (const Command* command : CommandRegistry::group(QStringLiteral("exclude"))) {
            QVERIFY2(r.err.contains(command->usage()), qPrintable(r.err));
        }
        QVERIFY2(!r.err.contains(QStringLiteral("profile create")), qPrintable(r.err));
        QCOMPARE(run({ "candidate" }).code, int(ExitUsage));
        const Run help = run({ "candidate", "--help" });
        QCOMPARE(help.code, int(ExitOk));
        QCOMPARE(help.out.count(QStringLiteral("  roadmunk-sam candidate ")), 13);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
