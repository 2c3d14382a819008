// The profile life-cycle commands: profile create|list|show|delete, token set|clear, validate,
// publish. The data commands are in DataCommands.cpp, the reclamation commands in
// ReclaimCommands.cpp and CandidateCommands.cpp; CommandLine.cpp finds and starts them.

#include "cli/Command.h"
#include "cli/CommandRegistry.h"
#include "cli/SecretInput.h"
#include "core/ProfileRules.h"
#include "core/TeamAccess.h"
#include "services/ProfileService.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace rmsam {
namespace {

QString isoOrEmpty(const QDateTime& when)
{
    return when.isValid() ? when.toUTC().toString(Qt::ISODate) : QString();
}

QJsonObject toJson(const IntegrationProfile& p)
{
    auto dateOrNull
        = [](const QDateTime& when) { return when.isValid() ? QJsonValue(isoOrEmpty(when)) : QJsonValue(); };
    return QJsonObject {
        { QStringLiteral("id"), p.id },
        { QStringLiteral("displayName"), p.displayName },
        { QStringLiteral("status"), statusCode(p.status) },
        { QStringLiteral("profileType"), profileTypeName() },
        { QStringLiteral("region"), Regions::code(p.region) },
        { QStringLiteral("connectionUrl"), p.connectionUrl().toString() },
        { QStringLiteral("downloadSubscriptions"), true },
        { QStringLiteral("downloadActivity"), p.downloadActivity },
        { QStringLiteral("analyzeActivityFrom"), p.analyzeActivityFrom.toString(Qt::ISODate) },
        { QStringLiteral("reclaimSubscriptions"), p.reclaimSubscriptions },
        { QStringLiteral("maxInFlight"), p.maxInFlight },
        { QStringLiteral("reportMaxAgeDays"), p.reportMaxAgeDays },
        { QStringLiteral("maxResponseMb"), p.maxResponseMb },
        { QStringLiteral("noticeLanguage"), Notices::languageCode(p.noticeLanguage) },
        { QStringLiteral("tokenSetAt"), dateOrNull(p.tokenSetAt) },
        { QStringLiteral("validatedAt"), dateOrNull(p.validatedAt) },
        { QStringLiteral("roadmunkAccountId"),
            p.roadmunkAccountId.isEmpty() ? QJsonValue() : QJsonValue(p.roadmunkAccountId) },
        { QStringLiteral("publishedAt"), dateOrNull(p.publishedAt) },
        { QStringLiteral("createdAt"), dateOrNull(p.createdAt) },
    };
}

QString onOff(bool on)
{
    return on ? CommandLine::tr("on") : CommandLine::tr("off");
}

// The argument of profile show and profile delete.
CommandArgument profileArgument()
{
    return { QStringLiteral("NAME"),
        QT_TRANSLATE_NOOP("rmsam::CommandLine", "The profile, by Display Name or id.") };
}

class ProfileCreate final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(rmsam::CommandLine)

public:
    ProfileCreate()
        : Command(QStringLiteral("profile create"),
            QT_TRANSLATE_NOOP("rmsam::CommandLine", "Create an integration profile, as a Draft."),
            {
                { QStringLiteral("name"), QStringLiteral("NAME"),
                    QT_TRANSLATE_NOOP("rmsam::CommandLine", "Display Name of the new profile."),
                    Presence::Required },
                { QStringLiteral("region"), QStringLiteral("app|eu|apac"),
                    QT_TRANSLATE_NOOP("rmsam::CommandLine", "app (North America, default), eu or apac.") },
                { QStringLiteral("endpoint"), QStringLiteral("URL"),
                    QT_TRANSLATE_NOOP("rmsam::CommandLine", "Loopback sandbox URL instead of a region.") },
                { QStringLiteral("no-activity"), {},
                    QT_TRANSLATE_NOOP("rmsam::CommandLine", "Clear Download activity.") },
                { QStringLiteral("no-reclaim"), {},
                    QT_TRANSLATE_NOOP("rmsam::CommandLine", "Clear Reclaim subscriptions.") },
                { QStringLiteral("analyze-from"), QStringLiteral("YYYY-MM-DD"),
                    QT_TRANSLATE_NOOP("rmsam::CommandLine", "Analyze user activity from this date.") },
                CommandSyntax::json(),
            })
    { }

    void run(CommandContext& c) const override;
};

void ProfileCreate::run(CommandContext& c) const
{
    if (!c.permits(TeamAction::Profiles)) {
        return;
    }
    const QCommandLineParser& parser = c.parser;
    ProfileInput input;
    input.displayName = parser.value(QStringLiteral("name"));
    if (parser.isSet(QStringLiteral("region"))) {
        const auto region = Regions::fromCode(parser.value(QStringLiteral("region")));
        if (!region) {
            return c.fail(Error { ErrorCode::InvalidInput,
                tr("Unknown region \"%1\". Use app (North America), eu (Europe) or apac (Asia-Pacific).")
                    .arg(parser.value(QStringLiteral("region"))),
                {} });
        }
        input.region = *region;
    }
    if (parser.isSet(QStringLiteral("endpoint"))) {
        input.endpointOverride = QUrl(parser.value(QStringLiteral("endpoint")), QUrl::StrictMode);
        if (!input.endpointOverride.isValid() || input.endpointOverride.isEmpty()) {
            return c.fail(Error { ErrorCode::InvalidInput, tr("--endpoint is not a valid URL."), {} });
        }
    }
    input.downloadActivity = !parser.isSet(QStringLiteral("no-activity"));
    input.reclaimSubscriptions = !parser.isSet(QStringLiteral("no-reclaim"));
    if (parser.isSet(QStringLiteral("analyze-from"))) {
        input.analyzeActivityFrom
            = QDate::fromString(parser.value(QStringLiteral("analyze-from")), Qt::ISODate);
        if (!input.analyzeActivityFrom.isValid()) {
            return c.fail(Error { ErrorCode::InvalidInput,
                tr("--analyze-from needs a date written YYYY-MM-DD, for example 2026-01-31."), {} });
        }
    }
    auto created = c.profiles.create(input);
    if (!created) {
        return c.fail(created.error());
    }
    const IntegrationProfile& p = created.value();
    if (parser.isSet(QStringLiteral("json"))) {
        c.io.out << QJsonDocument(toJson(p)).toJson(QJsonDocument::Indented);
    } else {
        c.io.out << p.id << Qt::endl;
    }
    c.io.err << tr("Created profile \"%1\" (%2). Next: roadmunk-sam token set --profile \"%1\" < token.txt")
                    .arg(p.displayName, statusCode(p.status))
             << Qt::endl;
    c.finish(ExitOk);
}

class ProfileList final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(rmsam::CommandLine)

public:
    ProfileList()
        : Command(QStringLiteral("profile list"),
            QT_TRANSLATE_NOOP(
                "rmsam::CommandLine", "List the integration profiles: id, status, region, Display Name."),
            { CommandSyntax::json() })
    { }

    void run(CommandContext& c) const override;
};

void ProfileList::run(CommandContext& c) const
{
    const QCommandLineParser& parser = c.parser;
    auto profiles = c.profiles.list();
    if (!profiles) {
        return c.fail(profiles.error());
    }
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const IntegrationProfile& p : profiles.value()) {
            array.append(toJson(p));
        }
        c.io.out << QJsonDocument(array).toJson(QJsonDocument::Indented);
    } else {
        for (const IntegrationProfile& p : profiles.value()) {
            c.io.out << p.id << '\t' << statusCode(p.status) << '\t' << Regions::code(p.region) << '\t'
                     << p.displayName << Qt::endl;
        }
        if (profiles.value().isEmpty()) {
            c.io.err << tr(
                "No integration profiles yet. Create one with: roadmunk-sam profile create --name NAME")
                     << Qt::endl;
        }
    }
    c.finish(ExitOk);
}

class ProfileShow final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(rmsam::CommandLine)

public:
    ProfileShow()
        : Command(QStringLiteral("profile show"),
            QT_TRANSLATE_NOOP("rmsam::CommandLine", "Show an integration profile."),
            { CommandSyntax::json() }, { profileArgument() })
    { }

    void run(CommandContext& c) const override;
};

void ProfileShow::run(CommandContext& c) const
{
    const QCommandLineParser& parser = c.parser;
    const QString& reference = c.arguments.constFirst();
    auto profile = c.profiles.findByReference(reference);
    if (!profile) {
        return c.fail(profile.error());
    }
    const IntegrationProfile& p = profile.value();
    if (parser.isSet(QStringLiteral("json"))) {
        c.io.out << QJsonDocument(toJson(p)).toJson(QJsonDocument::Indented);
        return c.finish(ExitOk);
    }
    const QString never = tr("never");
    c.io.out << tr("Display Name:           %1").arg(p.displayName) << Qt::endl
             << tr("Status:                 %1").arg(statusCode(p.status)) << Qt::endl
             << tr("Profile Type:           %1").arg(profileTypeName()) << Qt::endl
             << tr("Region:                 %1").arg(Regions::code(p.region)) << Qt::endl
             << tr("Connection URL:         %1").arg(p.connectionUrl().toString()) << Qt::endl
             << tr("Download subscriptions: on (always)") << Qt::endl
             << tr("Download activity:      %1 (analyze user activity from %2)")
                    .arg(onOff(p.downloadActivity), p.analyzeActivityFrom.toString(Qt::ISODate))
             << Qt::endl
             << tr("Reclaim subscriptions:  %1").arg(onOff(p.reclaimSubscriptions)) << Qt::endl
             << tr("API token:              %1")
                    .arg(p.tokenSetAt.isValid()
                            ? tr("in the OS keychain since %1").arg(isoOrEmpty(p.tokenSetAt))
                            : tr("not set"))
             << Qt::endl
             << tr("Validated:              %1").arg(p.isValidated() ? isoOrEmpty(p.validatedAt) : never)
             << Qt::endl
             << tr("Published:              %1").arg(p.isPublished() ? isoOrEmpty(p.publishedAt) : never)
             << Qt::endl;
    c.finish(ExitOk);
}

class ProfileDelete final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(rmsam::CommandLine)

public:
    ProfileDelete()
        : Command(QStringLiteral("profile delete"),
            QT_TRANSLATE_NOOP("rmsam::CommandLine", "Delete an integration profile and its API token."), {},
            { profileArgument() })
    { }

    void run(CommandContext& c) const override;
};

void ProfileDelete::run(CommandContext& c) const
{
    if (!c.permits(TeamAction::Profiles)) {
        return;
    }
    const QString& reference = c.arguments.constFirst();
    auto profile = c.profiles.findByReference(reference);
    if (!profile) {
        return c.fail(profile.error());
    }
    const QString name = profile.value().displayName;
    c.profiles.remove(profile.value().id, [&c, name](Result<void> removed) {
        if (!removed) {
            return c.fail(removed.error());
        }
        c.io.err << tr("Deleted profile \"%1\" and its API token.").arg(name) << Qt::endl;
        c.finish(ExitOk);
    });
}

// profile set: what a profile's users get (the other settings have their own commands).
class ProfileSet final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(rmsam::CommandLine)

public:
    ProfileSet()
        : Command(QStringLiteral("profile set"),
            QT_TRANSLATE_NOOP("rmsam::CommandLine", "Change a profile's settings."),
            { CommandSyntax::profile(),
                { QStringLiteral("notice-language"), QStringLiteral("en|ja"),
                    QT_TRANSLATE_NOOP("rmsam::CommandLine",
                        "The language of the notice e-mails its users get: en (English) or ja (Japanese)."),
                    Presence::Required } })
    { }

    void run(CommandContext& c) const override
    {
        if (!c.permits(TeamAction::Profiles)) {
            return;
        }
        auto profile = c.profileFromOption();
        if (!profile) {
            return c.fail(profile.error());
        }
        const auto language = Notices::languageFromCode(c.parser.value(QStringLiteral("notice-language")));
        if (!language) {
            return c.fail(Error {
                ErrorCode::InvalidInput, tr("--notice-language takes en (English) or ja (Japanese)."), {} });
        }
        IntegrationProfile edited = profile.value();
        edited.noticeLanguage = *language;
        auto saved = c.profiles.save(edited);
        if (!saved) {
            return c.fail(saved.error());
        }
        c.io.err << tr("Notice e-mails of \"%1\" are written in %2.")
                        .arg(saved.value().displayName, Notices::languageTable().displayName(*language))
                 << Qt::endl;
        c.finish(ExitOk);
    }
};

class TokenSet final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(rmsam::CommandLine)

public:
    TokenSet()
        : Command(QStringLiteral("token set"),
            QT_TRANSLATE_NOOP("rmsam::CommandLine",
                "Store a profile's API token in the OS keychain, read from standard input."),
            { CommandSyntax::profile() })
    { }

    void run(CommandContext& c) const override;
};

void TokenSet::run(CommandContext& c) const
{
    auto profile = c.profileFromOption();
    if (!profile) {
        return c.fail(profile.error());
    }
    if (c.io.inIsTerminal) {
        c.io.err << tr("Paste the API token for \"%1\" and press Enter (input is hidden): ")
                        .arg(profile.value().displayName);
        c.io.err.flush();
    }
    QString token = SecretInput::read(c.io.in, c.io.inIsTerminal);
    if (c.io.inIsTerminal) {
        c.io.err << Qt::endl;
    }
    const QString name = profile.value().displayName;
    // A published profile keeps its token unless the new one works: say so while it is checked.
    const bool checked = c.profiles.checksTokenFirst(profile.value());
    if (checked) {
        c.io.err << tr("\"%1\" is published: checking the new API token against Roadmunk before storing "
                       "it…")
                        .arg(name)
                 << Qt::endl;
    }
    c.profiles.setToken(profile.value().id, token, [&c, name, checked](Result<void> stored) {
        if (!stored) {
            return c.fail(stored.error());
        }
        c.io.err << (checked ? tr("The new API token works: stored it for \"%1\" in the OS keychain. The "
                                  "profile stays Published.")
                                   .arg(name)
                             : tr("Stored the API token for \"%1\" in the OS keychain. Next: roadmunk-sam "
                                  "validate --profile \"%1\"")
                                   .arg(name))
                 << Qt::endl;
        c.finish(ExitOk);
    });
    token.fill(QLatin1Char('\0'));
}

class TokenClear final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(rmsam::CommandLine)

public:
    TokenClear()
        : Command(QStringLiteral("token clear"),
            QT_TRANSLATE_NOOP("rmsam::CommandLine", "Remove a profile's API token from the OS keychain."),
            { CommandSyntax::profile() })
    { }

    void run(CommandContext& c) const override;
};

void TokenClear::run(CommandContext& c) const
{
    auto profile = c.profileFromOption();
    if (!profile) {
        return c.fail(profile.error());
    }
    const QString name = profile.value().displayName;
    c.profiles.clearToken(profile.value().id, [&c, name](Result<void> cleared) {
        if (!cleared) {
            return c.fail(cleared.error());
        }
        c.io.err << tr("Removed the API token of \"%1\" from the OS keychain.").arg(name) << Qt::endl;
        c.finish(ExitOk);
    });
}

class Validate final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(rmsam::CommandLine)

public:
    Validate()
        : Command(QStringLiteral("validate"),
            QT_TRANSLATE_NOOP(
                "rmsam::CommandLine", "Check the connection to Roadmunk with the profile's API token."),
            { CommandSyntax::profile() })
    { }

    void run(CommandContext& c) const override;
};

void Validate::run(CommandContext& c) const
{
    if (!c.permits(TeamAction::Profiles)) {
        return;
    }
    auto profile = c.profileFromOption();
    if (!profile) {
        return c.fail(profile.error());
    }
    const qint64 id = profile.value().id;
    QObject::connect(&c.profiles, &ProfileService::validationProgress, c.owner,
        [&c](qint64, int step, int total, const QString& text) {
            c.io.err << QStringLiteral("[%1/%2] ").arg(step).arg(total) << text << Qt::endl;
        });
    QObject::connect(&c.profiles, &ProfileService::validationFinished, c.owner,
        [&c, id](qint64 profileId, const Result<ValidationReport>& result) {
            if (profileId != id) {
                return;
            }
            if (!result) {
                return c.fail(result.error());
            }
            const ValidationReport& r = result.value();
            c.io.err << tr(
                "Connection validated: token \"%1\", account \"%2\" (%3). Next: roadmunk-sam publish "
                "--profile NAME")
                            .arg(r.tokenName, r.companyName, r.packageName)
                     << Qt::endl;
            for (const QString& warning : r.warnings) {
                c.io.err << tr("Warning: %1").arg(warning) << Qt::endl;
            }
            c.finish(ExitOk);
        });
    c.profiles.validate(id);
}

class Publish final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(rmsam::CommandLine)

public:
    Publish()
        : Command(QStringLiteral("publish"),
            QT_TRANSLATE_NOOP(
                "rmsam::CommandLine", "Publish a validated profile: its jobs then run on schedule."),
            { CommandSyntax::profile(), CommandSyntax::yes() })
    { }

    void run(CommandContext& c) const override;
};

void Publish::run(CommandContext& c) const
{
    if (!c.permits(TeamAction::Profiles)) {
        return;
    }
    const QCommandLineParser& parser = c.parser;
    auto profile = c.profileFromOption();
    if (!profile) {
        return c.fail(profile.error());
    }
    if (auto allowed = ProfileRules::canPublish(profile.value()); !allowed) {
        return c.fail(allowed.error());
    }
    if (!parser.isSet(QStringLiteral("yes"))) {
        if (!c.io.inIsTerminal) {
            return c.fail(Error { ErrorCode::InvalidInput,
                tr("Publishing \"%1\" needs confirmation: run it in a terminal, or add --yes.")
                    .arg(profile.value().displayName),
                {} });
        }
        c.io.err << tr(
            "Publish \"%1\"? It will start downloading subscriptions and activity on schedule. [y/N] ")
                        .arg(profile.value().displayName);
        c.io.err.flush();
        const QString answer = QString::fromLocal8Bit(c.io.in.readLine()).trimmed().toLower();
        if (answer != QLatin1String("y") && answer != QLatin1String("yes")) {
            c.io.err << tr("Not published.") << Qt::endl;
            return c.finish(ExitFailure);
        }
    }
    auto published = c.profiles.publish(profile.value().id);
    if (!published) {
        return c.fail(published.error());
    }
    c.io.err << tr("Published \"%1\".").arg(published.value().displayName) << Qt::endl;
    c.finish(ExitOk);
}

} // namespace

QList<const Command*> profileCommands()
{
    static const ProfileCreate create;
    static const ProfileList list;
    static const ProfileShow show;
    static const ProfileDelete remove;
    static const ProfileSet set;
    static const TokenSet tokenSet;
    static const TokenClear tokenClear;
    static const Validate validate;
    static const Publish publish;
    return { &create, &list, &show, &set, &remove, &tokenSet, &tokenClear, &validate, &publish };
}

} // namespace rmsam
