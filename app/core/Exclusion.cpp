#include "core/Exclusion.h"

#include "core/Excerpt.h"

#include <QCoreApplication>
#include <algorithm>

namespace rmsam::Exclusions {

const EnumTable<ExclusionRule::Kind>& kindTable()
{
    // The reports name the kinds in their own words (one of them names the profile type).
    static const EnumTable<ExclusionRule::Kind> kinds("rmsam::Exclusions",
        {
            { ExclusionRule::Kind::Identifier, "identifier", nullptr },
            { ExclusionRule::Kind::User, "user", nullptr },
        });
    return kinds;
}

QString kindCode(ExclusionRule::Kind kind)
{
    return kindTable().code(kind);
}

std::optional<ExclusionRule::Kind> kindFromCode(const QString& code)
{
    return kindTable().fromCode(code);
}

Result<QString> lookupKey(ExclusionRule::Kind kind, const QString& value)
{
    Q_UNUSED(kind)
    const QString v = value.trimmed().toCaseFolded();
    if (v.isEmpty()) {
        return Error { ErrorCode::InvalidInput,
            QCoreApplication::translate("rmsam::Exclusions", "An exclusion rule needs a value."), {} };
    }
    return v;
}

bool isPlausibleEmail(const QString& address)
{
    const qsizetype at = address.indexOf(QLatin1Char('@'));
    if (at <= 0 || at != address.lastIndexOf(QLatin1Char('@'))) {
        return false;
    }
    static const QString forbidden = QStringLiteral("<>()[]\\,;:\"");
    for (const QChar c : address) {
        if (c.isSpace() || c.category() == QChar::Other_Control || forbidden.contains(c)) {
            return false;
        }
    }
    const QStringList labels = address.mid(at + 1).split(QLatin1Char('.'));
    return labels.size() >= 2
        && std::none_of(labels.cbegin(), labels.cend(), [](const QString& l) { return l.isEmpty(); });
}

Result<QString> normalize(ExclusionRule::Kind kind, const QString& value)
{
    auto v = lookupKey(kind, value);
    if (v && kind == ExclusionRule::Kind::User && !isPlausibleEmail(v.value())) {
        return Error { ErrorCode::InvalidInput,
            QCoreApplication::translate("rmsam::Exclusions",
                "\"%1\" is not an email address: a user is excluded by an address of the form "
                "name@example.com.")
                .arg(excerpt(value.trimmed())),
            {} };
    }
    return v;
}

bool isExcluded(const SoftwareSubscription& subscription, const QList<ExclusionRule>& rules)
{
    for (const ExclusionRule& rule : rules) {
        if (!rule.active) {
            continue;
        }
        const QString& field
            = rule.kind == ExclusionRule::Kind::User ? subscription.email : subscription.role;
        if (field.trimmed().compare(rule.value, Qt::CaseInsensitive) == 0) {
            return true;
        }
    }
    return false;
}

} // namespace rmsam::Exclusions
