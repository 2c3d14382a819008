#include "services/Services.h"

#include "secrets/TokenStore.h"
#include "services/DatabaseTransfer.h"
#include "services/JobLauncher.h"
#include "services/ProfileService.h"
#include "services/ReclamationService.h"
#include "services/ReportService.h"
#include "services/Scheduler.h"
#include "storage/Database.h"

#include <QNetworkAccessManager>

namespace rmsam {

Result<std::unique_ptr<Services>> Services::open(const QString& dataDir, const QString& keychainService)
{
    auto database = Database::open(dataDir);
    if (!database) {
        return database.error();
    }
    return std::make_unique<Services>(
        std::move(database).value(), std::make_unique<TokenStore>(keychainService));
}

Services::Services(std::unique_ptr<Database> database, std::unique_ptr<TokenStore> tokens)
    : m_database(std::move(database))
    , m_tokens(std::move(tokens))
    , m_network(std::make_unique<QNetworkAccessManager>())
    , m_profiles(std::make_unique<ProfileService>(*m_database, *m_tokens, m_network.get()))
    , m_reclamation(std::make_unique<ReclamationService>(*m_database))
    , m_reports(std::make_unique<ReportService>(*m_database))
    , m_launcher(std::make_unique<JobLauncher>(*m_database, *m_tokens, m_network.get()))
    , m_transfer(std::make_unique<DatabaseTransfer>(*m_database))
    , m_scheduler(std::make_unique<Scheduler>(*m_database, *m_launcher))
{ }

Services::~Services() = default;

} // namespace rmsam
