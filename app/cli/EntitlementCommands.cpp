// The entitlement commands: the seats owned and their price, the contract's term, the license
// position with the renewal advice, and the renewal reminders (60, 30 and 7 days before the
// cancel-by date), through ReclamationService.

#include "cli/Command.h"
#include "cli/CommandRegistry.h"
#include "core/Renewal.h"
#include "core/TeamAccess.h"
#include "services/MailService.h"
#include "services/ReclamationService.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QMap>

namespace rmsam {
namespace {

using CommandSyntax::money;

// Every currency the year's savings were realised in, never added up: "USD 240.00 + EUR 400.00".
QString savedText(const LicensePosition& p)
{
    const QMap<QString, double> saved = Licenses::savingsYtdByCurrency(p);
    return saved.isEmpty() ? QStringLiteral("-") : Licenses::moneyText(saved);
}

// A date option: YYYY-MM-DD, or "none" (an invalid date) to clear it.
Result<QDate> dateOption(const QCommandLineParser& parser, const QString& name)
{
    const QString text = parser.value(name).trimmed();
    if (text.compare(QLatin1String("none"), Qt::CaseInsensitive) == 0) {
        return QDate();
    }
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (!date.isValid() || text.size() != 10) {
        return Error { ErrorCode::InvalidInput,
            QCoreApplication::translate(
                "rmsam::CommandLine", "--%1 takes a date as YYYY-MM-DD (or none), not \"%2\".")
                .arg(name, text),
            {} };
    }
    return date;
}

// The contract's term options of entitlement set over what `e` holds (the stored term): an
// option left out keeps its value.
Result<void> applyTerm(const QCommandLineParser& parser, Entitlement& e)
{
    for (const auto& [option, field] : { std::pair { QStringLiteral("term-start"), &e.termStart },
             std::pair { QStringLiteral("renewal"), &e.renewal } }) {
        if (parser.isSet(option)) {
            auto date = dateOption(parser, option);
            if (!date) {
                return date.error();
            }
            *field = date.value();
        }
    }
    for (const auto& [option, field] : { std::pair { QStringLiteral("notice-days"), &e.noticeDays },
             std::pair { QStringLiteral("buffer-percent"), &e.bufferPercent } }) {
        if (parser.isSet(option)) {
            auto n = CommandSyntax::number(parser, option);
            if (!n) {
                return n.error();
            }
            *field = n.value();
        }
    }
    return {};
}

// Per seat type with a renewal date: "renewal 2027-03-31, cancel by 2027-02-28 (in 90 days):
// recommended 18 seats (15 active + 10 %), saves USD 1,200.00 a year"
QString renewalText(const RenewalAdvice& a, int bufferPercent)
{
    const int days = a.daysUntilCancelBy;
    const int seats = a.recommended;
    const QString when = days >= 0
        ? QCoreApplication::translate("rmsam::CommandLine", "in %n day(s)", nullptr, days)
        : QCoreApplication::translate("rmsam::CommandLine", "passed %n day(s) ago", nullptr, -days);
    return QCoreApplication::translate("rmsam::CommandLine",
        "renewal %1, cancel by %2 (%3): recommended %4 (%5 active + %6 %), saves %7 a year")
        .arg(a.renewal.toString(Qt::ISODate), a.cancelBy.toString(Qt::ISODate), when,
            QCoreApplication::translate("rmsam::CommandLine", "%n seat(s)", nullptr, seats))
        .arg(a.activeSeats)
        .arg(bufferPercent)
        .arg(money(a.annualSaving, a.currency));
}

class EntitlementList final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(rmsam::CommandLine)

public:
    EntitlementList()
        : Command(QStringLiteral("entitlement list"),
            QT_TRANSLATE_NOOP("rmsam::CommandLine", "Show the license position per seat type."),
            { CommandSyntax::profile() })
    { }

    void run(CommandContext& c) const override;
    static void print(CommandContext& c, qint64 profileId);
};

void EntitlementList::run(CommandContext& c) const
{
    auto profile = c.profileFromOption();
    if (!profile) {
        return c.fail(profile.error());
    }
    print(c, profile.value().id);
}

void EntitlementList::print(CommandContext& c, qint64 profileId)
{
    auto positions = c.reclamation.licensePositions(profileId);
    if (!positions) {
        return c.fail(positions.error());
    }
    auto entitlements = c.reclamation.entitlements(profileId);
    if (!entitlements) {
        return c.fail(entitlements.error());
    }
    QMap<SeatType, int> bufferPercents;
    for (const Entitlement& e : entitlements.value()) {
        bufferPercents.insert(e.seatType, e.bufferPercent);
    }
    for (const LicensePosition& p : positions.value()) {
        c.io.out
            << SeatTypes::code(p.seatType) << '\t' << Licenses::statusCode(p.status) << '\t'
            << tr("assigned %1, owned %2, stale %3, unused %4; spend %5, true-up %6, potential savings %7, "
                  "saved this year %8")
                   .arg(p.assigned)
                   .arg(p.owned)
                   .arg(p.stale)
                   .arg(p.unusedOwned)
                   .arg(money(p.annualSpend, p.currency), money(p.trueUpCost, p.currency),
                       money(p.potentialSavings, p.currency), savedText(p))
            << Qt::endl;
        if (p.renewal) {
            c.io.out << SeatTypes::code(p.seatType) << '\t' << QStringLiteral("renewal") << '\t'
                     << renewalText(
                            *p.renewal, bufferPercents.value(p.seatType, Entitlement::DefaultBufferPercent))
                     << Qt::endl;
        }
    }
    c.finish(ExitOk);
}

class EntitlementSet final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(rmsam::CommandLine)

public:
    EntitlementSet()
        : Command(QStringLiteral("entitlement set"),
            QT_TRANSLATE_NOOP("rmsam::CommandLine", "Set the seats owned of a seat type and their price."),
            {
                CommandSyntax::profile(),
                { QStringLiteral("seat"), QStringLiteral("collaborator|reviewer"),
                    QT_TRANSLATE_NOOP("rmsam::CommandLine", "collaborator or reviewer"), Presence::Required },
                { QStringLiteral("owned"), QStringLiteral("N"),
                    QT_TRANSLATE_NOOP("rmsam::CommandLine", "Seats owned."), Presence::Required },
                { QStringLiteral("price"), QStringLiteral("AMOUNT"),
                    QT_TRANSLATE_NOOP("rmsam::CommandLine", "Price per seat and period."),
                    Presence::Required },
                { QStringLiteral("currency"), QStringLiteral("CODE"),
                    QT_TRANSLATE_NOOP("rmsam::CommandLine", "ISO 4217 code, e.g. USD, JPY."),
                    Presence::Required },
                { QStringLiteral("period"), QStringLiteral("year|month"),
                    QT_TRANSLATE_NOOP("rmsam::CommandLine", "year (default) or month") },
                { QStringLiteral("term-start"), QStringLiteral("YYYY-MM-DD"),
                    QT_TRANSLATE_NOOP("rmsam::CommandLine", "When the contract's term started, or none.") },
                { QStringLiteral("renewal"), QStringLiteral("YYYY-MM-DD"),
                    QT_TRANSLATE_NOOP("rmsam::CommandLine", "When the contract renews, or none.") },
                { QStringLiteral("notice-days"), QStringLiteral("N"),
                    QT_TRANSLATE_NOOP("rmsam::CommandLine",
                        "Days before the renewal by which a reduction must be requested.") },
                { QStringLiteral("buffer-percent"), QStringLiteral("N"),
                    QT_TRANSLATE_NOOP("rmsam::CommandLine",
                        "Seats to keep above those in use at renewal, in percent (default 10).") },
            })
    { }

    void run(CommandContext& c) const override;
};

void EntitlementSet::run(CommandContext& c) const
{
    if (!c.permits(TeamAction::Entitlements)) {
        return;
    }
    const QCommandLineParser& parser = c.parser;
    auto profile = c.profileFromOption();
    if (!profile) {
        return c.fail(profile.error());
    }
    Entitlement e;
    e.profileId = profile.value().id;
    const auto seat = SeatTypes::fromCode(parser.value(QStringLiteral("seat")));
    const auto period = Entitlements::periodFromCode(parser.value(QStringLiteral("period")).isEmpty()
            ? QStringLiteral("year")
            : parser.value(QStringLiteral("period")));
    bool priceOk = false;
    e.price = parser.value(QStringLiteral("price")).toDouble(&priceOk);
    auto owned = CommandSyntax::number(parser, QStringLiteral("owned"));
    if (!seat || !period || !priceOk || !owned || !parser.isSet(QStringLiteral("currency"))) {
        return c.fail(Error { ErrorCode::InvalidInput,
            tr("entitlement set needs --seat collaborator|reviewer, --owned N, --price AMOUNT (e.g. "
               "12.50) and "
               "--currency CODE; --period is year or month."),
            {} });
    }
    e.seatType = *seat;
    e.period = *period;
    e.owned = owned.value();
    e.currency = parser.value(QStringLiteral("currency")).trimmed().toUpper();
    // Read and written in one go, still through the version check: a change by someone else in
    // between is refused, not overwritten.
    auto stored = c.reclamation.entitlements(e.profileId);
    if (!stored) {
        return c.fail(stored.error());
    }
    for (const Entitlement& s : stored.value()) {
        if (s.seatType == e.seatType) {
            e.rowVersion = s.rowVersion;
            e.termStart = s.termStart;
            e.renewal = s.renewal;
            e.noticeDays = s.noticeDays;
            e.bufferPercent = s.bufferPercent;
        }
    }
    if (auto term = applyTerm(parser, e); !term) {
        return c.fail(term.error());
    }
    if (auto saved = c.reclamation.saveEntitlement(e); !saved) {
        return c.fail(saved.error());
    }
    c.io.err << tr("Saved: %1 %2 seats at %3 per %4.")
                    .arg(e.owned)
                    .arg(SeatTypes::displayName(e.seatType), money(e.price, e.currency),
                        Entitlements::periodCode(e.period))
             << Qt::endl;
    EntitlementList::print(c, profile.value().id);
}

class EntitlementRemind final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(rmsam::CommandLine)

public:
    EntitlementRemind()
        : Command(QStringLiteral("entitlement remind"),
            QT_TRANSLATE_NOOP("rmsam::CommandLine",
                "Give the renewal reminders due (60, 30 and 7 days before a cancel-by date), each "
                "once, and e-mail them to the admin mailbox when e-mail is set up; for a daily cron "
                "job where the app does not run."),
            {})
    { }

    void run(CommandContext& c) const override;
};

void EntitlementRemind::run(CommandContext& c) const
{
    auto due = c.reclamation.claimRenewalReminders(QDateTime::currentDateTime());
    if (!due) {
        return c.fail(due.error());
    }
    for (const RenewalReminder& r : due.value()) {
        c.io.out << r.profileName << '\t' << SeatTypes::code(r.advice.seatType) << '\t' << r.daysBefore
                 << '\t' << Renewals::reminderText(r.profileName, r.advice) << Qt::endl;
    }
    if (due.value().isEmpty()) {
        c.io.err << tr("No renewal reminder is due.") << Qt::endl;
        return c.finish(ExitOk);
    }
    // Also to the admin mailbox when e-mail is set up. Blocking (at most a minute): the command
    // has nothing else to do meanwhile.
    c.mail.sender([&c, reminders = due.value()](Result<SmtpSender> sender) {
        if (!sender) {
            return sender.error().code == ErrorCode::InvalidState ? c.finish(ExitOk) : c.fail(sender.error());
        }
        const MailMessage message = MailService::adminMessage(sender.value().settings(),
            RenewalReminders::mailSubject(), RenewalReminders::mailBody(reminders));
        const SendOutcome sent = sender.value().send(message);
        if (sent.status != SendOutcome::Status::Sent) {
            return c.fail(Error { ErrorCode::Unreachable,
                tr("The reminders were not e-mailed: %1").arg(sent.message), sent.serverReply });
        }
        c.io.err << tr("E-mailed the reminders to %1.").arg(message.to) << Qt::endl;
        c.finish(ExitOk);
    });
}

} // namespace

QList<const Command*> entitlementCommands()
{
    static const EntitlementList entitlementList;
    static const EntitlementSet entitlementSet;
    static const EntitlementRemind entitlementRemind;
    static const QList<const Command*> commands = { &entitlementList, &entitlementSet, &entitlementRemind };
    return commands;
}

} // namespace rmsam
