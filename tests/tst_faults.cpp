// The fault matrix: every way the sandbox can misbehave (SandboxFault), run through the real
// RoadmunkClient over loopback HTTP, and for paging faults through PagedFetcher and SyncJob
// against a temporary database. Each fault either ends in the right data (retried
// transparently) or in a clean failure whose code and message name the cause; a failed sync
// keeps the previous snapshot. Mutations are never retried.
#include "core/ProfileRules.h"
#include "roadmunk/PagedFetcher.h"
#include "roadmunk/RoadmunkClient.h"
#include "sandbox/SandboxCommand.h"
#include "sandbox/SandboxServer.h"
#include "services/SyncJob.h"
#include "storage/Database.h"
#include "storage/ProfileRepository.h"
#include "storage/SubscriptionRepository.h"
#include "support/TestBackend.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QLocale>
#include <QLoggingCategory>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QSet>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <optional>

using namespace rmsam;

Q_DECLARE_METATYPE(rmsam::ErrorCode)

namespace {

// Every message logged while a test runs, for the check that the token never appears.
QMutex capturedLock;
QStringList captured;
QtMessageHandler previousHandler = nullptr;

void captureMessage(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    {
        QMutexLocker lock(&capturedLock);
        const char* level = type == QtDebugMsg ? "debug" : type == QtInfoMsg ? "info" : "warning";
        captured.append(
            QStringLiteral("%1 %2: %3").arg(QLatin1String(level), QLatin1String(context.category), message));
    }
    previousHandler(type, context, message);
}

// Captures every message, debug included, while it exists.
class LogCapture
{
public:
    LogCapture()
    {
        {
            QMutexLocker lock(&capturedLock);
            captured.clear();
        }
        QLoggingCategory::setFilterRules(QStringLiteral("rmsam.*=true"));
        previousHandler = qInstallMessageHandler(captureMessage);
    }
    ~LogCapture()
    {
        qInstallMessageHandler(previousHandler);
        QLoggingCategory::setFilterRules(QString());
    }
    Q_DISABLE_COPY_MOVE(LogCapture)

    QStringList lines() const
    {
        QMutexLocker lock(&capturedLock);
        return captured;
    }
    bool contains(const QString& text) const { return !lines().filter(text).isEmpty(); }
};

const QString retryLogged = QStringLiteral("rmsam.roadmunk: retrying");

} // namespace

class TestFaults : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager m_network;
    test::TestBackend m_backend; // SQLite, or PostgreSQL with RMSAM_TEST_DATABASE=postgresql
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_database;
    QTcpServer m_trap; // where the redirects point: nothing may ever arrive here
    int m_trapConnections = 0;

    // Small enough that the whole matrix runs in seconds, in the same proportions as the defaults.
    static RoadmunkClient::Options fast()
    {
        RoadmunkClient::Options o;
        o.allowLoopback = true;
        o.transferTimeoutMs = 400;
        o.requestDeadlineMs = 4000;
        o.maxRetries = 3;
        o.retryBaseDelayMs = 20;
        o.retryMaxDelayMs = 80;
        return o;
    }

    static std::unique_ptr<SandboxServer> sandbox(int users = 40, int pageCap = 100)
    {
        SandboxOptions options;
        options.userCount = users;
        options.pageCap = pageCap;
        options.seed = 23;
        auto s = std::make_unique<SandboxServer>(options);
        return s->listen(0) != 0 ? std::move(s) : nullptr;
    }

    // The fault in its command-line syntax, with {trap} standing for the trap's port.
    SandboxFault fault(QString text) const
    {
        text.replace(QLatin1String("{trap}"), QString::number(m_trap.serverPort()));
        auto parsed = SandboxFault::parse(text);
        if (!parsed) {
            qFatal("bad fault in the test: %s", qPrintable(parsed.error().message));
        }
        return parsed.value();
    }

    struct Run
    {
        std::optional<Result<QJsonObject>> result;
        qint64 elapsedMs = 0;
        int calls = 0; // how often done ran
    };

    Run run(RoadmunkClient& client, const GraphQlRequest& request, int waitMs = 15000)
    {
        Run r;
        QElapsedTimer clock;
        clock.start();
        client.execute(request, [&r](Result<QJsonObject> result) {
            ++r.calls;
            r.result = std::move(result);
        });
        if (!QTest::qWaitFor([&r] { return r.result.has_value(); }, waitMs)) {
            qWarning("the request did not finish in %d ms", waitMs);
        }
        r.elapsedMs = clock.elapsed();
        return r;
    }

    static QStringList ids(const QJsonArray& rows)
    {
        QStringList list;
        for (const QJsonValue& row : rows) {
            list.append(row.toObject().value(QLatin1String("id")).toString());
        }
        return list;
    }

    static QSet<QString> accountIds(SandboxServer& sandbox)
    {
        QSet<QString> set;
        for (const SandboxUser& u : sandbox.account().users()) {
            set.insert(u.id);
        }
        return set;
    }

    QSet<QString> storedIds(qint64 profileId)
    {
        QSet<QString> set;
        for (const SoftwareSubscription& s :
            SubscriptionRepository(*m_database).subscriptions(profileId).value()) {
            set.insert(s.userId);
        }
        return set;
    }

    SyncOutcome sync(const IntegrationProfile& profile, const QString& token)
    {
        SyncJob job(*m_database, profile, token, SyncOptions { true, false });
        std::optional<SyncOutcome> outcome;
        connect(&job, &SyncJob::finished, this, [&outcome](const SyncOutcome& o) { outcome = o; });
        job.start();
        if (!QTest::qWaitFor([&outcome] { return outcome.has_value(); }, 30000)) {
            return SyncOutcome { {}, Error { ErrorCode::Cancelled, QStringLiteral("test timed out"), {} },
                {} };
        }
        return *outcome;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString started = m_backend.start();
        QVERIFY2(started.isEmpty(), qPrintable(started));
        auto opened = Database::open(m_backend.location(m_dir));
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().detail));
        m_database = std::move(opened).value();
        // Any address, so a client that followed a redirect to "localhost" over IPv6 is caught too.
        QVERIFY(m_trap.listen(QHostAddress::Any, 0));
        connect(&m_trap, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = m_trap.nextPendingConnection()) {
                ++m_trapConnections;
                socket->abort();
                socket->deleteLater();
            }
        });
    }

    // One row per fault of the matrix, through the client alone. attempts is the number of
    // GraphQL requests the sandbox must have received, exactly; -N: at least N, for a query
    // that Qt's HTTP code may resend by itself once when the connection closes unanswered.
    void clientFaults_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<bool>("mutation");
        QTest::addColumn<bool>("recovers");
        QTest::addColumn<ErrorCode>("code");
        QTest::addColumn<QString>("says");
        QTest::addColumn<int>("attempts");
        QTest::addColumn<int>("minElapsedMs");
        QTest::addColumn<int>("deadlineMs");

        const auto ok = ErrorCode::InvalidInput; // unused when the row recovers
        // Retried transparently.
        QTest::newRow("429 Retry-After seconds")
            << "429:1@1" << false << true << ok << "" << 2 << 950 << 4000;
        QTest::newRow("429 Retry-After HTTP date")
            << "429-date:2@1" << false << true << ok << "" << 2 << 900 << 4000;
        QTest::newRow("502 once") << "502@1" << false << true << ok << "" << 2 << 0 << 4000;
        QTest::newRow("503 once") << "503@1" << false << true << ok << "" << 2 << 0 << 4000;
        QTest::newRow("504 once") << "504@1" << false << true << ok << "" << 2 << 0 << 4000;
        QTest::newRow("reset once") << "reset@1" << false << true << ok << "" << 2 << 0 << 4000;
        QTest::newRow("stall once") << "stall@1" << false << true << ok << "" << 2 << 400 << 4000;
        // Clean failures. maxRetries 3: a fault that persists is tried four times.
        QTest::newRow("500 is not retried")
            << "500@1" << false << false << ErrorCode::ServerError << "HTTP 500" << 1 << 0 << 4000;
        QTest::newRow("503 on every request")
            << "503" << false << false << ErrorCode::ServerError << "HTTP 503" << 4 << 0 << 4000;
        QTest::newRow("429 on every request")
            << "429:0" << false << false << ErrorCode::ServerError << "HTTP 429" << 4 << 0 << 4000;
        QTest::newRow("reset on every request")
            << "reset" << false << false << ErrorCode::Unreachable << "closed" << -4 << 0 << 4000;
        QTest::newRow("stall on every request")
            << "stall" << false << false << ErrorCode::Timeout << "stopped answering" << 4 << 1600 << 4000;
        QTest::newRow("trickle past the deadline") << "trickle:100" << false << false << ErrorCode::Timeout
                                                   << "within 1.5 seconds" << 1 << 1500 << 1500;
        QTest::newRow("malformed JSON on 200 is not retried")
            << "malformed@1" << false << false << ErrorCode::ProtocolError << "could not be read" << 1 << 0
            << 4000;
        QTest::newRow("errors[] with partial data on 200")
            << "partial@1" << false << false << ErrorCode::ServerError << "Injected partial failure" << 1 << 0
            << 4000;
        QTest::newRow("401") << "401@1" << false << false << ErrorCode::TokenRejected << "HTTP 401" << 1 << 0
                             << 4000;
        QTest::newRow("redirect to another host")
            << "redirect-host:http://localhost:{trap}/public/graphql@1" << false << false
            << ErrorCode::ProtocolError << "redirect" << 1 << 0 << 4000;
        QTest::newRow("redirect to http")
            << "redirect-http:http://127.0.0.1:{trap}/public/graphql@1" << false << false
            << ErrorCode::ProtocolError << "redirect" << 1 << 0 << 4000;
        // Mutations: exactly one attempt, whatever happens.
        QTest::newRow("DeactivateUser: 503")
            << "503" << true << false << ErrorCode::ServerError << "HTTP 503" << 1 << 0 << 4000;
        QTest::newRow("DeactivateUser: 429")
            << "429:0" << true << false << ErrorCode::ServerError << "HTTP 429" << 1 << 0 << 4000;
        QTest::newRow("DeactivateUser: reset") << "reset" << true << false << ErrorCode::Unreachable
                                               << "unknown whether the change" << 1 << 0 << 4000;
        QTest::newRow("DeactivateUser: stall")
            << "stall" << true << false << ErrorCode::Timeout << "stopped answering" << 1 << 400 << 4000;
    }

    void clientFaults()
    {
        QFETCH(QString, fault);
        QFETCH(bool, mutation);
        QFETCH(bool, recovers);
        QFETCH(ErrorCode, code);
        QFETCH(QString, says);
        QFETCH(int, attempts);
        QFETCH(int, minElapsedMs);
        QFETCH(int, deadlineMs);

        auto server = sandbox();
        QVERIFY(server);
        const SandboxUser target = server->account().users().at(3);
        server->setFaults({ this->fault(fault) });
        const int trapBefore = m_trapConnections;
        RoadmunkClient::Options options = fast();
        options.requestDeadlineMs = deadlineMs;
        RoadmunkClient client(&m_network, server->endpoint(), server->token(), options);
        const GraphQlRequest request
            = mutation ? Queries::deactivateUser(target.id, target.email) : Queries::usersPage(10, 0);
        QCOMPARE(request.isMutation, mutation);

        const Run r = run(client, request);
        QVERIFY2(r.result.has_value(), "the request never finished");
        QCOMPARE(r.calls, 1);
        QVERIFY(server->faultsInjected() >= 1);
        QVERIFY2(r.elapsedMs >= minElapsedMs, qPrintable(QString::number(r.elapsedMs)));
        if (recovers) {
            QVERIFY2(r.result->ok(), qPrintable(r.result->ok() ? QString() : r.result->error().detail));
            const QJsonArray page = r.result->value()
                                        .value(QLatin1String("users"))
                                        .toObject()
                                        .value(QLatin1String("page"))
                                        .toArray();
            QStringList expected;
            for (int i = 0; i < 10; ++i) {
                expected.append(server->account().users().at(i).id);
            }
            QCOMPARE(ids(page), expected);
        } else {
            QVERIFY(!r.result->ok());
            const Error& error = r.result->error();
            QCOMPARE(error.code, code);
            QVERIFY2(error.message.contains(says, Qt::CaseInsensitive), qPrintable(error.message));
            QVERIFY(!error.message.contains(server->token()));
            QVERIFY(!error.detail.contains(server->token()));
            // A failure must not take much longer than the deadline (nothing hangs on).
            QVERIFY2(r.elapsedMs < deadlineMs + 1500, qPrintable(QString::number(r.elapsedMs)));
        }
        QTest::qWait(150); // a late retry would show up here
        if (attempts > 0) {
            QCOMPARE(server->graphQlRequestCount(), attempts);
        } else {
            QVERIFY2(server->graphQlRequestCount() >= -attempts,
                qPrintable(QString::number(server->graphQlRequestCount())));
            QVERIFY(server->graphQlRequestCount() <= 2 * -attempts);
        }
        QCOMPARE(r.calls, 1);
        QCOMPARE(m_trapConnections, trapBefore);
        if (mutation) {
            // The fault came before the mutation ran, and nothing tried it again.
            QVERIFY(!server->account().isDeactivated(target.id));
        }
    }

    // Faults while paging, through PagedFetcher with a client whose timeouts are short: the
    // listing is complete and exact, or the fetch fails cleanly.
    void pagingFaults_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<bool>("recovers");
        QTest::addColumn<ErrorCode>("code");
        QTest::newRow("stall on page 3") << "stall@3" << true << ErrorCode::InvalidInput;
        QTest::newRow("reset on page 3") << "reset@3" << true << ErrorCode::InvalidInput;
        QTest::newRow("429 date on page 3") << "429-date:1@3" << true << ErrorCode::InvalidInput;
        QTest::newRow("trickle on page 3") << "trickle:100@3" << false << ErrorCode::Timeout;
        QTest::newRow("stall on every page") << "stall" << false << ErrorCode::Timeout;
    }

    void pagingFaults()
    {
        QFETCH(QString, fault);
        QFETCH(bool, recovers);
        QFETCH(ErrorCode, code);
        auto server = sandbox(90, 10);
        QVERIFY(server);
        server->setFaults({ this->fault(fault) });
        RoadmunkClient::Options options = fast();
        options.requestDeadlineMs = 1200;
        RoadmunkClient client(&m_network, server->endpoint(), server->token(), options);
        PagedFetcher fetcher(&client, QStringLiteral("users"), &Queries::usersPage, { 10, 4 });
        std::optional<Result<PagedListing>> listing;
        connect(&fetcher, &PagedFetcher::finished, this,
            [&listing](const Result<PagedListing>& r) { listing = r; });
        fetcher.start();
        QVERIFY(QTest::qWaitFor([&listing] { return listing.has_value(); }, 15000));
        QVERIFY(server->faultsInjected() >= 1);
        if (recovers) {
            QVERIFY2(listing->ok(), qPrintable(listing->ok() ? QString() : listing->error().detail));
            QSet<QString> fetched;
            for (const QJsonArray& page : listing->value().pages) {
                for (const QString& id : ids(page)) {
                    fetched.insert(id);
                }
            }
            QCOMPARE(listing->value().rowCount, 90);
            QCOMPARE(fetched, accountIds(*server));
        } else {
            QVERIFY(!listing->ok());
            QCOMPARE(listing->error().code, code);
        }
    }

    // Faults in the middle of a sync, through SyncJob and a temporary database. SyncJob uses
    // the client's default options (500 ms backoff), so only faults that recover within a
    // second or fail at once are here; stalls and trickles are in pagingFaults.
    void syncFaults_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<bool>("recovers");
        QTest::addColumn<ErrorCode>("code");
        QTest::addColumn<QString>("says");
        QTest::newRow("503 mid-run") << "503@3" << true << ErrorCode::InvalidInput << "";
        QTest::newRow("502 mid-run") << "502@3" << true << ErrorCode::InvalidInput << "";
        QTest::newRow("429 seconds mid-run") << "429:1@3" << true << ErrorCode::InvalidInput << "";
        QTest::newRow("429 date mid-run") << "429-date:1@3" << true << ErrorCode::InvalidInput << "";
        QTest::newRow("reset mid-run") << "reset@3" << true << ErrorCode::InvalidInput << "";
        QTest::newRow("500 mid-run") << "500@3" << false << ErrorCode::ServerError << "HTTP 500";
        QTest::newRow("401 mid-run") << "401@3" << false << ErrorCode::TokenRejected << "HTTP 401";
        QTest::newRow("malformed JSON mid-run")
            << "malformed@3" << false << ErrorCode::ProtocolError << "could not be read";
        QTest::newRow("errors[] with partial data mid-run")
            << "partial@3" << false << ErrorCode::ServerError << "Injected partial failure";
        QTest::newRow("redirect mid-run") << "redirect-host:http://localhost:{trap}/public/graphql@3" << false
                                          << ErrorCode::ProtocolError << "redirect";
    }

    void syncFaults()
    {
        QFETCH(QString, fault);
        QFETCH(bool, recovers);
        QFETCH(ErrorCode, code);
        QFETCH(QString, says);
        auto server = sandbox(120, 20);
        QVERIFY(server);
        IntegrationProfile p = ProfileRules::makeDraft(
            QStringLiteral("faults %1").arg(QString::fromLatin1(QTest::currentDataTag())),
            Region::NorthAmerica, QDate::currentDate());
        p.endpointOverride = server->endpoint();
        const IntegrationProfile profile = ProfileRepository(*m_database).create(p).value();

        const SyncOutcome first = sync(profile, server->token());
        QVERIFY2(!first.error, qPrintable(first.error ? first.error->detail : QString()));
        const QSet<QString> before = storedIds(profile.id);
        QCOMPARE(before, accountIds(*server));

        // A change the next snapshot must show, and only if that sync succeeds.
        server->account().removeUser(server->account().users().at(10).id);
        server->setFaults({ this->fault(fault) });
        const int trapBefore = m_trapConnections;
        const SyncOutcome second = sync(profile, server->token());
        QCOMPARE(server->faultsInjected(), 1);
        QCOMPARE(m_trapConnections, trapBefore);
        if (recovers) {
            QVERIFY2(!second.error, qPrintable(second.error ? second.error->detail : QString()));
            QCOMPARE(second.results.first().outcome, JobOutcome::Succeeded);
            QCOMPARE(storedIds(profile.id), accountIds(*server));
            QCOMPARE(storedIds(profile.id).size(), 119);
        } else {
            QVERIFY(second.error);
            QCOMPARE(second.error->code, code);
            QVERIFY2(
                second.error->message.contains(says, Qt::CaseInsensitive), qPrintable(second.error->message));
            QCOMPARE(second.results.first().outcome, JobOutcome::Failed);
            QCOMPARE(storedIds(profile.id), before); // the previous snapshot, intact
        }
    }

    void backoffGrowsToItsCapWithJitter()
    {
        auto server = sandbox();
        QVERIFY(server);
        QList<qint64> at;
        QElapsedTimer clock;
        clock.start();
        server->setRequestHook([&at, &clock](int, const QString&) -> std::optional<int> {
            at.append(clock.elapsed());
            return std::nullopt;
        });
        server->setFaults({ fault(QStringLiteral("503")) });
        RoadmunkClient::Options options = fast();
        options.maxRetries = 4;
        options.retryBaseDelayMs = 100;
        options.retryMaxDelayMs = 200;
        RoadmunkClient client(&m_network, server->endpoint(), server->token(), options);
        const Run r = run(client, Queries::tokenIdentity());
        QVERIFY(r.result && !r.result->ok());
        QCOMPARE(at.size(), 5);
        // Retry n waits between half and all of min(cap, base * 2^(n-1)).
        const QList<qint64> steps { 100, 200, 200, 200 };
        for (int i = 0; i < steps.size(); ++i) {
            const qint64 gap = at.at(i + 1) - at.at(i);
            QVERIFY2(gap >= steps.at(i) / 2, qPrintable(QStringLiteral("gap %1: %2 ms").arg(i).arg(gap)));
            QVERIFY2(gap <= steps.at(i) + 250, qPrintable(QStringLiteral("gap %1: %2 ms").arg(i).arg(gap)));
        }
        QVERIFY2(r.result->error().message.contains(QStringLiteral("5 times")),
            qPrintable(r.result->error().message));
    }

    void retryAfterBeyondTheDeadlineFailsAtOnce()
    {
        auto server = sandbox();
        QVERIFY(server);
        server->setFaults({ fault(QStringLiteral("429:30")) });
        RoadmunkClient::Options options = fast();
        options.requestDeadlineMs = 3000;
        RoadmunkClient client(&m_network, server->endpoint(), server->token(), options);
        const Run r = run(client, Queries::tokenIdentity());
        QVERIFY(r.result && !r.result->ok());
        QCOMPARE(r.result->error().code, ErrorCode::ServerError);
        QVERIFY2(r.result->error().message.contains(QStringLiteral("wait 30 seconds")),
            qPrintable(r.result->error().message));
        QVERIFY2(r.elapsedMs < 1500, qPrintable(QString::number(r.elapsedMs))); // did not sit out the wait
        QCOMPARE(server->graphQlRequestCount(), 1);
    }

    void abortAllStopsAWaitingRetry()
    {
        auto server = sandbox();
        QVERIFY(server);
        server->setFaults({ fault(QStringLiteral("503")) });
        RoadmunkClient::Options options = fast();
        options.retryBaseDelayMs = 400;
        options.retryMaxDelayMs = 400;
        RoadmunkClient client(&m_network, server->endpoint(), server->token(), options);
        LogCapture log;
        int calls = 0;
        client.execute(Queries::tokenIdentity(), [&calls](Result<QJsonObject>) { ++calls; });
        // The 503 has arrived and the retry waits (200-400 ms).
        QVERIFY(QTest::qWaitFor([&log] { return log.contains(retryLogged); }, 5000));
        QCOMPARE(server->graphQlRequestCount(), 1);
        client.abortAll();
        QTest::qWait(500); // past the latest the retry could have come
        QCOMPARE(server->graphQlRequestCount(), 1);
        QCOMPARE(calls, 0);
    }

    void destroyingTheClientStopsAWaitingRetry()
    {
        auto server = sandbox();
        QVERIFY(server);
        server->setFaults({ fault(QStringLiteral("503")) });
        RoadmunkClient::Options options = fast();
        options.retryBaseDelayMs = 400;
        options.retryMaxDelayMs = 400;
        auto client
            = std::make_unique<RoadmunkClient>(&m_network, server->endpoint(), server->token(), options);
        int calls = 0;
        client->execute(Queries::tokenIdentity(), [&calls](Result<QJsonObject>) { ++calls; });
        QVERIFY(QTest::qWaitFor([&server] { return server->graphQlRequestCount() == 1; }, 5000));
        QTest::qWait(100);
        client.reset();
        QTest::qWait(500);
        QCOMPARE(server->graphQlRequestCount(), 1);
        QCOMPARE(calls, 0);
    }

    void cancelledSyncStopsAWaitingRetry()
    {
        auto server = sandbox(120, 20);
        QVERIFY(server);
        IntegrationProfile p = ProfileRules::makeDraft(
            QStringLiteral("cancel in backoff"), Region::NorthAmerica, QDate::currentDate());
        p.endpointOverride = server->endpoint();
        const IntegrationProfile profile = ProfileRepository(*m_database).create(p).value();
        server->setFaults({ fault(QStringLiteral("503")) });
        SyncJob job(*m_database, profile, server->token(), SyncOptions { true, false });
        std::optional<SyncOutcome> outcome;
        connect(&job, &SyncJob::finished, this, [&outcome](const SyncOutcome& o) { outcome = o; });
        LogCapture log;
        job.start();
        // Default backoff: the first retry waits 250-500 ms.
        QVERIFY(QTest::qWaitFor([&log] { return log.contains(retryLogged); }, 5000));
        QCOMPARE(server->graphQlRequestCount(), 1);
        job.cancel();
        QVERIFY(outcome.has_value());
        QCOMPARE(outcome->error->code, ErrorCode::Cancelled);
        QTest::qWait(600);
        QCOMPARE(server->graphQlRequestCount(), 1);
    }

    void retryAfterValues_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<qint64>("expected"); // -1: unreadable
        QTest::newRow("seconds") << QByteArray("5") << qint64(5000);
        QTest::newRow("zero") << QByteArray("0") << qint64(0);
        QTest::newRow("spaces") << QByteArray(" 7 ") << qint64(7000);
        QTest::newRow("a year is a day") << QByteArray("31536000") << qint64(86400000);
        QTest::newRow("negative") << QByteArray("-1") << qint64(-1);
        QTest::newRow("words") << QByteArray("soon") << qint64(-1);
        QTest::newRow("IMF-fixdate") << QByteArray("Sun, 06 Nov 1994 08:49:37 GMT") << qint64(30000);
        QTest::newRow("RFC 2822 with offset")
            << QByteArray("Sun, 06 Nov 1994 09:49:47 +0100") << qint64(40000);
        QTest::newRow("in the past") << QByteArray("Sun, 06 Nov 1994 08:00:00 GMT") << qint64(0);
    }

    void retryAfterValues()
    {
        QFETCH(QByteArray, value);
        QFETCH(qint64, expected);
        const QDateTime now(QDate(1994, 11, 6), QTime(8, 49, 7), QTimeZone::utc());
        const std::optional<qint64> ms = RoadmunkClient::retryAfterMs(value, now);
        QCOMPARE(ms.value_or(-1), expected);
    }

    void retriesAreLoggedWithoutTheToken()
    {
        auto server = sandbox();
        QVERIFY(server);
        server->setFaults({ fault(QStringLiteral("503@1")), fault(QStringLiteral("502@2")) });
        QStringList lines;
        {
            LogCapture log;
            RoadmunkClient client(&m_network, server->endpoint(), server->token(), fast());
            const Run r = run(client, Queries::tokenIdentity());
            QVERIFY(r.result && r.result->ok());
            lines = log.lines();
        }
        const QStringList retries = lines.filter(retryLogged);
        QVERIFY2(retries.size() == 2, qPrintable(lines.join(QLatin1Char('\n'))));
        QVERIFY2(retries.first().startsWith(QStringLiteral("info ")), qPrintable(retries.first()));
        QVERIFY2(retries.first().contains(QStringLiteral("HTTP 503")), qPrintable(retries.first()));
        QVERIFY2(retries.last().contains(QStringLiteral("HTTP 502")), qPrintable(retries.last()));
        QVERIFY(lines.size() > 4); // the debug lines were captured too
        for (const QString& line : std::as_const(lines)) {
            QVERIFY2(!line.contains(server->token()), qPrintable(line));
            QVERIFY2(!line.contains(QStringLiteral("Bearer"), Qt::CaseInsensitive), qPrintable(line));
            QVERIFY2(!line.contains(QStringLiteral("Authorization"), Qt::CaseInsensitive), qPrintable(line));
        }
    }

    void faultSyntax_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("canonical");
        QTest::newRow("status") << "503" << true << "503";
        QTest::newRow("status at N") << "401@7" << true << "401@7";
        QTest::newRow("429 default") << "429" << true << "429:1";
        QTest::newRow("429 seconds at N") << "429:5@2" << true << "429:5@2";
        QTest::newRow("429 date") << "429-date:3" << true << "429-date:3";
        QTest::newRow("reset") << "reset@1" << true << "reset@1";
        QTest::newRow("stall") << "stall" << true << "stall";
        QTest::newRow("trickle") << "trickle:250@4" << true << "trickle:250@4";
        QTest::newRow("malformed") << "malformed" << true << "malformed";
        QTest::newRow("partial") << "partial@2" << true << "partial@2";
        QTest::newRow("redirect with URL") << "redirect-host:https://user@evil.example/x@3" << true
                                           << "redirect-host:https://user@evil.example/x@3";
        QTest::newRow("redirect http") << "redirect-http" << true << "redirect-http";
        QTest::newRow("success is no fault") << "200" << false << "";
        QTest::newRow("unknown") << "explode" << false << "";
        QTest::newRow("request 0") << "503@0" << false << "";
        QTest::newRow("argument where none is taken") << "reset:3" << false << "";
        QTest::newRow("bad seconds") << "429:-1" << false << "";
        QTest::newRow("relative URL") << "redirect-host:/elsewhere" << false << "";
    }

    void faultSyntax()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(QString, canonical);
        const auto parsed = SandboxFault::parse(text);
        QCOMPARE(parsed.ok(), valid);
        if (valid) {
            QCOMPARE(parsed.value().toString(), canonical);
        } else {
            QVERIFY(parsed.error().message.contains(text));
        }
    }

    void sandboxCommandRejectsABadFault()
    {
        QString out;
        QString err;
        QTextStream outStream(&out);
        QTextStream errStream(&err);
        const int code = runSandboxCommand({ QStringLiteral("--fault"), QStringLiteral("503@2"),
                                               QStringLiteral("--fault"), QStringLiteral("boom") },
            outStream, errStream);
        QCOMPARE(code, 2);
        QVERIFY2(err.contains(QStringLiteral("boom")), qPrintable(err));
        QVERIFY(out.isEmpty()); // it never started listening
    }

    // Certificate errors are never ignored: not one call in the application's source.
    void noIgnoredCertificateErrorsInTheSource()
    {
        // Assembled, so this file never matches what it looks for.
        const QStringList needles { QStringLiteral("ignoreSsl") + QStringLiteral("Errors"),
            QStringLiteral("Verify") + QStringLiteral("None") };
        int files = 0;
        QStringList hits;
        for (const char* folder : { "app", "ui" }) {
            QDirIterator it(QStringLiteral(RMSAM_SOURCE_DIR "/") + QLatin1String(folder),
                { QStringLiteral("*.cpp"), QStringLiteral("*.h"), QStringLiteral("*.txt"),
                    QStringLiteral("*.cmake") },
                QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                QFile file(it.next());
                QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
                ++files;
                const QString text = QString::fromUtf8(file.readAll());
                for (const QString& needle : needles) {
                    if (text.contains(needle)) {
                        hits.append(file.fileName() + QStringLiteral(": ") + needle);
                    }
                }
            }
        }
        QVERIFY2(files > 50,
            qPrintable(QStringLiteral("only %1 files under %2").arg(files).arg(RMSAM_SOURCE_DIR)));
        QVERIFY(QFile::exists(QStringLiteral(RMSAM_SOURCE_DIR "/app/roadmunk/RoadmunkClient.cpp")));
        QVERIFY2(hits.isEmpty(), qPrintable(hits.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestFaults)
#include "tst_faults.moc"
