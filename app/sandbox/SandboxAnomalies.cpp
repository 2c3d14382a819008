#include "sandbox/SandboxAnomalies.h"

#include "sandbox/SandboxAccount.h"

#include <QCoreApplication>
#include <QLocale>
#include <algorithm>
#include <array>
#include <optional>

namespace rmsam {

namespace {

struct DatesName
{
    const char* name;
    SandboxAnomalies::Dates dates;
};

constexpr std::array datesNames {
    DatesName { "mixed", SandboxAnomalies::Dates::Mixed },
    DatesName { "iso", SandboxAnomalies::Dates::Iso },
    DatesName { "iso-offset", SandboxAnomalies::Dates::IsoOffset },
    DatesName { "epoch-ms", SandboxAnomalies::Dates::EpochMs },
    DatesName { "epoch-s", SandboxAnomalies::Dates::EpochS },
    DatesName { "rfc1123", SandboxAnomalies::Dates::Rfc1123 },
    DatesName { "garbage", SandboxAnomalies::Dates::Garbage },
};

// The modes that are a plain switch, in the order names() lists them.
struct FlagName
{
    const char* name;
    bool SandboxAnomalies::*flag;
};

constexpr std::array flagNames {
    FlagName { "endless", &SandboxAnomalies::endless },
    FlagName { "ignore-offset", &SandboxAnomalies::ignoreOffset },
    FlagName { "empty-users", &SandboxAnomalies::emptyUsers },
    FlagName { "hasmore-string", &SandboxAnomalies::hasMoreString },
    FlagName { "duplicate-ids", &SandboxAnomalies::duplicateIds },
    FlagName { "huge-ids", &SandboxAnomalies::hugeIds },
    FlagName { "deactivate-false", &SandboxAnomalies::deactivateFalse },
};

// Present but unreadable: a client must call these unknown, never "never logged in". The last
// one has the shape of ISO-8601 and names no day.
constexpr std::array garbageDates { "yesterday-ish", "recently", "N/A", "0000-00-00T00:00:00Z" };

constexpr qint64 mebibyte = 1024 * 1024;
constexpr qint64 dayMs = 24LL * 60 * 60 * 1000;
constexpr int isoOffsetSeconds = 9 * 60 * 60; // Tokyo: far from UTC, no daylight saving

} // namespace

Result<SandboxAnomalies> SandboxAnomalies::parse(const QStringList& items)
{
    SandboxAnomalies anomalies;
    for (const QString& item : items) {
        for (const QString& part : item.split(QLatin1Char(','))) {
            const QString text = part.trimmed();
            const auto invalid = [&text](const QString& why) {
                return Error { ErrorCode::InvalidInput,
                    QCoreApplication::translate("rmsam::SandboxAnomalies", "Invalid anomaly \"%1\": %2")
                        .arg(text, why),
                    {} };
            };
            QString name = text;
            QString argument;
            bool hasArgument = false;
            const auto separator
                = std::find_if(text.cbegin(), text.cend(), [](QChar c) { return c == u'=' || c == u':'; });
            if (const qsizetype at = separator - text.cbegin(); separator != text.cend()) {
                name = text.left(at);
                argument = text.mid(at + 1);
                hasArgument = true;
            }
            const auto number = [&](int fallback, int minimum, int maximum) -> std::optional<int> {
                if (!hasArgument)
                    return fallback;
                bool ok = false;
                const int value = argument.toInt(&ok);
                return ok && value >= minimum && value <= maximum ? std::optional<int>(value) : std::nullopt;
            };

            if (name == u"dates") {
                const auto it = std::find_if(datesNames.begin(), datesNames.end(),
                    [&argument](const DatesName& d) { return argument == QLatin1String(d.name); });
                if (it == datesNames.end())
                    return invalid(QCoreApplication::translate("rmsam::SandboxAnomalies",
                        "FORMAT is mixed, iso, iso-offset, epoch-ms, epoch-s, rfc1123 or garbage."));
                anomalies.dates = it->dates;
                continue;
            }
            if (name == u"oversized") {
                const auto mib = number(defaultOversizedMiB, 1, maxOversizedMiB);
                if (!mib)
                    return invalid(
                        QCoreApplication::translate("rmsam::SandboxAnomalies", "MIB is 1 to 1024."));
                anomalies.oversizedMiB = *mib;
                continue;
            }
            if (name == u"shrink") {
                const auto percent = number(defaultShrinkPercent, 0, 100);
                if (!percent)
                    return invalid(
                        QCoreApplication::translate("rmsam::SandboxAnomalies", "PERCENT is 0 to 100."));
                anomalies.shrinkPercent = *percent;
                continue;
            }
            const auto flag = std::find_if(flagNames.begin(), flagNames.end(),
                [&name](const FlagName& f) { return name == QLatin1String(f.name); });
            if (flag == flagNames.end())
                return invalid(QCoreApplication::translate("rmsam::SandboxAnomalies",
                    "use dates=FORMAT, endless, ignore-offset, empty-users, hasmore-string, "
                    "duplicate-ids, huge-ids, oversized[:MIB], deactivate-false or "
                    "shrink[:PERCENT], separated by commas."));
            if (hasArgument)
                return invalid(
                    QCoreApplication::translate("rmsam::SandboxAnomalies", "this mode takes no argument."));
            anomalies.*(flag->flag) = true;
        }
    }
    return anomalies;
}

QStringList SandboxAnomalies::names() const
{
    QStringList list;
    for (const DatesName& d : datesNames) {
        if (d.dates == dates && dates != Dates::Mixed)
            list << QStringLiteral("dates=") + QLatin1String(d.name);
    }
    for (const FlagName& f : flagNames) {
        if (this->*(f.flag))
            list << QLatin1String(f.name);
    }
    if (oversizedMiB > 0)
        list << QStringLiteral("oversized:%1").arg(oversizedMiB);
    if (shrinkPercent > 0)
        list << QStringLiteral("shrink:%1").arg(shrinkPercent);
    return list;
}

QJsonValue SandboxAnomalies::date(const QDateTime& when, bool epochByDefault) const
{
    if (!when.isValid())
        return QJsonValue::Null;
    const qint64 ms = when.toMSecsSinceEpoch();
    switch (dates) {
    case Dates::Mixed:
        return SandboxAccount::dateToJson(when, epochByDefault);
    case Dates::Iso:
        return SandboxAccount::dateToJson(when, false);
    case Dates::IsoOffset:
        return when.toOffsetFromUtc(isoOffsetSeconds).toString(Qt::ISODateWithMs);
    case Dates::EpochMs:
        return QJsonValue(ms);
    case Dates::EpochS:
        return QJsonValue(ms >= 0 ? ms / 1000 : (ms - 999) / 1000);
    case Dates::Rfc1123:
        return QLocale::c().toString(when.toUTC(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    case Dates::Garbage:
        return QLatin1String(garbageDates[size_t(quint64(ms) / 1000 % garbageDates.size())]);
    }
    return QJsonValue::Null;
}

QJsonValue SandboxAnomalies::userId(const QString& id, qsizetype position) const
{
    // QJsonValue keeps a qint64 exact and writes it digit for digit.
    return hugeIds ? QJsonValue(hugeIdBase + qint64(position)) : QJsonValue(id);
}

QString SandboxAnomalies::accountUserId(const QString& wireId, const SandboxAccount& account) const
{
    if (!hugeIds)
        return wireId;
    bool ok = false;
    const qint64 number = wireId.toLongLong(&ok);
    if (!ok || number < hugeIdBase || number - hugeIdBase >= account.users().size())
        return wireId;
    return account.users().at(qsizetype(number - hugeIdBase)).id;
}

bool SandboxAnomalies::hidesUser(qsizetype position) const
{
    if (shrinkPercent <= 0)
        return false;
    const qint64 p = position;
    return (p + 1) * shrinkPercent / 100 > p * shrinkPercent / 100;
}

QJsonValue SandboxAnomalies::hasMore(bool value) const
{
    if (!hasMoreString)
        return value;
    return value ? QStringLiteral("true") : QStringLiteral("false");
}

void SandboxAnomalies::duplicateRow(QJsonArray& rows) const
{
    if (!duplicateIds || rows.isEmpty())
        return;
    // Replacing keeps the page within the limit; a one-row page can only grow.
    if (rows.size() >= 2)
        rows.replace(rows.size() - 1, rows.first());
    else
        rows.append(rows.first());
}

QByteArray SandboxAnomalies::pad(QByteArray payload) const
{
    static constexpr char head[] = ",\"extensions\":{\"padding\":\"";
    static constexpr char tail[] = "\"}}";
    const qint64 target = qint64(oversizedMiB) * mebibyte;
    const qint64 fill = target - (payload.size() - 1) - qint64(sizeof head - 1) - qint64(sizeof tail - 1);
    if (oversizedMiB <= 0 || fill < 0 || !payload.endsWith('}'))
        return payload;
    // Built once at its final size: the only large copy the sandbox holds.
    payload.chop(1);
    payload.reserve(qsizetype(target));
    payload.append(head);
    payload.append(qsizetype(fill), '.');
    payload.append(tail);
    return payload;
}

SandboxUser SandboxAnomalies::endlessUser(quint64 serial, const QDateTime& now)
{
    SandboxUser user;
    // 24 hex digits like a real id; "e0d1e55" never begins a real one, whose first digits are a
    // recent creation time.
    user.id = QStringLiteral("e0d1e55%1").arg(serial, 17, 16, QLatin1Char('0'));
    user.firstName = QStringLiteral("Endless");
    user.lastName = QString::number(serial);
    user.displayName = user.firstName + QLatin1Char(' ') + user.lastName;
    user.email = QStringLiteral("endless-%1@sandbox-robotics.example").arg(serial);
    user.accountRole = serial % 3 == 2 ? QStringLiteral("reviewer") : QStringLiteral("collaborator");
    // Some look long idle, so a client that trusts the listing would want to reclaim them.
    user.lastLogin
        = QDateTime::fromMSecsSinceEpoch(now.toMSecsSinceEpoch() - qint64(serial * 7 % 400) * dayMs, Qt::UTC);
    return user;
}

SandboxRoadmap SandboxAnomalies::endlessRoadmap(quint64 serial)
{
    SandboxRoadmap roadmap;
    roadmap.id = QStringLiteral("e0d1e55a%1").arg(serial, 16, 16, QLatin1Char('0'));
    roadmap.title = QStringLiteral("Endless roadmap %1").arg(serial);
    return roadmap;
}

} // namespace rmsam
