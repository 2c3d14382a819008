// notify smtp set|show|clear and notify test: the organisation's SMTP relay that notices go
// through. The password is read from standard input only (--password-stdin) and never printed.

#include "cli/Command.h"
#include "cli/CommandRegistry.h"
#include "cli/SecretInput.h"
#include "services/MailService.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>

namespace rmsam {
namespace {

using Security = SmtpSettings::Security;

int defaultPort(Security security)
{
    return security == Security::Tls ? 465 : security == Security::None ? 25 : 587;
}

// The settings the options give; InvalidInput for a value that is not a number.
Result<SmtpSettings> settingsFrom(const QCommandLineParser& p)
{
    SmtpSettings s;
    s.host = p.value(QStringLiteral("host")).trimmed();
    s.security = securityFromName(p.value(QStringLiteral("security"))).value_or(Security::StartTls);
    s.port = defaultPort(s.security);
    if (p.isSet(QStringLiteral("port"))) {
        auto port = CommandSyntax::number(p, QStringLiteral("port"));
        if (!port) {
            return port.error();
        }
        s.port = port.value();
    }
    s.from = p.value(QStringLiteral("from")).trimmed();
    s.replyTo = p.value(QStringLiteral("reply-to")).trimmed();
    s.user = p.value(QStringLiteral("user")).trimmed();
    const QString caFile = p.value(QStringLiteral("ca-file")).trimmed();
    s.caFile = caFile.isEmpty() ? QString() : QFileInfo(caFile).absoluteFilePath();
    if (p.isSet(QStringLiteral("per-minute"))) {
        auto perMinute = CommandSyntax::number(p, QStringLiteral("per-minute"));
        if (!perMinute) {
            return perMinute.error();
        }
        s.perMinute = perMinute.value();
    }
    return s;
}

class NotifySmtpSet final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(rmsam::CommandLine)

public:
    NotifySmtpSet()
        : Command(QStringLiteral("notify smtp set"),
            QT_TRANSLATE_NOOP("rmsam::CommandLine",
                "Set up e-mail through your organisation's SMTP relay (replaces the settings; owners "
                "only on a team database)."),
            { { QStringLiteral("host"), QStringLiteral("HOST"),
                  QT_TRANSLATE_NOOP("rmsam::CommandLine", "The SMTP relay's host name."),
                  Presence::Required },
                { QStringLiteral("port"), QStringLiteral("PORT"),
                    QT_TRANSLATE_NOOP("rmsam::CommandLine", "Its port (default 587, 465 with tls).") },
                { QStringLiteral("security"), QStringLiteral("starttls|tls|none"),
                    QT_TRANSLATE_NOOP("rmsam::CommandLine",
                        "STARTTLS (default), TLS from the start, or none (only to localhost).") },
                { QStringLiteral("from"), QStringLiteral("ADDR"),
                    QT_TRANSLATE_NOOP("rmsam::CommandLine", "The sender address."), Presence::Required },
                { QStringLiteral("reply-to"), QStringLiteral("ADDR"),
                    QT_TRANSLATE_NOOP("rmsam::CommandLine", "The admin mailbox users reply to.") },
                { QStringLiteral("user"), QStringLiteral("USER"),
                    QT_TRANSLATE_NOOP("rmsam::CommandLine", "Log in to the relay as USER.") },
                { QStringLiteral("password-stdin"), {},
                    QT_TRANSLATE_NOOP("rmsam::CommandLine",
                        "Read the relay's password from standard input and keep it in the OS keychain.") },
                { QStringLiteral("ca-file"), QStringLiteral("PEM"),
                    QT_TRANSLATE_NOOP("rmsam::CommandLine",
                        "Trust the relay's certificate through this CA bundle (a private CA).") },
                { QStringLiteral("per-minute"), QStringLiteral("N"),
                    QT_TRANSLATE_NOOP(
                        "rmsam::CommandLine", "Send at most N messages a minute (default 30).") } })
    { }

    void run(CommandContext& c) const override;

protected:
    bool acceptsValues(const QCommandLineParser& p) const override
    {
        return !p.isSet(QStringLiteral("security"))
            || securityFromName(p.value(QStringLiteral("security"))).has_value();
    }
};

void NotifySmtpSet::run(CommandContext& c) const
{
    auto settings = settingsFrom(c.parser);
    if (!settings) {
        return c.fail(settings.error());
    }
    if (auto valid = validate(settings.value()); !valid) {
        return c.fail(valid.error());
    }
    std::optional<QString> password;
    if (c.parser.isSet(QStringLiteral("password-stdin"))) {
        if (settings.value().user.isEmpty()) {
            return c.fail(Error { ErrorCode::InvalidInput, tr("--password-stdin needs --user."), {} });
        }
        if (c.io.inIsTerminal) {
            c.io.err << tr("Password for %1 (input is hidden): ").arg(settings.value().user);
            c.io.err.flush();
        }
        password = SecretInput::read(c.io.in, c.io.inIsTerminal).trimmed();
        if (c.io.inIsTerminal) {
            c.io.err << Qt::endl;
        }
        if (password->isEmpty()) {
            return c.fail(Error { ErrorCode::InvalidInput, tr("No password on standard input."), {} });
        }
    }
    c.mail.save(settings.value(), password, [&c, s = settings.value(), password](Result<void> saved) {
        if (!saved) {
            return c.fail(saved.error());
        }
        c.io.err << tr("E-mail goes through %1:%2 (%3) from %4.")
                        .arg(s.host)
                        .arg(s.port)
                        .arg(securityName(s.security), s.from)
                 << Qt::endl;
        if (password) {
            c.io.err << tr("Stored the password for %1 in the OS keychain.").arg(s.user) << Qt::endl;
        }
        c.finish(ExitOk);
    });
}

class NotifySmtpShow final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(rmsam::CommandLine)

public:
    NotifySmtpShow()
        : Command(QStringLiteral("notify smtp show"),
            QT_TRANSLATE_NOOP("rmsam::CommandLine",
                "Show the e-mail settings and whether this computer's keychain holds the password."),
            {})
    { }

    void run(CommandContext& c) const override;
};

void NotifySmtpShow::run(CommandContext& c) const
{
    auto settings = c.mail.settings();
    if (!settings) {
        return c.fail(settings.error());
    }
    const SmtpSettings s = settings.value();
    if (!s.isSet()) {
        c.io.out << tr("E-mail is not set up. Set it up with `notify smtp set` or in Settings › E-mail.")
                 << Qt::endl;
        return c.finish(ExitOk);
    }
    c.mail.passwordStored(s, [&c, s](Result<bool> stored) {
        const QString none = tr("(none)");
        QString password = tr("not needed (no user)");
        if (!s.user.isEmpty()) {
            password = !stored   ? stored.error().message
                : stored.value() ? tr("stored in this computer's keychain")
                                 : tr("not stored on this computer");
        }
        c.io.out << tr("Host:") << QLatin1Char(' ') << s.host << Qt::endl
                 << tr("Port:") << QLatin1Char(' ') << s.port << Qt::endl
                 << tr("Security:") << QLatin1Char(' ') << securityName(s.security) << Qt::endl
                 << tr("From:") << QLatin1Char(' ') << s.from << Qt::endl
                 << tr("Reply-To:") << QLatin1Char(' ') << (s.replyTo.isEmpty() ? none : s.replyTo)
                 << Qt::endl
                 << tr("User:") << QLatin1Char(' ') << (s.user.isEmpty() ? none : s.user) << Qt::endl
                 << tr("Password:") << QLatin1Char(' ') << password << Qt::endl
                 << tr("CA file:") << QLatin1Char(' ') << (s.caFile.isEmpty() ? tr("(system CAs)") : s.caFile)
                 << Qt::endl
                 << tr("Messages per minute:") << QLatin1Char(' ') << s.perMinute << Qt::endl;
        c.finish(ExitOk);
    });
}

class NotifySmtpClear final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(rmsam::CommandLine)

public:
    NotifySmtpClear()
        : Command(QStringLiteral("notify smtp clear"),
            QT_TRANSLATE_NOOP("rmsam::CommandLine",
                "Forget the e-mail settings, and the relay's password in this computer's keychain."),
            {})
    { }

    void run(CommandContext& c) const override
    {
        c.mail.clear([&c](Result<void> cleared) {
            if (!cleared) {
                return c.fail(cleared.error());
            }
            c.io.err << tr("E-mail is not set up now.") << Qt::endl;
            c.finish(ExitOk);
        });
    }
};

int exitCodeFor(SendOutcome::Status status)
{
    switch (status) {
    case SendOutcome::Status::Sent:
        return ExitOk;
    case SendOutcome::Status::Rejected:
        return rmsam::exitCodeFor(ErrorCode::InvalidInput);
    case SendOutcome::Status::Temporary:
        return rmsam::exitCodeFor(ErrorCode::Timeout);
    case SendOutcome::Status::Unavailable:
        return rmsam::exitCodeFor(ErrorCode::Unreachable);
    }
    return ExitFailure;
}

class NotifyTest final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(rmsam::CommandLine)

public:
    NotifyTest()
        : Command(QStringLiteral("notify test"),
            QT_TRANSLATE_NOOP("rmsam::CommandLine", "Send a short test message through the SMTP relay."),
            { { QStringLiteral("to"), QStringLiteral("ADDR"),
                QT_TRANSLATE_NOOP("rmsam::CommandLine", "The address to send it to."), Presence::Required } })
    { }

    void run(CommandContext& c) const override;
};

void NotifyTest::run(CommandContext& c) const
{
    const QString to = c.parser.value(QStringLiteral("to")).trimmed();
    if (auto recipient = MailService::checkRecipient(to); !recipient) {
        return c.fail(recipient.error());
    }
    c.mail.sender([&c, to](Result<SmtpSender> sender) {
        if (!sender) {
            return c.fail(sender.error());
        }
        // Blocking (at most a minute): the command has nothing else to do meanwhile.
        const SendOutcome sent = sender.value().send(MailService::testMessage(sender.value().settings(), to));
        if (sent.status != SendOutcome::Status::Sent) {
            c.io.err << sent.message << Qt::endl;
            if (!sent.serverReply.isEmpty()) {
                c.io.err << tr("The relay said: %1").arg(sent.serverReply) << Qt::endl;
            }
            return c.finish(exitCodeFor(sent.status));
        }
        c.io.out << tr("Sent a test message to %1 (%2).").arg(to, sent.messageId) << Qt::endl;
        c.finish(ExitOk);
    });
}

} // namespace

QList<const Command*> notifySmtpCommands()
{
    static const NotifySmtpSet set;
    static const NotifySmtpShow show;
    static const NotifySmtpClear clear;
    static const NotifyTest test;
    return { &set, &show, &clear, &test };
}

} // namespace rmsam
