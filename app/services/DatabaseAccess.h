#pragma once

#include "core/Result.h"

#include <QString>

namespace rmsam::DatabaseAccess {

// Whether a --database value (or Settings › Database) names a PostgreSQL team database rather
// than a data folder.
bool isTeamDatabase(const QString& location);
// A postgresql:// URL as messages show it and the keychain files its password under: without
// its query. InvalidInput, naming the expected form, for a malformed one.
Result<QString> address(const QString& url);
// Connects to a team database once, with password when not empty (else libpq's ~/.pgpass, a
// certificate…), creating and upgrading nothing, and says in a sentence what is there: the
// server, the user, and whether the schema is ready for this version of Roadmunk SAM.
Result<QString> test(const QString& url, const QString& password);

} // namespace rmsam::DatabaseAccess
