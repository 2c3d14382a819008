#include "services/SyncRunner.h"

#include "secrets/TokenStore.h"

#include <QCoreApplication>
#include <QThread>

namespace rmsam {

SyncRunner::SyncRunner(Database& database, TokenStore& tokens, QObject* parent)
    : QObject(parent)
    , m_database(database)
    , m_tokens(tokens)
{
    qRegisterMetaType<rmsam::SyncOutcome>();
    qRegisterMetaType<rmsam::JobKind>();
}

SyncRunner::~SyncRunner()
{
    for (auto it = m_running.begin(); it != m_running.end(); ++it) {
        if (it->job) {
            QMetaObject::invokeMethod(it->job, &SyncJob::cancel, Qt::QueuedConnection);
        }
        if (it->thread) {
            it->thread->quit();
            it->thread->wait(10000);
        }
    }
}

void SyncRunner::start(const IntegrationProfile& profile, const SyncOptions& options)
{
    if (isRunning(profile.id)) {
        return;
    }
    m_running.insert(profile.id, Run {});
    emit started(profile.id);
    m_tokens.read(profile.tokenKey, [this, profile, options](Result<QString> token) {
        if (!m_running.contains(profile.id)) {
            return;
        }
        if (!token || m_running.value(profile.id).cancelled) {
            SyncOutcome outcome;
            outcome.error = token ? Error { ErrorCode::Cancelled, tr("Cancelled."), {} } : token.error();
            done(profile.id, outcome);
            return;
        }
        launch(profile, options, token.value());
    });
}

void SyncRunner::launch(const IntegrationProfile& profile, const SyncOptions& options, const QString& token)
{
    auto* thread = new QThread(this);
    thread->setObjectName(QStringLiteral("sync-%1").arg(profile.id));
    auto* job = new SyncJob(m_database, profile, token, options);
    job->moveToThread(thread);
    const qint64 id = profile.id;
    connect(thread, &QThread::started, job, &SyncJob::start);
    connect(thread, &QThread::finished, job, &QObject::deleteLater);
    connect(job, &SyncJob::progress, this,
        [this, id](JobKind kind, int pages, int rows) { emit progress(id, kind, pages, rows); });
    connect(job, &SyncJob::finished, this, [this, id](const SyncOutcome& outcome) { done(id, outcome); });
    m_running[id].job = job;
    m_running[id].thread = thread;
    thread->start();
}

void SyncRunner::cancel(qint64 profileId)
{
    auto it = m_running.find(profileId);
    if (it == m_running.end()) {
        return;
    }
    it->cancelled = true;
    if (it->job) {
        QMetaObject::invokeMethod(it->job, &SyncJob::cancel, Qt::QueuedConnection);
    }
}

void SyncRunner::done(qint64 profileId, const SyncOutcome& outcome)
{
    const Run run = m_running.take(profileId);
    if (run.thread) {
        run.thread->quit();
        run.thread->wait();
        run.thread->deleteLater();
    }
    emit finished(profileId, outcome);
}

} // namespace rmsam
