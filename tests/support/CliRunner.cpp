#include "support/CliRunner.h"

#include "cli/CommandLine.h"

#include <QBuffer>
#include <QTest>
#include <QTextStream>
#include <QTranslator>
#include <optional>

namespace rmsam::test {

CliRunner::CliRunner(QString dataDir, QString keychainService)
    : m_dataDir(std::move(dataDir))
    , m_keychainService(std::move(keychainService))
{ }

namespace {

// English as main() installs it under the C locale ("1 row", "2 rows"), once per test process.
void speakEnglish()
{
    static const bool installed = [] {
        auto* english = new QTranslator(QCoreApplication::instance());
        return english->load(QStringLiteral(RMSAM_EN_QM)) && QCoreApplication::installTranslator(english);
    }();
    if (!installed) {
        qWarning("cannot load %s", RMSAM_EN_QM);
    }
}

} // namespace

CliRun CliRunner::run(const QStringList& words, const QByteArray& input, CliTerminal terminal) const
{
    speakEnglish();
    CliRun result;
    std::optional<int> code;
    bool finished = false;
    {
        QTextStream out(&result.out);
        QTextStream err(&result.err);
        QBuffer in;
        in.setData(input);
        in.open(QIODevice::ReadOnly);
        CommandLine cli({ m_dataDir, m_keychainService }, { out, err, in, terminal.in, terminal.err });
        QObject::connect(&cli, &CommandLine::finished, &cli, [&code](int c) { code = c; });
        cli.start(QStringList { QStringLiteral("roadmunk-sam") } + words);
        finished = QTest::qWaitFor([&code] { return code.has_value(); }, TimeoutMs);
    } // the streams are flushed into result here
    if (!finished) {
        result.err += QStringLiteral("[test: command never finished]");
        return result;
    }
    result.code = *code;
    return result;
}

QString describe(const CliRun& run)
{
    return QStringLiteral("exit %1\nstdout: %2\nstderr: %3").arg(run.code).arg(run.out, run.err);
}

} // namespace rmsam::test
