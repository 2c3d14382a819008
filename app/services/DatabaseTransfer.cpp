#include "services/DatabaseTransfer.h"

#include "storage/Database.h"
#include "storage/DatabaseCopy.h"
#include "storage/DatabaseLocation.h"

#include <QCoreApplication>

namespace rmsam {

DatabaseTransfer::DatabaseTransfer(Database& database)
    : m_database(database)
{ }

Result<DatabaseCopyReport> DatabaseTransfer::copyTo(const QString& url, const DatabaseCopyProgress& progress)
{
    auto location = DatabaseLocation::parse(url);
    if (!location) {
        return location.error();
    }
    if (location.value().backend != DatabaseLocation::Backend::PostgreSql) {
        return Error { ErrorCode::InvalidInput,
            QCoreApplication::translate("rmsam::DatabaseCopy",
                "--to takes a PostgreSQL database, postgresql://USER@HOST:PORT/DBNAME; %1 is not one.")
                .arg(url),
            {} };
    }
    // Opening migrates the target to the schema this version writes, as the source already is.
    auto target = Database::open(url);
    if (!target) {
        return target.error();
    }
    DatabaseCopy copy(m_database, *target.value());
    return copy.run(progress);
}

} // namespace rmsam
