#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace rmsam {

class ProfileService;

// Settings › Database: this computer's own database (SQLite in the data folder) or a team
// database on a PostgreSQL server, with a connection test. The address goes to the settings, a
// password the admin types to the OS keychain; the choice takes effect when the app starts again.
class DatabaseDialog : public QDialog
{
    Q_OBJECT

public:
    // current: the database in use, a postgresql:// URL or a data folder.
    DatabaseDialog(ProfileService& service, const QString& current, QWidget* parent = nullptr);
    ~DatabaseDialog() override;

    // The chosen address, empty for this computer's own database.
    QString address() const;
    // Tests the connection with what the form holds; the outcome shows under the button.
    void testConnection();

signals:
    void testFinished(bool connected);

private:
    void updateState();
    void save();
    void showOutcome(bool connected, const QString& text);

    ProfileService& m_service;
    QRadioButton* m_local;
    QRadioButton* m_team;
    QLineEdit* m_url;
    QLineEdit* m_password;
    QPushButton* m_test;
    QLabel* m_outcome;
    QPushButton* m_ok;
    bool m_testing = false;
};

} // namespace rmsam
