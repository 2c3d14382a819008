#include "core/IntegrationProfile.h"

#include <QCoreApplication>

namespace rmsam {

QUrl IntegrationProfile::connectionUrl() const
{
    return endpointOverride.isEmpty() ? Regions::gatewayEndpoint(region) : endpointOverride;
}

QString profileTypeName()
{
    return QStringLiteral("Roadmunk Subscription");
}

QString statusCode(ProfileStatus status)
{
    return status == ProfileStatus::Published ? QStringLiteral("Published") : QStringLiteral("Draft");
}

QString statusDisplayName(ProfileStatus status)
{
    return status == ProfileStatus::Published ? QCoreApplication::translate("rmsam::Profile", "Published")
                                              : QCoreApplication::translate("rmsam::Profile", "Draft");
}

} // namespace rmsam
