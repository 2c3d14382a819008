#pragma once

#include <QDateTime>
#include <QHash>
#include <QString>

namespace rmsam {

// The Roadmunk User report attached to a profile: which users it lists as active. The API
// lists inactive users too, so once a report is attached only users it lists as active count
// as subscriptions; the others are "inactive per report".
struct AttachedReport
{
    QString fileName;
    QString encoding;
    QDateTime attachedAt;
    int rows = 0; // the users it lists (one listed on two lines counts once)
    int activeRows = 0; // of them, those listed as active
    // Case-folded email → active, for the users anyone asks about (UserReportRepository::current
    // reads the profile's subscribed users, not every row of a report that may list a million).
    QHash<QString, bool> activeByEmail;

    // True when the report lists the email as active; false when it lists it as inactive or not
    // at all.
    bool isActive(const QString& email) const
    {
        return activeByEmail.value(email.trimmed().toCaseFolded(), false);
    }
    int ageInDays(const QDateTime& now) const { return int(attachedAt.daysTo(now)); }
};

} // namespace rmsam
