#pragma once

#include "core/IntegrationProfile.h"
#include "core/Result.h"
#include "csv/HrRoster.h"

#include <QTime>
#include <QWidget>
#include <functional>

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

class MessageBar;
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

    // Changes with consequences (publish, a region changed, activity turned off, a token cleared,
    // a User report replaced) are asked first: the question, and the verb of the button that
    // agrees ("Change region"). Tests replace the question; the one-argument form ignores the verb.
    using Confirm = std::function<bool(const QString& question, const QString& action)>;
    void setConfirm(Confirm confirm) { m_confirm = std::move(confirm); }
    void setConfirm(std::function<bool(const QString& question)> confirm);
    // What to do with unsaved edits before they would be lost; tests replace the question.
    // mayCancel is false when the admin has already moved on (another profile was chosen).
    enum class UnsavedAnswer
    {
        Save,
        Discard,
        Cancel,
    };
    using AskUnsaved = std::function<UnsavedAnswer(const QString& question, bool mayCancel)>;
    void setAskUnsaved(AskUnsaved ask) { m_askUnsaved = std::move(ask); }
    // What the member's team role does not allow, as the services word it: changing the profile
    // (save, validate, publish) and attaching the User report. Empty: allowed.
    void setTeamRefusals(const QString& profiles, const QString& attachReport);

    // Whether a field differs from what is stored.
    bool hasUnsavedEdits() const;
    // Before unsaved edits would be lost, asks to save or discard them (or, when mayCancel, to
    // stay). True when the caller may go on: none were there, or they were saved or discarded.
    enum class Leaving
    {
        Quit,
        OtherProfile,
        Validate,
        Publish,
    };
    bool settleUnsavedEdits(Leaving leaving);
    // The bar at the top of the form with the outcome of the last action.
    MessageBar* messageBar() const { return m_bar; }
    // True while a file the form would take is dragged over it.
    bool isDropTarget() const { return m_dropTarget; }

signals:
    void unsavedEditsChanged(bool unsaved);

public slots:
    void save();
    void validateConnection();
    void publish();
    void setToken();
    void clearToken();
    // Reads and attaches a User report; asks for the columns when it cannot find them, and asks
    // before it replaces an attached one.
    void attachReport(const QString& path);
    // Reads and attaches an HR roster (ProfileFormRoster.cpp): the same questions as a report.
    void attachRoster(const QString& path);

public:
    // Asks which column holds the email and which the status, offering the first rows' values;
    // tests replace the question. The three-argument form is not shown the values.
    using ChooseColumns = std::function<bool(
        const QStringList& headers, const QList<QStringList>& sampleRows, QString* email, QString* status)>;
    void setChooseColumns(ChooseColumns choose) { m_chooseColumns = std::move(choose); }
    void setChooseColumns(
        std::function<bool(const QStringList& headers, QString* email, QString* status)> choose);
    // The same for an HR roster: its email, status and end-date columns (empty: none).
    using ChooseRosterColumns = std::function<bool(
        const QStringList& headers, const QList<QStringList>& sampleRows, HrRosterOptions* columns)>;
    void setChooseRosterColumns(ChooseRosterColumns choose) { m_chooseRosterColumns = std::move(choose); }

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragLeaveEvent(QDragLeaveEvent* event) override;
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
    void showRosterState();
    bool mayReplaceRoster(const QString& path);
    // Asks before an attached User report is replaced; true when there is none or the admin agrees.
    bool mayReplaceReport(const QString& path);
    void setDropTarget(bool target);
    // Follows every field the admin edits: the marker, the tab title, unsavedEditsChanged.
    void followEdits();
    void updateUnsaved();
    // Saves the edits after asking about their consequences; false when nothing was saved.
    bool saveEdits();
    void reload();
    void showStored();
    void refreshState();
    void updateState();
    void showMessage(const QString& text, bool problem);
    IntegrationProfile edited() const;

    ProfileService& m_service;
    IntegrationProfile m_profile;
    Confirm m_confirm;
    AskUnsaved m_askUnsaved;
    ChooseColumns m_chooseColumns;
    ChooseRosterColumns m_chooseRosterColumns;
    QLabel* m_report;
    QLabel* m_roster = nullptr;
    QPushButton* m_attachRoster = nullptr;
    MessageBar* m_bar = nullptr;
    QLabel* m_unsavedLabel = nullptr;
    // The run times as shown after the last reload, to tell an edit from the stored time.
    QTime m_shownSubscriptionsAt;
    QTime m_shownActivityAt;
    bool m_reloading = false;
    bool m_unsaved = false;
    bool m_dropTarget = false;

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
    QComboBox* m_noticeLanguage;
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
