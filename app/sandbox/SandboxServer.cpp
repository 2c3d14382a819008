#include "sandbox/SandboxServer.h"

#include "sandbox/GraphQl.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

namespace rmsam {

namespace {

Q_LOGGING_CATEGORY(lcSandbox, "rmsam.sandbox")

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
    m_server->setMissingHandler([this](const QHttpServerRequest& request, QHttpServerResponder&& responder) {
        ++m_requestCount;
        ++m_pending;
        qCDebug(lcSandbox) << "404 for" << request.url().path();
        sendError(std::move(responder), StatusCode::NotFound,
            { tr("Not found. The GraphQL endpoint is %1.").arg(graphQlPath) });
    });
}

SandboxServer::~SandboxServer() = default;

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

    QJsonParseError parseError;
    const QJsonDocument json = QJsonDocument::fromJson(request.body(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !json.isObject()) {
        const QString detail = parseError.error != QJsonParseError::NoError
            ? parseError.errorString()
            : tr("the body is not a JSON object");
        sendError(std::move(responder), StatusCode::BadRequest,
            { tr("POST body must be a JSON object: %1.").arg(detail) });
        return;
    }
    const QJsonObject body = json.object();
    const QJsonValue query = body.value(QStringLiteral("query"));
    if (!query.isString() || query.toString().trimmed().isEmpty()) {
        sendError(std::move(responder), StatusCode::BadRequest, { tr("Must provide query string.") });
        return;
    }
    QJsonValue variablesValue = body.value(QStringLiteral("variables"));
    if (variablesValue.isString()) // some clients send variables as JSON text
        variablesValue = QJsonDocument::fromJson(variablesValue.toString().toUtf8()).object();
    if (!variablesValue.isUndefined() && !variablesValue.isNull() && !variablesValue.isObject()) {
        sendError(
            std::move(responder), StatusCode::BadRequest, { tr("Variables must be provided as an Object.") });
        return;
    }
    const QJsonValue operationNameValue = body.value(QStringLiteral("operationName"));
    if (!operationNameValue.isUndefined() && !operationNameValue.isNull() && !operationNameValue.isString()) {
        sendError(std::move(responder), StatusCode::BadRequest, { tr("Operation name must be a string.") });
        return;
    }
    const QJsonObject variables = variablesValue.toObject();
    const QString operationName = operationNameValue.toString();
    const int requestNumber = ++m_graphQlRequestCount;
    if (m_requestHook) {
        if (const std::optional<int> status = m_requestHook(requestNumber, operationName)) {
            qCInfo(lcSandbox) << *status << "injected for" << operationName;
            sendError(std::move(responder), QHttpServerResponder::StatusCode(*status),
                { tr("Injected failure (HTTP %1).").arg(*status) });
            return;
        }
    }

    QString syntaxError;
    const graphql::Document document = graphql::parseDocument(query.toString(), &syntaxError);
    if (!syntaxError.isEmpty()) {
        qCInfo(lcSandbox) << "400:" << syntaxError;
        sendError(std::move(responder), StatusCode::BadRequest, { syntaxError });
        return;
    }
    const QStringList errors = graphql::validate(document, m_executor.schema(), operationName, variables);
    if (!errors.isEmpty()) {
        qCInfo(lcSandbox) << "400:" << errors;
        sendError(std::move(responder), StatusCode::BadRequest, errors);
        return;
    }

    const graphql::Operation* operation = graphql::selectOperation(document, operationName);
    const QJsonObject result = m_executor.execute(
        *operation, graphql::coerceVariableValues(*operation, variables), access == Access::Full);
    qCDebug(lcSandbox).nospace() << "200: operation "
                                 << (operation->name.isEmpty() ? QStringLiteral("(anonymous)")
                                                               : operation->name)
                                 << (result.contains(QStringLiteral("errors")) ? " with errors" : "")
                                 << " in " << timer.elapsed() << " ms";
    if (m_responseHook) {
        if (const std::optional<int> status = m_responseHook(requestNumber, operationName)) {
            qCInfo(lcSandbox) << *status << "injected after running" << operationName;
            sendError(std::move(responder), QHttpServerResponder::StatusCode(*status),
                { tr("Injected failure after the request ran (HTTP %1).").arg(*status) });
            return;
        }
    }
    sendJson(std::move(responder), StatusCode::Ok, result);
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
    const QByteArray payload = QJsonDocument(body).toJson(QJsonDocument::Compact);
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
