#pragma once

#include <QString>

class QApplication;

namespace rmsam {

struct DesktopOptions
{
    QString dataDir; // empty: the platform's application data folder
    QString keychainService;
    bool demo = false;
};

// Starts the GUI: opens the database, checks the keychain, and in demo mode starts the
// Roadmunk sandbox in-process with its own data folder. Returns the event loop's exit code.
int runDesktop(QApplication& app, const DesktopOptions& options);

} // namespace rmsam
