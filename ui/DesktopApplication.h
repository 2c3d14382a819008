#pragma once

#include <QString>
#include <QUrl>
#include <optional>

class QApplication;

namespace rmsam {

// The Roadmunk sandbox the executable started for demo mode (the GUI does not link the sandbox).
struct DemoSandbox
{
    QUrl endpoint;
    QString token;
};

struct DesktopOptions
{
    QString dataDir; // empty: the platform's application data folder
    QString database; // a team database's postgresql:// URL (--database, Settings › Database); else dataDir
    QString keychainService;
    std::optional<DemoSandbox> demo; // demo mode: a fresh data folder, the wizard filled in
};

// Starts the GUI: opens the database through the services and checks the keychain; in demo mode
// it first empties the data folder. Returns the event loop's exit code.
int runDesktop(QApplication& app, const DesktopOptions& options);

} // namespace rmsam
