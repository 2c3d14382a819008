#pragma once

#include "core/Result.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <optional>

namespace rmsam {

class Database;

// The Roadmunk User report attached to a profile: which users it lists as active. The API
// lists inactive users too, so once a report is attached only users it lists as active count
// as subscriptions; the others are "inactive per report".
struct AttachedReport
{
    QString fileName;
    QString encoding;
    QDateTime attachedAt;
    int rows = 0;
    int activeRows = 0;
    QHash<QString, bool> activeByEmail; // case-folded email → active

    // True when the report lists the email as active; false when it lists it as inactive or not
    // at all.
    bool isActive(const QString& email) const
    {
        return activeByEmail.value(email.trimmed().toCaseFolded(), false);
    }
    int ageInDays(const QDateTime& now) const { return int(attachedAt.daysTo(now)); }
};

class UserReportRepository
{
public:
    explicit UserReportRepository(Database& database);

    // Replaces the profile's report in one transaction: a rejected file never gets here, and a
    // failure leaves the previous report attached.
    Result<void> attach(qint64 profileId, const QString& fileName, const QString& encoding,
        const QList<QPair<QString, bool>>& emailsActive);
    Result<std::optional<AttachedReport>> current(qint64 profileId);
    Result<void> detach(qint64 profileId);

private:
    Database& m_database;
};

} // namespace rmsam
