#pragma once

#include "core/Reclamation.h"

#include <QDialog>
#include <QHash>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QDoubleSpinBox;
class QGridLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace rmsam {

class ReclamationService;

// A profile's reclamation rule and its entitlements (seats owned, price and the contract's term
// per seat type).
// When they cannot be read, the dialog says why and does not save: the defaults it would show
// must not replace what is stored.
class ReclamationSettingsDialog : public QDialog
{
    Q_OBJECT

public:
    ReclamationSettingsDialog(ReclamationService& service, qint64 profileId, QWidget* parent = nullptr);
    // Shows the settings without letting them be saved, saying why (the member's team role).
    // Nothing changes for an empty reason.
    void setReadOnlyReason(const QString& reason);

    // The rule and entitlements as the fields say.
    ReclamationRule rule() const;
    QList<Entitlement> entitlements() const;
    // Checks and stores both; on failure shows why and keeps the dialog open.
    void accept() override;

private:
    struct EntitlementFields
    {
        QCheckBox* set;
        QSpinBox* owned;
        QDoubleSpinBox* price;
        QComboBox* period;
        QLineEdit* currency;
        // The contract's term: a date is known only while its box is checked.
        QCheckBox* termStarts;
        QDateEdit* termStart;
        QCheckBox* renews;
        QDateEdit* renewal;
        QSpinBox* noticeDays;
        QSpinBox* bufferPercent;
    };

    QWidget* buildRuleBox(const ReclamationRule& rule);
    QWidget* buildEntitlementBox(const QList<Entitlement>& stored);
    // The term fields of one seat type, on their own row of the grid.
    void addTermRow(QGridLayout* grid, int row, EntitlementFields& f, SeatType type);
    static void showTerm(const EntitlementFields& f, const Entitlement& e);
    static void readTerm(const EntitlementFields& f, Entitlement& e);
    static void enableTerm(const EntitlementFields& f);
    // Reads the rule and entitlements again and shows them (after someone else changed them).
    void reload();
    void showRule(const ReclamationRule& rule);
    void showEntitlements(const QList<Entitlement>& stored);

    ReclamationService& m_service;
    qint64 m_profileId;
    QSpinBox* m_threshold;
    QHash<QString, QCheckBox*> m_roles;
    QCheckBox* m_includeNoActivity;
    QSpinBox* m_grace;
    QCheckBox* m_notify;
    QSpinBox* m_notifyDays;
    QSpinBox* m_reminderDays;
    QHash<SeatType, EntitlementFields> m_entitlements;
    QLabel* m_problem;
    QPushButton* m_save;
    // As read when the dialog opened or last reloaded: their row versions are what Save checks.
    qint64 m_ruleVersion = 0;
    QList<Entitlement> m_read;
};

} // namespace rmsam
