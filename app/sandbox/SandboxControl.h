#pragma once

#include "core/Result.h"

#include <QCoreApplication>
#include <QHttpServerRequest>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

namespace rmsam {

class SandboxServer;
struct SandboxUser;

// The sandbox's /sandbox/ pages, for a test in another process that checks what the gateway
// really did, or changes how it behaves between runs of the client. SandboxServer does the
// transport and lets only the full token in, from loopback only; this class does the content.
//
//   GET  /sandbox/users          [{id, email, displayName, lastLogin, active}] in account order;
//                                lastLogin is ISO-8601 UTC or null. With huge-ids, a user's wire id
//                                is 2^53 + 1 + its position in this list.
//   POST /sandbox/users          {id, email?, lastLogin?}: changes that user (lastLogin ISO-8601
//                                or null: never); answers the user's row as GET lists it.
//   GET  /sandbox/deactivations  [{id, email, at, lastLogin, wasInactive, refused}] in call
//                                order, see SandboxDeactivation.
//   GET  /sandbox/anomalies      the anomalies' canonical names, e.g. ["dates=epoch-s","endless"].
//   POST /sandbox/anomalies      a JSON list of names as SandboxAnomalies::parse() takes them;
//                                [] clears them. Answers the names now in force.
class SandboxControl
{
    Q_DECLARE_TR_FUNCTIONS(SandboxControl)

public:
    static QStringList paths();

    explicit SandboxControl(SandboxServer& server)
        : m_server(server)
    { }

    // The JSON body to answer with 200, or an error: InvalidInput for 400, NotFound for 404,
    // InvalidState for a method the path does not take (405).
    Result<QJsonValue> answer(QHttpServerRequest::Method method, const QString& path, const QByteArray& body);

private:
    Result<QJsonValue> changeUser(const QByteArray& body);
    Result<QJsonValue> setAnomalies(const QByteArray& body);
    QJsonObject userToJson(const SandboxUser& user) const;

    SandboxServer& m_server;
};

} // namespace rmsam
