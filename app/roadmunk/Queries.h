#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace rmsam {

// One GraphQL operation as sent to Roadmunk. Every document here must validate against the
// published schema (tests/tst_schema checks all()).
struct GraphQlRequest
{
    QString operationName;
    QString query;
    QJsonObject variables;
    bool isMutation = false;
};

namespace Queries {

GraphQlRequest tokenIdentity();
GraphQlRequest account();
GraphQlRequest usersPage(int limit, int offset);
GraphQlRequest roadmapsPage(int limit, int offset);
GraphQlRequest user(const QString& userId);
GraphQlRequest deactivateUser(const QString& userId, const QString& email);

// Every operation the client can send, with sample variables.
QList<GraphQlRequest> all();

} // namespace Queries
} // namespace rmsam
