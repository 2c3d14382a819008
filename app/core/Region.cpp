#include "core/Region.h"

namespace rmsam::Regions {

const EnumTable<Region>& table()
{
    static const EnumTable<Region> regions("rmsam::Regions",
        {
            { Region::NorthAmerica, "app", QT_TRANSLATE_NOOP("rmsam::Regions", "North America (app)") },
            { Region::Europe, "eu", QT_TRANSLATE_NOOP("rmsam::Regions", "Europe (eu)") },
            { Region::AsiaPacific, "apac", QT_TRANSLATE_NOOP("rmsam::Regions", "Asia-Pacific (apac)") },
        });
    return regions;
}

QList<Region> all()
{
    return table().all();
}

QString code(Region region)
{
    return table().code(region);
}

std::optional<Region> fromCode(const QString& code)
{
    return table().fromCode(code.trimmed().toLower());
}

QString displayName(Region region)
{
    return table().displayName(region);
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
