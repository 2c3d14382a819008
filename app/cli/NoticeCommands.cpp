// notify send: the notice e-mails of a profile's removal candidates in Awaiting User (the notice
// not sent yet, the reminder when due), as a reclaim run and the daily job send them.

#include "cli/Command.h"
#include "cli/CommandRegistry.h"
#include "core/TeamAccess.h"
#include "services/Evaluation.h"
#include "services/JobLauncher.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace rmsam {
namespace {

// One line per message: the candidate, the step, the recipient and what happened.
QString line(const NoticeItem& i)
{
    QString what;
    switch (i.outcome) {
    case NoticeItem::Outcome::WouldSend:
        what = QCoreApplication::translate("rmsam::CommandLine", "would send");
        break;
    case NoticeItem::Outcome::Sent:
        what = QCoreApplication::translate("rmsam::CommandLine", "sent");
        break;
    case NoticeItem::Outcome::Rejected:
    case NoticeItem::Outcome::Deferred:
        what = QCoreApplication::translate("rmsam::CommandLine", "failed: %1").arg(i.message);
        break;
    case NoticeItem::Outcome::Unknown:
        what = QCoreApplication::translate("rmsam::CommandLine", "unknown: %1").arg(i.message);
        break;
    case NoticeItem::Outcome::NotSent:
        what = QCoreApplication::translate("rmsam::CommandLine", "not sent: %1").arg(i.message);
        break;
    }
    return QStringLiteral("%1\t%2\t%3\t%4")
        .arg(candidateNumberText(i.candidateNumber), Notices::stepCode(i.step), i.recipient, what);
}

class NotifySend final : public Command
{
public:
    NotifySend()
        : Command(QStringLiteral("notify send"),
            QT_TRANSLATE_NOOP("rmsam::CommandLine",
                "Send the notice e-mails due: to candidates in Awaiting User whose notice has not gone "
                "out, and the reminders due before their deadline."),
            { CommandSyntax::profile(),
                { QStringLiteral("dry-run"), {},
                    QT_TRANSLATE_NOOP(
                        "rmsam::CommandLine", "List the e-mails that would be sent; send none."),
                    Presence::AtMostOne } })
    { }

    void run(CommandContext& c) const override
    {
        auto profile = c.profileFromOption();
        if (!profile) {
            return c.fail(profile.error());
        }
        const bool dryRun = c.parser.isSet(QStringLiteral("dry-run"));
        if (!dryRun && !c.permits(TeamAction::Reclaim)) {
            return;
        }
        sendNotices(c, profile.value().id, dryRun, [&c](const NoticeDispatchOutcome& outcome) {
            c.io.err << outcome.summary() << Qt::endl;
            if (outcome.error) {
                return c.fail(*outcome.error);
            }
            c.finish(ExitOk);
        });
    }
};

} // namespace

void sendNotices(
    CommandContext& c, qint64 profileId, bool dryRun, std::function<void(const NoticeDispatchOutcome&)> then)
{
    QObject::connect(
        &c.launcher, &JobLauncher::noticeSent, c.owner, [&c, profileId](qint64 id, const NoticeItem& item) {
            if (id == profileId) {
                c.io.out << line(item) << Qt::endl;
            }
        });
    QObject::connect(&c.launcher, &JobLauncher::noticesFinished, c.owner,
        [profileId, then](qint64 id, const NoticeDispatchOutcome& outcome) {
            if (id == profileId) {
                then(outcome);
            }
        });
    if (auto started = c.launcher.startNotices(profileId, dryRun, Reclamation::currentActor()); !started) {
        NoticeDispatchOutcome outcome;
        outcome.dryRun = dryRun;
        outcome.error = started.error();
        then(outcome);
    }
}

QList<const Command*> noticeCommands()
{
    static const NotifySend send;
    return { &send };
}

} // namespace rmsam
