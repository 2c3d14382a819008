#include "MainWindow.h"

#include "DatabaseDialog.h"
#include "ProfileForm.h"
#include "ProfileListModel.h"
#include "ProfileTabs.h"
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
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
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
    , m_options(std::move(options))
{
    setObjectName(QStringLiteral("mainWindow"));
    // A team database is named in the title: what is shown there is shared.
    setWindowTitle(m_options.database.isEmpty()
            ? tr("Roadmunk SAM")
            : tr("Roadmunk SAM — %1")
                  .arg(DatabaseAccess::address(m_options.database).value_or(m_options.database)));
    setCentralWidget(buildCentralWidget(services));
    connect(&services.liveUpdates(), &LiveUpdates::changedElsewhere, this, &MainWindow::showChangesElsewhere);
    buildActions();
    buildStatusBar();
    followSyncs();
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        const qint64 id = selectedProfileId();
        m_deleteAction->setEnabled(id != 0 && m_team.permits(TeamAction::Profiles));
        m_tabs->openProfile(id); // its tables fill in when read, the current tab's first
        updateSyncState();
        m_details->setCurrentIndex(id != 0 ? 1 : 0);
    });
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
    // The profile's tabs from anywhere in the window, not only from inside the tab bar.
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
    auto* quitAction = new QAction(tr("&Quit"), this);
    quitAction->setShortcut(QKeySequence::Quit);

    auto* fileMenu = menuBar()->addMenu(tr("&Profile"));
    fileMenu->addAction(newAction);
    fileMenu->addAction(m_deleteAction);
    fileMenu->addAction(m_syncAction);
    fileMenu->addAction(m_exportAction);
    fileMenu->addSeparator();
    fileMenu->addAction(nextTab);
    fileMenu->addAction(previousTab);
    fileMenu->addSeparator();
    fileMenu->addAction(quitAction);
    menuBar()->addMenu(buildSettingsMenu());
    auto* toolbar = addToolBar(tr("Profiles"));
    toolbar->setObjectName(QStringLiteral("profilesToolbar"));
    toolbar->addAction(newAction);
    toolbar->addAction(m_deleteAction);
    toolbar->addSeparator();
    toolbar->addAction(m_syncAction);
    toolbar->addAction(m_exportAction);

    connect(m_syncAction, &QAction::triggered, this, &MainWindow::syncNow);
    connect(m_exportAction, &QAction::triggered, this, [this] {
        const auto kind = m_tabs->currentKind();
        if (!kind) {
            return;
        }
        const QString path = QFileDialog::getSaveFileName(this, tr("Export table as CSV"),
            Reports::code(*kind) + QStringLiteral(".csv"), tr("CSV files (*.csv)"));
        if (!path.isEmpty()) {
            exportTo(path);
        }
    });
    connect(m_tabs, &QTabWidget::currentChanged, this,
        [this] { m_exportAction->setEnabled(m_tabs->currentKind().has_value()); });
    connect(newAction, &QAction::triggered, this, &MainWindow::newProfile);
    connect(m_deleteAction, &QAction::triggered, this, &MainWindow::deleteProfile);
    connect(quitAction, &QAction::triggered, this, &QWidget::close); // closeEvent asks; the last window quits
}

void MainWindow::buildStatusBar()
{
    m_syncProgress = new QProgressBar(this);
    m_syncProgress->setObjectName(QStringLiteral("syncProgress"));
    m_syncProgress->setMaximumWidth(220);
    m_syncProgress->setRange(0, 0);
    m_syncProgress->hide();
    m_cancelSync = new QPushButton(tr("Cancel"), this);
    m_cancelSync->setObjectName(QStringLiteral("cancelSyncButton"));
    m_cancelSync->hide();
    m_countLabel = new QLabel(this);
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
    connect(m_tabs, &ProfileTabs::countChanged, m_countLabel, &QLabel::setText);
}

// Sync progress and outcome of the selected profile in the status bar.
void MainWindow::followSyncs()
{
    connect(
        m_cancelSync, &QPushButton::clicked, this, [this] { m_launcher.cancelSync(m_form->profileId()); });
    connect(
        &m_launcher, &JobLauncher::syncProgress, this, [this](qint64 id, JobKind kind, int pages, int rows) {
            if (id == m_form->profileId()) {
                statusBar()->showMessage(kind == JobKind::Subscriptions
                        ? tr("Downloading subscriptions: %1 pages, %2 users").arg(pages).arg(rows)
                        : tr("Refreshing activity: %1 pages, %2 roadmaps").arg(pages).arg(rows));
            }
        });
    connect(&m_launcher, &JobLauncher::syncFinished, this, [this](qint64 id, const SyncOutcome& outcome) {
        if (id == m_form->profileId()) {
            m_tabs->refreshTables();
            statusBar()->showMessage(
                outcome.error ? tr("Sync failed: %1").arg(outcome.error->message) : tr("Sync finished."));
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
    if (!m_form->settleUnsavedEdits(ProfileForm::Leaving::Quit)) {
        event->ignore(); // the admin stays with the edits
        return;
    }
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/splitter"), m_splitter->saveState());
    QMainWindow::closeEvent(event);
}

QMenu* MainWindow::buildSettingsMenu()
{
    auto* menu = new QMenu(tr("&Settings"), this);
    QAction* database = menu->addAction(tr("&Database…"));
    database->setObjectName(QStringLiteral("databaseAction"));
    connect(database, &QAction::triggered, this, &MainWindow::chooseDatabase);
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
        const auto answer = QMessageBox::question(this, tr("Database"),
            tr("Roadmunk SAM opens the chosen database when it starts again. Restart now?"),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
        if (answer == QMessageBox::Yes) {
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
    statusBar()->showMessage(tr("Updated with another member's changes."), 5000);
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
    const auto answer = QMessageBox::question(this, tr("Delete profile"),
        tr("Delete “%1” and remove its API token from the OS keychain? Roadmunk itself is not changed.")
            .arg(profile.value().displayName),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes) {
        return;
    }
    m_service.remove(id, [this](Result<void> removed) {
        if (!removed) {
            QMessageBox::warning(this, tr("Delete profile"), removed.error().message);
        }
    });
}

void MainWindow::selectProfile(qint64 id)
{
    const int row = m_model->rowOf(id);
    if (row >= 0) {
        m_table->selectRow(row);
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
    m_countLabel->setText(tr("%n profile(s)", nullptr, m_model->rowCount()));
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
}

bool MainWindow::exportTo(const QString& path)
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
