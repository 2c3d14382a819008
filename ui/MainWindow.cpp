#include "MainWindow.h"

#include "DatabaseDialog.h"
#include "ProfileForm.h"
#include "ProfileListModel.h"
#include "ProfileTabs.h"
#include "RecordTable.h"
#include "secrets/TokenStore.h"
#include "services/DatabaseAccess.h"
#include "services/JobLauncher.h"
#include "services/LiveUpdates.h"
#include "services/ProfileService.h"
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
namespace {

QLabel* bannerLabel(const QString& objectName, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setMargin(8);
    label->setAutoFillBackground(true);
    label->setBackgroundRole(QPalette::ToolTipBase);
    label->setForegroundRole(QPalette::ToolTipText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    return label;
}

} // namespace

MainWindow::MainWindow(Services& services, Options options, QWidget* parent)
    : QMainWindow(parent)
    , m_service(services.profileService())
    , m_launcher(services.launcher())
    , m_team(services.team())
    , m_reports(services.reportService())
    , m_live(services.liveUpdates())
    , m_options(std::move(options))
{
    setObjectName(QStringLiteral("mainWindow"));
    m_storedAt = services.storedAt();
    setCentralWidget(buildCentralWidget(services));
    connect(&services.liveUpdates(), &LiveUpdates::changedElsewhere, this, &MainWindow::showChangesElsewhere);
    buildActions();
    buildStatusBar();
    followSyncs();
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex&, const QModelIndex& previous) { showSelectedProfile(previous); });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        updateStatusBar();
        const int row = m_form->profileId() != 0 ? m_model->rowOf(m_form->profileId()) : -1;
        if (row >= 0) {
            m_table->selectRow(row);
        } else {
            m_details->setCurrentIndex(0);
        }
    });
    connect(&m_service, &ProfileService::keychainStateChanged, this, &MainWindow::updateKeychainBanner);
    connect(&m_service, &ProfileService::profilesChanged, this, &MainWindow::updateWindowTitle);
    updateWindowTitle();

    updateKeychainBanner();
    updateStatusBar();
    resize(1100, 720);
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    m_splitter->restoreState(settings.value(QStringLiteral("window/splitter")).toByteArray());
}

QWidget* MainWindow::buildCentralWidget(Services& services)
{
    m_model = new ProfileListModel(m_service, this);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("profileTable"));
    m_table->setAccessibleName(tr("Integration profiles"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnHidden(ProfileListModel::UrlColumn, true);

    m_tabs = new ProfileTabs(services, this);
    m_form = m_tabs->form();
    auto* placeholder
        = new QLabel(tr("Select an integration profile, or create one with Profile › New profile… "
                        "(Ctrl+N)."),
            this);
    placeholder->setObjectName(QStringLiteral("placeholderLabel"));
    placeholder->setAlignment(Qt::AlignCenter);
    placeholder->setWordWrap(true);
    m_details = new QStackedWidget(this);
    m_details->addWidget(placeholder);
    m_details->addWidget(m_tabs);

    m_splitter = new QSplitter(this);
    m_splitter->setObjectName(QStringLiteral("profileSplitter"));
    m_splitter->addWidget(m_table);
    m_splitter->addWidget(m_details);
    m_splitter->setCollapsible(0, false);
    m_splitter->setStretchFactor(1, 1);
    // Room for a profile's name in the list; the rest for its tabs.
    m_splitter->setSizes({ 240, 860 });

    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    if (!m_options.banner.isEmpty()) {
        auto* banner = bannerLabel(QStringLiteral("demoBanner"), central);
        banner->setText(m_options.banner);
        layout->addWidget(banner);
    }
    m_keychainBanner = bannerLabel(QStringLiteral("keychainBanner"), central);
    layout->addWidget(m_keychainBanner);
    layout->addWidget(m_splitter, 1);
    return central;
}

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

void MainWindow::buildStatusBar()
{
    m_syncProgress = new QProgressBar(this);
    m_syncProgress->setObjectName(QStringLiteral("syncProgress"));
    m_syncProgress->setMaximumWidth(220);
    m_syncProgress->setRange(0, 0);
    m_syncProgress->hide();
    m_cancelSync = new QPushButton(tr("Cancel"), this);
    m_cancelSync->setToolTip(tr("Cancel the sync (Esc)"));
    m_cancelSync->setObjectName(QStringLiteral("cancelSyncButton"));
    m_cancelSync->hide();
    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(QStringLiteral("rowCountLabel"));
    statusBar()->addPermanentWidget(m_syncProgress);
    statusBar()->addPermanentWidget(m_cancelSync);
    statusBar()->addPermanentWidget(m_countLabel);
    m_roleLabel = new QLabel(this);
    m_roleLabel->setObjectName(QStringLiteral("teamRoleLabel"));
    if (m_team.isTeamDatabase()) {
        m_roleLabel->setText(m_team.hasRole()
                ? tr("%1, %2").arg(m_team.member(), TeamRoles::displayName(m_team.role()))
                : tr("%1, no team role").arg(m_team.member()));
        statusBar()->addPermanentWidget(m_roleLabel);
    }
    // The current tab's rows; the profiles on a tab without a table.
    connect(m_tabs, &ProfileTabs::countChanged, this, [this](const QString& text) {
        if (text.isEmpty()) {
            updateStatusBar();
        } else {
            m_countLabel->setText(text);
        }
    });
}

// Sync progress and outcome of the selected profile in the status bar.
void MainWindow::followSyncs()
{
    connect(m_cancelSync, &QPushButton::clicked, m_cancelSyncAction, &QAction::trigger);
    connect(
        &m_launcher, &JobLauncher::syncProgress, this, [this](qint64 id, JobKind kind, int pages, int rows) {
            if (id == m_form->profileId()) {
                statusBar()->showMessage(kind == JobKind::Subscriptions
                        ? tr("Downloading subscriptions: %1, %2")
                              .arg(tr("%n page(s)", nullptr, pages), tr("%n user(s)", nullptr, rows))
                        : tr("Refreshing activity: %1, %2")
                              .arg(tr("%n page(s)", nullptr, pages), tr("%n roadmap(s)", nullptr, rows)));
            }
        });
    connect(&m_launcher, &JobLauncher::syncFinished, this, [this](qint64 id, const SyncOutcome& outcome) {
        m_live.catchUp(); // the sync's own commits, from its thread, are not news
        if (id == m_form->profileId()) {
            m_tabs->refreshTables();
            statusBar()->showMessage(!outcome.error ? tr("Sync finished.")
                    : outcome.error->code == ErrorCode::Cancelled
                    ? tr("Sync cancelled.")
                    : tr("Sync failed: %1").arg(outcome.error->message));
        }
        updateSyncState();
        if (id == m_form->profileId() && outcome.shrinkRefused) {
            askToAcceptShrink(outcome.error ? outcome.error->message : QString());
        }
    });
    connect(&m_launcher, &JobLauncher::syncStarted, this, &MainWindow::updateSyncState);
    connect(&m_service, &ProfileService::profilesChanged, this, &MainWindow::updateSyncState);
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

void MainWindow::updateWindowTitle()
{
    // The profile shown, and a team database by its address: what is shown there is shared.
    QStringList parts;
    if (const qint64 id = m_form->profileId(); id != 0 && m_details->currentIndex() == 1) {
        if (auto profile = m_service.find(id)) {
            parts.append(profile.value().displayName);
        }
    }
    if (!m_options.database.isEmpty()) {
        parts.append(DatabaseAccess::address(m_options.database).value_or(m_options.database));
    }
    parts.append(tr("Roadmunk SAM"));
    setWindowTitle(parts.join(QStringLiteral(" — ")));
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

MainWindow::~MainWindow() = default;

void MainWindow::chooseDatabase()
{
    auto* dialog = new DatabaseDialog(m_service, m_options.database, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (dialog->address() == m_options.database) {
            return;
        }
        QMessageBox box(QMessageBox::Question, tr("Database"),
            tr("Roadmunk SAM opens the chosen database when it starts again. Restart now?"),
            QMessageBox::NoButton, this);
        QPushButton* restart = box.addButton(tr("&Restart now"), QMessageBox::AcceptRole);
        box.addButton(tr("&Later"), QMessageBox::RejectRole);
        box.setDefaultButton(restart);
        box.exec();
        if (box.clickedButton() == restart) {
            // The command line's --database or --data-dir would override the choice: left out.
            QProcess::startDetached(QCoreApplication::applicationFilePath(), {});
            close();
            qApp->quit();
        }
    });
    dialog->open();
}

void MainWindow::showChangesElsewhere(const QStringList& tables)
{
    if (!m_team.isTeamDatabase() && m_launcher.isSyncingAny()) {
        return; // this window's own sync, committing from its thread: it refreshes when done
    }
    static const QStringList profileTables
        = { QStringLiteral("integration_profile"), QStringLiteral("scheduled_job") };
    if (std::any_of(
            tables.cbegin(), tables.cend(), [](const QString& t) { return profileTables.contains(t); })) {
        m_model->reload();
    }
    if (m_form->profileId() != 0) {
        m_tabs->refreshTables(); // another member's sync of 100k users must not freeze this window
    }
    updateSyncState();
    statusBar()->showMessage(m_team.isTeamDatabase()
            ? tr("Updated with another member's changes.")
            : tr("Updated with changes saved elsewhere (the command line or another window)."),
        5000);
}

SetupWizard* MainWindow::newProfile()
{
    auto* wizard = new SetupWizard(m_service, m_options.wizardDefaults, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &QWizard::finished, this, [this, wizard](int) {
        if (wizard->profileId() != 0) {
            selectProfile(wizard->profileId());
        }
    });
    wizard->open();
    return wizard;
}

void MainWindow::deleteProfile()
{
    const qint64 id = selectedProfileId();
    auto profile = m_service.find(id);
    if (!profile) {
        QMessageBox::warning(this, tr("Delete profile"), profile.error().message);
        return;
    }
    QMessageBox box(QMessageBox::Question, tr("Delete profile"),
        tr("Delete “%1” and remove its API token from the OS keychain? Roadmunk itself is not changed.")
            .arg(profile.value().displayName),
        QMessageBox::Cancel, this);
    box.setObjectName(QStringLiteral("deleteProfileBox"));
    QPushButton* remove = box.addButton(tr("&Delete profile"), QMessageBox::DestructiveRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() != remove) {
        return;
    }
    m_service.remove(id, [this](Result<void> removed) {
        if (!removed) {
            QMessageBox::warning(this, tr("Delete profile"), removed.error().message);
        }
    });
}

void MainWindow::showSelectedProfile(const QModelIndex& previous)
{
    if (m_stayingWithEdits) {
        return; // the selection going back to the profile being edited, which stays as it is
    }
    const qint64 id = selectedProfileId();
    if (id != m_form->profileId() && !m_form->settleUnsavedEdits(ProfileForm::Leaving::OtherProfile)) {
        // Cancel: the profile with the edits stays selected and shown.
        const QScopedValueRollback staying(m_stayingWithEdits, true);
        m_table->selectionModel()->setCurrentIndex(
            previous, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        return;
    }
    m_deleteAction->setEnabled(id != 0 && m_team.permits(TeamAction::Profiles));
    m_tabs->openProfile(id); // its tables fill in when read, the current tab's first
    updateSyncState();
    m_details->setCurrentIndex(id != 0 ? 1 : 0);
    updateWindowTitle();
    updateStatusBar();
}

void MainWindow::selectProfile(qint64 id)
{
    const int row = m_model->rowOf(id);
    if (row >= 0) {
        m_table->selectRow(row);
        if (selectedProfileId() != id) {
            return; // the admin stayed with another profile's unsaved edits
        }
        if (m_form->profileId() != id) {
            m_tabs->openProfile(id); // the row was selected already, without this profile shown
        }
        updateSyncState();
        m_details->setCurrentIndex(1);
    }
}

qint64 MainWindow::selectedProfileId() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    return current.isValid() ? current.data(ProfileListModel::ProfileIdRole).toLongLong() : 0;
}

void MainWindow::updateStatusBar()
{
    if (!m_model->lastError().isEmpty()) {
        statusBar()->showMessage(m_model->lastError());
    }
    const RecordTable* table = m_details->currentWidget() == m_tabs ? m_tabs->currentTable() : nullptr;
    m_countLabel->setText(table ? table->countText() : tr("%n profile(s)", nullptr, m_model->rowCount()));
}

void MainWindow::updateKeychainBanner()
{
    const KeychainState state = m_service.keychainState();
    const bool problem = state != KeychainState::Available && state != KeychainState::Unchecked;
    m_keychainBanner->setText(problem ? TokenStore::stateMessage(state) : QString());
    m_keychainBanner->setVisible(problem);
    statusBar()->showMessage(TokenStore::stateMessage(state));
}

void MainWindow::syncNow()
{
    startSync(SyncOptions {});
}

void MainWindow::startSync(const SyncOptions& options)
{
    if (auto started = m_launcher.startSync(m_form->profileId(), options); !started) {
        statusBar()->showMessage(tr("Sync failed: %1").arg(started.error().message));
    }
}

void MainWindow::askToAcceptShrink(const QString& why)
{
    auto* box = new QMessageBox(
        QMessageBox::Warning, tr("Much smaller user list"), why, QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("acceptShrinkBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton* accept = box->addButton(tr("&Accept the smaller list"), QMessageBox::AcceptRole);
    accept->setObjectName(QStringLiteral("acceptShrink"));
    box->setDefaultButton(box->addButton(tr("&Keep the current snapshot"), QMessageBox::RejectRole));
    connect(box, &QMessageBox::buttonClicked, this, [this, accept](QAbstractButton* clicked) {
        if (clicked == accept) {
            SyncOptions options;
            options.acceptShrink = true;
            startSync(options);
        }
    });
    box->open();
}

void MainWindow::updateSyncState()
{
    const qint64 id = m_form->profileId();
    const bool running = id != 0 && m_launcher.isSyncing(id);
    const auto syncable = m_launcher.checkSync(id);
    const QString refusal = m_team.refusal(TeamAction::Sync);
    m_syncAction->setEnabled(syncable && !running && refusal.isEmpty());
    m_syncAction->setToolTip(!refusal.isEmpty() ? refusal
            : syncable || id == 0 ? tr("Download subscriptions and activity of the selected profile now (F5)")
                                  : syncable.error().message);
    if (!refusal.isEmpty() && id != 0) {
        statusBar()->showMessage(refusal);
    }
    m_syncProgress->setVisible(running);
    m_cancelSync->setVisible(running);
    m_cancelSyncAction->setEnabled(running);
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
