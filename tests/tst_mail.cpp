// The e-mail transport: composeMail's RFC 5322 form, and SmtpSender against a real SMTP relay
// (tests/support/SmtpTestServer: aiosmtpd with a private CA) over STARTTLS, TLS and plain text.
#include "mail/MailMessage.h"
#include "mail/SmtpSender.h"
#include "support/SmtpTestServer.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTest>
#include <QTimeZone>

using namespace rmsam;
using rmsam::test::SmtpTestServer;
using Status = SendOutcome::Status;

namespace {

MailMessage sample(const QString& to = QStringLiteral("alex@example.com"))
{
    MailMessage message;
    message.from = QStringLiteral("sam@example.com");
    message.fromName = QStringLiteral("Roadmunk SAM");
    message.replyTo = QStringLiteral("licences@example.com");
    message.to = to;
    message.toName = QStringLiteral("Alex Doe");
    message.subject = QStringLiteral("Your Roadmunk seat");
    message.body = QStringLiteral("Hello Alex,\nyour seat is unused.\n.\nRegards");
    return message;
}

QByteArray headerOf(const QByteArray& mail)
{
    return mail.left(mail.indexOf("\r\n\r\n") + 2);
}

// The decoded body with the canonical CRLF line ends (RFC 2045) read as "\n".
QString bodyOf(const QJsonObject& mail)
{
    return mail.value(QLatin1String("body")).toString().replace(QLatin1String("\r\n"), QLatin1String("\n"));
}

} // namespace

class TestMail : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SmtpTestServer> m_starttls;

    std::unique_ptr<SmtpTestServer> startServer(SmtpTestServer::Options options)
    {
        auto server = std::make_unique<SmtpTestServer>(std::move(options));
        if (!server->start()) {
            qWarning().noquote() << server->errorString();
            return nullptr;
        }
        return server;
    }

private slots:
    void initTestCase()
    {
        m_starttls = startServer({});
        QVERIFY(m_starttls);
    }

    void composeHasTheHeadersAndCrlfLineEnds()
    {
        const QDateTime date(QDate(2026, 11, 30), QTime(19, 44, 10), Qt::UTC);
        const QByteArray mail = composeMail(sample(), date);
        const QByteArray header = headerOf(mail);
        QVERIFY(header.contains("Date: Mon, 30 Nov 2026 19:44:10 +0000\r\n"));
        QVERIFY(header.contains("From: \"Roadmunk SAM\" <sam@example.com>\r\n"));
        QVERIFY(header.contains("To: \"Alex Doe\" <alex@example.com>\r\n"));
        QVERIFY(header.contains("Reply-To: <licences@example.com>\r\n"));
        QVERIFY(header.contains("Subject: Your Roadmunk seat\r\n"));
        QVERIFY(header.contains("MIME-Version: 1.0\r\n"));
        QVERIFY(header.contains("Content-Type: text/plain; charset=UTF-8\r\n"));
        QVERIFY(header.contains("Content-Transfer-Encoding: base64\r\n"));
        QVERIFY(QRegularExpression(QStringLiteral("\r\nMessage-ID: <[0-9a-f-]{36}@example\\.com>\r\n"))
                    .match(QString::fromLatin1(header))
                    .hasMatch());
        for (qsizetype i = mail.indexOf('\n'); i >= 0; i = mail.indexOf('\n', i + 1)) {
            QVERIFY2(i > 0 && mail.at(i - 1) == '\r', "a bare LF");
        }
        QVERIFY(!mail.contains("\r\r"));
        // Each line of the message fits the 78-character recommendation.
        for (const QByteArray& line : mail.split('\n')) {
            QVERIFY2(line.size() <= 79, line.constData());
        }
    }

    void composeKeepsAGivenMessageIdAndEncodesTheDateOffset()
    {
        MailMessage message = sample();
        message.messageId = QStringLiteral("<fixed.1@sam.example.com>");
        const QDateTime date(QDate(2026, 1, 4), QTime(9, 5, 0), QTimeZone(9 * 3600));
        const QByteArray header = headerOf(composeMail(message, date));
        QVERIFY(header.contains("Message-ID: <fixed.1@sam.example.com>\r\n"));
        QVERIFY(header.contains("Date: Sun, 04 Jan 2026 09:05:00 +0900\r\n"));
        message.replyTo.clear();
        QVERIFY(!composeMail(message, date).contains("Reply-To:"));
    }

    void composeMakesHeaderInjectionImpossible()
    {
        MailMessage message = sample(QStringLiteral("alex@example.com>\r\nBcc: <victim@example.org"));
        message.subject = QStringLiteral("Hi\r\nBcc: victim@example.org\nX-Evil: 1");
        message.toName = QStringLiteral("Alex\r\n\r\nbody injected");
        message.fromName = QStringLiteral("SAM\"\r\nCc: x@example.org");
        const QByteArray header = headerOf(composeMail(message, QDateTime::currentDateTimeUtc()));
        for (const QByteArray& line : header.split('\n')) {
            QVERIFY2(!line.startsWith("Bcc") && !line.startsWith("X-Evil") && !line.startsWith("Cc")
                    && !line.startsWith("body"),
                line.constData());
        }
        // Nothing ended the header early: it still holds the fields after To and Subject.
        QVERIFY(header.contains("\r\nContent-Transfer-Encoding: base64\r\n"));
    }

    void japaneseSubjectAndBodyRoundTripThroughThePythonParser()
    {
        MailMessage message = sample(QStringLiteral("hanako@example.com"));
        message.subject = QStringLiteral("Roadmunk のシートを回収します — ご確認ください（期限：12月7日）");
        message.toName = QStringLiteral("山田 花子");
        message.body
            = QStringLiteral("山田様\n\nシートは60日間使われていません。\n.\nline with trailing dot.\n");
        const QByteArray header = headerOf(composeMail(message, QDateTime::currentDateTimeUtc()));
        QVERIFY(header.contains("Subject: =?UTF-8?B?"));
        QVERIFY(!header.contains("\xe3")); // no raw UTF-8 in the header

        const SendOutcome outcome = SmtpSender(m_starttls->settings(), {}).send(message);
        QVERIFY2(outcome.status == Status::Sent, qPrintable(outcome.message));
        const auto received = m_starttls->waitForReceived(1);
        QCOMPARE(received.size(), 1);
        const QJsonObject mail = received.constLast();
        QCOMPARE(mail.value(QLatin1String("subject")).toString(), message.subject);
        QCOMPARE(bodyOf(mail), message.body);
        QCOMPARE(
            mail.value(QLatin1String("to")).toString(), QStringLiteral("山田 花子 <hanako@example.com>"));
        QCOMPARE(mail.value(QLatin1String("charset")).toString(), QStringLiteral("utf-8"));
        QCOMPARE(mail.value(QLatin1String("messageId")).toString(), outcome.messageId);
        QVERIFY(mail.value(QLatin1String("defects")).toArray().isEmpty());
        QVERIFY(mail.value(QLatin1String("tls")).toBool());
    }

    void sendsOverStartTls()
    {
        const qsizetype before = m_starttls->received().size();
        const SendOutcome outcome = SmtpSender(m_starttls->settings(), {}).send(sample());
        QVERIFY2(outcome.status == Status::Sent, qPrintable(outcome.message));
        QCOMPARE(outcome.smtpCode, 250);
        const auto received = m_starttls->waitForReceived(before + 1);
        QCOMPARE(received.size(), before + 1);
        const QJsonObject mail = received.constLast();
        QCOMPARE(mail.value(QLatin1String("subject")).toString(), sample().subject);
        QCOMPARE(bodyOf(mail), sample().body);
        QCOMPARE(mail.value(QLatin1String("envelopeFrom")).toString(), QStringLiteral("sam@example.com"));
        QCOMPARE(mail.value(QLatin1String("replyTo")).toString(), QStringLiteral("licences@example.com"));
        QCOMPARE(
            mail.value(QLatin1String("from")).toString(), QStringLiteral("Roadmunk SAM <sam@example.com>"));
        QVERIFY(mail.value(QLatin1String("tls")).toBool());
    }

    void sendsOverImplicitTls()
    {
        auto server = startServer({ SmtpSettings::Security::Tls, {}, {}, 1 });
        QVERIFY(server);
        const SendOutcome outcome = SmtpSender(server->settings(), {}).send(sample());
        QVERIFY2(outcome.status == Status::Sent, qPrintable(outcome.message));
        const auto received = server->waitForReceived(1);
        QCOMPARE(received.size(), 1);
        QCOMPARE(received.constFirst().value(QLatin1String("subject")).toString(), sample().subject);
    }

    void untrustedCertificateIsUnavailableAndSendsNothing_data()
    {
        QTest::addColumn<bool>("otherCa");
        QTest::newRow("system CAs") << false;
        QTest::newRow("another CA") << true;
    }
    void untrustedCertificateIsUnavailableAndSendsNothing()
    {
        QFETCH(bool, otherCa);
        const qsizetype before = m_starttls->received().size();
        SmtpSettings settings = m_starttls->settings();
        settings.caFile = otherCa ? m_starttls->otherCaFile() : QString();
        const SendOutcome outcome = SmtpSender(settings, {}).send(sample());
        QVERIFY(outcome.status == Status::Unavailable);
        QVERIFY2(outcome.message.contains(QLatin1String("certificate is not trusted")),
            qPrintable(outcome.message));
        QVERIFY(outcome.message.contains(QLatin1String("--ca-file")));
        QTest::qWait(300);
        QCOMPARE(m_starttls->received().size(), before);
    }

    void loginWithTheRightPasswordSendsAndAWrongOneIsUnavailable()
    {
        const QString password = QStringLiteral("s3cret-pässword");
        auto server
            = startServer({ SmtpSettings::Security::StartTls, QStringLiteral("relay-user"), password, 1 });
        QVERIFY(server);
        const SendOutcome refused = SmtpSender(server->settings(), QStringLiteral("wrong")).send(sample());
        QVERIFY(refused.status == Status::Unavailable);
        QVERIFY2(refused.message.contains(QLatin1String("refused the login")), qPrintable(refused.message));
        QCOMPARE(refused.smtpCode, 535);
        QVERIFY(!refused.serverReply.contains(password) && !refused.message.contains(QLatin1String("wrong")));
        QVERIFY(server->received().isEmpty());

        const SendOutcome sent = SmtpSender(server->settings(), password).send(sample());
        QVERIFY2(sent.status == Status::Sent, qPrintable(sent.message));
        const auto received = server->waitForReceived(1);
        QCOMPARE(received.size(), 1);
        QVERIFY(received.constFirst().value(QLatin1String("authenticated")).toBool());
    }

    void temporaryFailureIsTemporaryWith451()
    {
        const qsizetype before = m_starttls->received().size();
        const MailMessage message = sample(QStringLiteral("tempfail.once@example.com"));
        const SendOutcome deferred = SmtpSender(m_starttls->settings(), {}).send(message);
        QVERIFY(deferred.status == Status::Temporary);
        QCOMPARE(deferred.smtpCode, 451);
        QVERIFY(deferred.serverReply.contains(QLatin1String("Try again later")));
        QCOMPARE(m_starttls->received().size(), before);
        const SendOutcome retried = SmtpSender(m_starttls->settings(), {}).send(message);
        QVERIFY2(retried.status == Status::Sent, qPrintable(retried.message));
        QCOMPARE(m_starttls->waitForReceived(before + 1).size(), before + 1);
    }

    void rejectionIsRejectedWith550AndTheServersText()
    {
        const SendOutcome outcome
            = SmtpSender(m_starttls->settings(), {}).send(sample(QStringLiteral("reject.me@example.com")));
        QVERIFY(outcome.status == Status::Rejected);
        QCOMPARE(outcome.smtpCode, 550);
        QVERIFY2(outcome.serverReply.contains(QLatin1String("No such user here")),
            qPrintable(outcome.serverReply));
        QVERIFY(outcome.message.contains(QLatin1String("reject.me@example.com")));
        QVERIFY(outcome.message.contains(QLatin1String("No such user here")));
    }

    void aRecipientWithALineBreakIsNeverSent()
    {
        const qsizetype before = m_starttls->received().size();
        const SendOutcome outcome
            = SmtpSender(m_starttls->settings(), {})
                  .send(sample(QStringLiteral("alex@example.com\r\nRCPT TO:<victim@example.org>")));
        QVERIFY(outcome.status == Status::Rejected);
        QCOMPARE(outcome.smtpCode, 0);
        QTest::qWait(200);
        QCOMPARE(m_starttls->received().size(), before);
    }

    void noSecurityOnlyToALoopbackHost()
    {
        SmtpSettings settings = m_starttls->settings();
        settings.security = SmtpSettings::Security::None;
        QVERIFY(validate(settings).ok());
        settings.host = QStringLiteral("localhost");
        QVERIFY(validate(settings).ok());
        settings.host = QStringLiteral("smtp.example.com");
        const auto refused = validate(settings);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::InvalidInput);
        QVERIFY(refused.error().message.contains(QLatin1String("none")));
        // And the sender refuses such settings without connecting anywhere.
        QVERIFY(SmtpSender(settings, {}).send(sample()).status == Status::Unavailable);
    }

    void sendsPlainTextToALoopbackRelay()
    {
        auto server = startServer({ SmtpSettings::Security::None, {}, {}, 1 });
        QVERIFY(server);
        const SendOutcome outcome = SmtpSender(server->settings(), {}).send(sample());
        QVERIFY2(outcome.status == Status::Sent, qPrintable(outcome.message));
        QCOMPARE(server->waitForReceived(1).size(), 1);
        QVERIFY(!server->received().constFirst().value(QLatin1String("tls")).toBool());
    }

    void starttlsIsNeverSkipped()
    {
        // A relay that offers no STARTTLS: "starttls" refuses to go on in plain text.
        auto server = startServer({ SmtpSettings::Security::None, {}, {}, 1 });
        QVERIFY(server);
        SmtpSettings settings = server->settings();
        settings.security = SmtpSettings::Security::StartTls;
        const SendOutcome outcome = SmtpSender(settings, {}).send(sample());
        QVERIFY(outcome.status == Status::Unavailable);
        QVERIFY2(outcome.message.contains(QLatin1String("STARTTLS")), qPrintable(outcome.message));
        QTest::qWait(300);
        QVERIFY(server->received().isEmpty());
    }

    void unreachableRelayIsUnavailable()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        SmtpSettings settings = m_starttls->settings();
        settings.port = closed.serverPort();
        closed.close();
        const SendOutcome outcome = SmtpSender(settings, {}).send(sample());
        QVERIFY(outcome.status == Status::Unavailable);
        QVERIFY2(
            outcome.message.contains(QStringLiteral("Cannot connect to 127.0.0.1:%1").arg(settings.port)),
            qPrintable(outcome.message));
    }

    void settingsRulesNameTheField_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("expected");
        QTest::newRow("host") << QStringLiteral("host") << QStringLiteral("Host");
        QTest::newRow("port") << QStringLiteral("port") << QStringLiteral("Port");
        QTest::newRow("from") << QStringLiteral("from") << QStringLiteral("From");
        QTest::newRow("replyTo") << QStringLiteral("replyTo") << QStringLiteral("Reply-To");
        QTest::newRow("perMinute") << QStringLiteral("perMinute") << QStringLiteral("per minute");
    }
    void settingsRulesNameTheField()
    {
        QFETCH(QString, field);
        QFETCH(QString, expected);
        SmtpSettings settings = m_starttls->settings();
        QVERIFY(validate(settings).ok());
        if (field == QLatin1String("host")) {
            settings.host = QStringLiteral("smtp example.com");
        } else if (field == QLatin1String("port")) {
            settings.port = 70000;
        } else if (field == QLatin1String("from")) {
            settings.from = QStringLiteral("not an address");
        } else if (field == QLatin1String("replyTo")) {
            settings.replyTo = QStringLiteral("a@b\r\nBcc: c@d");
        } else {
            settings.perMinute = 0;
        }
        const auto result = validate(settings);
        QVERIFY(!result.ok());
        QVERIFY2(result.error().message.contains(expected), qPrintable(result.error().message));
        QCOMPARE(securityFromName(QStringLiteral(" TLS ")), SmtpSettings::Security::Tls);
        QCOMPARE(securityName(SmtpSettings::Security::StartTls), QStringLiteral("starttls"));
        QVERIFY(!securityFromName(QStringLiteral("ssl")));
    }
};

QTEST_GUILESS_MAIN(TestMail)
#include "tst_mail.moc"
