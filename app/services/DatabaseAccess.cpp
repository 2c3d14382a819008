#include "services/DatabaseAccess.h"

#include "storage/Database.h"

#include <QCoreApplication>

namespace rmsam::DatabaseAccess {

bool isTeamDatabase(const QString& location)
{
    return DatabaseLocation::isPostgreSqlUrl(location);
}

Result<QString> address(const QString& url)
{
    auto location = DatabaseLocation::parse(url);
    if (!location) {
        return location.error();
    }
    return location.value().display();
}

Result<QString> test(const QString& url, const QString& password)
{
    auto probe = Database::probe(url, password);
    if (!probe) {
        return probe.error();
    }
    const Database::Probe& found = probe.value();
    const QString connected
        = QCoreApplication::translate("rmsam::DatabaseAccess", "Connected to PostgreSQL %1 as %2.")
              .arg(found.serverVersion, found.user);
    QString schema;
    if (found.schemaVersion == 0) {
        schema = QCoreApplication::translate("rmsam::DatabaseAccess",
            "The database has no Roadmunk SAM tables yet: its administrator creates them with "
            "roadmunk-sam database init.");
    } else if (found.schemaVersion > found.supportedVersion) {
        schema = QCoreApplication::translate("rmsam::DatabaseAccess",
            "Its schema (version %1) is newer than this Roadmunk SAM understands (version %2): "
            "install the newer Roadmunk SAM the team uses.")
                     .arg(found.schemaVersion)
                     .arg(found.supportedVersion);
    } else if (found.schemaVersion < found.supportedVersion) {
        schema = QCoreApplication::translate("rmsam::DatabaseAccess",
            "Its schema (version %1) is older than this Roadmunk SAM's (version %2): it is upgraded "
            "when its administrator opens it with this version.")
                     .arg(found.schemaVersion)
                     .arg(found.supportedVersion);
    } else {
        schema = QCoreApplication::translate(
            "rmsam::DatabaseAccess", "Its schema (version %1) is ready for this version of Roadmunk SAM.")
                     .arg(found.schemaVersion);
    }
    return connected + QLatin1Char(' ') + schema;
}

} // namespace rmsam::DatabaseAccess
