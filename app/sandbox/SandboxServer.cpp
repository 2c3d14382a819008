#include "sandbox/SandboxServer.h"

#include "graphql/GraphQl.h"
#include "sandbox/SandboxControl.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QLoggingCategory>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

namespace rmsam {

namespace {

Q_LOGGING_CATEGORY(lcSandbox, "rmsam.sandbox", QtInfoMsg)

using StatusCode = QHttpServerResponder::StatusCode;

const QString graphQlPath = QStringLiteral("/public/graphql");

// Compares without an early exit, so response timing says nothing about how much of a guess
// was right. Cheap, and the habit matters more than the threat on loopback.
bool sameSecret(const QString& a, const QString& b)
{
    if (a.size() != b.size())
        return false;
    char16_t difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= char16_t(a.at(i).unicode() ^ b.at(i).unicode());
    return difference == 0;
}

// An IMF-fixdate (RFC 9110), the form of Retry-After's date.
QByteArray httpDate(const QDateTime& time)
{
    return QLocale::c().toString(time.toUTC(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'")).toLatin1();
}

QDateTime presentOf(const SandboxOptions& options)
{
    const QDateTime now = options.now.isValid() ? options.now : QDateTime::currentDateTimeUtc();
    return QDateTime::fromMSecsSinceEpoch(now.toMSecsSinceEpoch(), Qt::UTC);
}

} // namespace

SandboxServer::SandboxServer(QObject* parent)
    : SandboxServer(SandboxOptions {}, parent)
{ }

SandboxServer::SandboxServer(const SandboxOptions& options, QObject* parent)
    : QObject(parent)
    , m_options(options)
    , m_token(options.token.isEmpty() ? generateToken(options.seed) : options.token)
    , m_account(SandboxAccount::generate(options.userCount, options.seed, presentOf(options)))
    , m_executor(m_account, options.pageCap)
    , m_server(std::make_unique<QHttpServer>())
{
    m_server->route(graphQlPath, [this](const QHttpServerRequest& request, QHttpServerResponder&& responder) {
        handleGraphQl(request, std::move(responder));
    });
    for (const QString& path : SandboxControl::paths()) {
        m_server->route(path, [this](const QHttpServerRequest& request, QHttpServerResponder&& responder) {
            handleSandbox(request, std::move(responder));
        });
    }
    m_executor.setAnomalies(options.anomalies);
    m_server->setMissingHandler([this](const QHttpServerRequest& request, QHttpServerResponder&& responder) {
        ++m_requestCount;
        ++m_pending;
        qCDebug(lcSandbox) << "404 for" << request.url().path();
        sendError(std::move(responder), StatusCode::NotFound,
            { tr("Not found. The GraphQL endpoint is %1.").arg(graphQlPath) });
    });
}

SandboxServer::~SandboxServer() = default;

void SandboxServer::setAnomalies(const SandboxAnomalies& anomalies)
{
    m_options.anomalies = anomalies;
    m_executor.setAnomalies(anomalies);
    qCInfo(lcSandbox).noquote() << "anomalies:"
                                << (anomalies.isNone() ? QStringLiteral("none") : anomalies.toString());
}

quint16 SandboxServer::listen(quint16 port)
{
    m_port = m_server->listen(QHostAddress::LocalHost, port);
    if (m_port)
        qCInfo(lcSandbox) << "listening on" << endpoint().toString() << "with" << m_account.users().size()
                          << "users";
    else
        qCWarning(lcSandbox) << "could not listen on port" << port;
    return m_port;
}

QUrl SandboxServer::endpoint() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_port);
    url.setPath(graphQlPath);
    return url;
}

QString SandboxServer::generateToken(quint64 seed)
{
    static const QString alphabet
        = QStringLiteral("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-");
    constexpr int length = 549;
    QString token;
    token.reserve(length);
    quint64 state = seed ^ 0x70CE170CE170CE17ULL;
    for (int i = 0; i < length; ++i) {
        // splitmix64, as in SandboxAccount: fixed, so a seed always gives the same token.
        quint64 z = (state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        z ^= z >> 31;
        token += alphabet.at(qsizetype(z % quint64(alphabet.size())));
    }
    return token;
}

SandboxServer::Access SandboxServer::accessFor(const QHttpServerRequest& request) const
{
    QByteArray authorization;
    for (const auto& [name, value] : request.headers()) {
        if (name.compare("authorization", Qt::CaseInsensitive) == 0)
            authorization = value.trimmed();
    }
    const qsizetype space = authorization.indexOf(' ');
    if (space < 0 || authorization.left(space).compare("bearer", Qt::CaseInsensitive) != 0)
        return Access::None;
    const QString presented = QString::fromUtf8(authorization.mid(space + 1).trimmed());
    if (sameSecret(presented, m_token))
        return Access::Full;
    if (!m_options.limitedToken.isEmpty() && sameSecret(presented, m_options.limitedToken))
        return Access::Limited;
    return Access::None;
}

void SandboxServer::handleGraphQl(const QHttpServerRequest& request, QHttpServerResponder&& responder)
{
    ++m_requestCount;
    m_maxPending = qMax(m_maxPending, ++m_pending);
    QElapsedTimer timer;
    timer.start();

    if (request.method() != QHttpServerRequest::Method::Post) {
        sendJson(std::move(responder), StatusCode::MethodNotAllowed,
            QJsonObject { { QStringLiteral("errors"),
                QJsonArray {
                    QJsonObject { { QStringLiteral("message"), tr("Method not allowed: use POST.") } } } } },
            "Allow", "POST");
        return;
    }

    const Access access = accessFor(request);
    if (access == Access::None) {
        qCInfo(lcSandbox) << "401: missing or wrong API token";
        const QJsonObject error {
            { QStringLiteral("message"), tr("Unauthorized: invalid or missing API token") },
            { QStringLiteral("extensions"),
                QJsonObject { { QStringLiteral("code"), QStringLiteral("UNAUTHENTICATED") } } },
        };
        sendJson(std::move(responder), StatusCode::Unauthorized,
            QJsonObject { { QStringLiteral("errors"), QJsonArray { error } } }, "WWW-Authenticate", "Bearer");
        return;
    }

    const Result<GraphQlPost> post = readPost(request.body());
    if (!post) {
        sendError(std::move(responder), StatusCode::BadRequest, { post.error().message });
        return;
    }
    const QString& operationName = post.value().operationName;
    const int requestNumber = ++m_graphQlRequestCount;
    if (m_requestHook) {
        if (const std::optional<int> status = m_requestHook(requestNumber, operationName)) {
            qCInfo(lcSandbox) << *status << "injected for" << operationName;
            sendError(std::move(responder), QHttpServerResponder::StatusCode(*status),
                { tr("Injected failure (HTTP %1).").arg(*status) });
            return;
        }
    }
    const std::optional<SandboxFault> fault = takeFault(requestNumber, operationName);
    // These answer without running the request, so the account stays as it was.
    if (fault && fault->kind != SandboxFault::Kind::Trickle
        && fault->kind != SandboxFault::Kind::PartialErrors) {
        injectFault(*fault, std::move(responder), {});
        return;
    }

    QStringList errors;
    const std::optional<QJsonObject> result = run(post.value(), access, timer, &errors);
    if (!result) {
        sendError(std::move(responder), StatusCode::BadRequest, errors);
        return;
    }
    if (m_responseHook) {
        if (const std::optional<int> status = m_responseHook(requestNumber, operationName)) {
            qCInfo(lcSandbox) << *status << "injected after running" << operationName;
            sendError(std::move(responder), QHttpServerResponder::StatusCode(*status),
                { tr("Injected failure after the request ran (HTTP %1).").arg(*status) });
            return;
        }
    }
    if (fault) {
        injectFault(*fault, std::move(responder), *result);
        return;
    }
    sendPayload(std::move(responder), StatusCode::Ok,
        m_options.anomalies.pad(QJsonDocument(*result).toJson(QJsonDocument::Compact)));
}

Result<SandboxServer::GraphQlPost> SandboxServer::readPost(const QByteArray& body)
{
    const auto badRequest = [](const QString& message) {
        return Error { ErrorCode::InvalidInput, message, {} };
    };
    QJsonParseError parseError;
    const QJsonDocument json = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !json.isObject()) {
        const QString detail = parseError.error != QJsonParseError::NoError
            ? parseError.errorString()
            : tr("the body is not a JSON object");
        return badRequest(tr("POST body must be a JSON object: %1.").arg(detail));
    }
    const QJsonObject object = json.object();
    const QJsonValue query = object.value(QStringLiteral("query"));
    if (!query.isString() || query.toString().trimmed().isEmpty())
        return badRequest(tr("Must provide query string."));
    QJsonValue variables = object.value(QStringLiteral("variables"));
    if (variables.isString()) // some clients send variables as JSON text
        variables = QJsonDocument::fromJson(variables.toString().toUtf8()).object();
    if (!variables.isUndefined() && !variables.isNull() && !variables.isObject())
        return badRequest(tr("Variables must be provided as an Object."));
    const QJsonValue operationName = object.value(QStringLiteral("operationName"));
    if (!operationName.isUndefined() && !operationName.isNull() && !operationName.isString())
        return badRequest(tr("Operation name must be a string."));
    return GraphQlPost { query.toString(), variables.toObject(), operationName.toString() };
}

std::optional<SandboxFault> SandboxServer::takeFault(int requestNumber, const QString& operationName)
{
    const SandboxFault* match = faultFor(requestNumber);
    if (!match)
        return std::nullopt;
    // A copy: the request hook or a test may replace the faults while this one is in use.
    const SandboxFault fault = *match;
    qCInfo(lcSandbox).noquote() << "fault" << fault.toString() << "for request" << requestNumber
                                << operationName;
    ++m_faultsInjected;
    return fault;
}

std::optional<QJsonObject> SandboxServer::run(
    const GraphQlPost& post, Access access, const QElapsedTimer& received, QStringList* errors)
{
    QString syntaxError;
    const graphql::Document document = graphql::parseDocument(post.query, &syntaxError);
    if (!syntaxError.isEmpty()) {
        qCInfo(lcSandbox) << "400:" << syntaxError;
        *errors = { syntaxError };
        return std::nullopt;
    }
    *errors = graphql::validate(document, m_executor.schema(), post.operationName, post.variables);
    if (!errors->isEmpty()) {
        qCInfo(lcSandbox) << "400:" << *errors;
        return std::nullopt;
    }
    const graphql::Operation* operation = graphql::selectOperation(document, post.operationName);
    const QJsonObject result = m_executor.execute(
        *operation, graphql::coerceVariableValues(*operation, post.variables), access == Access::Full);
    qCDebug(lcSandbox).nospace() << "200: operation "
                                 << (operation->name.isEmpty() ? QStringLiteral("(anonymous)")
                                                               : operation->name)
                                 << (result.contains(QStringLiteral("errors")) ? " with errors" : "")
                                 << " in " << received.elapsed() << " ms";
    return result;
}

void SandboxServer::handleSandbox(const QHttpServerRequest& request, QHttpServerResponder&& responder)
{
    ++m_requestCount;
    ++m_pending;
    // The server listens on loopback only; checked again because these pages are for tests alone.
    if (!request.remoteAddress().isLoopback()) {
        sendError(std::move(responder), StatusCode::Forbidden, { tr("Forbidden: loopback only.") });
        return;
    }
    if (accessFor(request) != Access::Full) {
        sendJson(std::move(responder), StatusCode::Unauthorized,
            QJsonObject { { QStringLiteral("errors"),
                QJsonArray { QJsonObject {
                    { QStringLiteral("message"), tr("Unauthorized: invalid or missing API token") } } } } },
            "WWW-Authenticate", "Bearer");
        return;
    }
    const Result<QJsonValue> answer
        = SandboxControl(*this).answer(request.method(), request.url().path(), request.body());
    if (!answer) {
        // InvalidState stands for a method the path does not take.
        const StatusCode status = answer.error().code == ErrorCode::NotFound ? StatusCode::NotFound
            : answer.error().code == ErrorCode::InvalidState                 ? StatusCode::MethodNotAllowed
                                                                             : StatusCode::BadRequest;
        sendError(std::move(responder), status, { answer.error().message });
        return;
    }
    const QJsonValue& body = answer.value();
    sendPayload(std::move(responder), StatusCode::Ok,
        body.isArray() ? QJsonDocument(body.toArray()).toJson(QJsonDocument::Compact)
                       : QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact));
}

const SandboxFault* SandboxServer::faultFor(int requestNumber) const
{
    for (const SandboxFault& fault : m_options.faults) {
        if (fault.request == 0 || fault.request == requestNumber)
            return &fault;
    }
    return nullptr;
}

void SandboxServer::injectFault(
    const SandboxFault& fault, QHttpServerResponder&& responder, const QJsonObject& result)
{
    using Kind = SandboxFault::Kind;
    const auto rateLimited = [this](QHttpServerResponder&& target, const QByteArray& retryAfter) {
        const QJsonObject error {
            { QStringLiteral("message"), tr("Too many requests: slow down.") },
            { QStringLiteral("extensions"),
                QJsonObject { { QStringLiteral("code"), QStringLiteral("RATE_LIMITED") } } },
        };
        sendJson(std::move(target), StatusCode::TooManyRequests,
            QJsonObject { { QStringLiteral("errors"), QJsonArray { error } } }, "Retry-After", retryAfter);
    };
    const auto redirect = [this](QHttpServerResponder&& target, const QUrl& location) {
        sendJson(std::move(target), StatusCode::TemporaryRedirect,
            QJsonObject { { QStringLiteral("errors"),
                QJsonArray { QJsonObject { { QStringLiteral("message"), tr("Moved.") } } } } },
            "Location", location.toEncoded());
    };

    switch (fault.kind) {
    case Kind::Status:
        sendError(std::move(responder), StatusCode(fault.status),
            { tr("Injected failure (HTTP %1).").arg(fault.status) });
        return;
    case Kind::RetryAfterSeconds:
        rateLimited(std::move(responder), QByteArray::number(fault.retryAfterSeconds));
        return;
    case Kind::RetryAfterDate:
        rateLimited(
            std::move(responder), httpDate(QDateTime::currentDateTimeUtc().addSecs(fault.retryAfterSeconds)));
        return;
    case Kind::Reset:
        resetConnection(std::move(responder));
        return;
    case Kind::Stall:
        stall(std::move(responder));
        return;
    case Kind::Trickle:
        trickle(std::move(responder), QJsonDocument(result).toJson(QJsonDocument::Compact),
            fault.trickleIntervalMs);
        return;
    case Kind::MalformedJson: {
        // Cut short, as when a proxy truncates the body: valid UTF-8, invalid JSON.
        const QByteArray body = QByteArrayLiteral(R"({"data":{"users":{"page":[{"id":"a1","email":)");
        responder.write(body, QByteArrayLiteral("application/json"), StatusCode::Ok);
        --m_pending;
        return;
    }
    case Kind::PartialErrors: {
        QJsonObject partial = result;
        QJsonArray errors = partial.value(QStringLiteral("errors")).toArray();
        errors.append(QJsonObject {
            { QStringLiteral("message"), tr("Injected partial failure: some fields could not be resolved.") },
            { QStringLiteral("extensions"),
                QJsonObject { { QStringLiteral("code"), QStringLiteral("INTERNAL_SERVER_ERROR") } } },
        });
        partial.insert(QStringLiteral("errors"), errors);
        sendJson(std::move(responder), StatusCode::Ok, partial);
        return;
    }
    case Kind::RedirectOtherHost:
        redirect(std::move(responder),
            fault.location.isEmpty() ? QUrl(QStringLiteral("https://gateway.example.net") + graphQlPath)
                                     : fault.location);
        return;
    case Kind::RedirectToHttp: {
        QUrl location = fault.location;
        if (location.isEmpty()) {
            location = endpoint();
            location.setPort(80);
        }
        redirect(std::move(responder), location);
        return;
    }
    }
}

void SandboxServer::resetConnection(QHttpServerResponder&& responder)
{
    --m_pending;
    const QPointer<QTcpSocket> socket = responder.socket();
    // Later, from the event loop: QHttpServer is still reading from the socket right now.
    QTimer::singleShot(0, this, [socket] {
        if (!socket)
            return;
#ifdef Q_OS_UNIX
        // A zero linger time makes close() send RST rather than FIN: a reset, not a clean close.
        const linger noLinger { 1, 0 };
        ::setsockopt(int(socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &noLinger, sizeof noLinger);
#endif
        socket->abort();
    });
}

void SandboxServer::stall(QHttpServerResponder&& responder)
{
    // Never written to; kept until the client gives up and the socket goes away.
    auto held = std::make_shared<QHttpServerResponder>(std::move(responder));
    QTcpSocket* socket = held->socket();
    connect(socket, &QTcpSocket::disconnected, this, [this, held]() mutable {
        if (held) {
            --m_pending;
            held.reset();
        }
    });
}

void SandboxServer::trickle(QHttpServerResponder&& responder, const QByteArray& payload, int intervalMs)
{
    // The head at once, then the body byte by byte: every byte restarts the client's inactivity
    // timer, so only an overall deadline can end the wait.
    auto held = std::make_shared<QHttpServerResponder>(std::move(responder));
    const QPointer<QTcpSocket> socket = held->socket();
    held->writeStatusLine(StatusCode::Ok);
    held->writeHeader(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json"));
    held->writeHeader(QByteArrayLiteral("Content-Length"), QByteArray::number(payload.size()));
    auto* timer = new QTimer(this);
    auto sent = std::make_shared<qsizetype>(0);
    connect(timer, &QTimer::timeout, this, [this, held, socket, payload, sent, timer] {
        if (!socket || !socket->isOpen() || *sent >= payload.size()) {
            --m_pending;
            timer->deleteLater();
            timer->stop();
            return;
        }
        held->writeBody(payload.constData() + *sent, 1);
        ++*sent;
    });
    timer->start(intervalMs);
}

void SandboxServer::sendError(
    QHttpServerResponder&& responder, StatusCode status, const QStringList& messages)
{
    QJsonArray errors;
    for (const QString& message : messages)
        errors.append(QJsonObject { { QStringLiteral("message"), message } });
    sendJson(std::move(responder), status, QJsonObject { { QStringLiteral("errors"), errors } });
}

void SandboxServer::sendJson(QHttpServerResponder&& responder, StatusCode status, const QJsonObject& body,
    const QByteArray& extraHeader, const QByteArray& extraValue)
{
    sendPayload(std::move(responder), status, QJsonDocument(body).toJson(QJsonDocument::Compact), extraHeader,
        extraValue);
}

void SandboxServer::sendPayload(QHttpServerResponder&& responder, StatusCode status,
    const QByteArray& payload, const QByteArray& extraHeader, const QByteArray& extraValue)
{
    const auto write = [payload, status, extraHeader, extraValue](QHttpServerResponder& target) {
        const QByteArray contentType = QByteArrayLiteral("application/json");
        if (extraHeader.isEmpty())
            target.write(payload, { { QByteArrayLiteral("Content-Type"), contentType } }, status);
        else
            target.write(payload,
                { { QByteArrayLiteral("Content-Type"), contentType }, { extraHeader, extraValue } }, status);
    };
    if (m_options.latencyMs <= 0) {
        write(responder);
        --m_pending;
        return;
    }
    // Answer later from the event loop: the responder moves to the heap (shared, because
    // QTimer wants a copyable functor), and the socket is checked again since the client may
    // have given up meanwhile.
    auto held = std::make_shared<QHttpServerResponder>(std::move(responder));
    const QPointer<QTcpSocket> socket = held->socket();
    QTimer::singleShot(m_options.latencyMs, this, [this, held, socket, write] {
        --m_pending;
        if (socket && socket->isOpen())
            write(*held);
    });
}

} // namespace rmsam
