#pragma once

#include "core/Exclusion.h"

#include <QWidget>
#include <functional>
#include <optional>

class QLabel;
class QPushButton;

namespace rmsam {

class ReclamationService;
class RecordTable;
class Services;

// The Exclusion rules tab: the table, and adding or removing a rule (a user in every profile, or
// a subscription identifier) through the same service as `exclude add|remove`. The team role
// decides whether the buttons are enabled. Its dialogs are opened, not executed, so that the
// window (and a test) keeps running while they wait for an answer.
class ExclusionsPanel : public QWidget
{
    Q_OBJECT

public:
    ExclusionsPanel(Services& services, RecordTable* table, QWidget* parent = nullptr);

    RecordTable* table() const { return m_table; }
    void setProfile(qint64 profileId);
    QPushButton* addUserButton() const { return m_addUser; }
    QPushButton* addIdentifierButton() const { return m_addIdentifier; }
    QPushButton* removeButton() const { return m_remove; }
    // The rule on the selected row.
    std::optional<ExclusionRule> selectedRule() const;

    // What the dialogs do once answered: store or delete the rule, then evaluate the profile so
    // that its removal candidates follow now, not at the next sync.
    Result<ExclusionRule> add(ExclusionRule::Kind kind, const QString& value);
    Result<void> remove(ExclusionRule::Kind kind, const QString& value);

public slots:
    // Asks to confirm, then excludes the user in every profile (a row's "Exclude this user").
    void excludeUser(const QString& email);
    void askUser();
    void askIdentifier();
    // Asks to confirm, then removes the rule on the selected row (the button, the Delete key).
    void removeSelected();
    void updateActions();

signals:
    void changed(); // a rule was added or removed: reload the tables

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void askValue(ExclusionRule::Kind kind);
    // Asks `question` with Yes and No; `yes` runs on Yes.
    // Asks with a button named for what it does (`verb`) and Cancel; runs `yes` on the verb.
    void confirm(
        const QString& question, const QString& detail, const QString& verb, std::function<void()> yes);
    void warn(const QString& message);
    Result<void> reevaluate();

    Services& m_services;
    ReclamationService& m_reclamation;
    RecordTable* m_table;
    qint64 m_profileId = 0;
    QPushButton* m_addUser;
    QPushButton* m_addIdentifier;
    QPushButton* m_remove;
    QLabel* m_message;
};

} // namespace rmsam
