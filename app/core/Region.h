#pragma once

#include "core/EnumTable.h"

#include <QList>
#include <QString>
#include <QUrl>
#include <optional>

namespace rmsam {

// Roadmunk's three gateways. The code is the host prefix: https://{code}-gateway.roadmunk.com.
enum class Region
{
    NorthAmerica,
    Europe,
    AsiaPacific,
};

namespace Regions {

const EnumTable<Region>& table();
QList<Region> all();
QString code(Region region);
std::optional<Region> fromCode(const QString& code); // ignores case and surrounding blanks
QString displayName(Region region);
QUrl gatewayEndpoint(Region region);

// True for http(s) URLs whose host is a loopback address (127.0.0.0/8, ::1, localhost).
bool isLoopbackUrl(const QUrl& url);

// The only URLs a request may go to: the three gateways over HTTPS, and loopback URLs when
// the caller is the sandbox or a test.
bool isGatewayEndpoint(const QUrl& url);

} // namespace Regions
} // namespace rmsam
