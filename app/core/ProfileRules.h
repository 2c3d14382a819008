#pragma once

#include "core/IntegrationProfile.h"
#include "core/Result.h"

#include <QStringList>

namespace rmsam::ProfileRules {

inline constexpr int MaxDisplayNameLength = 100;
inline constexpr int DefaultAnalyzeActivityDays = 60;
// The Windows Credential Manager's limit for a credential blob; applied on every OS so a
// profile made on Linux never fails to move to Windows.
inline constexpr int MaxTokenBytes = 2560;

IntegrationProfile makeDraft(const QString& displayName, Region region, QDate today);

// Trimmed name, or why it cannot be used. otherNames are the names of the other profiles.
Result<QString> checkDisplayName(const QString& displayName, const QStringList& otherNames);
Result<void> checkEndpointOverride(const QUrl& endpoint);
Result<void> checkAnalyzeActivityFrom(QDate from, QDate today);
// Requests in flight 1–16; User report warning age 1–365 days.
Result<void> checkJobSettings(int maxInFlight, int reportMaxAgeDays, int maxResponseMb);
// The token as it will be stored (surrounding whitespace removed), or why it is refused.
Result<QString> checkToken(const QString& token);

// Any change to where or with what the profile connects invalidates the last validation and
// sends a published profile back to Draft.
void connectionChanged(IntegrationProfile& profile);
// Clearing Download activity on a published profile returns it to Draft (docs/DOMAIN.md, "Words").
void setDownloadActivity(IntegrationProfile& profile, bool enabled);
void markValidated(IntegrationProfile& profile, const QDateTime& when, const QString& accountId = {});
// The other profiles that point at the account `profile` was validated against, each as a
// warning: two profiles for one account count its seats twice. None when the account is unknown.
QStringList sharedAccountWarnings(
    const IntegrationProfile& profile, const QList<IntegrationProfile>& profiles, const QString& companyName);
Result<void> canPublish(const IntegrationProfile& profile);

} // namespace rmsam::ProfileRules
