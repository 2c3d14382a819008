#pragma once

#include "core/Result.h"
#include "roadmunk/Queries.h"

#include <QDateTime>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QObject>
#include <QUrl>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

class QNetworkAccessManager;
class QNetworkReply;

Q_DECLARE_LOGGING_CATEGORY(lcRoadmunk)

namespace rmsam {

// Sends GraphQL requests to one Roadmunk endpoint with one API token. Every network call of
// the application goes through here: it refuses any endpoint but the three gateways over
// HTTPS (and loopback, for the sandbox), never follows redirects, and turns every failure
// into a typed Error whose message names the cause and the next step.
//
// Queries are retried on 429, 502, 503, 504, a connection closed or reset after it was made,
// and an inactivity timeout, with capped exponential backoff and jitter, honouring
// Retry-After. Mutations are sent exactly once: a mutation that may have run must be checked
// by reading, never repeated blindly (ReclaimJob relies on this).
class RoadmunkClient : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RoadmunkClient)

public:
    struct Options
    {
        int transferTimeoutMs = 30000; // no byte for this long fails the attempt
        int requestDeadlineMs = 60000; // one execute(), its retries and waits included
        int maxRetries = 4; // queries only
        int retryBaseDelayMs = 500; // doubled per retry, then jittered down by up to half
        int retryMaxDelayMs = 8000; // the backoff's cap; a Retry-After may ask for longer
        bool allowLoopback = false; // only the sandbox and tests
        // A larger answer is cut off and fails: a page of users is tens of KB, so this bounds
        // the memory a broken or hostile gateway can make the app use.
        static constexpr qint64 DefaultMaxResponseBytes = 8 * 1024 * 1024;
        qint64 maxResponseBytes = DefaultMaxResponseBytes;
    };

    RoadmunkClient(QNetworkAccessManager* network, const QUrl& endpoint, const QString& token,
        Options options, QObject* parent = nullptr);
    ~RoadmunkClient() override;

    // Why an endpoint is refused, or success.
    static Result<void> checkEndpoint(const QUrl& endpoint, bool allowLoopback);

    QUrl endpoint() const { return m_endpoint; }

    // Sends the request, retrying a query as the class comment says; done receives the
    // response's "data" object or the error. done is not called after abortAll() or once the
    // client is destroyed.
    void execute(const GraphQlRequest& request, std::function<void(Result<QJsonObject>)> done);
    // Aborts every request in flight and every retry that is waiting.
    void abortAll();

    // Turns a finished reply and its body into the result; public for the tests of the mapping.
    static Result<QJsonObject> interpret(QNetworkReply* reply, const QByteArray& body, const QUrl& endpoint);
    // The wait a Retry-After header asks for: delay-seconds or an HTTP date; nullopt if unreadable.
    static std::optional<qint64> retryAfterMs(const QByteArray& value, const QDateTime& now);

private:
    struct Call;

    void send(Call* call);
    void attemptFinished(Call* call, QNetworkReply* reply);
    Error transferTimedOut() const;
    Error answerTooLarge(const QString& operationName) const;
    // Waits for the Retry-After or the backoff, then sends the query again; or fails it now when
    // the wait would pass the deadline.
    void retryLater(Call* call, int status, const QByteArray& retryAfterHeader, Error failure);
    void deadlinePassed(Call* call);
    void finish(Call* call, Result<QJsonObject> result);
    qint64 backoffMs(int retry) const;

    QNetworkAccessManager* m_network;
    QUrl m_endpoint;
    QString m_token;
    Options m_options;
    std::vector<std::unique_ptr<Call>> m_calls;
};

} // namespace rmsam
