#pragma once

#include "core/IntegrationProfile.h"
#include "core/Result.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLayout;
class QLineEdit;
class QProgressBar;
class QSpinBox;
class QTimeEdit;
class QPushButton;

namespace rmsam {

class ProfileService;
struct ValidationReport;

// The integration profile form: Display Name, Status, Profile Type, Connection & Credential,
// the three subflows and the minimal permissions. Validate Connection and Publish appear
// according to the profile's state; all rules run in ProfileService and core.
class ProfileForm : public QWidget
{
    Q_OBJECT

public:
    explicit ProfileForm(ProfileService& service, QWidget* parent = nullptr);

    void showProfile(qint64 id);
    qint64 profileId() const { return m_profile.id; }

    // Publish asks for confirmation; tests replace the question.
    using Confirm = std::function<bool(const QString& question)>;
    void setConfirm(Confirm confirm) { m_confirm = std::move(confirm); }
    // What the member's team role does not allow, as the services word it: changing the profile
    // (save, validate, publish) and attaching the User report. Empty: allowed.
    void setTeamRefusals(const QString& profiles, const QString& attachReport);

public slots:
    void save();
    void validateConnection();
    void publish();
    void setToken();
    void clearToken();
    // Reads and attaches a User report; asks for the columns when it cannot find them.
    void attachReport(const QString& path);

public:
    // Asks which column holds the email and which the status; tests replace the question.
    using ChooseColumns = std::function<bool(const QStringList& headers, QString* email, QString* status)>;
    void setChooseColumns(ChooseColumns choose) { m_chooseColumns = std::move(choose); }

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    QLayout* buildIdentity();
    QWidget* buildConnectionBox();
    QWidget* buildSubflowsBox();
    QLayout* buildActions();
    // The form follows the profile as the service changes it (keychain, validation).
    void followService();
    QWidget* buildPermissionsTable();
    QWidget* buildReportBox();
    QWidget* buildJobsBox();
    void showReportState();
    void reload();
    void refreshState();
    void updateState();
    void showMessage(const QString& text, bool problem);
    IntegrationProfile edited() const;

    ProfileService& m_service;
    IntegrationProfile m_profile;
    Confirm m_confirm;
    ChooseColumns m_chooseColumns;
    QLabel* m_report;

    QLineEdit* m_name;
    QLabel* m_status;
    QComboBox* m_region;
    QLabel* m_url;
    QLabel* m_tokenState;
    QCheckBox* m_activity;
    QDateEdit* m_analyzeFrom;
    QCheckBox* m_reclaim;
    QTimeEdit* m_subscriptionsAt;
    QTimeEdit* m_activityAt;
    QSpinBox* m_inFlight;
    QSpinBox* m_reportAge;
    QSpinBox* m_maxResponse;
    QLabel* m_message;
    QProgressBar* m_progress;
    QPushButton* m_save;
    QPushButton* m_validate;
    QPushButton* m_cancelValidation;
    QPushButton* m_publish;
    QPushButton* m_setToken;
    QPushButton* m_clearToken;
    QString m_profilesRefusal;
    QPushButton* m_attach = nullptr;
};

} // namespace rmsam
