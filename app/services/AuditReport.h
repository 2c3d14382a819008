#pragma once

#include "core/Result.h"

#include <QList>
#include <QVariant>

namespace rmsam {

class Database;

namespace AuditReport {

// Every change to a profile, oldest first, in the Audit log's columns: the change log the
// database writes (profile edits, token set or cleared, validation, publishing, rule,
// entitlements, exclusions, reports, candidates, jobs) and each reclaim's before/after record
// with the user it concerned.
Result<QList<QList<QVariant>>> rows(Database& database, qint64 profileId);

} // namespace AuditReport
} // namespace rmsam
