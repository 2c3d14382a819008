#pragma once

#include <QObject>
#include <QSet>
#include <QStringList>
#include <QTimer>
#include <optional>

namespace rmsam {

class Database;

// Changes other clients commit, as they happen, heard on the connection of the thread that
// starts this, which must run an event loop (the GUI thread).
// - A team database: its triggers announce each committed change on a notification channel
//   (PostgreSQL LISTEN/NOTIFY), naming the client; this client's own are left out.
// - A single admin's SQLite file: the command line or another window writes it too. SQLite's
//   data_version tells when another connection committed, and the change log which tables it
//   changed (polled every PollMs). This process's own sync threads are other connections too:
//   the window calls catchUp() when one finishes, as it reads their results afresh.
class LiveUpdates : public QObject
{
    Q_OBJECT

public:
    // How long announcements are gathered before one changedElsewhere(): a sync's statements
    // arrive together, and one refresh serves them all.
    static constexpr int GatherMs = 250;
    static constexpr int PollMs = 1000;

    explicit LiveUpdates(Database& database, QObject* parent = nullptr);

    // Starts listening; false (and nothing to hear) when the server refused.
    bool start();
    bool isListening() const { return m_listening; }
    // SQLite: what was committed until now is not news (the caller reads it afresh).
    void catchUp();

signals:
    // Tables another client (another member, another process, another window) committed
    // changes to: "removal_candidate", "job_result", …
    void changedElsewhere(const QStringList& tables);

private:
    void heard(const QString& channel, const QVariant& payload);
    bool listenToServer();
    void poll();
    void gather(const QString& table);
    std::optional<qint64> dataVersion();
    std::optional<qint64> lastLogId();

    Database& m_database;
    QTimer m_gather;
    QTimer m_poll;
    qint64 m_dataVersion = -1;
    qint64 m_lastLogId = 0;
    QSet<QString> m_tables;
    bool m_listening = false;
};

} // namespace rmsam
