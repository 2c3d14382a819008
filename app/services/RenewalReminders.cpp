// ReclamationService::claimRenewalReminders: the 60-, 30- and 7-day reminders of a cancel-by date.

#include "core/Renewal.h"
#include "services/Evaluation.h"
#include "services/ReclamationService.h"
#include "storage/Database.h"
#include "storage/ProfileRepository.h"
#include "storage/RenewalReminderRepository.h"

namespace rmsam {

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
