#include "roadmunk/RoadmunkClient.h"

#include "core/Region.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QRandomGenerator>
#include <QTimeZone>
#include <QTimer>
#include <algorithm>
#include <cstring>

Q_LOGGING_CATEGORY(lcRoadmunk, "rmsam.roadmunk", QtInfoMsg)

namespace rmsam {
namespace {

// A request body that can be read only once. Qt's HTTP code quietly sends a request again when
// the connection closes before the answer (meant for keep-alive connections the server dropped),
// which for a mutation could run it twice. Over a body that cannot rewind, that resend fails
// with ContentReSendError instead, and the caller learns the outcome is unknown.
class OneShotBody : public QIODevice
{
public:
    OneShotBody(QByteArray data, QObject* parent)
        : QIODevice(parent)
        , m_data(std::move(data))
    {
        open(QIODevice::ReadOnly);
    }

    bool isSequential() const override { return true; }
    bool reset() override { return false; }
    qint64 bytesAvailable() const override { return m_data.size() - m_read + QIODevice::bytesAvailable(); }

protected:
    qint64 readData(char* data, qint64 maxSize) override
    {
        const qint64 n = qMin(maxSize, m_data.size() - m_read);
        memcpy(data, m_data.constData() + m_read, size_t(n));
        m_read += n;
        return n;
    }
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_read = 0;
};

// Milliseconds as seconds for a message: "30", "1.5".
QString seconds(qint64 ms)
{
    return QString::number(double(ms) / 1000.0, 'g', 3);
}

Error tokenRejected(int status)
{
    return Error { ErrorCode::TokenRejected,
        QCoreApplication::translate("rmsam::RoadmunkClient",
            "Roadmunk rejected the API token (HTTP %1). It may be mistyped, revoked or expired. Generate "
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
            QCoreApplication::translate("rmsam::RoadmunkClient",
                "The API token lacks the rights this needs: Roadmunk answered \"%1\". Create the token "
                "as an Account Admin (only Account Admins can list and deactivate users), then set it "
                "again.")
                .arg(detail),
            detail };
    }
    return Error { ErrorCode::ServerError,
        QCoreApplication::translate("rmsam::RoadmunkClient", "Roadmunk reported an error: %1").arg(detail),
        detail };
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
            QCoreApplication::translate("rmsam::RoadmunkClient",
                "Cannot find the Roadmunk gateway %1 (DNS lookup failed). Check the region and your "
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
            QCoreApplication::translate("rmsam::RoadmunkClient",
                "Cannot reach %1: %2. Check the region, your network connection and any proxy or "
                "firewall, then try again.")
                .arg(host, reply->errorString()),
            detail };
    case QNetworkReply::ContentReSendError:
        // Only mutations refuse to be resent (see OneShotBody): the request went out, the
        // connection closed, and whether Roadmunk acted is unknown.
        return Error { ErrorCode::Unreachable,
            QCoreApplication::translate("rmsam::RoadmunkClient",
                "The connection to %1 closed before Roadmunk answered, so it is unknown whether the change "
                "was made. Check in Roadmunk before trying again.")
                .arg(host),
            detail };
    case QNetworkReply::SslHandshakeFailedError:
        return Error { ErrorCode::Unreachable,
            QCoreApplication::translate("rmsam::RoadmunkClient",
                "The secure connection to %1 failed (TLS). A proxy or antivirus may be intercepting "
                "HTTPS; Roadmunk SAM never ignores certificate errors. Check the system's certificates "
                "and proxy settings.")
                .arg(host),
            detail };
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError:
        return Error { ErrorCode::Timeout,
            QCoreApplication::translate("rmsam::RoadmunkClient",
                "%1 did not answer in time. Try again later; if it keeps happening, check your network "
                "connection.")
                .arg(host),
            detail };
    default:
        return Error { ErrorCode::Unreachable,
            QCoreApplication::translate("rmsam::RoadmunkClient", "The request to %1 failed: %2")
                .arg(host, reply->errorString()),
            detail };
    }
}

} // namespace

// One execute(): the attempts made for it, the retry waiting, and its deadline.
struct RoadmunkClient::Call
{
    Call()
    {
        for (QTimer* timer : { deadline.get(), retry.get() }) {
            timer->setSingleShot(true);
            // Coarse timers may fire 5 % early; a deadline or a Retry-After must not.
            timer->setTimerType(Qt::PreciseTimer);
        }
    }

    GraphQlRequest request;
    std::function<void(Result<QJsonObject>)> done;
    QElapsedTimer clock;
    std::unique_ptr<QTimer> deadline = std::make_unique<QTimer>();
    std::unique_ptr<QTimer> retry = std::make_unique<QTimer>();
    bool tooLarge = false; // the answer passed Options::maxResponseBytes and was aborted
    QPointer<QNetworkReply> reply;
    int attempts = 0;
    QString lastFailure; // the detail of the attempt before the one in flight, if any
};

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
        QCoreApplication::translate("rmsam::RoadmunkClient",
            "Refusing to send the API token to %1: Roadmunk SAM only talks to the Roadmunk gateways over "
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
    auto owned = std::make_unique<Call>();
    Call* call = owned.get();
    call->request = request;
    call->done = std::move(done);
    call->clock.start();
    connect(call->deadline.get(), &QTimer::timeout, this, [this, call] { deadlinePassed(call); });
    connect(call->retry.get(), &QTimer::timeout, this, [this, call] { send(call); });
    m_calls.push_back(std::move(owned));
    call->deadline->start(qMax(1, m_options.requestDeadlineMs));
    send(call);
}

void RoadmunkClient::send(Call* call)
{
    QNetworkRequest httpRequest(m_endpoint);
    httpRequest.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    httpRequest.setRawHeader("Accept", "application/json");
    httpRequest.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    httpRequest.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    httpRequest.setTransferTimeout(m_options.transferTimeoutMs);

    QJsonObject body { { QStringLiteral("query"), call->request.query },
        { QStringLiteral("operationName"), call->request.operationName } };
    if (!call->request.variables.isEmpty()) {
        body.insert(QStringLiteral("variables"), call->request.variables);
    }
    const QByteArray payload = QJsonDocument(body).toJson(QJsonDocument::Compact);
    QNetworkReply* reply = nullptr;
    if (call->request.isMutation) {
        httpRequest.setHeader(QNetworkRequest::ContentLengthHeader, payload.size());
        httpRequest.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        auto* once = new OneShotBody(payload, nullptr);
        reply = m_network->post(httpRequest, once);
        once->setParent(reply);
    } else {
        reply = m_network->post(httpRequest, payload);
    }
    call->reply = reply;
    ++call->attempts;
    qCDebug(lcRoadmunk) << "POST" << call->request.operationName << "to" << m_endpoint.host() << "attempt"
                        << call->attempts;
    connect(reply, &QNetworkReply::finished, this, [this, call, reply] { attemptFinished(call, reply); });
    connect(
        reply, &QNetworkReply::downloadProgress, this, [this, call, reply](qint64 received, qint64 total) {
            if (!call->tooLarge && qMax(received, total) > m_options.maxResponseBytes) {
                call->tooLarge = true;
                reply->abort();
            }
        });
}

void RoadmunkClient::attemptFinished(Call* call, QNetworkReply* reply)
{
    reply->deleteLater();
    call->reply = nullptr;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError networkError = status == 0 ? reply->error() : QNetworkReply::NoError;
    // An aborted reply is closed; reading it would only warn.
    Result<QJsonObject> result
        = interpret(reply, reply->isOpen() ? reply->readAll() : QByteArray(), m_endpoint);
    // Our own aborts disconnect first, so a cancelled reply here is Qt's transfer timeout.
    const bool inactive = networkError == QNetworkReply::TimeoutError
        || networkError == QNetworkReply::OperationCanceledError;
    if (inactive) {
        result = transferTimedOut();
    }
    if (call->tooLarge) {
        // Not retried: the same request would get the same answer. For a mutation the server may
        // have acted, which the caller treats like any other failure after sending.
        finish(call, answerTooLarge(call->request.operationName));
        return;
    }
    if (result) {
        finish(call, std::move(result));
        return;
    }

    const bool transient = status == 429 || status == 502 || status == 503 || status == 504 || inactive
        || networkError == QNetworkReply::RemoteHostClosedError
        || networkError == QNetworkReply::TemporaryNetworkFailureError;
    const int retry = call->attempts; // the number this retry would have
    if (!transient || call->request.isMutation || retry > m_options.maxRetries) {
        if (transient && !call->request.isMutation) {
            Error error = result.error();
            error.message += QLatin1Char(' ')
                + QCoreApplication::translate("rmsam::RoadmunkClient", "(Tried %1 times.)")
                      .arg(call->attempts);
            error.detail += QStringLiteral("; gave up after %1 attempts").arg(call->attempts);
            result = std::move(error);
        }
        finish(call, std::move(result));
        return;
    }
    retryLater(call, status, reply->rawHeader("Retry-After"), result.error());
}

Error RoadmunkClient::transferTimedOut() const
{
    return Error { ErrorCode::Timeout,
        QCoreApplication::translate("rmsam::RoadmunkClient",
            "%1 stopped answering: nothing arrived for %2 seconds. Try again later; if it keeps "
            "happening, check your network connection.")
            .arg(m_endpoint.host(), seconds(m_options.transferTimeoutMs)),
        QStringLiteral("no data for %1 ms (transfer timeout)").arg(m_options.transferTimeoutMs) };
}

Error RoadmunkClient::answerTooLarge(const QString& operationName) const
{
    return Error {
        ErrorCode::ProtocolError,
        QCoreApplication::translate("rmsam::RoadmunkClient",
            "%1 sent an answer larger than %2 MB, more than any Roadmunk answer should be, so it was "
            "not read. Nothing was changed; try again later.")
            .arg(m_endpoint.host())
            .arg(m_options.maxResponseBytes / (1024 * 1024)),
        QStringLiteral("%1 answer over %2 bytes aborted").arg(operationName).arg(m_options.maxResponseBytes)
    };
}

void RoadmunkClient::retryLater(Call* call, int status, const QByteArray& retryAfterHeader, Error failure)
{
    const int retry = call->attempts; // the number this retry has
    const std::optional<qint64> retryAfter = retryAfterHeader.isEmpty()
        ? std::nullopt
        : retryAfterMs(retryAfterHeader, QDateTime::currentDateTimeUtc());
    const qint64 delay = retryAfter ? *retryAfter : backoffMs(retry);
    const qint64 remaining = m_options.requestDeadlineMs - call->clock.elapsed();
    if (delay >= remaining) {
        if (retryAfter) {
            failure.message = QCoreApplication::translate("rmsam::RoadmunkClient",
                "Roadmunk answered HTTP %1 and asked to wait %2 seconds before trying again, "
                "longer than a request may take. Try again later.")
                                  .arg(status)
                                  .arg(seconds(*retryAfter));
        }
        failure.detail += QStringLiteral("; no retry: a wait of %1 ms would pass the deadline").arg(delay);
        finish(call, std::move(failure));
        return;
    }
    // Info, so a slow sync explains itself in the log; the reason never holds the token.
    qCInfo(lcRoadmunk).nospace() << "retrying " << call->request.operationName << " in " << delay
                                 << " ms (retry " << retry << " of " << m_options.maxRetries << ") after "
                                 << qPrintable(failure.detail) << (retryAfter ? " with Retry-After " : "")
                                 << (retryAfter ? retryAfterHeader.constData() : "");
    call->lastFailure = failure.detail;
    call->retry->start(int(delay));
}

void RoadmunkClient::deadlinePassed(Call* call)
{
    if (QNetworkReply* reply = call->reply) {
        disconnect(reply, nullptr, this, nullptr);
        reply->abort();
        reply->deleteLater();
    }
    finish(call,
        Error { ErrorCode::Timeout,
            QCoreApplication::translate("rmsam::RoadmunkClient",
                "%1 did not finish answering within %2 seconds. Try again later; if it keeps happening, "
                "check your network connection.")
                .arg(m_endpoint.host(), seconds(m_options.requestDeadlineMs)),
            QStringLiteral("deadline of %1 ms passed during attempt %2%3")
                .arg(m_options.requestDeadlineMs)
                .arg(call->attempts)
                .arg(call->lastFailure.isEmpty() ? QString()
                                                 : QStringLiteral("; before: ") + call->lastFailure) });
}

void RoadmunkClient::finish(Call* call, Result<QJsonObject> result)
{
    const auto it
        = std::find_if(m_calls.begin(), m_calls.end(), [call](const auto& c) { return c.get() == call; });
    if (it == m_calls.end()) {
        return;
    }
    // Out of the list before done runs: done may start requests, abort them or delete us.
    const std::unique_ptr<Call> owned = std::move(*it);
    m_calls.erase(it);
    // This may run inside the deadline's timeout signal: its timers go later, stopped.
    for (std::unique_ptr<QTimer>* timer : { &owned->deadline, &owned->retry }) {
        (*timer)->stop();
        (*timer)->disconnect();
        timer->release()->deleteLater();
    }
    const auto done = std::move(owned->done);
    if (!result) {
        qCWarning(lcRoadmunk) << owned->request.operationName << "failed:" << result.error().detail;
    }
    done(std::move(result));
}

qint64 RoadmunkClient::backoffMs(int retry) const
{
    // Equal jitter: half the exponential step for sure, the other half at random, so clients
    // that failed together do not come back together.
    const qint64 base = qMax(1, m_options.retryBaseDelayMs);
    const qint64 step = qMin<qint64>(qMax(1, m_options.retryMaxDelayMs), base << qMin(retry - 1, 20));
    return step - QRandomGenerator::global()->bounded(step / 2 + 1);
}

void RoadmunkClient::abortAll()
{
    std::vector<std::unique_ptr<Call>> calls;
    calls.swap(m_calls);
    for (const std::unique_ptr<Call>& call : calls) {
        if (QNetworkReply* reply = call->reply) {
            disconnect(reply, nullptr, this, nullptr);
            reply->abort();
            reply->deleteLater();
        }
    }
    // The calls' timers stop as the calls are destroyed here.
}

std::optional<qint64> RoadmunkClient::retryAfterMs(const QByteArray& value, const QDateTime& now)
{
    const QString text = QString::fromLatin1(value.trimmed());
    bool isNumber = false;
    const qint64 delaySeconds = text.toLongLong(&isNumber);
    if (isNumber) {
        constexpr qint64 day = 24 * 3600;
        return delaySeconds < 0 ? std::nullopt : std::optional<qint64>(qMin(delaySeconds, day) * 1000);
    }
    // The IMF-fixdate every server sends ("Sun, 06 Nov 1994 08:49:37 GMT"), then RFC 2822 forms.
    QDateTime when = QLocale::c().toDateTime(text, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (when.isValid()) {
        when = QDateTime(when.date(), when.time(), QTimeZone::utc());
    } else {
        when = QDateTime::fromString(text, Qt::RFC2822Date);
    }
    if (!when.isValid()) {
        return std::nullopt;
    }
    return qMax<qint64>(0, now.msecsTo(when));
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
            QCoreApplication::translate("rmsam::RoadmunkClient",
                "%1 answered with a redirect (HTTP %2); Roadmunk SAM does not follow redirects, so the "
                "token never leaves the gateway. Check the region.")
                .arg(endpoint.host())
                .arg(status),
            QStringLiteral("HTTP %1 to %2")
                .arg(status)
                .arg(reply->header(QNetworkRequest::LocationHeader).toUrl().host()) };
    }
    if (status == 429) {
        return Error { ErrorCode::ServerError,
            QCoreApplication::translate("rmsam::RoadmunkClient",
                "Roadmunk is limiting requests (HTTP 429): too many in a short time. Wait a few minutes, "
                "then "
                "try again."),
            QStringLiteral("HTTP 429, Retry-After: %1")
                .arg(QString::fromLatin1(reply->rawHeader("Retry-After"))) };
    }
    if (status >= 500) {
        return Error { ErrorCode::ServerError,
            QCoreApplication::translate("rmsam::RoadmunkClient",
                "Roadmunk had a server error (HTTP %1). This is usually temporary: try again in a few "
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
            QCoreApplication::translate("rmsam::RoadmunkClient",
                "Roadmunk's answer could not be read (HTTP %1, not a GraphQL response). Try again later.")
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
        return Error { ErrorCode::ProtocolError,
            QCoreApplication::translate("rmsam::RoadmunkClient", "Roadmunk answered HTTP %1.").arg(status),
            QStringLiteral("HTTP %1").arg(status) };
    }
    if (!root.value(QLatin1String("data")).isObject()) {
        return Error { ErrorCode::ProtocolError,
            QCoreApplication::translate(
                "rmsam::RoadmunkClient", "Roadmunk's answer had no data. Try again later."),
            QStringLiteral("no data") };
    }
    return root.value(QLatin1String("data")).toObject();
}

} // namespace rmsam
