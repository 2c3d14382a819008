// The main window's menus, toolbar and tray, Help › About, closing and quitting, and the
// export of the current table.
#include "DatabaseDialog.h"
#include "MainWindow.h"
#include "ProfileForm.h"
#include "ProfileListModel.h"
#include "ProfileTabs.h"
#include "RecordTable.h"
#include "core/Renewal.h"
#include "secrets/TokenStore.h"
#include "services/DatabaseAccess.h"
#include "services/JobLauncher.h"
#include "services/LiveUpdates.h"
#include "services/ProfileService.h"
#include "services/ReclamationService.h"
#include "services/ReportService.h"
#include "services/Services.h"
#include "services/TeamService.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QScopedValueRollback>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>
#include <algorithm>

namespace rmsam {

void MainWindow::buildActions()
{
    auto* newAction = new QAction(tr("&New profile…"), this);
    newAction->setObjectName(QStringLiteral("newProfileAction"));
    newAction->setShortcut(QKeySequence::New);
    m_deleteAction = new QAction(tr("&Delete profile…"), this);
    m_deleteAction->setObjectName(QStringLiteral("deleteProfileAction"));
    m_deleteAction->setShortcut(QKeySequence::Delete);
    // Delete in the profile list only: in the other tables it must not offer to delete the
    // profile. The menu item works from anywhere.
    m_deleteAction->setShortcutContext(Qt::WidgetShortcut);
    m_table->addAction(m_deleteAction);
    m_deleteAction->setEnabled(false);
    // What the team role does not allow stays disabled and says why (the server refuses it anyway).
    for (QAction* action : { newAction, m_deleteAction }) {
        action->setToolTip(m_team.refusal(TeamAction::Profiles));
    }
    newAction->setEnabled(m_team.permits(TeamAction::Profiles));
    m_syncAction = new QAction(tr("S&ync now"), this);
    m_syncAction->setObjectName(QStringLiteral("syncAction"));
    m_syncAction->setShortcut(QKeySequence::Refresh);
    m_syncAction->setToolTip(tr("Download subscriptions and activity of the selected profile now (F5)"));
    m_syncAction->setEnabled(false);
    m_exportAction = new QAction(tr("&Export table as CSV…"), this);
    m_exportAction->setObjectName(QStringLiteral("exportAction"));
    m_exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_exportAction->setEnabled(false);
    m_exportAction->setToolTip(tr("Export the rows and columns the table shows (Ctrl+E)"));
    m_exportAllAction = new QAction(tr("Export &all rows as CSV…"), this);
    m_exportAllAction->setObjectName(QStringLiteral("exportAllAction"));
    m_exportAllAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    m_exportAllAction->setEnabled(false);
    const auto [nextTab, previousTab] = buildTabActions();
    m_cancelSyncAction = new QAction(tr("&Cancel sync"), this);
    m_cancelSyncAction->setObjectName(QStringLiteral("cancelSyncAction"));
    m_cancelSyncAction->setShortcut(QKeySequence::Cancel);
    m_cancelSyncAction->setEnabled(false);
    auto* quitAction = new QAction(tr("&Quit"), this);
    quitAction->setObjectName(QStringLiteral("quitAction"));
    quitAction->setShortcut(QKeySequence::Quit);

    auto* fileMenu = menuBar()->addMenu(tr("&File"));
    fileMenu->addAction(newAction);
    fileMenu->addAction(m_exportAction);
    fileMenu->addAction(m_exportAllAction);
    fileMenu->addSeparator();
    fileMenu->addAction(quitAction);
    auto* profileMenu = menuBar()->addMenu(tr("&Profile"));
    profileMenu->addAction(m_syncAction);
    profileMenu->addAction(m_cancelSyncAction);
    profileMenu->addAction(m_deleteAction);
    profileMenu->addSeparator();
    profileMenu->addAction(nextTab);
    profileMenu->addAction(previousTab);
    menuBar()->addMenu(buildSettingsMenu());
    menuBar()->addMenu(buildHelpMenu());
    auto* toolbar = addToolBar(tr("Profiles"));
    toolbar->setObjectName(QStringLiteral("profilesToolbar"));
    toolbar->addAction(newAction);
    toolbar->addAction(m_deleteAction);
    toolbar->addSeparator();
    toolbar->addAction(m_syncAction);
    toolbar->addAction(m_exportAction);

    connect(m_cancelSyncAction, &QAction::triggered, this,
        [this] { m_launcher.cancelSync(m_form->profileId()); });
    connect(m_syncAction, &QAction::triggered, this, &MainWindow::syncNow);
    connect(m_exportAction, &QAction::triggered, this, [this] { askExportPath(false); });
    connect(m_exportAllAction, &QAction::triggered, this, [this] { askExportPath(true); });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        m_exportAction->setEnabled(m_tabs->currentKind().has_value());
        m_exportAllAction->setEnabled(m_tabs->currentKind().has_value());
    });
    connect(newAction, &QAction::triggered, this, &MainWindow::newProfile);
    connect(m_deleteAction, &QAction::triggered, this, &MainWindow::deleteProfile);
    connect(quitAction, &QAction::triggered, this, &MainWindow::quit);
}

// The profile's tabs from anywhere in the window, not only from inside the tab bar.
std::pair<QAction*, QAction*> MainWindow::buildTabActions()
{
    auto* nextTab = new QAction(tr("Ne&xt tab"), this);
    nextTab->setObjectName(QStringLiteral("nextTabAction"));
    nextTab->setShortcuts(QList<QKeySequence> { QKeySequence(Qt::CTRL | Qt::Key_PageDown) }
        + QKeySequence::keyBindings(QKeySequence::NextChild));
    auto* previousTab = new QAction(tr("Pre&vious tab"), this);
    previousTab->setObjectName(QStringLiteral("previousTabAction"));
    previousTab->setShortcuts(QList<QKeySequence> { QKeySequence(Qt::CTRL | Qt::Key_PageUp) }
        + QKeySequence::keyBindings(QKeySequence::PreviousChild));
    for (auto [action, step] : { std::pair { nextTab, 1 }, std::pair { previousTab, -1 } }) {
        connect(action, &QAction::triggered, this, [this, step = step] {
            if (m_details->currentWidget() == m_tabs && m_tabs->count() > 0) {
                m_tabs->setCurrentIndex((m_tabs->currentIndex() + step + m_tabs->count()) % m_tabs->count());
            }
        });
    }
    return { nextTab, previousTab };
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/splitter"), m_splitter->saveState());
    if (!m_quitting && keepsRunningInTray()) {
        // The window hides, unsaved edits and all; the app, its scheduler and the tray stay.
        event->ignore();
        hide();
        if (!m_toldAboutTray) {
            m_toldAboutTray = true;
            m_tray->showMessage(tr("Roadmunk SAM"),
                tr("Roadmunk SAM keeps running in the system tray so that the daily jobs run. Quit "
                   "it from the tray icon's menu."));
        }
        return;
    }
    if (!m_form->settleUnsavedEdits(ProfileForm::Leaving::Quit)) {
        event->ignore(); // the admin stays with the edits
        return;
    }
    QMainWindow::closeEvent(event);
    if (event->isAccepted() && m_tray) {
        qApp->quit(); // the tray's menu is not a window: the last window closing does not quit
    }
}

bool MainWindow::keepsRunningInTray() const
{
    return m_tray && m_trayAction->isChecked();
}

void MainWindow::quit()
{
    m_quitting = true;
    if (close()) {
        qApp->quit();
    }
    m_quitting = false;
}

void MainWindow::showRenewalReminders(const QList<RenewalReminder>& reminders)
{
    QStringList lines;
    for (const RenewalReminder& r : reminders) {
        lines.append(Renewals::reminderText(r.profileName, r.advice));
    }
    const QString title = tr("Roadmunk seats to review before renewal");
    if (m_tray) {
        m_tray->showMessage(title, lines.join(QLatin1Char('\n')), QSystemTrayIcon::Information);
        return;
    }
    auto* box = new QMessageBox(
        QMessageBox::Information, title, lines.join(QLatin1Char('\n')), QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("renewalReminderBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::attachTray(QSystemTrayIcon* tray)
{
    m_tray = tray;
    m_trayAction->setEnabled(tray != nullptr);
    m_trayAction->setToolTip(tray ? QString() : tr("This desktop has no system tray."));
    if (!tray) {
        return;
    }
    auto* menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("trayMenu"));
    QAction* open = menu->addAction(tr("&Open Roadmunk SAM"), this, [this] {
        showNormal();
        raise();
        activateWindow();
    });
    open->setObjectName(QStringLiteral("trayOpenAction"));
    menu->addAction(tr("&Sync now"), this, &MainWindow::syncAllPublished)
        ->setObjectName(QStringLiteral("traySyncAction"));
    menu->addSeparator();
    menu->addAction(tr("&Quit"), this, &MainWindow::quit)->setObjectName(QStringLiteral("trayQuitAction"));
    tray->setContextMenu(menu);
    connect(tray, &QSystemTrayIcon::activated, this, [open](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick) {
            open->trigger();
        }
    });
}

void MainWindow::syncAllPublished()
{
    auto profiles = m_service.list();
    if (!profiles) {
        statusBar()->showMessage(profiles.error().message);
        return;
    }
    for (const IntegrationProfile& profile : profiles.value()) {
        if (profile.isPublished() && !m_launcher.isSyncing(profile.id)) {
            if (auto started = m_launcher.startSync(profile.id, SyncOptions {}); !started) {
                statusBar()->showMessage(
                    tr("Sync of “%1” failed: %2").arg(profile.displayName, started.error().message));
            }
        }
    }
}

QMenu* MainWindow::buildHelpMenu()
{
    auto* menu = new QMenu(tr("&Help"), this);
    QAction* about = menu->addAction(tr("&About Roadmunk SAM"), this, &MainWindow::showAbout);
    about->setObjectName(QStringLiteral("aboutAction"));
    about->setMenuRole(QAction::AboutRole);
    return menu;
}

void MainWindow::showAbout()
{
#if defined(Q_OS_MACOS)
    const QString keychain = tr("the macOS Keychain");
#elif defined(Q_OS_WIN)
    const QString keychain = tr("the Windows Credential Manager");
#else
    const QString keychain = tr("the desktop's Secret Service (GNOME Keyring or KWallet)");
#endif
    const QString data = m_team.isTeamDatabase()
        ? tr("in the team database %1").arg(m_storedAt)
        : tr("in the file %1").arg(QDir::toNativeSeparators(m_storedAt));
    auto* box = new QMessageBox(QMessageBox::Information, tr("About Roadmunk SAM"),
        tr("<h3>Roadmunk SAM %1</h3>"
           "<p>Finds unused Roadmunk seats and reclaims them safely.</p>"
           "<p>Licensed under the GNU General Public License, version 3.</p>"
           "<p>Profiles, snapshots and the audit log are kept %2.</p>"
           "<p>API tokens are kept only in %3, never in the database, settings or logs.</p>"
           "<p>Built with Qt %4.</p>")
            .arg(QCoreApplication::applicationVersion().toHtmlEscaped(), data.toHtmlEscaped(),
                keychain.toHtmlEscaped(), QString::fromLatin1(qVersion())),
        QMessageBox::Close, this);
    box->setObjectName(QStringLiteral("aboutBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setTextFormat(Qt::RichText);
    box->open();
}

QMenu* MainWindow::buildSettingsMenu()
{
    auto* menu = new QMenu(tr("&Settings"), this);
    QAction* database = menu->addAction(tr("&Database…"));
    database->setObjectName(QStringLiteral("databaseAction"));
    connect(database, &QAction::triggered, this, &MainWindow::chooseDatabase);
    QAction* mail = menu->addAction(tr("&E-mail…"));
    mail->setObjectName(QStringLiteral("mailSettingsAction"));
    connect(mail, &QAction::triggered, this, &MainWindow::editMailSettings);
    m_trayAction = menu->addAction(tr("&Keep running in the tray when closed"));
    m_trayAction->setObjectName(QStringLiteral("keepInTrayAction"));
    m_trayAction->setCheckable(true);
    m_trayAction->setChecked(QSettings().value(QStringLiteral("tray/keepRunning"), false).toBool());
    m_trayAction->setEnabled(false); // until there is a tray
    m_trayAction->setToolTip(tr("This desktop has no system tray."));
    connect(m_trayAction, &QAction::toggled, this,
        [](bool on) { QSettings().setValue(QStringLiteral("tray/keepRunning"), on); });
    auto* languages = menu->addMenu(tr("&Language"));
    languages->setObjectName(QStringLiteral("languageMenu"));
    auto* group = new QActionGroup(this);
    const QString current = QSettings().value(QStringLiteral("language")).toString();
    // Language names in their own language, so that anyone can find theirs.
    const QList<QPair<QString, QString>> choices
        = { { QString(), tr("System default") }, { QStringLiteral("en"), QStringLiteral("English") },
              { QStringLiteral("ja"), QStringLiteral("日本語") } };
    for (const auto& [code, name] : choices) {
        QAction* action = languages->addAction(name);
        action->setCheckable(true);
        action->setChecked(code == current);
        action->setData(code);
        action->setObjectName(
            QStringLiteral("language_") + (code.isEmpty() ? QStringLiteral("system") : code));
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, code = code] {
            QSettings().setValue(QStringLiteral("language"), code);
            statusBar()->showMessage(tr("The language changes when Roadmunk SAM starts again."));
        });
    }
    return menu;
}

void MainWindow::askExportPath(bool allRows)
{
    const auto kind = m_tabs->currentKind();
    if (!kind) {
        return;
    }
    const QString path = QFileDialog::getSaveFileName(this,
        allRows ? tr("Export all rows as CSV") : tr("Export table as CSV"),
        Reports::code(*kind) + QStringLiteral(".csv"), tr("CSV files (*.csv)"));
    if (!path.isEmpty()) {
        allRows ? exportAllTo(path) : exportTo(path);
    }
}

bool MainWindow::exportTo(const QString& path)
{
    RecordTable* table = m_tabs->currentTable();
    if (!table) {
        return false;
    }
    if (table->showsFirstRowsOnly()) {
        return exportAllTo(path); // still loading: what it is loading, read afresh
    }
    QSaveFile file(path);
    const QList<QList<QVariant>> rows = table->shownRows();
    if (!file.open(QIODevice::WriteOnly) || !Reports::writeCsv(table->shownHeaders(), rows, &file)
        || !file.commit()) {
        QMessageBox::warning(
            this, tr("Export table as CSV"), tr("Cannot write %1: %2").arg(path, file.errorString()));
        return false;
    }
    const int total = table->model()->totalRowCount();
    statusBar()->showMessage(table->isFiltered()
            ? tr("Exported %1 of %n row(s) (filtered) to %2.", nullptr, total)
                  .arg(QString::number(rows.size()), path)
            : tr("Exported %n row(s) to %1.", nullptr, int(rows.size())).arg(path));
    return true;
}

bool MainWindow::exportAllTo(const QString& path)
{
    // The tab's kind: its table may still be loading, the export reads it anyway.
    const auto kind = m_tabs->currentKind();
    if (!kind) {
        return false;
    }
    QSaveFile file(path);
    const auto cannotWrite = [this, &path, &file] {
        QMessageBox::warning(
            this, tr("Export table as CSV"), tr("Cannot write %1: %2").arg(path, file.errorString()));
        return false;
    };
    if (!file.open(QIODevice::WriteOnly)) {
        return cannotWrite();
    }
    // The command line's export: the table read afresh from the database, streamed to the file.
    const auto exported = m_reports.exportCsv(m_form->profileId(), *kind, &file, true);
    if (!exported) {
        QMessageBox::warning(this, tr("Export table as CSV"), exported.error().message);
        return false; // the file is left as it was
    }
    if (!exported.value().written || !file.commit()) {
        return cannotWrite();
    }
    statusBar()->showMessage(tr("Exported %n row(s) to %1.", nullptr, exported.value().rows).arg(path));
    return true;
}

} // namespace rmsam
