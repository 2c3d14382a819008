#pragma once

#include "SetupWizard.h"

#include <QMainWindow>

class QLabel;
class QMenu;
class QProgressBar;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QSystemTrayIcon;
class QTableView;

namespace rmsam {

class JobLauncher;
class LiveUpdates;
class MailService;
class ReportService;
class TeamService;
class ProfileForm;
class ProfileListModel;
class ProfileService;
class ProfileTabs;
class Services;
struct SyncOptions;
struct RenewalReminder;

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

    // The 60-, 30- and 7-day reminders of a cancel-by date the scheduler gives: in the tray when
    // there is one, else in a box that does not block the window.
    void showRenewalReminders(const QList<RenewalReminder>& reminders);

public slots:
    SetupWizard* newProfile();
    void deleteProfile();
    void selectProfile(qint64 id);
    void syncNow();
    void startSync(const SyncOptions& options);
    void askToAcceptShrink(const QString& why);
    // Writes what the current tab shows to path: the rows the filter keeps, in the order shown,
    // with the columns shown (translated headers); false on failure.
    bool exportTo(const QString& path);
    // Writes every row and column of the current tab's table, read afresh from the database.
    bool exportAllTo(const QString& path);
    // Settings › Database.
    void chooseDatabase();
    // Settings › E-mail: the SMTP relay notices go through.
    void editMailSettings();
    // Another member changed these tables of the team database: show the new state.
    void showChangesElsewhere(const QStringList& tables);
    // Help › About: version, licence, where the data and the API tokens are kept.
    void showAbout();
    // The system tray's icon: its menu (Open, Sync now, Quit) and, with the setting on, closing
    // the window leaves the app running there so the daily jobs run.
    void attachTray(QSystemTrayIcon* tray);
    // Downloads every published profile now (the tray's Sync now).
    void syncAllPublished();
    // Quits the app, whatever the tray setting.
    void quit();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    QWidget* buildCentralWidget(Services& services);
    void buildActions();
    std::pair<QAction*, QAction*> buildTabActions(); // next, previous
    QMenu* buildSettingsMenu();
    void buildStatusBar();
    QMenu* buildHelpMenu();
    void updateWindowTitle();
    bool keepsRunningInTray() const;
    void followSyncs();
    void updateStatusBar();
    void askExportPath(bool allRows);
    void updateSyncState();
    void updateKeychainBanner();
    qint64 selectedProfileId() const;
    // The profile list's selection moved: show that profile, unless the admin stays with the
    // unsaved edits of the one shown (the selection then goes back to `previous`).
    void showSelectedProfile(const QModelIndex& previous);

    ProfileService& m_service;
    JobLauncher& m_launcher;
    TeamService& m_team;
    MailService& m_mail;
    ReportService& m_reports;
    LiveUpdates& m_live;
    Options m_options;
    ProfileListModel* m_model;
    QTableView* m_table;
    ProfileForm* m_form;
    QStackedWidget* m_details;
    QSplitter* m_splitter;
    ProfileTabs* m_tabs;
    QAction* m_syncAction;
    QAction* m_cancelSyncAction;
    QAction* m_trayAction;
    QSystemTrayIcon* m_tray = nullptr;
    bool m_quitting = false;
    bool m_stayingWithEdits = false;
    bool m_toldAboutTray = false;
    QString m_storedAt; // the SQLite file or the team database's address
    QAction* m_exportAction;
    QAction* m_exportAllAction;
    QProgressBar* m_syncProgress;
    QPushButton* m_cancelSync;
    QLabel* m_keychainBanner;
    QLabel* m_countLabel;
    QAction* m_deleteAction;
    QLabel* m_roleLabel;
};

} // namespace rmsam
