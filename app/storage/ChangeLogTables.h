#pragma once

#include "storage/ChangeLogTriggers.h"

// What each audited table writes to the change log (ChangeLogTriggers' LoggedTable), the way
// ChangeLogSchema's steps turn them into triggers. A summary is SQL both backends read; later
// steps that change a summary start from these and say what they add.
namespace rmsam::ChangeLogTables {

using ChangeLogTriggers::LoggedTable;

// What the runs and the admins' day-to-day work change.
QList<LoggedTable> activityTables();
// The profile's log, with `tokenChange` what a change of its token's time says.
LoggedTable profileLog(const QString& tokenChange);
// The first wording: setting, replacing and clearing the token all read "token replaced".
QString tokenReplaced();
// The later one, which tells them apart.
QString tokenSetReplacedOrCleared();
// What a rule's and an entitlement's update log, as the first change-log step wrote them.
QStringList ruleChanges();
QStringList entitlementChanges();
// What the owners set: the rule, entitlements, profiles and their jobs.
QList<LoggedTable> settingTables();
// Both of the above, as the first change-log step logged them.
QList<LoggedTable> loggedTables();
// The organisation's SMTP relay settings (one row per database, no profile).
LoggedTable smtpSettingsLog();
// removal_candidate as logged, with only its insert.
LoggedTable candidateInserts();

} // namespace rmsam::ChangeLogTables
