#include "roadmunk/Queries.h"

namespace rmsam::Queries {
namespace {

const QString UserFields
    = QStringLiteral("id displayName firstName lastName email accountRole lastLogin isInvited jobTitle");

} // namespace

GraphQlRequest tokenIdentity()
{
    return { QStringLiteral("TokenIdentity"),
        QStringLiteral("query TokenIdentity { token { id displayName } }"), {} };
}

GraphQlRequest account()
{
    return { QStringLiteral("Account"),
        QStringLiteral("query Account { account { id companyName package { name } } }"), {} };
}

GraphQlRequest usersPage(int limit, int offset)
{
    return { QStringLiteral("UsersPage"),
        QStringLiteral("query UsersPage($limit: Int!, $offset: Int!) {"
                       " users(limit: $limit, offset: $offset) { page { %1 } hasMore } }")
            .arg(UserFields),
        QJsonObject { { QStringLiteral("limit"), limit }, { QStringLiteral("offset"), offset } } };
}

GraphQlRequest roadmapsPage(int limit, int offset)
{
    return { QStringLiteral("RoadmapsPage"),
        QStringLiteral(
            "query RoadmapsPage($limit: Int!, $offset: Int!) {"
            " roadmaps(limit: $limit, offset: $offset, includeArchivedRoadmaps: true) {"
            " page { id title archivedOn archivedBy { id } restoredOn restoredBy { id } } hasMore } }"),
        QJsonObject { { QStringLiteral("limit"), limit }, { QStringLiteral("offset"), offset } } };
}

GraphQlRequest user(const QString& userId)
{
    return { QStringLiteral("User"),
        QStringLiteral("query User($userID: ID!) { user(userID: $userID) { %1 } }").arg(UserFields),
        QJsonObject { { QStringLiteral("userID"), userId } } };
}

GraphQlRequest deactivateUser(const QString& userId, const QString& email)
{
    GraphQlRequest request { QStringLiteral("DeactivateUser"),
        QStringLiteral("mutation DeactivateUser($input: DeactivateUserInput!) {"
                       " deactivateUser(deactivateUserInput: $input) }"),
        QJsonObject { { QStringLiteral("input"),
            QJsonObject { { QStringLiteral("id"), userId }, { QStringLiteral("email"), email } } } } };
    request.isMutation = true;
    return request;
}

QList<GraphQlRequest> all()
{
    return { tokenIdentity(), account(), usersPage(100, 0), roadmapsPage(100, 0), user(QStringLiteral("0")),
        deactivateUser(QStringLiteral("0"), QStringLiteral("someone@example.com")) };
}

} // namespace rmsam::Queries
