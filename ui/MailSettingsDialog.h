#pragma once

#include "core/SmtpSettings.h"
#include "mail/SmtpSender.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace rmsam {

class MailService;

// Settings › E-mail: the organisation's SMTP relay that notices go through. The settings are
// the database's (a team shares them); a password typed here goes to this computer's keychain on
// Save and is never shown back. "Send test message" sends, on a worker thread, with what the form
// holds, so a relay can be tried before the settings are saved.
class MailSettingsDialog : public QDialog
{
    Q_OBJECT

public:
    MailSettingsDialog(MailService& mail, QWidget* parent = nullptr);
    ~MailSettingsDialog() override;

    // The settings the form holds.
    SmtpSettings settings() const;
    // Sends a test message to the address in the test field; testFinished() tells the outcome.
    void sendTestMessage();

signals:
    void testFinished(rmsam::SendOutcome::Status status);
    void saved();

private:
    QDialogButtonBox* buildForm();
    void connectForm(QDialogButtonBox* buttons);
    void load();
    void showPasswordState(const SmtpSettings& stored);
    void save();
    void showError(const QString& text);
    void sendWith(const SmtpSender& sender, const QString& to);
    void updateState();

    MailService& m_mail;
    QLineEdit* m_host;
    QSpinBox* m_port;
    QComboBox* m_security;
    QLineEdit* m_from;
    QLineEdit* m_replyTo;
    QLineEdit* m_user;
    QLineEdit* m_password;
    QLabel* m_passwordState;
    QLineEdit* m_caFile;
    QPushButton* m_browse;
    QSpinBox* m_perMinute;
    QLineEdit* m_testTo;
    QPushButton* m_test;
    QLabel* m_outcome;
    QPushButton* m_save;
    bool m_busy = false;
};

} // namespace rmsam
