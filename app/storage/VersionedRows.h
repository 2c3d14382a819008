#pragma once

#include "core/Result.h"

#include <QString>
#include <QVariantList>

namespace rmsam {

class Database;

// Rows that several people may edit (removal candidates, reclamation rules, entitlements): each
// carries row_version, changed_by and changed_at, and a writer changes only the version it read.

// The row a stale edit names: its table, what selects it, and how the change log keys it.
struct EditedRow
{
    QString table;
    QString where; // "profile_id = ? AND seat_type = ?"
    QVariantList keys;
    qint64 profileId = 0;
    QString logKey; // change_log.row_key
};

// "Changed by X at T since you opened it": who stamped the row last, or, when it is gone, who
// deleted it according to the change log.
Error staleEdit(Database& database, const EditedRow& row);

// Writes the row only at the version the writer read (readVersion; 0: none stored): an update
// bumps the version and stamps who and when; none stored, it inserts. Anything else is a stale
// edit. `columns` are set from `values`, in order; the keys come after them.
Result<void> writeVersioned(Database& database, const EditedRow& row, qint64 readVersion,
    const QStringList& columns, const QVariantList& values, const QString& failure);

} // namespace rmsam
