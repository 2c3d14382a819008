#include "core/Justifications.h"

#include "core/Activity.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace rmsam::Justifications {

const char* const UnreadableDate = QT_TRANSLATE_NOOP("rmsam::Reclamation",
    "Roadmunk sent a date the app cannot read (%1), so the user's last activity is unknown; "
    "check the user in Roadmunk");
const char* const NoActivityLast
    = QT_TRANSLATE_NOOP("rmsam::Reclamation", "no activity for %1 days (last: %2)");
const char* const InvitationPending
    = QT_TRANSLATE_NOOP("rmsam::Reclamation", "invitation pending, no activity for more than %1 days");
const char* const NeverLoggedIn = QT_TRANSLATE_NOOP("rmsam::Reclamation", "never logged in");
const char* const NoActivityLastLogin
    = QT_TRANSLATE_NOOP("rmsam::Reclamation", "no activity for %1 days (last login %2)");
const char* const NoActivityInPeriod
    = QT_TRANSLATE_NOOP("rmsam::Reclamation", "no activity in the analysed period");
const char* const NotOnRoster = QT_TRANSLATE_NOOP("rmsam::Reclamation", "Not on the HR roster");
const char* const LeftOn = QT_TRANSLATE_NOOP("rmsam::Reclamation", "Left on %1");
const char* const LeftPerRoster = QT_TRANSLATE_NOOP("rmsam::Reclamation", "Left, per the HR roster");
const char* const NoEmailSuffix
    = QT_TRANSLATE_NOOP("rmsam::Reclamation", "; no email address, so it cannot be deactivated safely");

QString translated(const char* source)
{
    return QCoreApplication::translate("rmsam::Reclamation", source);
}

namespace {

// The source text as a pattern: its %1, %2 capture what was filled in.
QRegularExpression patternOf(const char* source)
{
    static const QRegularExpression placeholder(QStringLiteral("%\\d"));
    const QString text = QString::fromUtf8(source);
    QString pattern = QStringLiteral("^");
    qsizetype from = 0;
    for (auto it = placeholder.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        pattern
            += QRegularExpression::escape(text.mid(from, m.capturedStart() - from)) + QStringLiteral("(.+)");
        from = m.capturedEnd();
    }
    pattern += QRegularExpression::escape(text.mid(from)) + QStringLiteral("$");
    return QRegularExpression(pattern);
}

// An activity source's English display name in the user's language; anything else as it is.
QString sourceText(const QString& english)
{
    const auto& table = ActivityRules::sourceTable();
    for (const auto& e : table.entries()) {
        if (e.name && english == QLatin1String(e.name)) {
            return QCoreApplication::translate(table.context(), e.name);
        }
    }
    return english;
}

} // namespace

QString display(const QString& stored)
{
    const QString suffix = QString::fromUtf8(NoEmailSuffix);
    const bool noEmail = stored.endsWith(suffix);
    const QString text = noEmail ? stored.chopped(suffix.size()) : stored;
    for (const char* source : { UnreadableDate, NoActivityLast, InvitationPending, NeverLoggedIn,
             NoActivityLastLogin, NoActivityInPeriod, NotOnRoster, LeftOn, LeftPerRoster }) {
        const QRegularExpressionMatch m = patternOf(source).match(text);
        if (!m.hasMatch()) {
            continue;
        }
        // One arg() for all: a %1 in what Roadmunk sent is not filled in again.
        QString shown = translated(source);
        if (m.lastCapturedIndex() == 1) {
            shown = shown.arg(m.captured(1));
        } else if (m.lastCapturedIndex() == 2) {
            // The source of the last activity is the app's word; the rest is data.
            shown = shown.arg(
                m.captured(1), source == NoActivityLast ? sourceText(m.captured(2)) : m.captured(2));
        }
        return noEmail ? shown + translated(NoEmailSuffix) : shown;
    }
    return stored;
}

} // namespace rmsam::Justifications
