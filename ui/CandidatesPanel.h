#pragma once

#include "core/Reclamation.h"
#include "services/CandidateCheck.h"

#include <QHash>
#include <QWidget>
#include <optional>

class QLabel;
class QPushButton;

namespace rmsam {

class JobLauncher;
class ReclamationService;
class RecordTable;
class Services;

// The Removal candidates tab: the table, the run-wide actions (Reclaim…, rule and
// entitlements) and the actions on the selected candidate, each enabled only when the state
// machine allows it.
class CandidatesPanel : public QWidget
{
    Q_OBJECT

public:
    CandidatesPanel(Services& services, RecordTable* table, QWidget* parent = nullptr);

    RecordTable* table() const { return m_table; }
    void setProfile(qint64 profileId);
    std::optional<qint64> selectedNumber() const;
    QPushButton* actionButton(CandidateAction action) const { return m_actions.value(action); }
    QPushButton* reclaimButton() const { return m_reclaim; }
    QString reclaimDisabledReason() const;

    // Moves the selected candidate as it was when selected (its row version); the note is asked
    // for by the caller (GUI: a dialog). When someone changed it since, the error is Conflict and
    // the tables reload.
    Result<RemovalCandidate> apply(CandidateAction action, const QString& note = {});

public slots:
    void updateActions();
    void openReclaim();
    void openSettings();

signals:
    void changed(); // candidates, the rule or entitlements changed: reload the tables

private:
    // Asks for the work note (required to leave Attention Required), then applies the action.
    void moveSelected(CandidateAction action);
    void addNote();
    void showNotice();
    // Starts sending the profile's due notice e-mails when e-mail is set up; false when not.
    bool sendNotices(bool sayWhyNot);
    void connectNotices();
    void showHistory();
    void recheck();
    void checked(qint64 number, const Result<CandidateFindings>& findings);
    // The selected candidate, or why there is none to act on (nothing selected: no error).
    std::optional<Result<RemovalCandidate>> selectedCandidate();

    Services& m_services;
    ReclamationService& m_reclamation;
    JobLauncher& m_launcher;
    RecordTable* m_table;
    qint64 m_profileId = 0;
    QPushButton* m_reclaim;
    QLabel* m_reason;
    QLabel* m_mailStatus; // what the notice e-mails did
    QHash<CandidateAction, QPushButton*> m_actions;
    QPushButton* m_note;
    QPushButton* m_notice;
    QPushButton* m_history;
    QPushButton* m_recheck;
    // The selected candidate's number and row version as last read: what the admin acts on.
    std::optional<std::pair<qint64, qint64>> m_loaded;
    qint64 m_checking = 0; // the candidate a re-check is reading in Roadmunk
};

} // namespace rmsam
