#include "cli/Command.h"
#include "cli/CommandRegistry.h"
#include "cli/SecretInput.h"
#include "secrets/TokenStore.h"
#include "services/DatabaseAccess.h"

#include <QCoreApplication>

namespace rmsam {
namespace {

// The team database the command is about, or why there is none.
Result<QString> teamAddress(const KeychainContext& c)
{
    if (!DatabaseAccess::isTeamDatabase(c.location)) {
        return Error { ErrorCode::InvalidInput,
            QCoreApplication::translate("rmsam::CommandLine",
                "A database password is for a team database: give its address with --database "
                "postgresql://USER@HOST:PORT/DBNAME."),
            {} };
    }
    return DatabaseAccess::address(c.location);
}

class DatabasePasswordSet final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(rmsam::CommandLine)

public:
    DatabasePasswordSet()
        : Command(QStringLiteral("database password set"),
            QT_TRANSLATE_NOOP("rmsam::CommandLine",
                "Store the password of the team database (--database URL) in the OS keychain, read "
                "from standard input; it is stored only when the server accepts it."),
            {})
    { }

    bool opensDatabase() const override { return false; }
    void run(CommandContext&) const override { }
    void runWithoutDatabase(KeychainContext& c) const override;
};

void DatabasePasswordSet::runWithoutDatabase(KeychainContext& c) const
{
    auto address = teamAddress(c);
    if (!address) {
        return c.fail(address.error());
    }
    if (c.io.inIsTerminal) {
        c.io.err << tr("Password for %1 (input is hidden): ").arg(address.value());
        c.io.err.flush();
    }
    const QString password = SecretInput::read(c.io.in, c.io.inIsTerminal).trimmed();
    if (c.io.inIsTerminal) {
        c.io.err << Qt::endl;
    }
    // Tried before it is kept: a mistyped password would only fail later, at every command.
    auto tested = DatabaseAccess::test(c.location, password);
    if (!tested) {
        return c.fail(tested.error());
    }
    c.io.err << tested.value() << Qt::endl;
    c.tokens.writeDatabasePassword(
        address.value(), password, [&c, address = address.value()](Result<void> stored) {
            if (!stored) {
                return c.fail(stored.error());
            }
            c.io.err << tr("Stored the password for %1 in the OS keychain.").arg(address) << Qt::endl;
            c.finish(ExitOk);
        });
}

class DatabasePasswordRemove final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(rmsam::CommandLine)

public:
    DatabasePasswordRemove()
        : Command(QStringLiteral("database password remove"),
            QT_TRANSLATE_NOOP("rmsam::CommandLine",
                "Remove the team database's password (--database URL) from the OS keychain."),
            {})
    { }

    bool opensDatabase() const override { return false; }
    void run(CommandContext&) const override { }
    void runWithoutDatabase(KeychainContext& c) const override;
};

void DatabasePasswordRemove::runWithoutDatabase(KeychainContext& c) const
{
    auto address = teamAddress(c);
    if (!address) {
        return c.fail(address.error());
    }
    c.tokens.removeDatabasePassword(address.value(), [&c, address = address.value()](Result<void> removed) {
        if (!removed) {
            return c.fail(removed.error());
        }
        c.io.err << tr("No password for %1 is kept in the OS keychain now.").arg(address) << Qt::endl;
        c.finish(ExitOk);
    });
}

} // namespace

QList<const Command*> databasePasswordCommands()
{
    static const DatabasePasswordSet set;
    static const DatabasePasswordRemove remove;
    return { &set, &remove };
}

} // namespace rmsam
