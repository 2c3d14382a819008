#include "support/BreakableData.h"

#include "core/ProfileRules.h"
#include "services/Services.h"
#include "storage/Database.h"
#include "storage/JobRepository.h"
#include "storage/ProfileRepository.h"

#include <QSqlQuery>
#include <QUuid>

namespace rmsam::test {

BreakableData::BreakableData() = default;
BreakableData::~BreakableData() = default;

QString BreakableData::open(const QString& profileName)
{
    if (!m_dir.isValid()) {
        return QStringLiteral("no temporary folder: %1").arg(m_dir.errorString());
    }
    auto services = Services::open(m_dir.path(),
        QStringLiteral("roadmunk-sam-test-broken-") + QUuid::createUuid().toString(QUuid::WithoutBraces));
    if (!services) {
        return services.error().message;
    }
    m_services = std::move(services).value();
    auto direct = Database::open(m_dir.path());
    if (!direct) {
        return direct.error().message;
    }
    m_direct = std::move(direct).value();
    IntegrationProfile p = ProfileRules::makeDraft(profileName, Region::NorthAmerica, QDate::currentDate());
    p.status = ProfileStatus::Published;
    auto created = ProfileRepository(*m_direct).create(p);
    if (!created) {
        return created.error().message;
    }
    m_profile = created.value();
    if (auto made = JobRepository(*m_direct).ensurePublishArtifacts(m_profile); !made) {
        return made.error().message;
    }
    return {};
}

bool BreakableData::dropTable(const QString& table)
{
    QSqlQuery query(m_direct->connection());
    return query.exec(QStringLiteral("DROP TABLE %1").arg(table));
}

} // namespace rmsam::test
