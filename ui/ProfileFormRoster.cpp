// The profile form's HR roster: its summary under the User report, attaching one (button, drop)
// with the same questions as the report (replace? which columns?).
#include "ProfileForm.h"
#include "services/ProfileService.h"

#include <QFileInfo>
#include <QLabel>
#include <QLocale>

namespace rmsam {

void ProfileForm::showRosterState()
{
    auto roster = m_service.roster(m_profile.id);
    if (!roster || !roster.value()) {
        m_roster->setStyleSheet(QString());
        m_roster->setText(roster ? tr("No HR roster attached: candidates come from activity alone.")
                                 : roster.error().message);
        return;
    }
    const AttachedRoster& r = *roster.value();
    const int age = r.ageInDays(QDateTime::currentDateTimeUtc());
    // The report's age limit: both files go stale at the same pace, and are refreshed together.
    const bool stale = age > m_profile.reportMaxAgeDays;
    m_roster->setStyleSheet(
        stale ? QStringLiteral("color: palette(highlight); font-weight: bold;") : QString());
    m_roster->setText(tr("HR roster %1: %2, %3; attached %4 (%5). %6")
                          .arg(r.fileName, tr("%n employee(s)", nullptr, r.employees),
                              tr("%n leaver(s)", nullptr, r.leavers),
                              QLocale().toString(r.attachedAt.toLocalTime(), QLocale::ShortFormat),
                              age == 0 ? tr("today") : tr("%n day(s) ago", nullptr, age),
                              stale ? tr("It is older than %n day(s): attach a fresh one.", nullptr,
                                  m_profile.reportMaxAgeDays)
                                    : QString()));
}

void ProfileForm::attachRoster(const QString& path)
{
    if (!mayReplaceRoster(path)) {
        return;
    }
    HrRosterOptions options;
    ParsedHrRoster parsed = m_service.attachRoster(m_profile.id, path, options);
    if (!parsed.roster && parsed.columnsNotFound
        && m_chooseRosterColumns(parsed.headers, parsed.sampleRows, &options)) {
        parsed = m_service.attachRoster(m_profile.id, path, options);
    }
    if (!parsed.roster && parsed.partial
        && m_confirm(parsed.error->message + QStringLiteral("\n\n")
                + tr("Attach it anyway? Do so only if the seat holders it leaves out really left the "
                     "company."),
            tr("Attach anyway"))) {
        options.allowPartial = true;
        parsed = m_service.attachRoster(m_profile.id, path, options);
    }
    if (!parsed.roster) {
        showMessage(parsed.error ? parsed.error->message : tr("The HR roster was not attached."), true);
        return;
    }
    showRosterState();
    showMessage(tr("Attached the HR roster: %1, %2. Seat holders missing from it or listed as gone are "
                   "removal candidates now, listed first.")
                    .arg(tr("%n employee(s)", nullptr, parsed.roster->employees),
                        tr("%n leaver(s)", nullptr, parsed.roster->leavers)),
        false);
}

bool ProfileForm::mayReplaceRoster(const QString& path)
{
    auto attached = m_service.roster(m_profile.id);
    if (!attached || !attached.value()) {
        return true; // an unreadable state is reported by attaching
    }
    const AttachedRoster& r = *attached.value();
    const QString question = tr("Replace the attached HR roster \"%1\" (%2, attached %3) with \"%4\"?")
                                 .arg(r.fileName, tr("%n employee(s)", nullptr, r.employees),
                                     QLocale().toString(r.attachedAt.toLocalTime(), QLocale::ShortFormat),
                                     QFileInfo(path).fileName());
    if (m_confirm(question, tr("Replace roster"))) {
        return true;
    }
    showMessage(tr("The attached HR roster \"%1\" stays.").arg(r.fileName), false);
    return false;
}

} // namespace rmsam
