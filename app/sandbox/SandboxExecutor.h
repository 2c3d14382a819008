#pragma once

#include "core/Result.h"
#include "graphql/GraphQl.h"
#include "sandbox/SandboxAnomalies.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace rmsam {

class SandboxAccount;

// Runs validated GraphQL operations against a SandboxAccount: resolves the root fields the
// sandbox serves and projects the results through the selection set.
class SandboxExecutor
{
    Q_DECLARE_TR_FUNCTIONS(SandboxExecutor)

public:
    // Larger limits are rejected outright; limits up to this are capped at the page cap.
    static constexpr int maxLimit = 1000;

    // The sandbox's schema: the part of Roadmunk's published schema it serves, with identical
    // names and types, so a request that validates here validates there.
    static QString schemaSdl();

    SandboxExecutor(SandboxAccount& account, int pageCap);

    const graphql::Schema& schema() const { return m_schema; }
    // Applies to the operations executed from now on.
    void setAnomalies(const SandboxAnomalies& anomalies) { m_anomalies = anomalies; }
    const SandboxAnomalies& anomalies() const { return m_anomalies; }

    // The response body (`{"data": …}`, plus `errors` when a resolver failed) for `operation`,
    // which must have passed graphql::validate(). `variableValues` come from
    // graphql::coerceVariableValues(). A token without `fullAccess` may not list or deactivate users.
    QJsonObject execute(
        const graphql::Operation& operation, const QJsonObject& variableValues, bool fullAccess);

private:
    Result<QJsonValue> resolveRoot(const QString& fieldName, const QJsonObject& arguments, bool fullAccess);
    Result<QJsonValue> resolveUsers(const QJsonObject& arguments);
    Result<QJsonValue> resolveRoadmaps(const QJsonObject& arguments);
    Result<QJsonValue> resolveDeactivateUser(const QJsonObject& arguments);
    // The number of rows to serve, or an error for a limit or offset out of range.
    Result<int> pageSize(const QJsonObject& arguments) const;
    // The offset the listing serves from: ignore-offset makes it 0.
    int offset(const QJsonObject& arguments) const;
    QJsonObject userToJson(const SandboxUser& user) const;
    QJsonObject userToJson(const SandboxUser& user, qsizetype position) const;

    SandboxAccount& m_account;
    int m_pageCap;
    graphql::Schema m_schema;
    SandboxAnomalies m_anomalies;
    quint64 m_endlessUsers = 0; // made-up rows served so far, so each page's are new
    quint64 m_endlessRoadmaps = 0;
};

} // namespace rmsam
