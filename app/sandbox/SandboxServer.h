#pragma once

#include "core/Result.h"
#include "sandbox/SandboxAccount.h"
#include "sandbox/SandboxAnomalies.h"
#include "sandbox/SandboxExecutor.h"
#include "sandbox/SandboxFault.h"

#include <QDateTime>
#include <QHttpServerResponder>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>
#include <functional>
#include <memory>
#include <optional>

class QElapsedTimer;
class QHttpServer;
class QHttpServerRequest;

namespace rmsam {

struct SandboxOptions
{
    int userCount = 500;
    quint64 seed = 1;
    int pageCap = 100; // most rows one page holds, whatever limit the client asks for
    int latencyMs = 0; // added to every response, without blocking the thread
    QString token; // empty: generated from the seed, see SandboxServer::generateToken()
    QString limitedToken; // optional: authenticates, but lacks the Account Admin role
    QDateTime now; // the account's present; invalid: the current time
    QList<SandboxFault> faults; // the first that matches a request's number applies
    SandboxAnomalies anomalies; // hostile but well-formed answers; none by default
};

// A local stand-in for Roadmunk's GraphQL gateway, for the demo mode and for tests.
// POST /public/graphql on 127.0.0.1 with `Authorization: Bearer <token>`; requests are parsed
// and validated against SandboxExecutor::schemaSdl() like a real GraphQL server would.
//
// For tests in another process, the /sandbox/ pages of SandboxControl, with the same (full)
// token and from loopback only.
class SandboxServer : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SandboxServer)

public:
    using Options = SandboxOptions;

    explicit SandboxServer(QObject* parent = nullptr);
    explicit SandboxServer(const SandboxOptions& options, QObject* parent = nullptr);
    ~SandboxServer() override;

    // Listens on 127.0.0.1 only. Port 0 picks a free port. Returns the port, 0 on failure.
    quint16 listen(quint16 port = 0);
    quint16 port() const { return m_port; }
    QUrl endpoint() const; // http://127.0.0.1:<port>/public/graphql

    QString token() const { return m_token; }
    bool tokenWasGenerated() const { return m_options.token.isEmpty(); }
    const SandboxOptions& options() const { return m_options; }
    SandboxAccount& account() { return m_account; }
    // Every HTTP request received, whatever its outcome.
    int requestCount() const { return m_requestCount; }
    // The most GraphQL requests that were received and not yet answered at one time.
    int maxConcurrentRequests() const { return m_maxPending; }

    // Called for every authenticated GraphQL request before it runs, with its 1-based number
    // among them and its operation name. A test can change the account here, or return an HTTP
    // status to answer instead (e.g. 503), to fault a run in the middle.
    using RequestHook = std::function<std::optional<int>(int requestNumber, const QString& operationName)>;
    // Requests are numbered from the time the hook (or setFaults()) is set.
    void setRequestHook(RequestHook hook)
    {
        m_requestHook = std::move(hook);
        m_graphQlRequestCount = 0;
    }
    // Called after a request ran, with the same arguments. Returning a status answers with that
    // error instead of the result: the server acted, but the client never hears so (as when a
    // connection drops after a mutation).
    void setResponseHook(RequestHook hook) { m_responseHook = std::move(hook); }

    // Replaces the faults of the options; requests are numbered afresh, as for the hook. A
    // status the request hook returns takes precedence over a fault.
    void setFaults(QList<SandboxFault> faults)
    {
        m_options.faults = std::move(faults);
        m_graphQlRequestCount = 0;
    }
    // Applies to the GraphQL requests that run from now on.
    void setAnomalies(const SandboxAnomalies& anomalies);
    const SandboxAnomalies& anomalies() const { return m_options.anomalies; }
    // GraphQL requests that reached the hook and the faults since they were last set.
    int graphQlRequestCount() const { return m_graphQlRequestCount; }
    // Faults injected since the server started.
    int faultsInjected() const { return m_faultsInjected; }

    // A deterministic 549-character token of [A-Za-z0-9._-], the length of Roadmunk's tokens.
    static QString generateToken(quint64 seed);

private:
    enum class Access
    {
        None,
        Limited,
        Full
    };

    // A GraphQL request's POST body, read.
    struct GraphQlPost
    {
        QString query;
        QJsonObject variables;
        QString operationName;
    };

    void handleGraphQl(const QHttpServerRequest& request, QHttpServerResponder&& responder);
    // The body's parts, or the message of the 400 it gets.
    static Result<GraphQlPost> readPost(const QByteArray& body);
    // The fault for this request, if one applies; counted and logged.
    std::optional<SandboxFault> takeFault(int requestNumber, const QString& operationName);
    // Parses, validates and executes the request: its result, or nullopt and the errors of a bad
    // request. `received`: when the request came in, for the log.
    std::optional<QJsonObject> run(
        const GraphQlPost& post, Access access, const QElapsedTimer& received, QStringList* errors);
    void handleSandbox(const QHttpServerRequest& request, QHttpServerResponder&& responder);
    Access accessFor(const QHttpServerRequest& request) const;
    void sendJson(QHttpServerResponder&& responder, QHttpServerResponder::StatusCode status,
        const QJsonObject& body, const QByteArray& extraHeader = {}, const QByteArray& extraValue = {});
    void sendPayload(QHttpServerResponder&& responder, QHttpServerResponder::StatusCode status,
        const QByteArray& payload, const QByteArray& extraHeader = {}, const QByteArray& extraValue = {});
    void sendError(QHttpServerResponder&& responder, QHttpServerResponder::StatusCode status,
        const QStringList& messages);
    const SandboxFault* faultFor(int requestNumber) const;
    // `result` is the executed request's body, for the faults that need one.
    void injectFault(const SandboxFault& fault, QHttpServerResponder&& responder, const QJsonObject& result);
    void resetConnection(QHttpServerResponder&& responder);
    void stall(QHttpServerResponder&& responder);
    void trickle(QHttpServerResponder&& responder, const QByteArray& payload, int intervalMs);

    SandboxOptions m_options;
    QString m_token;
    SandboxAccount m_account;
    SandboxExecutor m_executor;
    std::unique_ptr<QHttpServer> m_server;
    quint16 m_port = 0;
    int m_requestCount = 0;
    int m_graphQlRequestCount = 0;
    int m_pending = 0;
    int m_maxPending = 0;
    int m_faultsInjected = 0;
    RequestHook m_requestHook;
    RequestHook m_responseHook;
};

} // namespace rmsam
