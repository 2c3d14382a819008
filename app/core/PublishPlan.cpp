#include "core/PublishPlan.h"

#include "core/ProfileRules.h"

namespace rmsam {

void PublishPlan::addStep(const QString& name, Step step)
{
    m_steps.append({ name, std::move(step) });
}

QStringList PublishPlan::stepNames() const
{
    QStringList names;
    for (const NamedStep& s : m_steps) {
        names.append(s.name);
    }
    return names;
}

Result<IntegrationProfile> PublishPlan::run(IntegrationProfile profile, const QDateTime& now) const
{
    if (auto allowed = ProfileRules::canPublish(profile); !allowed) {
        return allowed.error();
    }
    profile.status = ProfileStatus::Published;
    profile.publishedAt = now;
    for (const NamedStep& s : m_steps) {
        if (auto done = s.step(profile); !done) {
            Error error = done.error();
            error.detail = QStringLiteral("publish step '%1': %2").arg(s.name, error.detail);
            return error;
        }
    }
    return profile;
}

} // namespace rmsam
