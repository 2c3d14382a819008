// The removal candidate commands: candidate list|show|notice|recheck|note, and the actions that
// move a candidate on (candidate reclaim|ready|skip|close|keep|release|approve|decline).
// They work through ReclamationService; recheck starts on the JobLauncher.

#include "cli/Command.h"
#include "cli/CommandRegistry.h"
#include "core/Justifications.h"
#include "core/TeamAccess.h"
#include "services/Evaluation.h"
#include "services/JobLauncher.h"
#include "services/ReclamationService.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace rmsam {
namespace {

CommandOption numberOption()
{
    return { QStringLiteral("number"), QStringLiteral("N"),
        QT_TRANSLATE_NOOP("rmsam::CommandLine", "The candidate's number (RC0000042 or 42)."),
        Presence::Required };
}
class CandidateList final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(rmsam::CommandLine)

public:
    CandidateList()
        : Command(QStringLiteral("candidate list"),
            QT_TRANSLATE_NOOP("rmsam::CommandLine",
                "List the removal candidates: number, state, email, seat type, justification."),
            { CommandSyntax::profile() })
    { }

    void run(CommandContext& c) const override;
};

void CandidateList::run(CommandContext& c) const
{
    auto profile = c.profileFromOption();
    if (!profile) {
        return c.fail(profile.error());
    }
    auto list = c.reclamation.candidates(profile.value().id);
    if (!list) {
        return c.fail(list.error());
    }
    for (const RemovalCandidate& rc : list.value()) {
        c.io.out << rc.displayNumber() << '\t' << Candidates::stateCode(rc.state) << '\t' << rc.email << '\t'
                 << SeatTypes::code(rc.seatType) << '\t' << rc.justification << Qt::endl;
    }
    c.finish(ExitOk);
}

// The candidate named by --number, or a failure reported already.
std::optional<RemovalCandidate> candidateFromOption(CommandContext& c)
{
    auto n = CommandSyntax::number(c.parser, QStringLiteral("number"));
    if (!n) {
        c.fail(n.error());
        return std::nullopt;
    }
    auto candidate = c.reclamation.candidate(n.value());
    if (!candidate) {
        c.fail(candidate.error());
        return std::nullopt;
    }
    return candidate.value();
}

class CandidateShow final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(rmsam::CommandLine)

public:
    CandidateShow()
        : Command(QStringLiteral("candidate show"),
            QT_TRANSLATE_NOOP("rmsam::CommandLine", "Show a removal candidate and its history."),
            { numberOption() })
    { }

    void run(CommandContext& c) const override;
    static void print(CommandContext& c, const RemovalCandidate& rc);
};

void CandidateShow::run(CommandContext& c) const
{
    if (const auto candidate = candidateFromOption(c)) {
        print(c, *candidate);
    }
}

void CandidateShow::print(CommandContext& c, const RemovalCandidate& rc)
{
    auto history = c.reclamation.history(rc.number);
    if (!history) {
        return c.fail(history.error());
    }
    c.io.out << rc.displayNumber() << ' ' << rc.email << ' ' << Candidates::stateDisplayName(rc.state)
             << Qt::endl
             << tr("Justification: %1").arg(Justifications::display(rc.justification)) << Qt::endl;
    for (const CandidateEvent& e : history.value()) {
        c.io.out << e.at.toUTC().toString(Qt::ISODate) << '\t' << e.actor << '\t' << e.action << '\t'
                 << (e.to ? Candidates::stateCode(*e.to) : QString()) << '\t' << e.note << Qt::endl;
    }
    c.finish(ExitOk);
}

class CandidateNotice final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(rmsam::CommandLine)

public:
    CandidateNotice()
        : Command(QStringLiteral("candidate notice"),
            QT_TRANSLATE_NOOP("rmsam::CommandLine",
                "Print the notice for Notify user: recipient, subject, text and a mailto link."),
            { numberOption() })
    { }

    void run(CommandContext& c) const override;
};

void CandidateNotice::run(CommandContext& c) const
{
    const auto candidate = candidateFromOption(c);
    if (!candidate) {
        return;
    }
    auto r = c.reclamation.rule(candidate->profileId);
    if (!r) {
        return c.fail(r.error());
    }
    c.io.out << tr("To: %1").arg(candidate->email) << Qt::endl
             << tr("Subject: %1").arg(Reclaim::noticeSubject(*candidate)) << Qt::endl
             << Qt::endl
             << Reclaim::noticeBody(*candidate, r.value()) << Qt::endl
             << Qt::endl
             << Reclaim::mailtoLink(*candidate, r.value()) << Qt::endl;
    c.finish(ExitOk);
}

class CandidateRecheck final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(rmsam::CommandLine)

public:
    CandidateRecheck()
        : Command(QStringLiteral("candidate recheck"),
            QT_TRANSLATE_NOOP("rmsam::CommandLine",
                "Read the user again in Roadmunk; what is found goes to the candidate's history."),
            { numberOption() })
    { }

    void run(CommandContext& c) const override;
};

void CandidateRecheck::run(CommandContext& c) const
{
    if (!c.permits(TeamAction::Notes)) {
        return;
    }
    auto n = CommandSyntax::number(c.parser, QStringLiteral("number"));
    if (!n) {
        return c.fail(n.error());
    }
    QObject::connect(&c.launcher, &JobLauncher::checkFinished, c.owner,
        [&c, number = n.value()](qint64 candidateNumber, const Result<CandidateFindings>& findings) {
            if (candidateNumber != number) {
                return;
            }
            if (!findings) {
                return c.fail(findings.error());
            }
            c.io.out << findings.value().text() << Qt::endl;
            c.finish(ExitOk);
        });
    if (auto started = c.launcher.startCheck(n.value(), Reclamation::currentActor()); !started) {
        c.fail(started.error());
    }
}

class CandidateNote final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(rmsam::CommandLine)

public:
    CandidateNote()
        : Command(QStringLiteral("candidate note"),
            QT_TRANSLATE_NOOP("rmsam::CommandLine", "Add a work note to a candidate's history."),
            { numberOption(),
                { QStringLiteral("note"), QStringLiteral("TEXT"),
                    QT_TRANSLATE_NOOP("rmsam::CommandLine", "A work note."), Presence::Required } })
    { }

    void run(CommandContext& c) const override;
};

void CandidateNote::run(CommandContext& c) const
{
    if (!c.permits(TeamAction::Notes)) {
        return;
    }
    const auto candidate = candidateFromOption(c);
    if (!candidate) {
        return;
    }
    const QString note = c.parser.value(QStringLiteral("note"));
    if (auto added = c.reclamation.addNote(candidate->number, Reclamation::currentActor(), note); !added) {
        return c.fail(added.error());
    }
    CandidateShow::print(c, *candidate);
}

// candidate reclaim|ready|skip|close|keep|release|approve|decline: one action on a candidate.
class CandidateMove final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(rmsam::CommandLine)

public:
    CandidateMove(const QString& verb, CandidateAction action)
        : Command(QStringLiteral("candidate ") + verb, nullptr,
            { numberOption(),
                { QStringLiteral("note"), QStringLiteral("TEXT"),
                    QT_TRANSLATE_NOOP("rmsam::CommandLine", "A work note.") } })
        , m_action(action)
    { }

    QString summaryText() const override
    {
        return tr("Record \"%1\" for a candidate; leaving Attention Required takes a note.")
            .arg(Candidates::actionDisplayName(m_action));
    }
    void run(CommandContext& c) const override;

private:
    const CandidateAction m_action;
};

void CandidateMove::run(CommandContext& c) const
{
    const auto candidate = candidateFromOption(c);
    if (!candidate || !c.permits(TeamAccess::forCandidate(m_action, candidate->state))) {
        return;
    }
    const QString note = c.parser.value(QStringLiteral("note"));
    auto moved = c.reclamation.apply(
        candidate->number, m_action, Reclamation::currentActor(), note, candidate->rowVersion);
    if (!moved) {
        return c.fail(moved.error());
    }
    c.io.err << tr("%1 is now %2.")
                    .arg(moved.value().displayNumber(), Candidates::stateDisplayName(moved.value().state))
             << Qt::endl;
    CandidateShow::print(c, moved.value());
}
} // namespace

QList<const Command*> candidateCommands()
{
    static const CandidateList list;
    static const CandidateShow show;
    static const CandidateNotice notice;
    static const CandidateRecheck recheck;
    static const CandidateMove reclaim(QStringLiteral("reclaim"), CandidateAction::Reclaim);
    static const CandidateMove ready(QStringLiteral("ready"), CandidateAction::DataFixed);
    static const CandidateMove skip(QStringLiteral("skip"), CandidateAction::Skip);
    static const CandidateMove close(QStringLiteral("close"), CandidateAction::Close);
    static const CandidateNote note;
    static const CandidateMove keep(QStringLiteral("keep"), CandidateAction::UserKeeps);
    static const CandidateMove release(QStringLiteral("release"), CandidateAction::UserReleases);
    static const CandidateMove approve(QStringLiteral("approve"), CandidateAction::Approve);
    static const CandidateMove decline(QStringLiteral("decline"), CandidateAction::Decline);
    return { &list, &show, &notice, &recheck, &reclaim, &ready, &skip, &close, &note, &keep, &release,
        &approve, &decline };
}

} // namespace rmsam
