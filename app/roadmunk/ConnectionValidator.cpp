#include "roadmunk/ConnectionValidator.h"

#include "roadmunk/Queries.h"
#include "roadmunk/RoadmunkClient.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace rmsam {
namespace {

QString stepDescription(int step)
{
    switch (step) {
    case 0:
        return QCoreApplication::translate("rmsam::ConnectionValidator", "Checking the API token…");
    case 1:
        return QCoreApplication::translate("rmsam::ConnectionValidator", "Reading the account…");
    case 2:
        return QCoreApplication::translate(
            "rmsam::ConnectionValidator", "Listing users (Download subscriptions)…");
    case 3:
        return QCoreApplication::translate(
            "rmsam::ConnectionValidator", "Listing roadmaps (Download activity)…");
    }
    return {};
}

GraphQlRequest stepRequest(int step)
{
    switch (step) {
    case 0:
        return Queries::tokenIdentity();
    case 1:
        return Queries::account();
    case 2:
        return Queries::usersPage(1, 0);
    default:
        return Queries::roadmapsPage(1, 0);
    }
}

} // namespace

ConnectionValidator::ConnectionValidator(RoadmunkClient* client, QObject* parent)
    : QObject(parent)
    , m_client(client)
{ }

void ConnectionValidator::start()
{
    m_cancelled = false;
    m_report = {};
    runStep(0);
}

void ConnectionValidator::cancel()
{
    m_cancelled = true;
    m_client->abortAll();
    emit finished(Error { ErrorCode::Cancelled,
        QCoreApplication::translate("rmsam::ConnectionValidator", "Validation was cancelled."), {} });
}

void ConnectionValidator::runStep(int step)
{
    if (step == StepCount) {
        emit progress(StepCount, StepCount,
            QCoreApplication::translate("rmsam::ConnectionValidator", "Connection validated."));
        emit finished(m_report);
        return;
    }
    emit progress(step, StepCount, stepDescription(step));
    m_client->execute(stepRequest(step), [this, step](Result<QJsonObject> result) {
        if (m_cancelled) {
            return;
        }
        if (!result) {
            fail(result.error(), stepDescription(step));
            return;
        }
        const QJsonObject data = result.value();
        switch (step) {
        case 0:
            m_report.tokenName = data.value(QLatin1String("token"))
                                     .toObject()
                                     .value(QLatin1String("displayName"))
                                     .toString();
            break;
        case 1: {
            const QJsonObject account = data.value(QLatin1String("account")).toObject();
            // An ID is a string on the wire, but a number is as good.
            m_report.accountId = account.value(QLatin1String("id")).toVariant().toString();
            m_report.companyName = account.value(QLatin1String("companyName")).toString();
            m_report.packageName
                = account.value(QLatin1String("package")).toObject().value(QLatin1String("name")).toString();
            break;
        }
        case 2:
            m_report.usersListed
                = data.value(QLatin1String("users")).toObject().value(QLatin1String("page")).isArray();
            break;
        case 3:
            m_report.roadmapsListed
                = data.value(QLatin1String("roadmaps")).toObject().value(QLatin1String("page")).isArray();
            break;
        }
        if ((step == 2 && !m_report.usersListed) || (step == 3 && !m_report.roadmapsListed)) {
            fail(Error { ErrorCode::ProtocolError,
                     QCoreApplication::translate("rmsam::ConnectionValidator",
                         "Roadmunk's answer did not contain the expected list."),
                     {} },
                stepDescription(step));
            return;
        }
        runStep(step + 1);
    });
}

void ConnectionValidator::fail(Error error, const QString& what)
{
    if (error.code == ErrorCode::TokenLacksRights) {
        error.message = QCoreApplication::translate("rmsam::ConnectionValidator",
            "The token cannot list users, so it lacks the rights the integration needs. Create "
            "the API token while signed in as an Account Admin, then set it again. (%1)")
                            .arg(error.detail);
    }
    error.detail = QStringLiteral("%1 %2").arg(what, error.detail);
    emit finished(error);
}

} // namespace rmsam
