#pragma once

#include "core/EnumTable.h"
#include "core/Result.h"
#include "core/Subscription.h"

#include <QList>
#include <QString>

namespace rmsam {

// Leaves subscriptions out of cost figures and out of reclamation (docs/DOMAIN.md, "Words").
struct ExclusionRule
{
    enum class Kind
    {
        Identifier, // a role value; applies to every profile of the profile type
        User, // an email; applies to every profile
    };
    qint64 id = 0;
    Kind kind = Kind::User;
    QString value;
    bool active = true;
};

namespace Exclusions {

const EnumTable<ExclusionRule::Kind>& kindTable(); // codes only
QString kindCode(ExclusionRule::Kind kind); // "identifier" / "user"
std::optional<ExclusionRule::Kind> kindFromCode(const QString& code);
// The value as stored and compared: trimmed and case-folded; or why it is not acceptable. A user
// rule's value must be a plausible email address (see isPlausibleEmail).
Result<QString> normalize(ExclusionRule::Kind kind, const QString& value);
// The same, lenient on the address: finds a rule to remove even when it was stored before
// addresses were checked.
Result<QString> lookupKey(ExclusionRule::Kind kind, const QString& value);
// name@domain.tld: one @, something on either side, a domain of dot-separated labels, no spaces,
// control characters or the punctuation of a pasted "Name <address>" list.
bool isPlausibleEmail(const QString& address);
bool isExcluded(const SoftwareSubscription& subscription, const QList<ExclusionRule>& rules);

} // namespace Exclusions
} // namespace rmsam
