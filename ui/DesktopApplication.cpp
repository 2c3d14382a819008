#include "DesktopApplication.h"

#include "MainWindow.h"
#include "services/JobLauncher.h"
#include "services/LiveUpdates.h"
#include "services/ProfileService.h"
#include "services/ReclamationService.h"
#include "services/Scheduler.h"
#include "services/Services.h"
#include "services/TeamService.h"

#include <QApplication>
#include <QDir>
#include <QMessageBox>
#include <QSystemTrayIcon>

namespace rmsam {
namespace {

// The demo starts from scratch every time so a newcomer always sees the first-run wizard.
bool resetDemoFolder(const QString& dir)
{
    QDir demo(dir);
    if (demo.exists() && !demo.removeRecursively()) {
        return false;
    }
    return QDir().mkpath(dir);
}

// Demo mode: a fresh folder, the window says so and the wizard is filled in. False when the
// folder cannot be prepared (the admin was told why).
bool prepareDemo(const QString& dataDir, const DemoSandbox& sandbox, MainWindow::Options& windowOptions)
{
    if (!resetDemoFolder(dataDir)) {
        QMessageBox::critical(nullptr,
            QCoreApplication::translate("rmsam::DesktopApplication", "Roadmunk SAM"),
            QCoreApplication::translate("rmsam::DesktopApplication", "Cannot prepare the demo folder %1.")
                .arg(QDir::toNativeSeparators(dataDir)));
        return false;
    }
    windowOptions.banner = QCoreApplication::translate("rmsam::DesktopApplication",
        "Demo mode: connected to the built-in Roadmunk sandbox at %1 with a synthetic "
        "account and sample entitlements. Your real profiles and tokens are not touched; "
        "demo data is reset at every start.")
                               .arg(sandbox.endpoint.toString());
    windowOptions.wizardDefaults.token = sandbox.token;
    windowOptions.wizardDefaults.displayName
        = QCoreApplication::translate("rmsam::DesktopApplication", "Demo account");
    windowOptions.wizardDefaults.sandboxEndpoint = sandbox.endpoint;
    return true;
}

// Scheduled runs happen while nobody watches: a failure shows in the system tray, if there is one,
// and the window can leave the app running there (a setting).
std::unique_ptr<QSystemTrayIcon> trayForScheduledFailures(
    QApplication& app, MainWindow& window, Services& services)
{
    if (!QSystemTrayIcon::isSystemTrayAvailable()) {
        return nullptr;
    }
    auto tray = std::make_unique<QSystemTrayIcon>(app.windowIcon());
    tray->setToolTip(QCoreApplication::translate("rmsam::DesktopApplication", "Roadmunk SAM"));
    window.attachTray(tray.get());
    QObject::connect(&services.launcher(), &JobLauncher::syncFinished, tray.get(),
        [&services, tray = tray.get()](qint64 id, const SyncOutcome& outcome) {
            auto profile = services.profileService().find(id);
            const auto notice
                = scheduledFailureNotice(outcome, profile ? profile.value().displayName : QString());
            if (notice) {
                tray->showMessage(
                    QCoreApplication::translate("rmsam::DesktopApplication", "A scheduled job failed"),
                    *notice, QSystemTrayIcon::Warning);
            }
        });
    tray->show();
    return tray;
}

} // namespace

int runDesktop(QApplication& app, const DesktopOptions& options)
{
    MainWindow::Options windowOptions;
    if (options.demo && !prepareDemo(options.dataDir, *options.demo, windowOptions)) {
        return 1;
    }
    auto opened = Services::open(
        options.database.isEmpty() ? options.dataDir : options.database, options.keychainService);
    if (!opened) {
        QMessageBox::critical(nullptr,
            QCoreApplication::translate("rmsam::DesktopApplication", "Roadmunk SAM"),
            opened.error().message + QStringLiteral("\n\n") + opened.error().detail);
        return 1;
    }
    Services& services = *opened.value();
    ProfileService& service = services.profileService();
    windowOptions.database = options.database;
    MainWindow window(services, windowOptions);
    window.show();
    services.liveUpdates().start(); // other members' changes to a team database
    if (options.demo) {
        // The sandbox account has no contract: sample entitlements give the dashboard and the
        // Reclaim preview money figures to show. Change them under Rule and entitlements.
        QObject::connect(&service, &ProfileService::profilesChanged, &window, [&services, &window] {
            if (auto seeded = services.reclamationService().addSampleEntitlements(); !seeded) {
                QMessageBox::warning(&window,
                    QCoreApplication::translate("rmsam::DesktopApplication", "Roadmunk SAM"),
                    seeded.error().message);
            }
        });
    }
    const auto tray = trayForScheduledFailures(app, window, services);

    Scheduler& scheduler = services.scheduler();
    // A member whose role may not sync (a viewer) runs no daily jobs: the server would refuse them.
    const bool mayRunJobs = services.team().permits(TeamAction::Sync);
    service.checkKeychain([&window, &service, &scheduler, mayRunJobs, demo = options.demo.has_value()](
                              KeychainState state) {
        if (state == KeychainState::Available && mayRunJobs) {
            scheduler.start(); // daily jobs, and a catch-up of any missed while the app was closed
            // A newly published profile's jobs are due at once: its first download starts now.
            QObject::connect(&service, &ProfileService::profilesChanged, &scheduler, &Scheduler::runDueJobs);
        }
        auto profiles = service.list();
        if (demo && profiles && profiles.value().isEmpty()) {
            window.newProfile();
        }
    });
    return app.exec();
}

} // namespace rmsam
