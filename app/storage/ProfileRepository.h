#pragma once

#include "core/IntegrationProfile.h"
#include "core/PublishPlan.h"
#include "core/Result.h"

#include <QList>

namespace rmsam {

class Database;

// Integration profiles in the database. Rules (names, states) are checked in core; this class
// stores what core decided and enforces uniqueness at the database level too.
class ProfileRepository
{
public:
    explicit ProfileRepository(Database& database);

    Result<QList<IntegrationProfile>> list();
    Result<IntegrationProfile> find(qint64 id);
    // By id ("3") or by Display Name (case-insensitive), as the command line names profiles.
    Result<IntegrationProfile> findByReference(const QString& reference);

    // Inserts a new profile and returns it with its id.
    Result<IntegrationProfile> create(const IntegrationProfile& profile);
    Result<void> update(const IntegrationProfile& profile);
    // Only when a token was last stored (an operator on a team database may write no more).
    Result<void> setTokenSetAt(qint64 id, const QDateTime& setAt);
    Result<void> remove(qint64 id);

    // Runs the plan's steps and stores the published profile in one transaction.
    Result<IntegrationProfile> publish(qint64 id, const PublishPlan& plan, const QDateTime& now);

private:
    Database& m_database;
};

} // namespace rmsam
