#pragma once

#include "core/IntegrationProfile.h"
#include "services/SyncJob.h"

#include <QHash>
#include <QObject>
#include <QPointer>

class QThread;

namespace rmsam {

class Database;
class TokenStore;

// Runs SyncJobs off the GUI thread, one worker thread per running profile, with the token
// read from the keychain just before the job starts. Used by "Sync now" and the scheduler.
class SyncRunner : public QObject
{
    Q_OBJECT

public:
    SyncRunner(Database& database, TokenStore& tokens, QObject* parent = nullptr);
    ~SyncRunner() override;

    bool isRunning(qint64 profileId) const { return m_running.contains(profileId); }
    void start(const IntegrationProfile& profile, const SyncOptions& options);
    void cancel(qint64 profileId);

signals:
    void started(qint64 profileId);
    void progress(qint64 profileId, rmsam::JobKind kind, int pages, int rows);
    void finished(qint64 profileId, const rmsam::SyncOutcome& outcome);

private:
    struct Run
    {
        QPointer<SyncJob> job;
        QThread* thread = nullptr;
        bool cancelled = false;
    };
    void launch(const IntegrationProfile& profile, const SyncOptions& options, const QString& token);
    void done(qint64 profileId, const SyncOutcome& outcome);

    Database& m_database;
    TokenStore& m_tokens;
    QHash<qint64, Run> m_running;
};

} // namespace rmsam
