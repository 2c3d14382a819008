#pragma once

#include "core/Result.h"

#include <QObject>
#include <QString>
#include <QStringList>

namespace rmsam {

class RoadmunkClient;
struct GraphQlRequest;

// What a successful validation learned, for display.
struct ValidationReport
{
    QString tokenName;
    QString accountId; // Roadmunk's id of the account: two profiles with one id share it
    QString companyName;
    QString packageName;
    // What the app found wrong about the result without failing it (ProfileService fills them),
    // translated, each a sentence or two.
    QStringList warnings;
    bool usersListed = false;
    bool roadmapsListed = false;
};

// "Validate connection": proves the token and endpoint work for the calls the download jobs
// make (users and roadmaps, limit 1) and reads the token's and account's names for display.
// Reclaim rights are not tested: that would need a mutation.
class ConnectionValidator : public QObject
{
    Q_OBJECT

public:
    static constexpr int StepCount = 4;

    explicit ConnectionValidator(RoadmunkClient* client, QObject* parent = nullptr);

    void start();
    void cancel();

signals:
    void progress(int step, int total, const QString& description);
    void finished(const rmsam::Result<rmsam::ValidationReport>& result);

private:
    void runStep(int step);
    void fail(Error error, const QString& what);

    RoadmunkClient* m_client;
    ValidationReport m_report;
    bool m_cancelled = false;
};

} // namespace rmsam
