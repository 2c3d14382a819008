#pragma once

#include <QString>

namespace rmsam::ChangeLogText {

// A change log summary in the user's language. The database's triggers write the summaries in
// English (storage/ChangeLogSchema.cpp: "profile created (Draft)", "state ready →
// awaiting_approval", "threshold 90 → 60; notify 0 → 1"…) and the log keeps them as written; the
// CSV export too. This reads the forms the triggers write and says them again in the user's
// language: the app's codes (status, region, candidate state, job kind, outcome and trigger,
// roles, period, 0/1) by their display names; names, addresses, files, numbers and dates as
// they are. A summary not entirely in known forms is returned unchanged, never in part.
QString display(const QString& summary);

} // namespace rmsam::ChangeLogText
