#pragma once

#include "SetupWizard.h"

#include <QMainWindow>

class QLabel;
class QStackedWidget;
class QTableView;

namespace rmsam {

class ProfileForm;
class ProfileListModel;
class ProfileService;

// Profiles on the left, the selected profile's form on the right; the wizard creates new ones.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    struct Options
    {
        QString banner; // e.g. the demo notice; empty for none
        SetupWizard::Defaults wizardDefaults;
    };

    MainWindow(ProfileService& service, Options options, QWidget* parent = nullptr);
    ~MainWindow() override;

    ProfileForm* profileForm() const { return m_form; }
    QTableView* profileTable() const { return m_table; }

public slots:
    SetupWizard* newProfile();
    void deleteProfile();
    void selectProfile(qint64 id);

private:
    void updateStatusBar();
    void updateKeychainBanner();
    qint64 selectedProfileId() const;

    ProfileService& m_service;
    Options m_options;
    ProfileListModel* m_model;
    QTableView* m_table;
    ProfileForm* m_form;
    QStackedWidget* m_details;
    QLabel* m_keychainBanner;
    QLabel* m_countLabel;
    QAction* m_deleteAction;
};

} // namespace rmsam
