#pragma once

#include "core/IntegrationProfile.h"
#include "services/ReclaimJob.h"

#include <QDialog>
#include <QPointer>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace rmsam {

class ProfileService;
class RecordTable;

// Reclaim seats: first the dry run (who would be deactivated, why, and the savings), then a
// confirmation by typing the number of users, then the run with progress, Cancel and each
// candidate's outcome.
class ReclaimDialog : public QDialog
{
    Q_OBJECT

public:
    ReclaimDialog(ProfileService& service, IntegrationProfile profile, QWidget* parent = nullptr);

    QLineEdit* confirmField() const { return m_confirm; }
    QPushButton* reclaimButton() const { return m_reclaim; }
    QSpinBox* maxField() const { return m_max; }
    RecordTable* table() const { return m_table; }
    const ReclaimOutcome& outcome() const { return m_outcome; }
    bool isRunning() const { return m_job != nullptr; }
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

    ProfileService& m_service;
    IntegrationProfile m_profile;
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
    QDialogButtonBox* m_buttons;
    QPointer<ReclaimJob> m_job;
};

} // namespace rmsam
