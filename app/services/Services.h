#pragma once

#include "core/Result.h"

#include <QString>
#include <QtGlobal>
#include <memory>

class QNetworkAccessManager;

namespace rmsam {

class Database;
class DatabaseTransfer;
class JobLauncher;
class LiveUpdates;
class MailService;
class ProfileService;
class ReclamationService;
class ReportService;
class Scheduler;
class TeamService;
class TokenStore;

// A data folder, opened once: its database, the API tokens in the OS keychain under one service
// name, the network access, and the services built on them. The GUI and the command line open
// one and reach the data through its services only. The parts go in reverse order: runs stop
// before the database closes.
class Services
{
public:
    // Opens (creating if needed) the database in a data folder, or the team database a
    // postgresql:// URL names (with its password from the keychain when one is stored), and the
    // keychain entries under keychainService ("roadmunk-sam", "roadmunk-sam-demo", a test's own).
    static Result<std::unique_ptr<Services>> open(
        const QString& dataDirOrUrl, const QString& keychainService);
    // Takes over a database and a token store the caller opened (a test that also reads them).
    Services(std::unique_ptr<Database> database, std::unique_ptr<TokenStore> tokens);
    ~Services();
    Q_DISABLE_COPY_MOVE(Services)

    ProfileService& profileService() { return *m_profiles; }
    ReclamationService& reclamationService() { return *m_reclamation; }
    ReportService& reportService() { return *m_reports; }
    // Where the data is kept: the SQLite file, or the team database's address.
    QString storedAt() const;
    JobLauncher& launcher() { return *m_launcher; }
    DatabaseTransfer& databaseTransfer() { return *m_transfer; }
    // Runs the daily jobs once started (after the keychain answered).
    Scheduler& scheduler() { return *m_scheduler; }
    // Other members' changes to a team database, once started by the GUI.
    LiveUpdates& liveUpdates() { return *m_live; }
    // The member's team role and the team (a shared PostgreSQL database).
    TeamService& team() { return *m_team; }
    // E-mail through the organisation's SMTP relay: its settings and its password.
    MailService& mail() { return *m_mail; }

private:
    std::unique_ptr<Database> m_database;
    std::unique_ptr<TokenStore> m_tokens;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<ProfileService> m_profiles;
    std::unique_ptr<ReclamationService> m_reclamation;
    std::unique_ptr<ReportService> m_reports;
    std::unique_ptr<JobLauncher> m_launcher;
    std::unique_ptr<DatabaseTransfer> m_transfer;
    std::unique_ptr<Scheduler> m_scheduler;
    std::unique_ptr<LiveUpdates> m_live;
    std::unique_ptr<TeamService> m_team;
    std::unique_ptr<MailService> m_mail;
};

} // namespace rmsam
