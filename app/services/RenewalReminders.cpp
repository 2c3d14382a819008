// ReclamationService::claimRenewalReminders: the 60-, 30- and 7-day reminders of a cancel-by date.

#include "core/Renewal.h"
#include "services/Evaluation.h"
#include "services/ReclamationService.h"
#include "storage/Database.h"
#include "storage/ProfileRepository.h"
#include "storage/RenewalReminderRepository.h"

#include <QCoreApplication>
#include <QStringList>

namespace rmsam {

namespace RenewalReminders {

QString mailSubject()
{
    return QCoreApplication::translate("rmsam::RenewalReminders", "Roadmunk seats to review before renewal");
}

QString mailBody(const QList<RenewalReminder>& reminders)
{
    QStringList lines;
    for (const RenewalReminder& r : reminders) {
        lines.append(QStringLiteral("- ") + Renewals::reminderText(r.profileName, r.advice));
    }
    return QCoreApplication::translate("rmsam::RenewalReminders",
        "A reduction of Roadmunk seats pays only if it is requested by the cancel-by date:\n\n%1\n\n"
        "The recommended count is the seats held by active users plus the buffer. See the dashboard "
        "in Roadmunk SAM, or run: roadmunk-sam entitlement list --profile NAME")
        .arg(lines.join(QLatin1Char('\n')));
}

} // namespace RenewalReminders

Result<QList<RenewalReminder>> ReclamationService::claimRenewalReminders(const QDateTime& now)
{
    auto profiles = ProfileRepository(m_database).list();
    if (!profiles) {
        return profiles.error();
    }
    RenewalReminderRepository reminders(m_database);
    QList<RenewalReminder> due;
    for (const IntegrationProfile& profile : profiles.value()) {
        auto positions = Reclamation::licensePositions(m_database, profile.id, now);
        if (!positions) {
            return positions.error();
        }
        for (const LicensePosition& position : positions.value()) {
            if (!position.renewal) {
                continue;
            }
            const RenewalAdvice& advice = *position.renewal;
            const auto days = Renewals::reminderDue(advice.cancelBy, now.toLocalTime().date());
            if (!days) {
                continue;
            }
            auto claimed = reminders.claim(profile.id, advice.seatType, advice.renewal, *days, now);
            if (!claimed) {
                return claimed.error();
            }
            if (claimed.value()) {
                due.append({ profile.displayName, *days, advice });
            }
        }
    }
    return due;
}

} // namespace rmsam
