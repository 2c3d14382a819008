#include "sandbox/SandboxControl.h"

#include "sandbox/SandboxServer.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace rmsam {

namespace {

const QString usersPath = QStringLiteral("/sandbox/users");
const QString deactivationsPath = QStringLiteral("/sandbox/deactivations");
const QString anomaliesPath = QStringLiteral("/sandbox/anomalies");

QJsonValue isoDate(const QDateTime& when)
{
    return SandboxAccount::dateToJson(when, false);
}

} // namespace

QStringList SandboxControl::paths()
{
    return { usersPath, deactivationsPath, anomaliesPath };
}

Result<QJsonValue> SandboxControl::answer(
    QHttpServerRequest::Method method, const QString& path, const QByteArray& body)
{
    using Method = QHttpServerRequest::Method;
    const bool isGet = method == Method::Get;
    const bool isPost = method == Method::Post && path != deactivationsPath;
    if (!isGet && !isPost)
        return Error { ErrorCode::InvalidState,
            path == deactivationsPath ? tr("Method not allowed: use GET.")
                                      : tr("Method not allowed: use GET or POST."),
            {} };

    if (path == usersPath && isPost)
        return changeUser(body);
    if (path == anomaliesPath && isPost)
        return setAnomalies(body);
    QJsonArray rows;
    if (path == usersPath) {
        for (const SandboxUser& user : m_server.account().users())
            rows.append(userToJson(user));
    } else if (path == anomaliesPath) {
        rows = QJsonArray::fromStringList(m_server.anomalies().names());
    } else {
        for (const SandboxDeactivation& d : m_server.account().deactivations()) {
            rows.append(QJsonObject {
                { QStringLiteral("id"), d.userId },
                { QStringLiteral("email"), d.email },
                { QStringLiteral("at"), isoDate(d.at) },
                { QStringLiteral("lastLogin"), isoDate(d.lastLogin) },
                { QStringLiteral("wasInactive"), d.wasInactive },
                { QStringLiteral("refused"), d.refused },
            });
        }
    }
    return QJsonValue(rows);
}

QJsonObject SandboxControl::userToJson(const SandboxUser& user) const
{
    return QJsonObject {
        { QStringLiteral("id"), user.id },
        { QStringLiteral("email"), user.email },
        { QStringLiteral("displayName"), user.displayName },
        { QStringLiteral("lastLogin"), isoDate(user.lastLogin) },
        { QStringLiteral("active"), !m_server.account().isDeactivated(user.id) },
    };
}

Result<QJsonValue> SandboxControl::changeUser(const QByteArray& body)
{
    SandboxAccount& account = m_server.account();
    const QJsonObject change = QJsonDocument::fromJson(body).object();
    const QString id = change.value(QStringLiteral("id")).toString();
    const QJsonValue email = change.value(QStringLiteral("email"));
    const QJsonValue lastLogin = change.value(QStringLiteral("lastLogin"));
    const QDateTime when = QDateTime::fromString(lastLogin.toString(), Qt::ISODateWithMs);
    const bool emailOk = email.isUndefined() || (email.isString() && !email.toString().isEmpty());
    const bool lastLoginOk = lastLogin.isUndefined() || lastLogin.isNull() || when.isValid();
    if (id.isEmpty() || !emailOk || !lastLoginOk)
        return Error { ErrorCode::InvalidInput,
            tr("Send a JSON object with the user's id, and an email or a lastLogin (ISO-8601 or null) to "
               "change."),
            {} };
    if (!account.userById(id))
        return Error { ErrorCode::NotFound, tr("No user with this id exists in the account."), {} };
    if (email.isString())
        account.setUserEmail(id, email.toString());
    if (!lastLogin.isUndefined())
        account.setUserLastLogin(id, when);
    return QJsonValue(userToJson(*account.userById(id))); // looked up again: the list may have detached
}

Result<QJsonValue> SandboxControl::setAnomalies(const QByteArray& body)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    QStringList names;
    for (const QJsonValue& name : document.array())
        names << name.toString();
    if (!document.isArray() || names.contains(QString()))
        return Error { ErrorCode::InvalidInput, tr("Send a JSON list of anomaly names."), {} };
    auto parsed = SandboxAnomalies::parse(names);
    if (!parsed)
        return parsed.error();
    m_server.setAnomalies(parsed.value());
    return QJsonValue(QJsonArray::fromStringList(m_server.anomalies().names()));
}

} // namespace rmsam
