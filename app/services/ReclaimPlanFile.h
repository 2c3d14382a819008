#pragma once

#include "core/IntegrationProfile.h"
#include "core/Result.h"
#include "services/ReclaimJob.h"

#include <QByteArray>
#include <QDateTime>

namespace rmsam::ReclaimPlanFiles {

// A plan older than this is refused: the data it was made from has moved on by then.
constexpr qint64 MaxAgeSeconds = 24 * 60 * 60;

// What `reclaim --dry-run --save-plan FILE` writes: JSON naming the profile, when the plan was
// made, its cap, and each candidate it would deactivate or notify (number, user id, e-mail, the
// rule's verdict and reason, the stored state and version); "data" is a SHA-256 of what the
// candidates were made from, "checksum" a SHA-256 of everything else, so an edited file is
// refused. The candidates are checked against the database again when the plan is run.
QByteArray write(const IntegrationProfile& profile, const ReclaimOptions& options,
    const QList<ReclaimItem>& preview, const QDateTime& madeAt);

// The candidates a saved plan confirms, for ReclaimOptions::confirmed; Conflict naming why
// when the file is not a plan, was edited, is for another profile, is older than 24 hours (or
// dated ahead of now), or confirms nobody.
Result<QList<PlannedCandidate>> read(
    const QByteArray& bytes, const IntegrationProfile& profile, const QDateTime& now);

} // namespace rmsam::ReclaimPlanFiles
