#pragma once

#include <QObject>
#include <QSet>
#include <QStringList>
#include <QTimer>

namespace rmsam {

class Database;

// Changes other members commit to a team database, as they happen: the database's triggers
// announce each committed change on a notification channel (PostgreSQL LISTEN/NOTIFY), and this
// listens on the connection of the thread that starts it, which must run an event loop (the GUI
// thread). A single admin's SQLite database has no other writers to hear of.
class LiveUpdates : public QObject
{
    Q_OBJECT

public:
    // How long announcements are gathered before one changedElsewhere(): a sync's statements
    // arrive together, and one refresh serves them all.
    static constexpr int GatherMs = 250;

    explicit LiveUpdates(Database& database, QObject* parent = nullptr);

    // Starts listening; false (and nothing to hear) on SQLite or when the server refused.
    bool start();
    bool isListening() const { return m_listening; }

signals:
    // Tables another client (another member, another process, another window) committed
    // changes to: "removal_candidate", "job_result", …
    void changedElsewhere(const QStringList& tables);

private:
    void heard(const QString& channel, const QVariant& payload);

    Database& m_database;
    QTimer m_gather;
    QSet<QString> m_tables;
    bool m_listening = false;
};

} // namespace rmsam
