#pragma once

#include "core/IntegrationProfile.h"
#include "core/Result.h"

#include <QList>
#include <functional>

namespace rmsam {

// Publish moves a validated Draft profile to Published. What publishing creates (software
// models, reclamation rule, scheduled jobs) is added as steps by the modules that own those
// things; the storage layer runs every step and the status change in one transaction, so a
// failing step leaves the profile a Draft with nothing half-created.
class PublishPlan
{
public:
    using Step = std::function<Result<void>(const IntegrationProfile& published)>;

    void addStep(const QString& name, Step step);
    QStringList stepNames() const;

    // Checks the rules, then returns the published profile after every step succeeded.
    Result<IntegrationProfile> run(IntegrationProfile profile, const QDateTime& now) const;

private:
    struct NamedStep
    {
        QString name;
        Step step;
    };
    QList<NamedStep> m_steps;
};

} // namespace rmsam
