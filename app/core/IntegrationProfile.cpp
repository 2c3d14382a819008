#include "core/IntegrationProfile.h"

namespace rmsam {

QUrl IntegrationProfile::connectionUrl() const
{
    return endpointOverride.isEmpty() ? Regions::gatewayEndpoint(region) : endpointOverride;
}

QString profileTypeName()
{
    return QStringLiteral("Roadmunk Subscription");
}

const EnumTable<ProfileStatus>& statusTable()
{
    static const EnumTable<ProfileStatus> statuses("rmsam::Profile",
        {
            { ProfileStatus::Draft, "Draft", QT_TRANSLATE_NOOP("rmsam::Profile", "Draft") },
            { ProfileStatus::Published, "Published", QT_TRANSLATE_NOOP("rmsam::Profile", "Published") },
        });
    return statuses;
}

QString statusCode(ProfileStatus status)
{
    return statusTable().code(status);
}

std::optional<ProfileStatus> statusFromCode(const QString& code)
{
    return statusTable().fromCode(code);
}

QString statusDisplayName(ProfileStatus status)
{
    return statusTable().displayName(status);
}

} // namespace rmsam
