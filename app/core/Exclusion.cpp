#include "core/Exclusion.h"

#include <QCoreApplication>

namespace rmsam::Exclusions {

QString kindCode(ExclusionRule::Kind kind)
{
    return kind == ExclusionRule::Kind::Identifier ? QStringLiteral("identifier") : QStringLiteral("user");
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
