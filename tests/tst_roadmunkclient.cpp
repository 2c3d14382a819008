// The client and Validate connection against the sandbox over real loopback HTTP.
#include "roadmunk/ConnectionValidator.h"
#include "roadmunk/RoadmunkClient.h"
#include "sandbox/SandboxServer.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <optional>

using namespace rmsam;

class TestRoadmunkClient : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager m_network;
    std::unique_ptr<SandboxServer> m_sandbox;

    RoadmunkClient::Options loopback()
    {
        RoadmunkClient::Options o;
        o.allowLoopback = true;
        return o;
    }

    Result<QJsonObject> run(RoadmunkClient& client, const GraphQlRequest& request)
    {
        std::optional<Result<QJsonObject>> result;
        client.execute(request, [&result](Result<QJsonObject> r) { result = std::move(r); });
        if (!QTest::qWaitFor([&result] { return result.has_value(); }, 20000)) {
            return Error { ErrorCode::Timeout, QStringLiteral("test timed out"), {} };
        }
        return *result;
    }

    Result<ValidationReport> validate(RoadmunkClient& client, QStringList* steps = nullptr)
    {
        ConnectionValidator validator(&client);
        std::optional<Result<ValidationReport>> result;
        connect(&validator, &ConnectionValidator::finished, this,
            [&result](const Result<ValidationReport>& r) { result = r; });
        QSignalSpy progress(&validator, &ConnectionValidator::progress);
        validator.start();
        if (!QTest::qWaitFor([&result] { return result.has_value(); }, 20000)) {
            return Error { ErrorCode::Timeout, QStringLiteral("test timed out"), {} };
        }
        if (steps) {
            for (const auto& args : progress) {
                steps->append(args.at(2).toString());
            }
        }
        return *result;
    }

private slots:
    void initTestCase()
    {
        SandboxOptions options;
        options.userCount = 40;
        options.limitedToken = QStringLiteral("limited-token-for-tests");
        m_sandbox = std::make_unique<SandboxServer>(options);
        QVERIFY(m_sandbox->listen(0) != 0);
    }

    void pagesOfUsers()
    {
        RoadmunkClient client(&m_network, m_sandbox->endpoint(), m_sandbox->token(), loopback());
        auto result = run(client, Queries::usersPage(10, 0));
        QVERIFY2(result, qPrintable(result ? QString() : result.error().detail));
        const QJsonObject users = result.value().value(QLatin1String("users")).toObject();
        QCOMPARE(users.value(QLatin1String("page")).toArray().size(), 10);
        QVERIFY(users.value(QLatin1String("hasMore")).toBool());
        const QJsonObject first = users.value(QLatin1String("page")).toArray().first().toObject();
        for (const char* key : { "id", "email", "accountRole", "displayName" }) {
            QVERIFY2(first.contains(QLatin1String(key)), key);
        }
    }

    void validateConnectionSucceeds()
    {
        RoadmunkClient client(&m_network, m_sandbox->endpoint(), m_sandbox->token(), loopback());
        QStringList steps;
        auto report = validate(client, &steps);
        QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
        QVERIFY(report.value().usersListed);
        QVERIFY(report.value().roadmapsListed);
        QVERIFY(!report.value().companyName.isEmpty());
        QVERIFY(!report.value().tokenName.isEmpty());
        QCOMPARE(steps.size(), ConnectionValidator::StepCount + 1);
    }

    void wrongTokenIsRejected()
    {
        RoadmunkClient client(&m_network, m_sandbox->endpoint(), QStringLiteral("not-the-token"), loopback());
        auto result = run(client, Queries::tokenIdentity());
        QVERIFY(!result);
        QCOMPARE(result.error().code, ErrorCode::TokenRejected);
        QVERIFY(result.error().message.contains(QStringLiteral("401")));
        QVERIFY(!result.error().message.contains(QStringLiteral("not-the-token")));
        auto report = validate(client);
        QCOMPARE(report.error().code, ErrorCode::TokenRejected);
    }

    void tokenWithoutAdminRightsIsNamedAsSuch()
    {
        RoadmunkClient client(
            &m_network, m_sandbox->endpoint(), QStringLiteral("limited-token-for-tests"), loopback());
        auto report = validate(client);
        QVERIFY(!report);
        QCOMPARE(report.error().code, ErrorCode::TokenLacksRights);
        QVERIFY(report.error().message.contains(QStringLiteral("Account Admin")));
        QVERIFY(report.error().detail.contains(QStringLiteral("Listing users")));
    }

    void closedPortIsUnreachable()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close(); // nothing listens there now
        const QUrl url(QStringLiteral("http://127.0.0.1:%1/public/graphql").arg(port));
        RoadmunkClient client(&m_network, url, m_sandbox->token(), loopback());
        auto result = run(client, Queries::tokenIdentity());
        QVERIFY(!result);
        QCOMPARE(result.error().code, ErrorCode::Unreachable);
        QVERIFY(result.error().message.contains(QStringLiteral("127.0.0.1")));
    }

    void unknownHostIsUnreachable()
    {
        RoadmunkClient client(&m_network,
            QUrl(QStringLiteral("http://rmsam-no-such-host.invalid/public/graphql")), QStringLiteral("t"),
            loopback());
        // .invalid is not loopback: refused before any lookup.
        auto refused = run(client, Queries::tokenIdentity());
        QCOMPARE(refused.error().code, ErrorCode::InvalidInput);
    }

    void endpointPolicy_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("allowLoopback");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("app gateway") << "https://app-gateway.roadmunk.com/public/graphql" << false << true;
        QTest::newRow("eu gateway") << "https://eu-gateway.roadmunk.com/public/graphql" << false << true;
        QTest::newRow("apac gateway") << "https://apac-gateway.roadmunk.com/public/graphql" << false << true;
        QTest::newRow("http gateway") << "http://app-gateway.roadmunk.com/public/graphql" << false << false;
        QTest::newRow("other path") << "https://app-gateway.roadmunk.com/private" << false << false;
        QTest::newRow("other host") << "https://roadmunk.example.com/public/graphql" << true << false;
        QTest::newRow("lan address") << "http://10.0.0.5/public/graphql" << true << false;
        QTest::newRow("loopback, not allowed") << "http://127.0.0.1:8080/public/graphql" << false << false;
        QTest::newRow("loopback, allowed") << "http://127.0.0.1:8080/public/graphql" << true << true;
    }

    void endpointPolicy()
    {
        QFETCH(QString, url);
        QFETCH(bool, allowLoopback);
        QFETCH(bool, allowed);
        QCOMPARE(RoadmunkClient::checkEndpoint(QUrl(url), allowLoopback).ok(), allowed);
    }

    void refusedEndpointSendsNothing()
    {
        const int before = m_sandbox->requestCount();
        RoadmunkClient client(
            &m_network, m_sandbox->endpoint(), m_sandbox->token(), RoadmunkClient::Options {});
        auto result = run(client, Queries::tokenIdentity());
        QCOMPARE(result.error().code, ErrorCode::InvalidInput);
        QTest::qWait(50);
        QCOMPARE(m_sandbox->requestCount(), before);
    }

    void invalidQueryIsAGraphQlError()
    {
        RoadmunkClient client(&m_network, m_sandbox->endpoint(), m_sandbox->token(), loopback());
        GraphQlRequest bad { QStringLiteral("Bad"),
            QStringLiteral("query Bad { users(limit: 1, offset: 0) { page { id shoeSize } hasMore } }"), {} };
        auto result = run(client, bad);
        QVERIFY(!result);
        QCOMPARE(result.error().code, ErrorCode::ServerError);
        QVERIFY(result.error().detail.contains(QStringLiteral("shoeSize")));
    }

    // The defaults the issue agreed on; tests shrink them, the application never does.
    void defaultRetryAndTimeoutOptions()
    {
        const RoadmunkClient::Options o;
        QCOMPARE(o.transferTimeoutMs, 30000);
        QCOMPARE(o.requestDeadlineMs, 60000);
        QCOMPARE(o.maxRetries, 4);
        QCOMPARE(o.retryBaseDelayMs, 500);
        QCOMPARE(o.retryMaxDelayMs, 8000);
        QVERIFY(!o.allowLoopback);
        // The worst case of backoff alone (0.5 + 1 + 2 + 4 s) fits well within the deadline.
        QVERIFY(o.retryBaseDelayMs * 15 < o.requestDeadlineMs);
    }

    void cancelStopsTheValidation()
    {
        SandboxOptions slow;
        slow.userCount = 5;
        slow.latencyMs = 2000;
        SandboxServer sandbox(slow);
        QVERIFY(sandbox.listen(0) != 0);
        RoadmunkClient client(&m_network, sandbox.endpoint(), sandbox.token(), loopback());
        ConnectionValidator validator(&client);
        QList<Result<ValidationReport>> finished;
        connect(&validator, &ConnectionValidator::finished, this,
            [&finished](const Result<ValidationReport>& r) { finished.append(r); });
        validator.start();
        QTest::qWait(100);
        validator.cancel();
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().error().code, ErrorCode::Cancelled);
        QTest::qWait(2500); // the aborted request must not report again
        QCOMPARE(finished.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestRoadmunkClient)
#include "tst_roadmunkclient.moc"
