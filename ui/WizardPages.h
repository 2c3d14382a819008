#pragma once

#include "core/Result.h"

#include <QWizardPage>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace rmsam {

class SetupWizard;
struct ValidationReport;

// Paste the API token; explains how to generate one in Roadmunk.
class TokenPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit TokenPage(SetupWizard* wizard);
    bool isComplete() const override;

private:
    void updateState();
    SetupWizard* m_wizard;
    QLineEdit* m_token;
    QLabel* m_problem;
};

// Display Name and the subflows.
class ProfilePage : public QWizardPage
{
    Q_OBJECT
public:
    explicit ProfilePage(SetupWizard* wizard);
    void initializePage() override;
    bool isComplete() const override;

private:
    SetupWizard* m_wizard;
    QLineEdit* m_name;
    QLabel* m_problem;
    QCheckBox* m_activity;
    QDateEdit* m_analyzeFrom;
    QCheckBox* m_reclaim;
};

// Region (or, in the demo, the built-in sandbox) and the resulting Connection URL.
class RegionPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit RegionPage(SetupWizard* wizard);
    void initializePage() override;

private:
    void update();
    SetupWizard* m_wizard;
    QComboBox* m_region;
    QLabel* m_url;
};

// Saves the Draft profile, stores the token in the keychain and runs Validate connection.
class ValidatePage : public QWizardPage
{
    Q_OBJECT
public:
    explicit ValidatePage(SetupWizard* wizard);
    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;

private:
    void run();
    Result<qint64> saveDraft();
    void showFailure(const Error& error);
    void showSuccess(const ValidationReport& report);

    SetupWizard* m_wizard;
    QProgressBar* m_progress;
    QLabel* m_status;
    QLabel* m_result;
    QPushButton* m_retry;
    QPushButton* m_cancel;
    bool m_validated = false;
    bool m_running = false;
};

// A summary and an explicit confirmation, then Draft → Published.
class PublishPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit PublishPage(SetupWizard* wizard);
    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

private:
    SetupWizard* m_wizard;
    QLabel* m_summary;
    QCheckBox* m_confirm;
    QLabel* m_problem;
};

} // namespace rmsam
