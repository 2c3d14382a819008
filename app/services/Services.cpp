#include "services/Services.h"

#include "secrets/TokenStore.h"
#include "services/DatabaseAccess.h"
#include "services/DatabaseTransfer.h"
#include "services/JobLauncher.h"
#include "services/LiveUpdates.h"
#include "services/MailService.h"
#include "services/ProfileService.h"
#include "services/ReclamationService.h"
#include "services/ReportService.h"
#include "services/Scheduler.h"
#include "services/TeamService.h"
#include "storage/Database.h"

#include <QEventLoop>
#include <QNetworkAccessManager>

namespace rmsam {

namespace {

// The password stored for a team database's address, or none. Waits for the keychain: nothing
// can be shown or run before the database is open. A keychain that cannot be asked (a server
// without a desktop session) leaves the login to libpq's own ways, as having none stored does.
QString storedPassword(TokenStore& tokens, const QString& url)
{
    auto address = DatabaseAccess::address(url);
    if (!address) {
        return {}; // Database::open reports the malformed URL
    }
    QString password;
    QEventLoop loop;
    tokens.readDatabasePassword(address.value(), [&](Result<std::optional<QString>> found) {
        if (found && found.value()) {
            password = *found.value();
        } else if (!found) {
            qCDebug(lcStorage) << "no database password from the keychain:" << found.error().detail;
        }
        loop.quit();
    });
    loop.exec();
    return password;
}

} // namespace

Result<std::unique_ptr<Services>> Services::open(const QString& dataDirOrUrl, const QString& keychainService)
{
    auto tokens = std::make_unique<TokenStore>(keychainService);
    auto database = Database::open(dataDirOrUrl);
    // A login libpq could not make on its own (~/.pgpass, a certificate, peer or trust) is tried
    // once more with the password kept in the keychain, if there is one: a server or a cron job
    // that needs none never asks the keychain.
    if (!database && DatabaseAccess::isTeamDatabase(dataDirOrUrl)
        && database.error().code != ErrorCode::Unreachable) {
        Database::Options options;
        options.password = storedPassword(*tokens, dataDirOrUrl);
        if (!options.password.isEmpty()) {
            database = Database::open(dataDirOrUrl, options);
        }
    }
    if (!database) {
        return database.error();
    }
    return std::make_unique<Services>(std::move(database).value(), std::move(tokens));
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
    , m_live(std::make_unique<LiveUpdates>(*m_database))
    , m_team(std::make_unique<TeamService>(*m_database))
    , m_mail(std::make_unique<MailService>(*m_database, *m_tokens, *m_team))
{
    m_launcher->setMail(m_mail.get());
    // The renewal reminders the scheduler gives also go to the admin mailbox, when e-mail is set up.
    QObject::connect(m_scheduler.get(), &Scheduler::renewalRemindersDue, m_scheduler.get(),
        [mail = m_mail.get()](const QList<RenewalReminder>& reminders) {
            mail->sendToAdmin(RenewalReminders::mailSubject(), RenewalReminders::mailBody(reminders),
                [](const Result<SendOutcome>& sent) {
                    if (!sent) {
                        qCInfo(lcJobs).noquote() << "renewal reminders not e-mailed:" << sent.error().message;
                    } else if (sent.value().status != SendOutcome::Status::Sent) {
                        qCWarning(lcJobs).noquote()
                            << "renewal reminders not e-mailed:" << sent.value().message;
                    }
                });
        });
}

Services::~Services() = default;

QString Services::storedAt() const
{
    return m_database->filePath();
}

} // namespace rmsam
