#include "roadmunk/RoadmunkClient.h"

#include "core/Region.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

Q_LOGGING_CATEGORY(lcRoadmunk, "rmsam.roadmunk", QtInfoMsg)

namespace rmsam {
namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("rmsam::RoadmunkClient", text);
}

Error tokenRejected(int status)
{
    return Error { ErrorCode::TokenRejected,
        tr("Roadmunk rejected the API token (HTTP %1). It may be mistyped, revoked or expired. Generate "
           "a new token in Roadmunk (Account Settings › API Tokens) and set it again.")
            .arg(status),
        QStringLiteral("HTTP %1").arg(status) };
}

Error graphQlErrors(const QJsonArray& errors)
{
    QStringList messages;
    bool forbidden = false;
    bool unauthenticated = false;
    for (const QJsonValue& e : errors) {
        const QJsonObject error = e.toObject();
        messages.append(error.value(QLatin1String("message")).toString());
        const QString code
            = error.value(QLatin1String("extensions")).toObject().value(QLatin1String("code")).toString();
        forbidden = forbidden || code == QLatin1String("FORBIDDEN");
        unauthenticated = unauthenticated || code == QLatin1String("UNAUTHENTICATED");
    }
    const QString detail = messages.join(QLatin1String("; "));
    if (unauthenticated) {
        Error error = tokenRejected(401);
        error.detail = detail;
        return error;
    }
    if (forbidden) {
        return Error { ErrorCode::TokenLacksRights,
            tr("The API token lacks the rights this needs: Roadmunk answered \"%1\". Create the token "
               "as an Account Admin (only Account Admins can list and deactivate users), then set it "
               "again.")
                .arg(detail),
            detail };
    }
    return Error { ErrorCode::ServerError, tr("Roadmunk reported an error: %1").arg(detail), detail };
}

Error networkError(QNetworkReply* reply, const QUrl& endpoint)
{
    const QString host = endpoint.host();
    const QString detail = QStringLiteral("%1 (QNetworkReply::NetworkError %2)")
                               .arg(reply->errorString())
                               .arg(int(reply->error()));
    switch (reply->error()) {
    case QNetworkReply::HostNotFoundError:
        return Error { ErrorCode::Unreachable,
            tr("Cannot find the Roadmunk gateway %1 (DNS lookup failed). Check the region and your "
               "network connection or proxy.")
                .arg(host),
            detail };
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyConnectionClosedError:
        return Error { ErrorCode::Unreachable,
            tr("Cannot reach %1: %2. Check the region, your network connection and any proxy or "
               "firewall, then try again.")
                .arg(host, reply->errorString()),
            detail };
    case QNetworkReply::SslHandshakeFailedError:
        return Error { ErrorCode::Unreachable,
            tr("The secure connection to %1 failed (TLS). A proxy or antivirus may be intercepting "
               "HTTPS; Roadmunk SAM never ignores certificate errors. Check the system's certificates "
               "and proxy settings.")
                .arg(host),
            detail };
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError:
        return Error { ErrorCode::Timeout,
            tr("%1 did not answer in time. Try again later; if it keeps happening, check your network "
               "connection.")
                .arg(host),
            detail };
    default:
        return Error { ErrorCode::Unreachable,
            tr("The request to %1 failed: %2").arg(host, reply->errorString()), detail };
    }
}

} // namespace

RoadmunkClient::RoadmunkClient(QNetworkAccessManager* network, const QUrl& endpoint, const QString& token,
    Options options, QObject* parent)
    : QObject(parent)
    , m_network(network)
    , m_endpoint(endpoint)
    , m_token(token)
    , m_options(options)
{ }

RoadmunkClient::~RoadmunkClient()
{
    abortAll();
    m_token.fill(QLatin1Char('\0'));
}

Result<void> RoadmunkClient::checkEndpoint(const QUrl& endpoint, bool allowLoopback)
{
    if (Regions::isGatewayEndpoint(endpoint) || (allowLoopback && Regions::isLoopbackUrl(endpoint))) {
        return {};
    }
    return Error { ErrorCode::InvalidInput,
        tr("Refusing to send the API token to %1: Roadmunk SAM only talks to the Roadmunk gateways over "
           "HTTPS (app, eu, apac) and to its own sandbox on this computer.")
            .arg(endpoint.toDisplayString()),
        {} };
}

void RoadmunkClient::execute(const GraphQlRequest& request, std::function<void(Result<QJsonObject>)> done)
{
    if (auto allowed = checkEndpoint(m_endpoint, m_options.allowLoopback); !allowed) {
        done(allowed.error());
        return;
    }
    QNetworkRequest httpRequest(m_endpoint);
    httpRequest.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    httpRequest.setRawHeader("Accept", "application/json");
    httpRequest.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    httpRequest.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    httpRequest.setTransferTimeout(m_options.transferTimeoutMs);

    QJsonObject body { { QStringLiteral("query"), request.query },
        { QStringLiteral("operationName"), request.operationName } };
    if (!request.variables.isEmpty()) {
        body.insert(QStringLiteral("variables"), request.variables);
    }
    QNetworkReply* reply = m_network->post(httpRequest, QJsonDocument(body).toJson(QJsonDocument::Compact));
    m_inFlight.append(reply);
    qCDebug(lcRoadmunk) << "POST" << request.operationName << "to" << m_endpoint.host();

    const QUrl endpoint = m_endpoint;
    connect(
        reply, &QNetworkReply::finished, this, [this, reply, done, endpoint, name = request.operationName]() {
            m_inFlight.removeAll(reply);
            reply->deleteLater();
            if (reply->property("rmsam_aborted").toBool()) {
                return;
            }
            Result<QJsonObject> result = interpret(reply, reply->readAll(), endpoint);
            if (!result) {
                qCWarning(lcRoadmunk) << name << "failed:" << result.error().detail;
            }
            done(std::move(result));
        });
}

void RoadmunkClient::abortAll()
{
    const auto replies = m_inFlight;
    m_inFlight.clear();
    for (const QPointer<QNetworkReply>& reply : replies) {
        if (reply) {
            reply->setProperty("rmsam_aborted", true);
            reply->abort();
        }
    }
}

Result<QJsonObject> RoadmunkClient::interpret(
    QNetworkReply* reply, const QByteArray& body, const QUrl& endpoint)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 401 || status == 403) {
        return tokenRejected(status);
    }
    if (status >= 300 && status < 400) {
        return Error { ErrorCode::ProtocolError,
            tr("%1 answered with a redirect (HTTP %2); Roadmunk SAM does not follow redirects, so the "
               "token never leaves the gateway. Check the region.")
                .arg(endpoint.host())
                .arg(status),
            QStringLiteral("HTTP %1 to %2")
                .arg(status)
                .arg(reply->header(QNetworkRequest::LocationHeader).toUrl().host()) };
    }
    if (status >= 500) {
        return Error { ErrorCode::ServerError,
            tr("Roadmunk had a server error (HTTP %1). This is usually temporary: try again in a few "
               "minutes.")
                .arg(status),
            QStringLiteral("HTTP %1").arg(status) };
    }
    if (status == 0) {
        return networkError(reply, endpoint);
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        return Error {
            ErrorCode::ProtocolError,
            tr("Roadmunk's answer could not be read (HTTP %1, not a GraphQL response). Try again later.")
                .arg(status),
            QStringLiteral("JSON parse error at %1: %2").arg(parseError.offset).arg(parseError.errorString())
        };
    }
    const QJsonObject root = document.object();
    const QJsonArray errors = root.value(QLatin1String("errors")).toArray();
    if (!errors.isEmpty()) {
        return graphQlErrors(errors);
    }
    if (status != 200) {
        return Error { ErrorCode::ProtocolError, tr("Roadmunk answered HTTP %1.").arg(status),
            QStringLiteral("HTTP %1").arg(status) };
    }
    if (!root.value(QLatin1String("data")).isObject()) {
        return Error { ErrorCode::ProtocolError, tr("Roadmunk's answer had no data. Try again later."),
            QStringLiteral("no data") };
    }
    return root.value(QLatin1String("data")).toObject();
}

} // namespace rmsam
