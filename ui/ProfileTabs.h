#pragma once

#include <QTabWidget>

namespace rmsam {

class ProfileForm;
class ProfileService;
class RecordTable;

// A profile and its related lists: the form, then Subscriptions, Activity, Unrecognized
// subscription identifiers, Scheduled jobs, Job results and Software models.
class ProfileTabs : public QTabWidget
{
    Q_OBJECT

public:
    ProfileTabs(ProfileService& service, QWidget* parent = nullptr);

    ProfileForm* form() const { return m_form; }
    RecordTable* table(const QString& objectName) const;
    QList<RecordTable*> tables() const { return m_tables; }

    void showProfile(qint64 id);
    void reloadTables();

signals:
    void countChanged(const QString& text);

private:
    RecordTable* addTable(const QString& objectName, const QString& title, const QList<QPair<QString, QString>>& columns);

    ProfileService& m_service;
    ProfileForm* m_form;
    QList<RecordTable*> m_tables;
    qint64 m_profileId = 0;
};

} // namespace rmsam
