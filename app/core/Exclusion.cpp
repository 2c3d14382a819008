#include "core/Exclusion.h"

#include <QCoreApplication>

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

Result<QString> normalize(ExclusionRule::Kind kind, const QString& value)
{
    const QString v = value.trimmed().toCaseFolded();
    if (v.isEmpty()) {
        return Error { ErrorCode::InvalidInput,
            QCoreApplication::translate("rmsam::Exclusions", "An exclusion rule needs a value."), {} };
    }
    if (kind == ExclusionRule::Kind::User
        && (!v.contains(QLatin1Char('@')) || v.contains(QLatin1Char(' ')))) {
        return Error { ErrorCode::InvalidInput,
            QCoreApplication::translate("rmsam::Exclusions", "\"%1\" is not an email address.")
                .arg(value.trimmed()),
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
