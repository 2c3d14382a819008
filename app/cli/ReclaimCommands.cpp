// The reclamation commands: rule, entitlement, candidate and reclaim.

#include "cli/CommandLine.h"
#include "secrets/TokenStore.h"
#include "services/CandidateCheck.h"
#include "services/Evaluation.h"
#include "services/ProfileService.h"
#include "services/ReclaimJob.h"
#include "storage/Database.h"
#include "storage/ProfileRepository.h"
#include "storage/ReclamationRepository.h"

#include <QCommandLineParser>
#include <QLocale>

namespace rmsam {
namespace {

// "yes"/"no" of an option, or nullopt when absent; an error for anything else.
Result<std::optional<bool>> yesNo(const QCommandLineParser& parser, const QString& name)
{
    if (!parser.isSet(name)) {
        return std::optional<bool>();
    }
    const QString v = parser.value(name).toLower();
    if (v == QLatin1String("yes") || v == QLatin1String("no")) {
        return std::optional<bool>(v == QLatin1String("yes"));
    }
    return Error { ErrorCode::InvalidInput,
        QCoreApplication::translate("rmsam::CommandLine", "--%1 takes yes or no.").arg(name), {} };
}

Result<int> number(const QCommandLineParser& parser, const QString& name)
{
    QString text = parser.value(name).trimmed();
    if (text.startsWith(QLatin1String("RC"), Qt::CaseInsensitive)) {
        text = text.mid(2);
    }
    bool ok = false;
    const int n = text.toInt(&ok);
    if (!ok) {
        return Error { ErrorCode::InvalidInput,
            QCoreApplication::translate("rmsam::CommandLine", "--%1 takes a whole number, not \"%2\".")
                .arg(name, parser.value(name)),
            {} };
    }
    return n;
}

QString money(double amount, const QString& currency)
{
    return currency.isEmpty() ? QStringLiteral("-") : Licenses::moneyText(amount, currency);
}

} // namespace

void CommandLine::rule(const QCommandLineParser& parser, bool show)
{
    auto profile = profileFromOption(parser);
    if (!profile) {
        return fail(profile.error());
    }
    ReclamationRepository repository(*m_database);
    auto current = repository.rule(profile.value().id);
    if (!current) {
        return fail(current.error());
    }
    ReclamationRule r = current.value();
    if (!show) {
        for (const auto& [option, field] : { std::pair { QStringLiteral("threshold-days"), &r.thresholdDays },
                 std::pair { QStringLiteral("grace-days"), &r.graceDays },
                 std::pair { QStringLiteral("notify-days"), &r.notifyDays } }) {
            if (parser.isSet(option)) {
                auto n = number(parser, option);
                if (!n) {
                    return fail(n.error());
                }
                *field = n.value();
            }
        }
        if (parser.isSet(QStringLiteral("roles"))) {
            r.rolesInScope
                = parser.value(QStringLiteral("roles")).split(QLatin1Char(','), Qt::SkipEmptyParts);
            for (QString& role : r.rolesInScope) {
                role = role.trimmed().toLower();
            }
        }
        for (const auto& [option, field] :
            { std::pair { QStringLiteral("include-no-activity"), &r.includeNoActivity },
                std::pair { QStringLiteral("notify"), &r.notifyUser } }) {
            auto v = yesNo(parser, option);
            if (!v) {
                return fail(v.error());
            }
            if (v.value()) {
                *field = *v.value();
            }
        }
        if (auto saved = repository.saveRule(r); !saved) {
            return fail(saved.error());
        }
        m_io.err << tr("Saved the reclamation rule of \"%1\"; it applies from the next sync.")
                        .arg(profile.value().displayName)
                 << Qt::endl;
    }
    m_io.out << tr("Last-activity threshold: %1 days").arg(r.thresholdDays) << Qt::endl
             << tr("Roles in scope: %1 (Account Admins never)").arg(r.rolesInScope.join(QStringLiteral(", ")))
             << Qt::endl
             << tr("Include users with no activity: %1").arg(r.includeNoActivity ? tr("yes") : tr("no"))
             << Qt::endl
             << tr("Grace period for invited and newly seen users: %1 days").arg(r.graceDays) << Qt::endl
             << tr("Notify user: %1")
                    .arg(r.notifyUser ? tr("yes, %1 days before reclamation").arg(r.notifyDays) : tr("no"))
             << Qt::endl;
    finish(ExitOk);
}

void CommandLine::entitlement(const QCommandLineParser& parser, bool list)
{
    auto profile = profileFromOption(parser);
    if (!profile) {
        return fail(profile.error());
    }
    ReclamationRepository repository(*m_database);
    if (!list) {
        Entitlement e;
        e.profileId = profile.value().id;
        const auto seat = SeatTypes::fromCode(parser.value(QStringLiteral("seat")));
        const auto period = Entitlements::periodFromCode(parser.value(QStringLiteral("period")).isEmpty()
                ? QStringLiteral("year")
                : parser.value(QStringLiteral("period")));
        bool priceOk = false;
        e.price = parser.value(QStringLiteral("price")).toDouble(&priceOk);
        auto owned = number(parser, QStringLiteral("owned"));
        if (!seat || !period || !priceOk || !owned || !parser.isSet(QStringLiteral("currency"))) {
            return fail(Error { ErrorCode::InvalidInput,
                tr("entitlement set needs --seat collaborator|reviewer, --owned N, --price AMOUNT (e.g. "
                   "12.50) and "
                   "--currency CODE; --period is year or month."),
                {} });
        }
        e.seatType = *seat;
        e.period = *period;
        e.owned = owned.value();
        e.currency = parser.value(QStringLiteral("currency")).trimmed().toUpper();
        if (auto saved = repository.saveEntitlement(e); !saved) {
            return fail(saved.error());
        }
        m_io.err << tr("Saved: %1 %2 seats at %3 per %4.")
                        .arg(e.owned)
                        .arg(SeatTypes::displayName(e.seatType), money(e.price, e.currency),
                            Entitlements::periodCode(e.period))
                 << Qt::endl;
    }
    auto positions
        = Reclamation::licensePositions(*m_database, profile.value().id, QDateTime::currentDateTime());
    if (!positions) {
        return fail(positions.error());
    }
    for (const LicensePosition& p : positions.value()) {
        m_io.out
            << SeatTypes::code(p.seatType) << '\t' << Licenses::statusCode(p.status) << '\t'
            << tr("assigned %1, owned %2, stale %3, unused %4; spend %5, true-up %6, potential savings %7, "
                  "saved this year %8")
                   .arg(p.assigned)
                   .arg(p.owned)
                   .arg(p.stale)
                   .arg(p.unusedOwned)
                   .arg(money(p.annualSpend, p.currency), money(p.trueUpCost, p.currency),
                       money(p.potentialSavings, p.currency), money(p.actualSavingsYtd, p.currency))
            << Qt::endl;
    }
    finish(ExitOk);
}

void CommandLine::candidate(const QCommandLineParser& parser, const QString& action)
{
    ReclamationRepository repository(*m_database);
    if (action == QLatin1String("list")) {
        auto profile = profileFromOption(parser);
        if (!profile) {
            return fail(profile.error());
        }
        auto list = repository.candidates(profile.value().id);
        if (!list) {
            return fail(list.error());
        }
        for (const RemovalCandidate& c : list.value()) {
            m_io.out << c.displayNumber() << '\t' << Candidates::stateCode(c.state) << '\t' << c.email << '\t'
                     << SeatTypes::code(c.seatType) << '\t' << c.justification << Qt::endl;
        }
        return finish(ExitOk);
    }
    auto n = number(parser, QStringLiteral("number"));
    if (!n) {
        return fail(n.error());
    }
    auto c = repository.candidate(n.value());
    if (!c) {
        return fail(c.error());
    }
    const QString actor = Reclamation::currentActor();
    const QString note = parser.value(QStringLiteral("note"));
    if (action == QLatin1String("recheck")) {
        auto* check = new CandidateCheck(*m_database, *m_tokens, m_network, this);
        connect(check, &CandidateCheck::finished, this, [this](const Result<CandidateFindings>& findings) {
            if (!findings) {
                return fail(findings.error());
            }
            m_io.out << findings.value().text() << Qt::endl;
            finish(ExitOk);
        });
        check->start(c.value().number, actor);
        return;
    }
    if (action == QLatin1String("note")) {
        if (auto added = repository.addNote(c.value().number, actor, note); !added) {
            return fail(added.error());
        }
    } else if (action == QLatin1String("notice")) {
        auto r = repository.rule(c.value().profileId);
        if (!r) {
            return fail(r.error());
        }
        m_io.out << tr("To: %1").arg(c.value().email) << Qt::endl
                 << tr("Subject: %1").arg(Reclaim::noticeSubject(c.value())) << Qt::endl
                 << Qt::endl
                 << Reclaim::noticeBody(c.value(), r.value()) << Qt::endl
                 << Qt::endl
                 << Reclaim::mailtoLink(c.value(), r.value()) << Qt::endl;
        return finish(ExitOk);
    } else if (action != QLatin1String("show")) {
        static const QHash<QString, CandidateAction> actions = {
            { QStringLiteral("reclaim"), CandidateAction::Reclaim },
            { QStringLiteral("ready"), CandidateAction::DataFixed },
            { QStringLiteral("skip"), CandidateAction::Skip },
            { QStringLiteral("close"), CandidateAction::Close },
            { QStringLiteral("keep"), CandidateAction::UserKeeps },
            { QStringLiteral("release"), CandidateAction::UserReleases },
            { QStringLiteral("approve"), CandidateAction::Approve },
            { QStringLiteral("decline"), CandidateAction::Decline },
        };
        auto moved = repository.apply(c.value().number, actions.value(action), actor, note);
        if (!moved) {
            return fail(moved.error());
        }
        c = moved.value();
        m_io.err << tr("%1 is now %2.")
                        .arg(c.value().displayNumber(), Candidates::stateDisplayName(c.value().state))
                 << Qt::endl;
    }
    const RemovalCandidate& rc = c.value();
    m_io.out << rc.displayNumber() << ' ' << rc.email << ' ' << Candidates::stateDisplayName(rc.state)
             << Qt::endl
             << tr("Justification: %1").arg(rc.justification) << Qt::endl;
    for (const CandidateEvent& e : repository.history(rc.number).value_or({})) {
        m_io.out << e.at.toUTC().toString(Qt::ISODate) << '\t' << e.actor << '\t' << e.action << '\t'
                 << (e.to ? Candidates::stateCode(*e.to) : QString()) << '\t' << e.note << Qt::endl;
    }
    finish(ExitOk);
}

void CommandLine::reclaim(const QCommandLineParser& parser)
{
    auto profile = profileFromOption(parser);
    if (!profile) {
        return fail(profile.error());
    }
    const IntegrationProfile p = profile.value();
    ReclaimOptions options;
    options.dryRun = !parser.isSet(QStringLiteral("yes"));
    options.actor = Reclamation::currentActor();
    if (parser.isSet(QStringLiteral("max"))) {
        options.max = parser.value(QStringLiteral("max")).toInt();
    }
    const auto run = [this, p, options](const QString& token) {
        auto* job = new ReclaimJob(*m_database, p, token, options, this);
        if (m_io.errIsTerminal) {
            connect(job, &ReclaimJob::progress, this, [this](int done, int total) {
                m_io.err << tr("\r%1 of %2 candidates").arg(done).arg(total);
                m_io.err.flush();
            });
        }
        connect(job, &ReclaimJob::finished, this, [this, options](const ReclaimOutcome& outcome) {
            if (!options.dryRun && m_io.errIsTerminal) {
                m_io.err << Qt::endl; // ends the progress line
            }
            for (const ReclaimItem& i : outcome.items) {
                m_io.out << i.candidate.displayNumber() << '\t' << Reclaim::outcomeCode(i.outcome) << '\t'
                         << i.candidate.email << '\t' << SeatTypes::code(i.candidate.seatType) << '\t'
                         << money(i.savings, i.currency) << '\t' << i.message << Qt::endl;
            }
            if (outcome.dryRun) {
                double total = 0;
                for (const ReclaimItem& i : outcome.items) {
                    total += i.outcome == ReclaimItem::Outcome::WouldDeactivate ? i.savings : 0;
                }
                m_io.err << tr("Dry run: %1 would be deactivated, %2 notified first, %3 refused. Nothing was "
                               "changed. Run again with --yes to reclaim.")
                                .arg(outcome.count(ReclaimItem::Outcome::WouldDeactivate))
                                .arg(outcome.count(ReclaimItem::Outcome::WouldNotify))
                                .arg(outcome.count(ReclaimItem::Outcome::Refused))
                         << Qt::endl;
            } else {
                m_io.err << tr(
                    "Deactivated %1; canceled %2 (active again); attention required %3; notified %4.")
                                .arg(outcome.count(ReclaimItem::Outcome::Deactivated)
                                    + outcome.count(ReclaimItem::Outcome::AlreadyDeactivated))
                                .arg(outcome.count(ReclaimItem::Outcome::Canceled))
                                .arg(outcome.count(ReclaimItem::Outcome::NeedsAttention)
                                    + outcome.count(ReclaimItem::Outcome::Unknown))
                                .arg(outcome.count(ReclaimItem::Outcome::Notified))
                         << Qt::endl;
            }
            if (outcome.error) {
                return fail(*outcome.error);
            }
            finish(ExitOk);
        });
        job->start();
    };
    if (options.dryRun) {
        return run({}); // plans from stored data only: no token, no network
    }
    m_tokens->read(p.tokenKey, [this, run](Result<QString> token) {
        if (!token) {
            return fail(token.error());
        }
        run(token.value());
    });
}

} // namespace rmsam
