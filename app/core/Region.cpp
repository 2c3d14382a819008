#include "core/Region.h"

#include <QCoreApplication>

namespace rmsam::Regions {

QList<Region> all()
{
    return { Region::NorthAmerica, Region::Europe, Region::AsiaPacific };
}

QString code(Region region)
{
    switch (region) {
    case Region::NorthAmerica:
        return QStringLiteral("app");
    case Region::Europe:
        return QStringLiteral("eu");
    case Region::AsiaPacific:
        return QStringLiteral("apac");
    }
    return QStringLiteral("app");
}

std::optional<Region> fromCode(const QString& code)
{
    const QString c = code.trimmed().toLower();
    for (Region region : all()) {
        if (Regions::code(region) == c) {
            return region;
        }
    }
    return std::nullopt;
}

QString displayName(Region region)
{
    switch (region) {
    case Region::NorthAmerica:
        return QCoreApplication::translate("rmsam::Regions", "North America (app)");
    case Region::Europe:
        return QCoreApplication::translate("rmsam::Regions", "Europe (eu)");
    case Region::AsiaPacific:
        return QCoreApplication::translate("rmsam::Regions", "Asia-Pacific (apac)");
    }
    return {};
}

QUrl gatewayEndpoint(Region region)
{
    return QUrl(QStringLiteral("https://%1-gateway.roadmunk.com/public/graphql").arg(code(region)));
}

bool isLoopbackUrl(const QUrl& url)
{
    if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
        return false;
    }
    if (!url.userInfo().isEmpty()) {
        return false;
    }
    const QString host = url.host();
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0) {
        return true;
    }
    if (host == QLatin1String("::1")) {
        return true;
    }
    // 127.0.0.0/8, written as a dotted quad.
    const QStringList parts = host.split(QLatin1Char('.'));
    if (parts.size() != 4 || parts.first() != QLatin1String("127")) {
        return false;
    }
    for (const QString& part : parts) {
        bool ok = false;
        const int octet = part.toInt(&ok);
        if (!ok || octet < 0 || octet > 255) {
            return false;
        }
    }
    return true;
}

bool isGatewayEndpoint(const QUrl& url)
{
    for (Region region : all()) {
        if (url == gatewayEndpoint(region)) {
            return true;
        }
    }
    return false;
}

} // namespace rmsam::Regions
