#pragma once

#include "core/Exclusion.h"
#include "core/Result.h"

namespace rmsam {

class Database;

// Exclusion rules. They are not owned by one profile: user rules apply to every profile and
// identifier rules to the profile type (there is only one, Roadmunk Subscription).
class ExclusionRepository
{
public:
    explicit ExclusionRepository(Database& database);

    Result<QList<ExclusionRule>> list();
    // Adds the rule, or re-activates an existing identical one.
    Result<ExclusionRule> add(ExclusionRule::Kind kind, const QString& value);
    Result<void> remove(ExclusionRule::Kind kind, const QString& value);
    Result<void> setActive(qint64 id, bool active);

private:
    Database& m_database;
};

} // namespace rmsam
