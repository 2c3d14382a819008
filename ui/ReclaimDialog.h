#pragma once

#include "core/IntegrationProfile.h"
#include "services/ReclaimJob.h"

#include <QDialog>
#include <QHash>
#include <QSet>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace rmsam {

class JobLauncher;
class ReclamationService;
class RecordTable;
class Services;

// Reclaim seats: first the dry run (who would be deactivated, why, and the savings), then a
// confirmation by typing the number of users, then the run with progress, Cancel and each
// candidate's outcome.
class ReclaimDialog : public QDialog
{
    Q_OBJECT

public:
    ReclaimDialog(Services& services, IntegrationProfile profile, QWidget* parent = nullptr);

    QLineEdit* confirmField() const { return m_confirm; }
    QPushButton* reclaimButton() const { return m_reclaim; }
    QSpinBox* maxField() const { return m_max; }
    // Leaves the selected users out of the run, or takes them back in when all are out.
    QPushButton* leaveOutButton() const { return m_leaveOut; }
    RecordTable* table() const { return m_table; }
    const ReclaimOutcome& outcome() const { return m_outcome; }
    bool isRunning() const { return m_running; }
    // The number the admin must type: how many users the run would deactivate.
    int deactivationCount() const;

signals:
    void reclaimed(); // a run ended; candidates may have changed

private:
    void plan();
    void showItems();
    void updateConfirmation();
    void run();
    void finished(const ReclaimOutcome& outcome);
    void toggleLeftOut();
    void showPreviewHeading();
    bool takes(const ReclaimItem& item) const; // would deactivate or notify, and not left out
    // Sends the notices of the run's Awaiting User candidates; says how many went out.
    void sendNotices(const QString& heading);

    ReclamationService& m_reclamation;
    JobLauncher& m_launcher;
    IntegrationProfile m_profile;
    QString m_refusal; // why a real run may not start, or empty
    ReclaimOutcome m_outcome;
    QLabel* m_heading;
    RecordTable* m_table;
    QLabel* m_savings;
    QSpinBox* m_max;
    QLabel* m_confirmLabel;
    QLineEdit* m_confirm;
    QProgressBar* m_progress;
    QPushButton* m_reclaim;
    QPushButton* m_cancel;
    QPushButton* m_leaveOut;
    QSet<qint64> m_leftOut; // candidate numbers the admin took out of the preview
    QHash<QString, qint64> m_numberByText; // the table's number column → candidate number
    QDialogButtonBox* m_buttons;
    bool m_running = false; // this dialog's run
};

} // namespace rmsam
