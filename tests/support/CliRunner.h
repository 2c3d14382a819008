#pragma once

// The command line run in process, the way a test drives it: the words after the program name,
// standard input as bytes, both outputs captured. This is the one place tests construct
// CommandLine, so a change to its constructor is made here and nowhere else.

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace rmsam::test {

// What one command did. code stays -1 when it never finished (err then says so).
struct CliRun
{
    int code = -1;
    QString out;
    QString err;
};

// Whether the command finds a terminal on standard input and on standard error. By default
// neither: a pipe and a log, as under cron.
struct CliTerminal
{
    bool in = false;
    bool err = false;
};

class CliRunner
{
public:
    // How long a command may take before the test gives up on it.
    static constexpr int TimeoutMs = 30000;

    CliRunner() = default;
    // The data folder and the keychain service the commands use (a test's own).
    CliRunner(QString dataDir, QString keychainService);

    // Runs `roadmunk-sam words…` and waits for its exit code.
    CliRun run(const QStringList& words, const QByteArray& input = {}, CliTerminal terminal = {}) const;

private:
    QString m_dataDir;
    QString m_keychainService;
};

// The exit code and both outputs, for a failed check's message.
QString describe(const CliRun& run);

} // namespace rmsam::test
