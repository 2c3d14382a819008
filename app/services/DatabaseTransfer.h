#pragma once

#include "core/DatabaseCopyReport.h"
#include "core/Result.h"

#include <QString>

namespace rmsam {

class Database;

// Moving the database this service holds (a single admin's SQLite file) into a PostgreSQL team
// database: `database copy --to URL`. The work is in storage (DatabaseCopy); what moves and what
// is refused is described there.
class DatabaseTransfer
{
public:
    explicit DatabaseTransfer(Database& database);
    Q_DISABLE_COPY_MOVE(DatabaseTransfer)

    // Opens the PostgreSQL database at url (migrating it to this version's schema), refuses it
    // unless it is empty, and copies everything into it in one transaction.
    Result<DatabaseCopyReport> copyTo(const QString& url, const DatabaseCopyProgress& progress);

private:
    Database& m_database;
};

} // namespace rmsam
