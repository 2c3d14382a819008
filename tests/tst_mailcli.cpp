// notify smtp set|show|clear and notify test end to end: the settings in the database (both
// backends), the relay's password in the test session's keychain, messages to a real SMTP relay
// (support/SmtpTestServer) with its own CA.
#include "cli/CommandLine.h"
#include "core/ChangeLog.h"
#include "storage/ChangeLogRepository.h"
#include "storage/Database.h"
#include "support/CliRunner.h"
#include "support/SmtpTestServer.h"
#include "support/TestBackend.h"

#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace rmsam;
using test::CliRun;
using test::describe;

class TestMailCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dataDir;
    test::TestBackend m_backend;
    const QString m_service
        = QStringLiteral("roadmunk-sam-test-mail-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString m_password = QStringLiteral("relay-Pässword-42");
    std::unique_ptr<test::SmtpTestServer> m_relay;
    test::CliRunner m_cli;

    CliRun run(const QStringList& words, const QByteArray& input = {}) { return m_cli.run(words, input); }

    QStringList setWords(const QString& caFile)
    {
        QStringList words { QStringLiteral("notify"), QStringLiteral("smtp"), QStringLiteral("set"),
            QStringLiteral("--host"), QStringLiteral("127.0.0.1"), QStringLiteral("--port"),
            QString::number(m_relay->port()), QStringLiteral("--from"), QStringLiteral("sam@example.com"),
            QStringLiteral("--reply-to"), QStringLiteral("licences@example.com"), QStringLiteral("--user"),
            QStringLiteral("relay-user") };
        if (!caFile.isEmpty()) {
            words << QStringLiteral("--ca-file") << caFile;
        }
        return words;
    }

    CliRun sendTest(const QString& to)
    {
        return run({ QStringLiteral("notify"), QStringLiteral("test"), QStringLiteral("--to"), to });
    }

    void verifyNoPassword(const CliRun& r)
    {
        QVERIFY2(!r.out.contains(m_password) && !r.err.contains(m_password), qPrintable(describe(r)));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dataDir.isValid());
        const QString started = m_backend.start();
        QVERIFY2(started.isEmpty(), qPrintable(started));
        m_cli = test::CliRunner(m_backend.location(m_dataDir), m_service);
        m_relay = std::make_unique<test::SmtpTestServer>(test::SmtpTestServer::Options {
            SmtpSettings::Security::StartTls, QStringLiteral("relay-user"), m_password, 1 });
        QVERIFY2(m_relay->start(), qPrintable(m_relay->errorString()));
    }

    void saysToSetUpEmailFirst()
    {
        CliRun r = sendTest(QStringLiteral("alex@example.com"));
        QVERIFY2(r.code == ExitFailure, qPrintable(describe(r)));
        QVERIFY2(r.err.contains(QStringLiteral("Set up e-mail first")), qPrintable(describe(r)));
        r = run({ QStringLiteral("notify"), QStringLiteral("smtp"), QStringLiteral("show") });
        QVERIFY2(r.code == ExitOk, qPrintable(describe(r)));
        QVERIFY(r.out.contains(QStringLiteral("E-mail is not set up")));
    }

    void refusesWrongSettings()
    {
        QStringList words = setWords({});
        words << QStringLiteral("--security") << QStringLiteral("none");
        words[4] = QStringLiteral("smtp.example.com");
        CliRun r = run(words);
        QVERIFY2(r.code == ExitUsage, qPrintable(describe(r)));
        QVERIFY(r.err.contains(QStringLiteral("\"none\"")));
        r = run(setWords({}) << QStringLiteral("--security") << QStringLiteral("ssl"));
        QVERIFY2(r.code == ExitUsage, qPrintable(describe(r)));
        r = run(setWords({}) << QStringLiteral("--password-stdin"), "");
        QVERIFY2(r.code == ExitUsage, qPrintable(describe(r)));
        r = run({ QStringLiteral("notify"), QStringLiteral("smtp"), QStringLiteral("show") });
        QVERIFY(r.out.contains(QStringLiteral("E-mail is not set up"))); // nothing was stored
    }

    void setShowAndSendATestMessage()
    {
        CliRun r = run(
            setWords(m_relay->caFile()) << QStringLiteral("--password-stdin"), m_password.toUtf8() + "\n");
        QVERIFY2(r.code == ExitOk, qPrintable(describe(r)));
        verifyNoPassword(r);
        QVERIFY(r.err.contains(QStringLiteral("Stored the password for relay-user")));

        r = run({ QStringLiteral("notify"), QStringLiteral("smtp"), QStringLiteral("show") });
        QVERIFY2(r.code == ExitOk, qPrintable(describe(r)));
        verifyNoPassword(r);
        QVERIFY(r.out.contains(QStringLiteral("Host: 127.0.0.1\n")));
        QVERIFY(r.out.contains(QStringLiteral("Port: %1\n").arg(m_relay->port())));
        QVERIFY(r.out.contains(QStringLiteral("Security: starttls\n")));
        QVERIFY(r.out.contains(QStringLiteral("Reply-To: licences@example.com\n")));
        QVERIFY(r.out.contains(QStringLiteral("Password: stored in this computer's keychain\n")));
        QVERIFY(r.out.contains(QStringLiteral("Messages per minute: 30\n")));

        r = sendTest(QStringLiteral("alex@example.com"));
        QVERIFY2(r.code == ExitOk, qPrintable(describe(r)));
        QVERIFY(r.out.contains(QStringLiteral("Sent a test message to alex@example.com")));
        const auto received = m_relay->waitForReceived(1);
        QCOMPARE(received.size(), 1);
        QCOMPARE(received.constFirst().value(QLatin1String("subject")).toString(),
            QStringLiteral("Roadmunk SAM test message"));
        QCOMPARE(received.constFirst().value(QLatin1String("replyTo")).toString(),
            QStringLiteral("licences@example.com"));
        QVERIFY(received.constFirst().value(QLatin1String("authenticated")).toBool());
    }

    void changesAreInTheChangeLog()
    {
        auto database = Database::open(m_backend.location(m_dataDir));
        QVERIFY2(database, database ? "" : qPrintable(database.error().detail));
        auto entries
            = ChangeLogRepository(*database.value()).entries(0, 0, ChangeLogRepository::Order::Newest);
        QVERIFY(entries);
        bool logged = false;
        for (const ChangeLogEntry& e : entries.value()) {
            logged = logged
                || (e.table == QLatin1String("smtp_settings") && e.operation == QLatin1String("insert")
                    && e.summary.contains(QStringLiteral("127.0.0.1:%1 starttls").arg(m_relay->port())));
        }
        QVERIFY(logged);
    }

    void failuresExitWithTheirCodes()
    {
        CliRun r = sendTest(QStringLiteral("reject.me@example.com"));
        QVERIFY2(r.code == ExitUsage, qPrintable(describe(r)));
        QVERIFY(r.err.contains(QStringLiteral("550")) && r.err.contains(QStringLiteral("No such user here")));
        r = sendTest(QStringLiteral("not an address"));
        QVERIFY2(r.code == ExitUsage, qPrintable(describe(r)));

        // Without the CA file: the relay's certificate is not trusted, nothing is sent.
        r = run(setWords({}));
        QVERIFY2(r.code == ExitOk, qPrintable(describe(r)));
        const qsizetype before = m_relay->received().size();
        r = sendTest(QStringLiteral("alex@example.com"));
        QVERIFY2(r.code == ExitNetwork, qPrintable(describe(r)));
        QVERIFY(r.err.contains(QStringLiteral("certificate is not trusted")));
        QCOMPARE(m_relay->received().size(), before);

        // A wrong password in the keychain: the login is refused.
        r = run(setWords(m_relay->caFile()) << QStringLiteral("--password-stdin"), "wrong\n");
        QVERIFY2(r.code == ExitOk, qPrintable(describe(r)));
        r = sendTest(QStringLiteral("alex@example.com"));
        QVERIFY2(r.code == ExitNetwork, qPrintable(describe(r)));
        QVERIFY(r.err.contains(QStringLiteral("refused the login")));
    }

    void clearForgetsSettingsAndPassword()
    {
        CliRun r = run({ QStringLiteral("notify"), QStringLiteral("smtp"), QStringLiteral("clear") });
        QVERIFY2(r.code == ExitOk, qPrintable(describe(r)));
        r = run({ QStringLiteral("notify"), QStringLiteral("smtp"), QStringLiteral("show") });
        QVERIFY(r.out.contains(QStringLiteral("E-mail is not set up")));
        // Set up again without a password: the old one is gone from the keychain.
        r = run(setWords(m_relay->caFile()));
        QVERIFY2(r.code == ExitOk, qPrintable(describe(r)));
        r = run({ QStringLiteral("notify"), QStringLiteral("smtp"), QStringLiteral("show") });
        QVERIFY2(r.out.contains(QStringLiteral("Password: not stored on this computer\n")),
            qPrintable(describe(r)));
        r = sendTest(QStringLiteral("alex@example.com"));
        QVERIFY2(r.code == ExitToken, qPrintable(describe(r)));
        QVERIFY(r.err.contains(QStringLiteral("--password-stdin")));
    }
};

QTEST_GUILESS_MAIN(TestMailCli)
#include "tst_mailcli.moc"
