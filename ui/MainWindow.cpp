#include "MainWindow.h"

#include "DatabaseDialog.h"
#include "MailSettingsDialog.h"
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
#include "services/Scheduler.h"
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
    , m_mail(services.mail())
    , m_reports(services.reportService())
    , m_live(services.liveUpdates())
    , m_options(std::move(options))
{
    setObjectName(QStringLiteral("mainWindow"));
    m_storedAt = services.storedAt();
    setCentralWidget(buildCentralWidget(services));
    connect(&services.liveUpdates(), &LiveUpdates::changedElsewhere, this, &MainWindow::showChangesElsewhere);
    connect(&services.scheduler(), &Scheduler::renewalRemindersDue, this, &MainWindow::showRenewalReminders);
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

MainWindow::~MainWindow() = default;

void MainWindow::editMailSettings()
{
    auto* dialog = new MailSettingsDialog(m_mail, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

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
        // The keyboard back to this window: without a window manager to do it (an X server on
        // its own) it stayed with the closed wizard, and Alt+O or Alt+U did nothing until a click.
        activateWindow();
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

} // namespace rmsam
