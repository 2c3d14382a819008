// JobLauncher: the notice e-mails, sent on a worker thread (the rate limit and the retries wait).
#include "services/JobLauncher.h"
#include "services/MailService.h"
#include "storage/Database.h"
#include "storage/ProfileRepository.h"

#include <QThread>

namespace rmsam {

Result<void> JobLauncher::startNotices(qint64 profileId, bool dryRun, const QString& actor)
{
    if (m_notices.contains(profileId)) {
        return Error { ErrorCode::Busy, tr("Notices of this profile are already being sent."), {} };
    }
    auto profile = ProfileRepository(m_database).find(profileId);
    if (!profile) {
        return profile.error();
    }
    if (!m_mail) {
        return Error { ErrorCode::InvalidState, tr("E-mail is not available here."), {} };
    }
    auto settings = m_mail->settings();
    if (!settings) {
        return settings.error();
    }
    if (!settings.value().isSet()) {
        return Error { ErrorCode::InvalidState,
            tr("Set up e-mail first: Settings › E-mail or `notify smtp set`."), {} };
    }
    m_notices.insert(profileId, NoticeRun {});
    if (dryRun) {
        launchNotices(profile.value(), settings.value(), {}, true, actor);
        return {};
    }
    QPointer<JobLauncher> self(this);
    m_mail->sender([self, profile = profile.value(), actor](Result<SmtpSender> sender) {
        if (!self) {
            return;
        }
        if (!sender) {
            self->m_notices.remove(profile.id);
            NoticeDispatchOutcome outcome;
            outcome.error = sender.error();
            emit self->noticesFinished(profile.id, outcome);
            return;
        }
        const SmtpSender relay = sender.value();
        self->launchNotices(
            profile, relay.settings(), [relay](const MailMessage& m) { return relay.send(m); }, false, actor);
    });
    return {};
}

void JobLauncher::launchNotices(const IntegrationProfile& profile, const SmtpSettings& settings,
    NoticeDispatcher::Send send, bool dryRun, const QString& actor)
{
    const qint64 id = profile.id;
    NoticeRun& run = m_notices[id];
    NoticeDispatchOptions options;
    options.dryRun = dryRun;
    options.actor = actor;
    options.cancelled = [cancelled = run.cancelled]() { return cancelled->load(); };
    options.progress = [this, id](const NoticeItem& item) { emit noticeSent(id, item); };
    Database* database = &m_database;
    run.thread = QThread::create([this, database, id, profile, settings, send, options]() {
        NoticeDispatchOutcome outcome = NoticeDispatcher(*database, profile, settings, send, options).run();
        database->releaseThreadConnection();
        QMetaObject::invokeMethod(
            this,
            [this, id, outcome]() {
                if (auto it = m_notices.find(id); it != m_notices.end()) {
                    it->thread->wait();
                    it->thread->deleteLater();
                    m_notices.erase(it);
                }
                emit noticesFinished(id, outcome);
            },
            Qt::QueuedConnection);
    });
    run.thread->start();
}

void JobLauncher::cancelNotices(qint64 profileId)
{
    if (auto it = m_notices.find(profileId); it != m_notices.end()) {
        it->cancelled->store(true);
    }
}

void JobLauncher::stopNotices()
{
    for (auto it = m_notices.begin(); it != m_notices.end(); ++it) {
        it->cancelled->store(true);
        if (it->thread) {
            it->thread->wait();
            delete it->thread;
        }
    }
    m_notices.clear();
}

} // namespace rmsam
