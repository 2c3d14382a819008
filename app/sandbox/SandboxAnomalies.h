#pragma once

#include "core/Result.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace rmsam {

class SandboxAccount;
struct SandboxUser;
struct SandboxRoadmap;

// Hostile data modes: answers that are well-formed (unless a mode says otherwise) but odd, to
// test the client's safety invariants against a gateway it cannot trust. Unlike a SandboxFault,
// the request runs; only what the answer says changes. They apply after authentication, to
// GraphQL requests only, and may be combined.
struct SandboxAnomalies
{
    // How a Date (users' lastLogin, roadmaps' archivedOn and restoredOn) goes on the wire. The
    // instant is the same in every format, to the precision the format has.
    enum class Dates
    {
        Mixed, // no anomaly: ISO-8601 UTC with milliseconds, or epoch ms for about a third of users
        Iso, // 2026-11-28T01:20:43.123Z for everyone
        IsoOffset, // 2026-11-28T10:20:43.123+09:00
        EpochMs, // 1795836043123, a JSON number
        EpochS, // 1795836043, a JSON number; milliseconds truncated
        Rfc1123, // "Sat, 28 Nov 2026 01:20:43 GMT"; milliseconds truncated
        Garbage, // a string that is no date, such as "yesterday-ish"; null stays null
    };

    Dates dates = Dates::Mixed;
    bool endless = false; // listings never end: hasMore is true and pages run on with made-up rows
    bool ignoreOffset = false; // listings serve the first page whatever the offset, with hasMore true
    bool emptyUsers = false; // the users listing is one empty page, hasMore false
    bool hasMoreString = false; // hasMore is the JSON string "true" or "false" (breaks the schema)
    bool duplicateIds = false; // a users page's last row is its first row again
    bool hugeIds = false; // user ids are JSON numbers from 2^53 + 1 up, by position in the account
    int oversizedMiB = 0; // pad every GraphQL answer to this many MiB; 0: off
    bool deactivateFalse = false; // deactivateUser answers false and changes nothing
    int shrinkPercent = 0; // the users listing leaves out this share of users, evenly spread

    static constexpr qint64 hugeIdBase = (qint64(1) << 53) + 1;
    static constexpr int defaultOversizedMiB = 50;
    static constexpr int maxOversizedMiB = 1024;
    static constexpr int defaultShrinkPercent = 25;

    bool isNone() const { return *this == SandboxAnomalies {}; }
    bool operator==(const SandboxAnomalies&) const = default;

    // `NAME[,NAME...]` as `roadmunk-sam sandbox --anomaly` takes it, each item of `items` may
    // hold several. NAME is `dates=FORMAT` (mixed, iso, iso-offset, epoch-ms, epoch-s, rfc1123,
    // garbage), `endless`, `ignore-offset`, `empty-users`, `hasmore-string`, `duplicate-ids`,
    // `huge-ids`, `oversized[:MIB]`, `deactivate-false` or `shrink[:PERCENT]` (`=` or `:` before
    // the argument). A later dates, oversized or shrink replaces an earlier one.
    static Result<SandboxAnomalies> parse(const QStringList& items);
    // Blank text: none.
    static Result<SandboxAnomalies> parse(const QString& text)
    {
        return text.trimmed().isEmpty() ? SandboxAnomalies {} : parse(QStringList { text });
    }
    QStringList names() const; // canonical, in a fixed order; parse(names()) gives *this back
    QString toString() const { return names().join(QLatin1Char(',')); }

    // --- Applied by SandboxExecutor and SandboxServer ---

    // A Date in the chosen format; `epochByDefault` is the row's own format in Dates::Mixed.
    QJsonValue date(const QDateTime& when, bool epochByDefault) const;
    // The id of the user at `position` in the account.
    QJsonValue userId(const QString& id, qsizetype position) const;
    // The account's id of the user a client named by `wireId` (a huge id back to the real one).
    QString accountUserId(const QString& wireId, const SandboxAccount& account) const;
    // Whether shrink leaves the user at `position` out of the users listing. Exactly
    // floor(count * P / 100) of the first `count` users are left out.
    bool hidesUser(qsizetype position) const;
    QJsonValue hasMore(bool value) const;
    void duplicateRow(QJsonArray& rows) const;
    // `payload` (a JSON object) padded with an `extensions.padding` string to oversizedMiB.
    QByteArray pad(QByteArray payload) const;

    // Made-up rows for `endless`, numbered from 0; never in the account.
    static SandboxUser endlessUser(quint64 serial, const QDateTime& now);
    static SandboxRoadmap endlessRoadmap(quint64 serial);
};

} // namespace rmsam
