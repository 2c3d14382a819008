#include "sandbox/SandboxExecutor.h"

#include "sandbox/SandboxAccount.h"

#include <QJsonArray>
#include <QSet>

namespace rmsam {

namespace {

using FieldGroup = std::vector<const graphql::Field*>;

// Fields sharing a response key merge (validation made sure they are the same field with the
// same arguments); their sub-selections are combined, in order of first appearance.
std::vector<std::pair<QString, FieldGroup>> collectFields(
    const std::vector<const std::vector<graphql::Field>*>& selectionSets)
{
    std::vector<std::pair<QString, FieldGroup>> groups;
    QHash<QString, size_t> indexByKey;
    for (const std::vector<graphql::Field>* selectionSet : selectionSets) {
        for (const graphql::Field& field : *selectionSet) {
            const QString key = field.responseKey();
            const auto it = indexByKey.constFind(key);
            if (it == indexByKey.constEnd()) {
                indexByKey.insert(key, groups.size());
                groups.emplace_back(key, FieldGroup { &field });
            } else {
                groups[it.value()].second.push_back(&field);
            }
        }
    }
    return groups;
}

// Shapes a resolved value (objects carry every field plus `__typename`) like the request asked.
QJsonValue project(const QJsonValue& source, const FieldGroup& fields)
{
    if (source.isArray()) {
        QJsonArray items;
        for (const QJsonValue& item : source.toArray())
            items.append(project(item, fields));
        return items;
    }
    if (!source.isObject())
        return source;
    const QJsonObject object = source.toObject();
    std::vector<const std::vector<graphql::Field>*> selectionSets;
    for (const graphql::Field* field : fields)
        selectionSets.push_back(&field->selectionSet);
    QJsonObject result;
    for (const auto& [key, group] : collectFields(selectionSets)) {
        const QJsonValue value = object.value(group.front()->name);
        result.insert(key, value.isUndefined() ? QJsonValue(QJsonValue::Null) : project(value, group));
    }
    return result;
}

QJsonValue optionalText(const QString& text)
{
    return text.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QString errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::TokenLacksRights:
        return QStringLiteral("FORBIDDEN");
    case ErrorCode::TokenMissing:
    case ErrorCode::TokenRejected:
        return QStringLiteral("UNAUTHENTICATED");
    case ErrorCode::NotFound:
        return QStringLiteral("NOT_FOUND");
    case ErrorCode::InvalidInput:
    case ErrorCode::Conflict:
        return QStringLiteral("BAD_USER_INPUT");
    default:
        return QStringLiteral("INTERNAL_SERVER_ERROR");
    }
}

QJsonObject page(const QJsonArray& rows, const QJsonValue& hasMore, const QString& typeName)
{
    return QJsonObject {
        { QStringLiteral("__typename"), typeName },
        { QStringLiteral("page"), rows },
        { QStringLiteral("hasMore"), hasMore },
    };
}

} // namespace

QString SandboxExecutor::schemaSdl()
{
    return QStringLiteral(R"(
"The sandbox's slice of Roadmunk's published schema; names and types are identical."
scalar Date

enum UserRoles {
  super_admin
  support_admin
  support
  account_admin
  collaborator
  reviewer
}

interface Identity {
  id: ID!
  displayName: String!
  type: String!
}

type Account {
  id: ID!
  companyName: String
  package: Package!
}

type Package {
  id: ID!
  name: String!
}

type APIToken implements Identity {
  id: ID!
  displayName: String!
  type: String!
}

type User implements Identity {
  id: ID!
  displayName: String!
  type: String!
  firstName: String
  lastName: String
  email: String!
  accountRole: String!
  lastLogin: Date
  jobTitle: String
  isInvited: Boolean
}

type UsersPage {
  page: [User!]!
  hasMore: Boolean!
}

type Roadmap {
  id: ID!
  title: String!
  archivedOn: Date
  archivedBy: Identity
  restoredOn: Date
  restoredBy: Identity
}

type RoadmapsPage {
  page: [Roadmap!]!
  hasMore: Boolean!
}

input DeactivateUserInput {
  id: String
  email: String
}

type Query {
  account: Account!
  token: APIToken!
  user(userID: ID!): User
  users(limit: Int!, offset: Int!, accountRoles: [UserRoles!], searchString: String): UsersPage!
  roadmaps(limit: Int!, offset: Int!, searchString: String, includeArchivedRoadmaps: Boolean): RoadmapsPage
}

type Mutation {
  deactivateUser(deactivateUserInput: DeactivateUserInput!): Boolean!
}
)");
}

SandboxExecutor::SandboxExecutor(SandboxAccount& account, int pageCap)
    : m_account(account)
    , m_pageCap(qMax(1, pageCap))
{
    QString error;
    m_schema = graphql::parseSchema(schemaSdl(), &error);
    Q_ASSERT_X(error.isEmpty(), "SandboxExecutor", qPrintable(error));
}

QJsonObject SandboxExecutor::execute(
    const graphql::Operation& operation, const QJsonObject& variableValues, bool fullAccess)
{
    const graphql::TypeDefinition* rootType = m_schema.rootType(operation.type);
    Q_ASSERT(rootType);
    QJsonObject data;
    QJsonArray errors;
    bool dataIsNull = false;
    // Root fields run in document order, which the spec requires for mutations.
    for (const auto& [key, group] : collectFields({ &operation.selectionSet })) {
        const graphql::Field& field = *group.front();
        if (field.name == u"__typename") {
            data.insert(key, rootType->name);
            continue;
        }
        const graphql::FieldDefinition* definition = rootType->field(field.name);
        const QJsonObject arguments = graphql::argumentValues(field, definition, variableValues);
        const Result<QJsonValue> resolved = resolveRoot(field.name, arguments, fullAccess);
        if (resolved) {
            data.insert(key, project(resolved.value(), group));
            continue;
        }
        data.insert(key, QJsonValue::Null);
        errors.append(QJsonObject {
            { QStringLiteral("message"), resolved.error().message },
            { QStringLiteral("path"), QJsonArray { key } },
            { QStringLiteral("locations"),
                QJsonArray { QJsonObject { { QStringLiteral("line"), field.location.line },
                    { QStringLiteral("column"), field.location.column } } } },
            { QStringLiteral("extensions"),
                QJsonObject { { QStringLiteral("code"), errorCodeName(resolved.error().code) } } },
        });
        // A failed non-null root field nulls the whole of `data`, as the spec's null propagation says.
        if (definition && definition->type.isNonNull())
            dataIsNull = true;
    }

    QJsonObject body;
    body.insert(QStringLiteral("data"), dataIsNull ? QJsonValue(QJsonValue::Null) : QJsonValue(data));
    if (!errors.isEmpty())
        body.insert(QStringLiteral("errors"), errors);
    return body;
}

// `user` is one of the account's, as userById() returns them.
QJsonObject SandboxExecutor::userToJson(const SandboxUser& user) const
{
    return userToJson(user, &user - m_account.users().constData());
}

QJsonObject SandboxExecutor::userToJson(const SandboxUser& user, qsizetype position) const
{
    return QJsonObject {
        { QStringLiteral("__typename"), QStringLiteral("User") },
        { QStringLiteral("id"), m_anomalies.userId(user.id, position) },
        { QStringLiteral("displayName"), user.displayName },
        { QStringLiteral("type"), QStringLiteral("user") },
        { QStringLiteral("firstName"), optionalText(user.firstName) },
        { QStringLiteral("lastName"), optionalText(user.lastName) },
        { QStringLiteral("email"), user.email },
        { QStringLiteral("accountRole"), user.accountRole },
        { QStringLiteral("lastLogin"), m_anomalies.date(user.lastLogin, user.epochDates) },
        { QStringLiteral("jobTitle"), optionalText(user.jobTitle) },
        { QStringLiteral("isInvited"), user.isInvited },
    };
}

Result<QJsonValue> SandboxExecutor::resolveRoot(
    const QString& fieldName, const QJsonObject& arguments, bool fullAccess)
{
    const bool needsAdmin = fieldName == u"users" || fieldName == u"user" || fieldName == u"deactivateUser";
    if (needsAdmin && !fullAccess)
        return Error { ErrorCode::TokenLacksRights,
            tr("Forbidden: this API token lacks the Account Admin role"), {} };

    if (fieldName == u"account") {
        const SandboxCompany& company = m_account.company();
        return QJsonValue(QJsonObject {
            { QStringLiteral("__typename"), QStringLiteral("Account") },
            { QStringLiteral("id"), company.id },
            { QStringLiteral("companyName"), company.companyName },
            { QStringLiteral("package"),
                QJsonObject { { QStringLiteral("__typename"), QStringLiteral("Package") },
                    { QStringLiteral("id"), company.packageId },
                    { QStringLiteral("name"), company.packageName } } },
        });
    }
    if (fieldName == u"token") {
        const SandboxTokenIdentity& identity = m_account.tokenIdentity();
        return QJsonValue(QJsonObject {
            { QStringLiteral("__typename"), QStringLiteral("APIToken") },
            { QStringLiteral("id"), identity.id },
            { QStringLiteral("displayName"), identity.displayName },
            { QStringLiteral("type"), identity.type },
        });
    }
    if (fieldName == u"user") {
        const SandboxUser* user = m_account.userById(
            m_anomalies.accountUserId(arguments.value(QStringLiteral("userID")).toString(), m_account));
        return user ? QJsonValue(userToJson(*user)) : QJsonValue(QJsonValue::Null);
    }
    if (fieldName == u"users")
        return resolveUsers(arguments);
    if (fieldName == u"roadmaps")
        return resolveRoadmaps(arguments);
    if (fieldName == u"deactivateUser")
        return resolveDeactivateUser(arguments);
    return Error { ErrorCode::InvalidState, tr("The sandbox does not serve \"%1\".").arg(fieldName), {} };
}

Result<int> SandboxExecutor::pageSize(const QJsonObject& arguments) const
{
    const int limit = arguments.value(QStringLiteral("limit")).toInt();
    const int offset = arguments.value(QStringLiteral("offset")).toInt();
    if (limit < 0 || limit > maxLimit)
        return Error { ErrorCode::InvalidInput,
            tr("limit must be between 0 and %1, got %2.").arg(maxLimit).arg(limit), {} };
    if (offset < 0)
        return Error { ErrorCode::InvalidInput, tr("offset must not be negative, got %1.").arg(offset), {} };
    // Like the real API, a page may hold fewer rows than asked for.
    return qMin(limit, m_pageCap);
}

int SandboxExecutor::offset(const QJsonObject& arguments) const
{
    return m_anomalies.ignoreOffset ? 0 : arguments.value(QStringLiteral("offset")).toInt();
}

Result<QJsonValue> SandboxExecutor::resolveUsers(const QJsonObject& arguments)
{
    const Result<int> size = pageSize(arguments);
    if (!size)
        return size.error();
    if (m_anomalies.emptyUsers)
        return QJsonValue(page({}, m_anomalies.hasMore(false), QStringLiteral("UsersPage")));
    const int offset = this->offset(arguments);
    const QString search = arguments.value(QStringLiteral("searchString")).toString();
    const QJsonValue rolesArgument = arguments.value(QStringLiteral("accountRoles"));
    QSet<QString> roles;
    for (const QJsonValue& role : rolesArgument.toArray())
        roles.insert(role.toString());
    const bool filterRoles = rolesArgument.isArray();

    const auto matches = [&](const SandboxUser& user) {
        if (filterRoles && !roles.contains(user.accountRole))
            return false;
        if (search.isEmpty())
            return true;
        return user.displayName.contains(search, Qt::CaseInsensitive)
            || user.email.contains(search, Qt::CaseInsensitive)
            || user.firstName.contains(search, Qt::CaseInsensitive)
            || user.lastName.contains(search, Qt::CaseInsensitive);
    };

    QJsonArray rows;
    bool hasMore = false;
    int matched = 0;
    const QList<SandboxUser>& users = m_account.users();
    for (qsizetype position = 0; position < users.size(); ++position) {
        const SandboxUser& user = users.at(position);
        if (m_anomalies.hidesUser(position) || !matches(user))
            continue;
        if (matched++ < offset)
            continue;
        if (rows.size() == size.value()) {
            hasMore = true;
            break;
        }
        rows.append(userToJson(user, position));
    }
    if (m_anomalies.endless) {
        for (; rows.size() < size.value(); ++m_endlessUsers) {
            rows.append(userToJson(SandboxAnomalies::endlessUser(m_endlessUsers, m_account.present()),
                users.size() + qsizetype(m_endlessUsers)));
        }
    }
    hasMore = hasMore || m_anomalies.endless || m_anomalies.ignoreOffset;
    m_anomalies.duplicateRow(rows);
    return QJsonValue(page(rows, m_anomalies.hasMore(hasMore), QStringLiteral("UsersPage")));
}

Result<QJsonValue> SandboxExecutor::resolveRoadmaps(const QJsonObject& arguments)
{
    const Result<int> size = pageSize(arguments);
    if (!size)
        return size.error();
    const int offset = this->offset(arguments);
    const QString search = arguments.value(QStringLiteral("searchString")).toString();
    const bool includeArchived = arguments.value(QStringLiteral("includeArchivedRoadmaps")).toBool();

    const auto identity = [this](const QString& userId) {
        const SandboxUser* user = userId.isEmpty() ? nullptr : m_account.userById(userId);
        return user ? QJsonValue(userToJson(*user)) : QJsonValue(QJsonValue::Null);
    };

    const auto toJson = [this, &identity](const SandboxRoadmap& roadmap) {
        return QJsonObject {
            { QStringLiteral("__typename"), QStringLiteral("Roadmap") },
            { QStringLiteral("id"), roadmap.id },
            { QStringLiteral("title"), roadmap.title },
            { QStringLiteral("archivedOn"), m_anomalies.date(roadmap.archivedOn, roadmap.epochDates) },
            { QStringLiteral("archivedBy"), identity(roadmap.archivedBy) },
            { QStringLiteral("restoredOn"), m_anomalies.date(roadmap.restoredOn, roadmap.epochDates) },
            { QStringLiteral("restoredBy"), identity(roadmap.restoredBy) },
        };
    };

    QJsonArray rows;
    bool hasMore = false;
    int matched = 0;
    for (const SandboxRoadmap& roadmap : m_account.roadmaps()) {
        if (!includeArchived && roadmap.isArchived())
            continue;
        if (!search.isEmpty() && !roadmap.title.contains(search, Qt::CaseInsensitive))
            continue;
        if (matched++ < offset)
            continue;
        if (rows.size() == size.value()) {
            hasMore = true;
            break;
        }
        rows.append(toJson(roadmap));
    }
    if (m_anomalies.endless) {
        for (; rows.size() < size.value(); ++m_endlessRoadmaps)
            rows.append(toJson(SandboxAnomalies::endlessRoadmap(m_endlessRoadmaps)));
    }
    hasMore = hasMore || m_anomalies.endless || m_anomalies.ignoreOffset;
    return QJsonValue(page(rows, m_anomalies.hasMore(hasMore), QStringLiteral("RoadmapsPage")));
}

Result<QJsonValue> SandboxExecutor::resolveDeactivateUser(const QJsonObject& arguments)
{
    const QJsonObject input = arguments.value(QStringLiteral("deactivateUserInput")).toObject();
    const Result<bool> outcome = m_account.deactivate(
        m_anomalies.accountUserId(input.value(QStringLiteral("id")).toString(), m_account),
        input.value(QStringLiteral("email")).toString(),
        m_anomalies.deactivateFalse ? SandboxAccount::DeactivateMode::Refuse
                                    : SandboxAccount::DeactivateMode::Deactivate);
    if (!outcome)
        return outcome.error();
    return QJsonValue(outcome.value());
}

} // namespace rmsam
