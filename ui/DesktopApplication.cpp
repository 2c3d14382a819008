#include "DesktopApplication.h"

#include "MainWindow.h"
#include "sandbox/SandboxServer.h"
#include "secrets/TokenStore.h"
#include "services/ProfileService.h"
#include "services/Scheduler.h"
#include "services/SyncJob.h"
#include "services/SyncRunner.h"
#include "storage/Database.h"
#include "storage/ReclamationRepository.h"

#include <QApplication>
#include <QDir>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QSystemTrayIcon>
#include <QTimer>

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

} // namespace

int runDesktop(QApplication& app, const DesktopOptions& options)
{
    QString dataDir = options.dataDir;
    std::unique_ptr<SandboxServer> sandbox;
    MainWindow::Options windowOptions;
    if (options.demo) {
        if (!resetDemoFolder(dataDir)) {
            QMessageBox::critical(nullptr,
                QCoreApplication::translate("rmsam::DesktopApplication", "Roadmunk SAM"),
                QCoreApplication::translate("rmsam::DesktopApplication", "Cannot prepare the demo folder %1.")
                    .arg(QDir::toNativeSeparators(dataDir)));
            return 1;
        }
        SandboxOptions sandboxOptions;
        sandbox = std::make_unique<SandboxServer>(sandboxOptions);
        if (sandbox->listen(0) == 0) {
            QMessageBox::critical(nullptr,
                QCoreApplication::translate("rmsam::DesktopApplication", "Roadmunk SAM"),
                QCoreApplication::translate("rmsam::DesktopApplication",
                    "Cannot start the built-in Roadmunk sandbox on this computer's loopback "
                    "address."));
            return 1;
        }
        windowOptions.banner = QCoreApplication::translate("rmsam::DesktopApplication",
            "Demo mode: connected to the built-in Roadmunk sandbox at %1 with a synthetic "
            "account and sample entitlements. Your real profiles and tokens are not touched; "
            "demo data is reset at every start.")
                                   .arg(sandbox->endpoint().toString());
        windowOptions.wizardDefaults.token = sandbox->token();
        windowOptions.wizardDefaults.displayName
            = QCoreApplication::translate("rmsam::DesktopApplication", "Demo account");
        windowOptions.wizardDefaults.sandboxEndpoint = sandbox->endpoint();
    }

    auto database = Database::open(dataDir);
    if (!database) {
        QMessageBox::critical(nullptr,
            QCoreApplication::translate("rmsam::DesktopApplication", "Roadmunk SAM"),
            database.error().message + QStringLiteral("\n\n") + database.error().detail);
        return 1;
    }
    TokenStore tokens(options.keychainService);
    QNetworkAccessManager network;
    ProfileService service(*database.value(), tokens, &network);
    SyncRunner sync(*database.value(), tokens);
    MainWindow window(service, sync, windowOptions);
    Scheduler scheduler(*database.value(), sync);
    window.show();
    if (options.demo) {
        // The sandbox account has no contract: sample entitlements give the dashboard and the
        // Reclaim preview money figures to show. Change them under Rule and entitlements.
        QObject::connect(&service, &ProfileService::profilesChanged, &window, [&service] {
            ReclamationRepository repository(service.database());
            for (const IntegrationProfile& p : service.profiles().list().value_or({})) {
                if (!p.isPublished() || !repository.entitlements(p.id).value_or({}).isEmpty()) {
                    continue;
                }
                for (const auto& [type, owned, price] :
                    { std::tuple { SeatType::CollaboratorType, 380, 19.0 },
                        std::tuple { SeatType::Reviewer, 130, 5.0 } }) {
                    Entitlement e;
                    e.profileId = p.id;
                    e.seatType = type;
                    e.owned = owned;
                    e.price = price;
                    e.period = Entitlement::Period::Month;
                    e.currency = QStringLiteral("USD");
                    (void)repository.saveEntitlement(e);
                }
            }
        });
    }

    // Scheduled runs happen while nobody watches: a failure shows in the system tray.
    std::unique_ptr<QSystemTrayIcon> tray;
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        tray = std::make_unique<QSystemTrayIcon>(app.windowIcon());
        tray->setToolTip(QCoreApplication::translate("rmsam::DesktopApplication", "Roadmunk SAM"));
        QObject::connect(tray.get(), &QSystemTrayIcon::activated, &window, [&window] {
            window.showNormal();
            window.raise();
            window.activateWindow();
        });
        tray->show();
    }
    QObject::connect(
        &sync, &SyncRunner::finished, &window, [&service, &tray](qint64 id, const SyncOutcome& outcome) {
            auto profile = service.profiles().find(id);
            const auto notice
                = scheduledFailureNotice(outcome, profile ? profile.value().displayName : QString());
            if (notice && tray) {
                tray->showMessage(
                    QCoreApplication::translate("rmsam::DesktopApplication", "A scheduled job failed"),
                    *notice, QSystemTrayIcon::Warning);
            }
        });

    tokens.checkAvailability([&window, &service, &scheduler, demo = options.demo](KeychainState state) {
        if (state == KeychainState::Available) {
            scheduler.start(); // daily jobs, and a catch-up of any missed while the app was closed
            // A newly published profile's jobs are due at once: its first download starts now.
            QObject::connect(&service, &ProfileService::profilesChanged, &scheduler, &Scheduler::runDueJobs);
        }
        auto profiles = service.profiles().list();
        if (demo && profiles && profiles.value().isEmpty()) {
            window.newProfile();
        }
    });
    return app.exec();
}

} // namespace rmsam
