// roadmunk-sam: the GUI, or a headless command when the command line holds a word.

#include "DesktopApplication.h"
#include "cli/CommandLine.h"
#include "sandbox/SandboxCommand.h"
#include "sandbox/SandboxServer.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QStyleFactory>
#include <QTextStream>
#include <QTimer>
#include <QTranslator>
#include <algorithm>
#include <cstdio>
#include <memory>
#include <optional>

#if defined(Q_OS_UNIX)
#include <unistd.h>
#elif defined(Q_OS_WIN)
#include <io.h>
#endif

namespace {

const QString KeychainService = QStringLiteral("roadmunk-sam");
const QString DemoKeychainService = QStringLiteral("roadmunk-sam-demo");

QLoggingCategory::CategoryFilter defaultCategoryFilter = nullptr;

// Qt HTTP Server's debug output prints each request with its headers, Authorization included.
// The sandbox runs on it (the sandbox command and the demo), so that output stays off whatever
// QT_LOGGING_RULES say: no token in a log at any verbosity.
void withoutRequestDumps(QLoggingCategory* category)
{
    defaultCategoryFilter(category);
    if (qstrcmp(category->categoryName(), "qt.httpserver") == 0) {
        category->setEnabled(QtDebugMsg, false);
        category->setEnabled(QtInfoMsg, false);
    }
}

void setApplicationNames()
{
    QCoreApplication::setOrganizationName(QString());
    QCoreApplication::setApplicationName(QStringLiteral("roadmunk-sam"));
    QCoreApplication::setApplicationVersion(QStringLiteral(RMSAM_VERSION));
}

// --lang CODE (or --lang=CODE), taken out of the arguments: it applies to the GUI and to every
// command. Empty when not given.
QString takeLanguageOption(QStringList& arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString& a = arguments.at(i);
        if (a.startsWith(QLatin1String("--lang="))) {
            const QString code = a.mid(7);
            arguments.removeAt(i);
            return code;
        }
        if (a == QLatin1String("--lang") && i + 1 < arguments.size()) {
            const QString code = arguments.at(i + 1);
            arguments.remove(i, 2);
            return code;
        }
    }
    return {};
}

// Follows the system locale unless --lang or the GUI's language setting says otherwise; dates,
// numbers and currency amounts follow the same locale. Qt's own strings (qtbase) come along.
void installTranslations(QCoreApplication& app, const QString& languageOption)
{
    QString language = languageOption;
    if (language.isEmpty()) {
        language = QSettings().value(QStringLiteral("language")).toString();
    }
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    QLocale::setDefault(locale);
    // English is the source language, but its singular and plural ("1 row", "2 rows") come from
    // roadmunk-sam_en like any translation; the C/POSIX locale reads English too.
    const QLocale messages = locale.language() == QLocale::C ? QLocale(QLocale::English) : locale;
    auto* ours = new QTranslator(&app);
    if (ours->load(messages, QStringLiteral("roadmunk-sam"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(ours);
    }
    auto* qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
            QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
    }
}

// The team database chosen under Settings › Database; empty for the data folder.
QString savedDatabase()
{
    return QSettings().value(QStringLiteral("database")).toString();
}

QStringList argumentsOf(int argc, char** argv)
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i) {
        arguments.append(QString::fromLocal8Bit(argv[i]));
    }
    return arguments;
}

bool isTerminal([[maybe_unused]] int fd)
{
#if defined(Q_OS_UNIX)
    return isatty(fd) != 0;
#elif defined(Q_OS_WIN)
    return _isatty(fd) != 0;
#else
    return false;
#endif
}

int runCommand(int argc, char** argv, const QStringList& arguments, const QString& language)
{
    QCoreApplication app(argc, argv);
    setApplicationNames();
    installTranslations(app, language);
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (arguments.value(1) == QLatin1String("sandbox")) {
        return rmsam::runSandboxCommand(arguments.mid(2), out, err);
    }
    QFile in;
    in.open(stdin, QIODevice::ReadOnly);
    // Without --data-dir or --database, a command uses the database the GUI was set to use.
    const QString saved = savedDatabase();
    rmsam::CommandLine::Options options {
        saved.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) : saved,
        KeychainService
    };
    rmsam::CommandLine cli(options, { out, err, in, isTerminal(0), isTerminal(2) });
    // A command may finish inside start(), before the event loop runs.
    std::optional<int> code;
    QObject::connect(&cli, &rmsam::CommandLine::finished, &app, [&code](int exitCode) {
        code = exitCode;
        QCoreApplication::exit(exitCode);
    });
    cli.start(arguments);
    return code ? *code : app.exec();
}

// The options of the desktop app; its --help also names the commands.
void addDesktopOptions(QCommandLineParser& parser)
{
    parser.setApplicationDescription(QCoreApplication::translate("main",
        "Roadmunk SAM: reclaim unused Roadmunk seats.\n\nWithout a command, starts the desktop app. "
        "Commands: %1 (run `roadmunk-sam COMMAND --help`).")
                                         .arg(rmsam::CommandLine::commandNames().join(QStringLiteral(", "))));
    parser.addHelpOption();
    parser.addOption(
        { QStringLiteral("version"), QCoreApplication::translate("main", "Print the version.") });
    parser.addOption({ QStringLiteral("demo"),
        QCoreApplication::translate("main", "Start with the built-in Roadmunk sandbox and demo data.") });
    parser.addOption({ QStringLiteral("data-dir"),
        QCoreApplication::translate("main", "Use DIR for the database instead of the default."),
        QStringLiteral("DIR") });
    parser.addOption({ QStringLiteral("database"),
        QCoreApplication::translate("main",
            "Use the team database at URL (postgresql://USER@HOST:PORT/DBNAME) instead of the data "
            "folder."),
        QStringLiteral("URL") });
    parser.addOption({ QStringLiteral("lang"),
        QCoreApplication::translate("main", "Use this language (en, ja) instead of the system's."),
        QStringLiteral("CODE") });
}

bool isHelpOption(const QString& argument)
{
    return argument == QLatin1String("-h") || argument == QLatin1String("--help")
        || argument == QLatin1String("-?") || argument == QLatin1String("--help-all");
}

// Whether the arguments (without a command word) are the desktop app's own options, none of them
// a request for help.
bool startsDesktop(const QStringList& arguments)
{
    QCommandLineParser parser;
    addDesktopOptions(parser);
    return parser.parse(arguments) && std::none_of(arguments.cbegin(), arguments.cend(), isHelpOption);
}

// The desktop app's help followed by the commands', or the parser's error (exit 1).
int printDesktopHelp(int argc, char** argv, const QStringList& arguments, const QString& language)
{
    QCoreApplication app(argc, argv);
    setApplicationNames();
    installTranslations(app, language);
    QCommandLineParser parser;
    addDesktopOptions(parser);
    if (parser.parse(arguments) && parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << parser.helpText() << Qt::endl
                            << rmsam::CommandLine::commandsHelp() << Qt::endl;
        return 0;
    }
    parser.process(arguments); // prints the error, or --help-all, and exits
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    defaultCategoryFilter = QLoggingCategory::installFilter(withoutRequestDumps);
    QStringList arguments = argumentsOf(argc, argv);
    if (arguments.contains(QLatin1String("--version"))) {
        std::printf("roadmunk-sam %s\n", RMSAM_VERSION);
        return 0;
    }
    const QString language = takeLanguageOption(arguments);
    // Any word asks for a command: an unknown one is refused by the command line (exit 2), never
    // taken for a GUI start.
    if (rmsam::CommandLine::hasCommandWord(arguments)) {
        return runCommand(argc, argv, arguments, language);
    }
    // --help, and options the desktop app does not take, need no display: over SSH, or before any
    // desktop session, they still print.
    if (!startsDesktop(arguments)) {
        return printDesktopHelp(argc, argv, arguments, language);
    }

#ifdef Q_OS_WIN
    // Qt 6.4 gives a Windows app the dark palette only when asked (darkmode=2), and its default
    // windowsvista style ignores the palette; Fusion draws with it. macOS and the Linux desktops'
    // platform themes hand Qt the system palette on their own.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "windows:darkmode=2");
    }
#endif
    QApplication app(argc, argv);
#ifdef Q_OS_WIN
    if (app.palette().color(QPalette::Window).lightness() < 128) {
        app.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    }
#endif
    setApplicationNames();
    installTranslations(app, language);
    app.setWindowIcon(QIcon(QStringLiteral(":/icons/roadmunk-sam.svg")));
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.roadmunk_sam.RoadmunkSAM"));
    QCommandLineParser parser;
    addDesktopOptions(parser);
    parser.process(arguments);

    rmsam::DesktopOptions options;
    // Demo mode: the sandbox runs in this process for as long as the window is open.
    std::unique_ptr<rmsam::SandboxServer> sandbox;
    if (parser.isSet(QStringLiteral("demo"))) {
        sandbox = std::make_unique<rmsam::SandboxServer>(rmsam::SandboxOptions {});
        if (sandbox->listen(0) == 0) {
            QMessageBox::critical(nullptr,
                QCoreApplication::translate("rmsam::DesktopApplication", "Roadmunk SAM"),
                QCoreApplication::translate("rmsam::DesktopApplication",
                    "Cannot start the built-in Roadmunk sandbox on this computer's loopback "
                    "address."));
            return 1;
        }
        options.demo = rmsam::DemoSandbox { sandbox->endpoint(), sandbox->token() };
    }
    const QString appData = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    const bool dataDirSet = parser.isSet(QStringLiteral("data-dir"));
    if (parser.isSet(QStringLiteral("database")) && (dataDirSet || options.demo)) {
        std::fprintf(stderr, "%s\n",
            qPrintable(QCoreApplication::translate("main",
                "Give --database alone: not with --data-dir, and not with --demo (its own data folder).")));
        return 2;
    }
    options.database = parser.isSet(QStringLiteral("database")) ? parser.value(QStringLiteral("database"))
        : dataDirSet || options.demo                            ? QString()
                                                                : savedDatabase();
    if (dataDirSet) {
        options.dataDir = parser.value(QStringLiteral("data-dir"));
    } else {
        options.dataDir = options.demo ? QDir(appData).filePath(QStringLiteral("demo")) : appData;
    }
    options.keychainService = options.demo ? DemoKeychainService : KeychainService;
    return rmsam::runDesktop(app, options);
}
