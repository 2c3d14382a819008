#include "services/ReclamationService.h"

#include "storage/Database.h"
#include "storage/ExclusionRepository.h"
#include "storage/ProfileRepository.h"
#include "storage/ReclamationRepository.h"
#include "storage/SubscriptionRepository.h"

#include <algorithm>
#include <tuple>

namespace rmsam {

ReclamationService::ReclamationService(Database& database)
    : m_database(database)
{ }

Result<ReclamationRule> ReclamationService::rule(qint64 profileId)
{
    return ReclamationRepository(m_database).rule(profileId);
}

Result<QList<Entitlement>> ReclamationService::entitlements(qint64 profileId)
{
    return ReclamationRepository(m_database).entitlements(profileId);
}

Result<void> ReclamationService::saveSettings(
    const ReclamationRule& rule, const QList<Entitlement>& entitlements, const QList<Entitlement>& read)
{
    if (auto valid = ReclamationRules::check(rule); !valid) {
        return valid;
    }
    for (const Entitlement& e : entitlements) {
        if (auto valid = Entitlements::check(e); !valid) {
            return valid;
        }
    }
    ReclamationRepository repository(m_database);
    return inTransaction(m_database.connection(), [&]() -> Result<void> {
        if (auto stored = repository.saveRule(rule); !stored) {
            return stored;
        }
        for (SeatType type : { SeatType::CollaboratorType, SeatType::Reviewer }) {
            const auto ofType = [type](const Entitlement& e) { return e.seatType == type; };
            const auto set = std::find_if(entitlements.cbegin(), entitlements.cend(), ofType);
            const auto opened = std::find_if(read.cbegin(), read.cend(), ofType);
            const qint64 version = opened != read.cend() ? opened->rowVersion : 0;
            Entitlement e = set != entitlements.cend() ? *set : Entitlement {};
            e.rowVersion = version;
            auto stored = set != entitlements.cend()
                ? repository.saveEntitlement(e)
                : repository.removeEntitlement(rule.profileId, type, version);
            if (!stored) {
                return stored;
            }
        }
        return {};
    });
}

Result<void> ReclamationService::saveRule(const ReclamationRule& rule)
{
    return ReclamationRepository(m_database).saveRule(rule);
}

Result<void> ReclamationService::saveEntitlement(const Entitlement& entitlement)
{
    return ReclamationRepository(m_database).saveEntitlement(entitlement);
}

Result<QList<LicensePosition>> ReclamationService::licensePositions(qint64 profileId)
{
    return Reclamation::licensePositions(m_database, profileId, QDateTime::currentDateTime());
}

Result<QList<RemovalCandidate>> ReclamationService::candidates(qint64 profileId)
{
    return ReclamationRepository(m_database).candidates(profileId);
}

Result<RemovalCandidate> ReclamationService::candidate(qint64 number)
{
    return ReclamationRepository(m_database).candidate(number);
}

Result<RemovalCandidate> ReclamationService::apply(
    qint64 number, CandidateAction action, const QString& actor, const QString& note, qint64 readVersion)
{
    return ReclamationRepository(m_database).apply(number, action, actor, note, readVersion);
}

Result<void> ReclamationService::addNote(qint64 number, const QString& actor, const QString& note)
{
    return ReclamationRepository(m_database).addNote(number, actor, note);
}

Result<QList<CandidateEvent>> ReclamationService::history(qint64 number)
{
    return ReclamationRepository(m_database).history(number);
}

Result<QList<ReclaimItem>> ReclamationService::plan(
    const IntegrationProfile& profile, const ReclaimOptions& options)
{
    return Reclaim::plan(m_database, profile, options);
}

Result<EvaluationSummary> ReclamationService::evaluate(qint64 profileId)
{
    return Reclamation::evaluate(m_database, profileId, QDateTime::currentDateTimeUtc());
}

Result<QList<ExclusionRule>> ReclamationService::exclusions()
{
    return ExclusionRepository(m_database).list();
}

Result<ExclusionRule> ReclamationService::addExclusion(ExclusionRule::Kind kind, const QString& value)
{
    return ExclusionRepository(m_database).add(kind, value);
}

Result<void> ReclamationService::removeExclusion(ExclusionRule::Kind kind, const QString& value)
{
    return ExclusionRepository(m_database).remove(kind, value);
}

Result<QList<ExclusionMatches>> ReclamationService::exclusionMatches(qint64 profileId)
{
    auto rules = ExclusionRepository(m_database).list();
    if (!rules) {
        return rules.error();
    }
    auto subscriptions = SubscriptionRepository(m_database).subscriptions(profileId);
    if (!subscriptions) {
        return subscriptions.error();
    }
    QList<ExclusionMatches> matches;
    for (const ExclusionRule& rule : rules.value()) {
        const int matched = int(std::count_if(subscriptions.value().cbegin(), subscriptions.value().cend(),
            [&rule](const SoftwareSubscription& s) { return Exclusions::isExcluded(s, { rule }); }));
        matches.append({ rule, matched });
    }
    return matches;
}

Result<void> ReclamationService::addSampleEntitlements()
{
    auto profiles = ProfileRepository(m_database).list();
    if (!profiles) {
        return profiles.error();
    }
    ReclamationRepository repository(m_database);
    for (const IntegrationProfile& p : profiles.value()) {
        if (!p.isPublished()) {
            continue;
        }
        auto stored = repository.entitlements(p.id);
        if (!stored) {
            return stored.error();
        }
        if (!stored.value().isEmpty()) {
            continue;
        }
        for (const auto& [type, owned, price] : { std::tuple { SeatType::CollaboratorType, 380, 19.0 },
                 std::tuple { SeatType::Reviewer, 130, 5.0 } }) {
            Entitlement e;
            e.profileId = p.id;
            e.seatType = type;
            e.owned = owned;
            e.price = price;
            e.period = Entitlement::Period::Month;
            e.currency = QStringLiteral("USD");
            if (auto saved = repository.saveEntitlement(e); !saved) {
                return saved;
            }
        }
    }
    return {};
}

NoticeDispatchOutcome ReclamationService::sendNotices(const IntegrationProfile& profile,
    const SmtpSettings& settings, NoticeDispatcher::Send send, NoticeDispatchOptions options)
{
    return NoticeDispatcher(m_database, profile, settings, std::move(send), std::move(options)).run();
}

} // namespace rmsam
