#pragma once

#include "core/Result.h"
#include "roadmunk/Queries.h"

#include <QJsonObject>
#include <QLoggingCategory>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

Q_DECLARE_LOGGING_CATEGORY(lcRoadmunk)

namespace rmsam {

// Sends GraphQL requests to one Roadmunk endpoint with one API token. Every network call of
// the application goes through here: it refuses any endpoint but the three gateways over
// HTTPS (and loopback, for the sandbox), never follows redirects, and turns every failure
// into a typed Error whose message names the cause and the next step.
class RoadmunkClient : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        int transferTimeoutMs = 30000;
        bool allowLoopback = false; // only the sandbox and tests
    };

    RoadmunkClient(QNetworkAccessManager* network, const QUrl& endpoint, const QString& token,
        Options options, QObject* parent = nullptr);
    ~RoadmunkClient() override;

    // Why an endpoint is refused, or success.
    static Result<void> checkEndpoint(const QUrl& endpoint, bool allowLoopback);

    QUrl endpoint() const { return m_endpoint; }

    // Sends the request; done receives the response's "data" object or the error. done is not
    // called after abortAll() or once the client is destroyed.
    void execute(const GraphQlRequest& request, std::function<void(Result<QJsonObject>)> done);
    void abortAll();

    // Turns a finished reply and its body into the result; public for the tests of the mapping.
    static Result<QJsonObject> interpret(QNetworkReply* reply, const QByteArray& body, const QUrl& endpoint);

private:
    QNetworkAccessManager* m_network;
    QUrl m_endpoint;
    QString m_token;
    Options m_options;
    QList<QPointer<QNetworkReply>> m_inFlight;
};

} // namespace rmsam
