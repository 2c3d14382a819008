#pragma once

#include "SetupWizard.h"

#include <QMainWindow>

class QLabel;
class QMenu;
class QProgressBar;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QTableView;

namespace rmsam {

class JobLauncher;
class ReportService;
class TeamService;
class ProfileForm;
class ProfileListModel;
class ProfileService;
class ProfileTabs;
class Services;
struct SyncOptions;

// Profiles on the left, the selected profile's form on the right; the wizard creates new ones.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    struct Options
    {
        QString banner; // e.g. the demo notice; empty for none
        SetupWizard::Defaults wizardDefaults;
        QString database = {}; // the team database's URL; empty for the data folder
    };

    MainWindow(Services& services, Options options, QWidget* parent = nullptr);
    ~MainWindow() override;

    ProfileForm* profileForm() const { return m_form; }
    ProfileTabs* profileTabs() const { return m_tabs; }
    QTableView* profileTable() const { return m_table; }

public slots:
    SetupWizard* newProfile();
    void deleteProfile();
    void selectProfile(qint64 id);
    void syncNow();
    void startSync(const SyncOptions& options);
    void askToAcceptShrink(const QString& why);
    // Writes the current tab's table to path (translated headers); false on failure.
    bool exportTo(const QString& path);
    // Settings › Database.
    void chooseDatabase();
    // Another member changed these tables of the team database: show the new state.
    void showChangesElsewhere(const QStringList& tables);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    QWidget* buildCentralWidget(Services& services);
    void buildActions();
    QMenu* buildSettingsMenu();
    void buildStatusBar();
    void followSyncs();
    void updateStatusBar();
    void updateSyncState();
    void updateKeychainBanner();
    qint64 selectedProfileId() const;

    ProfileService& m_service;
    JobLauncher& m_launcher;
    TeamService& m_team;
    ReportService& m_reports;
    Options m_options;
    ProfileListModel* m_model;
    QTableView* m_table;
    ProfileForm* m_form;
    QStackedWidget* m_details;
    QSplitter* m_splitter;
    ProfileTabs* m_tabs;
    QAction* m_syncAction;
    QAction* m_exportAction;
    QProgressBar* m_syncProgress;
    QPushButton* m_cancelSync;
    QLabel* m_keychainBanner;
    QLabel* m_countLabel;
    QAction* m_deleteAction;
    QLabel* m_roleLabel;
};

} // namespace rmsam
