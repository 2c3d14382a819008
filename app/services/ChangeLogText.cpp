#include "services/ChangeLogText.h"

#include "core/IntegrationProfile.h"
#include "core/Jobs.h"
#include "core/Reclamation.h"
#include "core/Region.h"
#include "core/Subscription.h"
#include "services/ReclaimJob.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>
#include <functional>
#include <mutex>
#include <optional>
#include <unordered_map>

namespace rmsam::ChangeLogText {
namespace {

constexpr const char* Context = "rmsam::ChangeLogText";

QString t(const char* source)
{
    return QCoreApplication::translate(Context, source);
}

const QString Arrow = QStringLiteral(" → ");
const QString Separator = QStringLiteral("; ");

// A value as the triggers wrote it, in the user's words.
using Value = std::function<QString(const QString&)>;

QString asIs(const QString& value)
{
    return value;
}

// 0/1 on SQLite, false/true (or f/t) on PostgreSQL; "-" (none) stays.
QString yesNo(const QString& value)
{
    static const QStringList yes = { QStringLiteral("1"), QStringLiteral("true"), QStringLiteral("t") };
    static const QStringList no = { QStringLiteral("0"), QStringLiteral("false"), QStringLiteral("f") };
    return yes.contains(value) ? t(QT_TRANSLATE_NOOP("rmsam::ChangeLogText", "Yes"))
        : no.contains(value)   ? t(QT_TRANSLATE_NOOP("rmsam::ChangeLogText", "No"))
                               : value;
}

QString profileStatus(const QString& code)
{
    const auto status = statusFromCode(code);
    return status ? statusDisplayName(*status) : code;
}

QString region(const QString& code)
{
    const auto r = Regions::fromCode(code);
    return r ? Regions::displayName(*r) : code;
}

QString candidateState(const QString& code)
{
    const auto state = Candidates::stateFromCode(code);
    return state ? Candidates::stateDisplayName(*state) : code;
}

// "collaborator,reviewer"
QString roles(const QString& codes)
{
    QStringList names;
    for (const QString& code : codes.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        names.append(Roles::displayName(code.trimmed()));
    }
    return names.isEmpty() ? codes : names.join(QStringLiteral(", "));
}

QString period(const QString& code)
{
    const auto p = Entitlements::periodFromCode(code);
    if (!p) {
        return code;
    }
    return *p == Entitlement::Period::Month ? t(QT_TRANSLATE_NOOP("rmsam::ChangeLogText", "month"))
                                            : t(QT_TRANSLATE_NOOP("rmsam::ChangeLogText", "year"));
}

struct Label
{
    const char* label; // as the triggers write it, and the source text of its translation
    Value value;
};

// The labels of "<label> <old> → <new>", longest first ("notify days" before "notify").
const QList<Label>& labels()
{
    static const QList<Label> all = [] {
        QList<Label> l = {
            { QT_TRANSLATE_NOOP("rmsam::ChangeLogText", "name"), asIs },
            { QT_TRANSLATE_NOOP("rmsam::ChangeLogText", "status"), profileStatus },
            { QT_TRANSLATE_NOOP("rmsam::ChangeLogText", "region"), region },
            { QT_TRANSLATE_NOOP("rmsam::ChangeLogText", "endpoint"), asIs },
            { QT_TRANSLATE_NOOP("rmsam::ChangeLogText", "download activity"), yesNo },
            { QT_TRANSLATE_NOOP("rmsam::ChangeLogText", "activity from"), asIs },
            { QT_TRANSLATE_NOOP("rmsam::ChangeLogText", "reclaim"), yesNo },
            { QT_TRANSLATE_NOOP("rmsam::ChangeLogText", "parallel requests"), asIs },
            { QT_TRANSLATE_NOOP("rmsam::ChangeLogText", "report max age"), asIs },
            { QT_TRANSLATE_NOOP("rmsam::ChangeLogText", "largest answer MB"), asIs },
            { QT_TRANSLATE_NOOP("rmsam::ChangeLogText", "active"), yesNo },
            { QT_TRANSLATE_NOOP("rmsam::ChangeLogText", "profile type"), asIs },
            { QT_TRANSLATE_NOOP("rmsam::ChangeLogText", "state"), candidateState },
            { QT_TRANSLATE_NOOP("rmsam::ChangeLogText", "threshold"), asIs },
            { QT_TRANSLATE_NOOP("rmsam::ChangeLogText", "roles"), roles },
            { QT_TRANSLATE_NOOP("rmsam::ChangeLogText", "no activity"), yesNo },
            { QT_TRANSLATE_NOOP("rmsam::ChangeLogText", "grace"), asIs },
            { QT_TRANSLATE_NOOP("rmsam::ChangeLogText", "notify"), yesNo },
            { QT_TRANSLATE_NOOP("rmsam::ChangeLogText", "notify days"), asIs },
            { QT_TRANSLATE_NOOP("rmsam::ChangeLogText", "owned"), asIs },
            { QT_TRANSLATE_NOOP("rmsam::ChangeLogText", "price"), asIs },
            { QT_TRANSLATE_NOOP("rmsam::ChangeLogText", "period"), period },
            { QT_TRANSLATE_NOOP("rmsam::ChangeLogText", "currency"), asIs },
            { QT_TRANSLATE_NOOP("rmsam::ChangeLogText", "time"), asIs },
            { QT_TRANSLATE_NOOP("rmsam::ChangeLogText", "reminder days"), asIs },
            { QT_TRANSLATE_NOOP("rmsam::ChangeLogText", "term start"), asIs },
            { QT_TRANSLATE_NOOP("rmsam::ChangeLogText", "renewal"), asIs },
            { QT_TRANSLATE_NOOP("rmsam::ChangeLogText", "notice days"), asIs },
            { QT_TRANSLATE_NOOP("rmsam::ChangeLogText", "buffer"), asIs },
            { QT_TRANSLATE_NOOP("rmsam::ChangeLogText", "notice language"), asIs },
            // The e-mail relay's settings (smtp_settings).
            { QT_TRANSLATE_NOOP("rmsam::ChangeLogText", "host"), asIs },
            { QT_TRANSLATE_NOOP("rmsam::ChangeLogText", "port"), asIs },
            { QT_TRANSLATE_NOOP("rmsam::ChangeLogText", "security"), asIs },
            { QT_TRANSLATE_NOOP("rmsam::ChangeLogText", "from"), asIs },
            { QT_TRANSLATE_NOOP("rmsam::ChangeLogText", "reply-to"), asIs },
            { QT_TRANSLATE_NOOP("rmsam::ChangeLogText", "user"), asIs },
            { QT_TRANSLATE_NOOP("rmsam::ChangeLogText", "CA file"), asIs },
            { QT_TRANSLATE_NOOP("rmsam::ChangeLogText", "per minute"), asIs },
        };
        std::stable_sort(l.begin(), l.end(),
            [](const Label& a, const Label& b) { return qstrlen(a.label) > qstrlen(b.label); });
        return l;
    }();
    return all;
}

// The summaries and parts that are only words.
QString fixedText(const QString& text)
{
    static const QHash<QString, const char*> texts = [] {
        QHash<QString, const char*> h;
        for (const char* s : { QT_TRANSLATE_NOOP("rmsam::ChangeLogText", "profile saved"),
                 QT_TRANSLATE_NOOP("rmsam::ChangeLogText", "profile deleted"),
                 QT_TRANSLATE_NOOP("rmsam::ChangeLogText", "validated"),
                 QT_TRANSLATE_NOOP("rmsam::ChangeLogText", "token set"),
                 QT_TRANSLATE_NOOP("rmsam::ChangeLogText", "token replaced"),
                 QT_TRANSLATE_NOOP("rmsam::ChangeLogText", "token cleared"),
                 QT_TRANSLATE_NOOP("rmsam::ChangeLogText", "exclusion added"),
                 QT_TRANSLATE_NOOP("rmsam::ChangeLogText", "exclusion added (inactive)"),
                 QT_TRANSLATE_NOOP("rmsam::ChangeLogText", "exclusion saved"),
                 QT_TRANSLATE_NOOP("rmsam::ChangeLogText", "exclusion removed"),
                 QT_TRANSLATE_NOOP("rmsam::ChangeLogText", "rule saved unchanged"),
                 QT_TRANSLATE_NOOP("rmsam::ChangeLogText", "rule removed"),
                 QT_TRANSLATE_NOOP("rmsam::ChangeLogText", "entitlement saved unchanged"),
                 QT_TRANSLATE_NOOP("rmsam::ChangeLogText", "entitlement removed"),
                 QT_TRANSLATE_NOOP("rmsam::ChangeLogText", "job saved"),
                 QT_TRANSLATE_NOOP("rmsam::ChangeLogText", "job removed"),
                 QT_TRANSLATE_NOOP("rmsam::ChangeLogText", "e-mail saved unchanged"),
                 QT_TRANSLATE_NOOP("rmsam::ChangeLogText", "e-mail settings cleared") }) {
            h.insert(QString::fromLatin1(s), s);
        }
        return h;
    }();
    const char* source = texts.value(text);
    return source ? t(source) : QString();
}

// One part of an update's summary: "<label> <old> → <new>", "ran at <time>" or a fixed text;
// null when it is none of them.
QString part(const QString& text)
{
    if (QString fixed = fixedText(text); !fixed.isNull()) {
        return fixed;
    }
    static const QString ranAt = QStringLiteral("ran at ");
    if (text.startsWith(ranAt)) {
        return t(QT_TRANSLATE_NOOP("rmsam::ChangeLogText", "ran at %1")).arg(text.mid(ranAt.size()));
    }
    for (const Label& l : labels()) {
        const QString prefix = QString::fromLatin1(l.label) + QLatin1Char(' ');
        const qsizetype arrow = text.indexOf(Arrow, prefix.size());
        if (text.startsWith(prefix) && arrow >= 0) {
            return t(QT_TRANSLATE_NOOP("rmsam::ChangeLogText", "%1 %2 → %3"))
                .arg(t(l.label), l.value(text.mid(prefix.size(), arrow - prefix.size())),
                    l.value(text.mid(arrow + Arrow.size())));
        }
    }
    return {};
}

// Each pattern is compiled once: the Audit log of a large account holds tens of thousands of
// summaries, and the table's search text reads them all (on a worker thread, hence the lock).
QRegularExpressionMatch matchOf(const char* pattern, const QString& text)
{
    static std::mutex lock;
    static std::unordered_map<const char*, QRegularExpression> compiled;
    std::unique_lock guard(lock);
    auto found = compiled.find(pattern);
    if (found == compiled.end()) {
        found = compiled.emplace(pattern, QRegularExpression(QString::fromUtf8(pattern))).first;
    }
    const QRegularExpression expression = found->second; // shared, not copied
    guard.unlock();
    return expression.match(text);
}

// "subscriptions succeeded (manual): 25 users"; null when a code is not the app's.
QString jobRun(const QString& summary)
{
    const auto m = matchOf(R"(^(\S+) (\S+) \((.+)\): (\d+) users$)", summary);
    if (!m.hasMatch()) {
        return {};
    }
    const auto kind = Jobs::kindFromCode(m.captured(1));
    const auto outcome = Jobs::outcomeTable().fromCode(m.captured(2));
    const auto trigger = Jobs::triggerFromCode(m.captured(3));
    if (!kind || !outcome || !trigger) {
        return {};
    }
    const int count = m.captured(4).toInt();
    const QString users = QCoreApplication::translate("rmsam::ChangeLogText", "%n user(s)", nullptr, count);
    return t(QT_TRANSLATE_NOOP("rmsam::ChangeLogText", "%1: %2 (%3), %4"))
        .arg(Jobs::kindDisplayName(*kind), Jobs::outcomeDisplayName(*outcome),
            Jobs::triggerDisplayName(*trigger), users);
}

// "reclaim before: attempt (user u1)"; null when the phase is not the app's.
QString reclaim(const QString& summary)
{
    const auto m = matchOf(R"(^reclaim (\S+): (\S+) \(user (.*)\)$)", summary);
    const auto phase = m.hasMatch() ? AuditPhases::fromCode(m.captured(1)) : std::nullopt;
    if (!phase) {
        return {};
    }
    return t(QT_TRANSLATE_NOOP("rmsam::ChangeLogText", "reclaim, %1: %2 (user %3)"))
        .arg(
            AuditPhases::displayName(*phase), Reclaim::auditOutcomeDisplayName(m.captured(2)), m.captured(3));
}

// The HR roster's and its aliases' summaries; null when the summary is neither.
QString roster(const QString& summary)
{
    if (auto m = matchOf(R"(^roster (attached|replaced): (.+) \((\d+) employees, (\d+) leavers\)$)", summary);
        m.hasMatch()) {
        return (m.captured(1) == QLatin1String("attached")
                ? t(QT_TRANSLATE_NOOP(
                    "rmsam::ChangeLogText", "HR roster attached: %1 (%2 employees, %3 leavers)"))
                : t(QT_TRANSLATE_NOOP(
                    "rmsam::ChangeLogText", "HR roster replaced: %1 (%2 employees, %3 leavers)")))
            .arg(m.captured(2), m.captured(3), m.captured(4));
    }
    if (auto m = matchOf(R"(^roster removed: (.+)$)", summary); m.hasMatch()) {
        return t(QT_TRANSLATE_NOOP("rmsam::ChangeLogText", "HR roster removed: %1")).arg(m.captured(1));
    }
    if (auto m = matchOf(R"(^roster alias (added|removed): (.+)$)", summary); m.hasMatch()) {
        return (m.captured(1) == QLatin1String("added")
                ? t(QT_TRANSLATE_NOOP("rmsam::ChangeLogText", "roster alias added: %1"))
                : t(QT_TRANSLATE_NOOP("rmsam::ChangeLogText", "roster alias removed: %1")))
            .arg(m.captured(2));
    }
    if (auto m = matchOf(R"(^roster alias changed: (.+) → (.+)$)", summary); m.hasMatch()) {
        return t(QT_TRANSLATE_NOOP("rmsam::ChangeLogText", "roster alias changed: %1 → %2"))
            .arg(m.captured(1), m.captured(2));
    }
    return {};
}

// What an insert or a delete writes: the whole summary in one form; null when none.
QString whole(const QString& summary)
{
    if (auto m = matchOf(R"(^profile created \((.+)\)$)", summary); m.hasMatch()) {
        return t(QT_TRANSLATE_NOOP("rmsam::ChangeLogText", "profile created (%1)"))
            .arg(profileStatus(m.captured(1)));
    }
    if (auto m = matchOf(R"(^report (attached|replaced): (.+) \((\d+) rows\)$)", summary); m.hasMatch()) {
        return (m.captured(1) == QLatin1String("attached")
                ? t(QT_TRANSLATE_NOOP("rmsam::ChangeLogText", "report attached: %1 (%2 rows)"))
                : t(QT_TRANSLATE_NOOP("rmsam::ChangeLogText", "report replaced: %1 (%2 rows)")))
            .arg(m.captured(2), m.captured(3));
    }
    if (auto m = matchOf(R"(^report removed: (.+)$)", summary); m.hasMatch()) {
        return t(QT_TRANSLATE_NOOP("rmsam::ChangeLogText", "report removed: %1")).arg(m.captured(1));
    }
    if (auto m = matchOf(R"(^candidate created: (\S+)$)", summary); m.hasMatch()) {
        return t(QT_TRANSLATE_NOOP("rmsam::ChangeLogText", "candidate created: %1"))
            .arg(candidateState(m.captured(1)));
    }
    if (auto m = matchOf(R"(^rule: threshold (\S+), grace (\S+), roles (.*)$)", summary); m.hasMatch()) {
        return t(QT_TRANSLATE_NOOP("rmsam::ChangeLogText", "rule: threshold %1, grace %2, roles %3"))
            .arg(m.captured(1), m.captured(2), roles(m.captured(3)));
    }
    if (auto m = matchOf(R"(^entitlement: (\S+) owned at (\S+) (\S+) per (month|year)$)", summary);
        m.hasMatch()) {
        return t(QT_TRANSLATE_NOOP("rmsam::ChangeLogText", "entitlement: %1 owned at %2 %3 per %4"))
            .arg(m.captured(1), m.captured(2), m.captured(3), period(m.captured(4)));
    }
    if (auto m = matchOf(R"(^job created: (.+) at (\S+)( \(inactive\))?$)", summary); m.hasMatch()) {
        return (m.captured(3).isEmpty()
                ? t(QT_TRANSLATE_NOOP("rmsam::ChangeLogText", "job created: %1 at %2"))
                : t(QT_TRANSLATE_NOOP("rmsam::ChangeLogText", "job created: %1 at %2 (inactive)")))
            .arg(m.captured(1), m.captured(2));
    }
    if (auto m = matchOf(R"(^e-mail: (.+):(\d+) (starttls|tls|none), from (.+)$)", summary); m.hasMatch()) {
        return t(QT_TRANSLATE_NOOP("rmsam::ChangeLogText", "e-mail: %1:%2 (%3), from %4"))
            .arg(m.captured(1), m.captured(2), m.captured(3), m.captured(4));
    }
    if (QString run = jobRun(summary); !run.isNull()) {
        return run;
    }
    if (QString r = roster(summary); !r.isNull()) {
        return r;
    }
    return reclaim(summary);
}

} // namespace

QString display(const QString& summary)
{
    if (QString w = whole(summary); !w.isNull()) {
        return w;
    }
    // An update: its changed columns, "; " between them.
    QStringList shown;
    for (const QString& p : summary.split(Separator)) {
        QString s = part(p);
        if (s.isNull()) {
            return summary;
        }
        shown.append(s);
    }
    return shown.join(Separator);
}

} // namespace rmsam::ChangeLogText
