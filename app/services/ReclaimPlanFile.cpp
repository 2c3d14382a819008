#include "services/ReclaimPlanFile.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace rmsam::ReclaimPlanFiles {
namespace {

const QString Format = QStringLiteral("roadmunk-sam reclaim plan");
constexpr int Version = 1;
// Clocks of two machines may differ a little; a plan dated further ahead is not believed.
constexpr qint64 ClockSkewSeconds = 5 * 60;

QString sha256(const QByteArray& bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

// What the candidates were made from, as the database holds it: a change to any of these moves
// the candidate's version too, which the run checks again.
QString dataDigest(const QJsonArray& candidates)
{
    QJsonArray data;
    for (const QJsonValue& v : candidates) {
        const QJsonObject c = v.toObject();
        data.append(QJsonArray { c.value(QLatin1String("number")), c.value(QLatin1String("userId")),
            c.value(QLatin1String("state")), c.value(QLatin1String("version")),
            c.value(QLatin1String("email")), c.value(QLatin1String("justification")) });
    }
    return sha256(QJsonDocument(data).toJson(QJsonDocument::Compact));
}

// The checksum covers every other field; QJsonObject keeps its keys sorted, so the bytes are
// the same whoever writes them.
QString checksumOf(QJsonObject plan)
{
    plan.remove(QLatin1String("checksum"));
    return sha256(QJsonDocument(plan).toJson(QJsonDocument::Compact));
}

// Conflict: what the admin holds is not what was planned (exit 1, like a candidate that changed).
Error refused(const QString& why)
{
    return Error { ErrorCode::Conflict,
        QCoreApplication::translate(
            "rmsam::ReclaimPlanFiles", "The plan is refused: %1 Nobody was deactivated.")
            .arg(why),
        {} };
}

} // namespace

QByteArray write(const IntegrationProfile& profile, const ReclaimOptions& options,
    const QList<ReclaimItem>& preview, const QDateTime& madeAt)
{
    QJsonArray candidates;
    for (const ReclaimItem& i : preview) {
        if (i.outcome != ReclaimItem::Outcome::WouldDeactivate
            && i.outcome != ReclaimItem::Outcome::WouldNotify) {
            continue;
        }
        const RemovalCandidate& c = i.candidate;
        candidates.append(QJsonObject { { QStringLiteral("number"), c.number },
            { QStringLiteral("userId"), c.userId }, { QStringLiteral("email"), c.email },
            { QStringLiteral("verdict"), Reclaim::outcomeCode(i.outcome) },
            { QStringLiteral("justification"), c.justification },
            { QStringLiteral("state"), Candidates::stateCode(c.state) },
            { QStringLiteral("version"), c.rowVersion } });
    }
    QJsonObject plan { { QStringLiteral("format"), Format }, { QStringLiteral("version"), Version },
        { QStringLiteral("profile"),
            QJsonObject {
                { QStringLiteral("id"), profile.id }, { QStringLiteral("name"), profile.displayName } } },
        { QStringLiteral("madeAt"), madeAt.toUTC().toString(Qt::ISODate) },
        { QStringLiteral("max"), options.max }, { QStringLiteral("candidates"), candidates },
        { QStringLiteral("data"), dataDigest(candidates) } };
    plan.insert(QStringLiteral("checksum"), checksumOf(plan));
    return QJsonDocument(plan).toJson(QJsonDocument::Indented);
}

Result<QList<PlannedCandidate>> read(
    const QByteArray& bytes, const IntegrationProfile& profile, const QDateTime& now)
{
    QJsonParseError parsed;
    const QJsonObject plan = QJsonDocument::fromJson(bytes, &parsed).object();
    if (parsed.error != QJsonParseError::NoError
        || plan.value(QLatin1String("format")).toString() != Format) {
        return refused(QCoreApplication::translate(
            "rmsam::ReclaimPlanFiles", "the file is not a plan saved by reclaim --dry-run --save-plan."));
    }
    if (plan.value(QLatin1String("version")).toInt() != Version) {
        return refused(QCoreApplication::translate(
            "rmsam::ReclaimPlanFiles", "it was saved by another version of Roadmunk SAM."));
    }
    const QJsonArray candidates = plan.value(QLatin1String("candidates")).toArray();
    if (plan.value(QLatin1String("checksum")).toString() != checksumOf(plan)
        || plan.value(QLatin1String("data")).toString() != dataDigest(candidates)) {
        return refused(QCoreApplication::translate(
            "rmsam::ReclaimPlanFiles", "the file was changed after it was saved."));
    }
    const QJsonObject owner = plan.value(QLatin1String("profile")).toObject();
    if (owner.value(QLatin1String("id")).toInteger() != profile.id
        || owner.value(QLatin1String("name")).toString() != profile.displayName) {
        return refused(
            QCoreApplication::translate("rmsam::ReclaimPlanFiles", "it was made for the profile \"%1\".")
                .arg(owner.value(QLatin1String("name")).toString()));
    }
    const QDateTime madeAt
        = QDateTime::fromString(plan.value(QLatin1String("madeAt")).toString(), Qt::ISODate);
    const qint64 age = madeAt.isValid() ? madeAt.secsTo(now) : -1;
    if (!madeAt.isValid() || age < -ClockSkewSeconds) {
        return refused(QCoreApplication::translate(
            "rmsam::ReclaimPlanFiles", "its date is not one this computer believes."));
    }
    if (age > MaxAgeSeconds) {
        return refused(QCoreApplication::translate("rmsam::ReclaimPlanFiles",
            "it is older than 24 hours; make a new one with reclaim --dry-run --save-plan."));
    }
    QList<PlannedCandidate> planned;
    for (const QJsonValue& v : candidates) {
        const QJsonObject c = v.toObject();
        const auto state = Candidates::stateFromCode(c.value(QLatin1String("state")).toString());
        if (!state) {
            return refused(QCoreApplication::translate(
                "rmsam::ReclaimPlanFiles", "the file was changed after it was saved."));
        }
        planned.append(
            { c.value(QLatin1String("number")).toInteger(), c.value(QLatin1String("userId")).toString(),
                *state, c.value(QLatin1String("version")).toInteger() });
    }
    if (planned.isEmpty()) {
        return refused(QCoreApplication::translate("rmsam::ReclaimPlanFiles", "it deactivates nobody."));
    }
    return planned;
}

} // namespace rmsam::ReclaimPlanFiles
