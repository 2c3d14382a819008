#pragma once

#include "core/Result.h"

#include <QList>
#include <QVariant>

namespace rmsam {

class Database;
struct SeatHolders;

namespace RosterReport {
// The Roster table (export --report roster): each seat holder the profile's HR roster does not
// list, or lists as gone: email, name, role, reason, roster status, end date. None without a
// roster. holders: the seat holders already read, or null to read them.
Result<QList<QList<QVariant>>> rows(Database& database, qint64 profileId, const SeatHolders* holders);
} // namespace RosterReport

} // namespace rmsam
