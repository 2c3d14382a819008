#pragma once

#include "core/IntegrationProfile.h"
#include "core/Result.h"
#include "services/CandidateCheck.h"
#include "services/NoticeDispatcher.h"
#include "services/ReclaimJob.h"
#include "services/SyncJob.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <atomic>
#include <functional>
#include <memory>

class QNetworkAccessManager;
class QThread;

namespace rmsam {

class Database;
class MailService;
class TokenStore;

// Starts the runs that call Roadmunk with a profile's API token: a sync, a reclaim run (or its
// dry run) and the re-check of a removal candidate. The GUI, the scheduler and the command line
// start them here, so that each precondition is checked in one place with one wording, and
// "read the token, create the job, forward its progress" is written once:
// - the profile exists and is published (a re-check needs the profile only);
// - a real reclaim run needs Reclaim subscriptions on; a dry run plans from stored data and
//   needs nothing more (no token, no network);
// - an API token is stored: only the keychain knows, so its answer comes as the run's outcome.
// A refusal found without the keychain comes back from start…() and nothing starts. After a
// start…() that succeeded, exactly one …Finished signal follows, also when the keychain has no
// token (then no job was created) or the run was cancelled.
//
// Signals come from the launcher's thread. A sync runs in a worker thread of its own (it may
// download for minutes); a reclaim run and a re-check run in the launcher's thread.
class JobLauncher : public QObject
{
    Q_OBJECT

public:
    JobLauncher(
        Database& database, TokenStore& tokens, QNetworkAccessManager* network, QObject* parent = nullptr);
    ~JobLauncher() override;
    Q_DISABLE_COPY_MOVE(JobLauncher)

    // The preconditions alone, for a screen to say why it cannot start a run: the profile, or
    // the reason it may not run now.
    Result<IntegrationProfile> checkSync(qint64 profileId);
    Result<IntegrationProfile> checkReclaim(qint64 profileId); // a real run

    bool isSyncing(qint64 profileId) const { return m_syncs.contains(profileId); }
    bool isSyncingAny() const { return !m_syncs.isEmpty(); }
    bool isReclaiming(qint64 profileId) const { return m_reclaims.contains(profileId); }

    Result<void> startSync(qint64 profileId, const SyncOptions& options);
    Result<void> startReclaim(qint64 profileId, const ReclaimOptions& options);
    // Re-reads the candidate's user in Roadmunk and notes the findings (CandidateCheck).
    Result<void> startCheck(qint64 candidateNumber, const QString& actor);
    // The notice e-mails go through this (Services sets it); without it none are sent.
    void setMail(MailService* mail) { m_mail = mail; }
    bool isSendingNotices(qint64 profileId) const { return m_notices.contains(profileId); }
    // Sends the profile's due notices and reminders on a worker thread (NoticeDispatcher),
    // with the relay's password from the keychain; a dry run needs the settings only. The
    // options' progress, wait and clock are the launcher's (signals; real time). InvalidState
    // when e-mail is not set up; exactly one noticesFinished follows a start that succeeded.
    Result<void> startNotices(qint64 profileId, bool dryRun, const QString& actor);
    void cancelNotices(qint64 profileId);
    // Stops the run at its next safe point; its …Finished signal still follows.
    void cancelSync(qint64 profileId);
    void cancelReclaim(qint64 profileId);

signals:
    void syncStarted(qint64 profileId);
    void syncProgress(qint64 profileId, rmsam::JobKind kind, int pages, int rows);
    void syncFinished(qint64 profileId, const rmsam::SyncOutcome& outcome);
    void reclaimStarted(qint64 profileId);
    void reclaimProgress(qint64 profileId, int done, int total);
    void reclaimFinished(qint64 profileId, const rmsam::ReclaimOutcome& outcome);
    void noticeSent(qint64 profileId, const rmsam::NoticeItem& item);
    void noticesFinished(qint64 profileId, const rmsam::NoticeDispatchOutcome& outcome);
    void checkFinished(qint64 candidateNumber, const rmsam::Result<rmsam::CandidateFindings>& findings);

private:
    struct SyncRun
    {
        QPointer<SyncJob> job;
        QThread* thread = nullptr;
        bool cancelled = false;
    };
    struct ReclaimRun
    {
        QPointer<ReclaimJob> job;
        bool cancelled = false;
    };

    // Reads the token of the profile and hands the keychain's answer on, unless the launcher
    // is gone by then.
    void readToken(const IntegrationProfile& profile, std::function<void(Result<QString>)> then);
    void launchSync(const IntegrationProfile& profile, const SyncOptions& options, const QString& token);
    void syncDone(qint64 profileId, const SyncOutcome& outcome);
    void launchReclaim(
        const IntegrationProfile& profile, const ReclaimOptions& options, const QString& token);
    void reclaimDone(qint64 profileId, const ReclaimOutcome& outcome);
    void launchCheck(const RemovalCandidate& candidate, const IntegrationProfile& profile,
        const QString& token, const QString& actor);

    struct NoticeRun
    {
        QThread* thread = nullptr;
        std::shared_ptr<std::atomic_bool> cancelled = std::make_shared<std::atomic_bool>(false);
    };
    void launchNotices(const IntegrationProfile& profile, const SmtpSettings& settings,
        NoticeDispatcher::Send send, bool dryRun, const QString& actor);
    void stopNotices();

    Database& m_database;
    MailService* m_mail = nullptr;
    QHash<qint64, NoticeRun> m_notices;
    TokenStore& m_tokens;
    QNetworkAccessManager* m_network;
    QHash<qint64, SyncRun> m_syncs;
    QHash<qint64, ReclaimRun> m_reclaims;
};

} // namespace rmsam
