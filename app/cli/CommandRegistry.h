#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <functional>

namespace rmsam {

class CommandContext;
struct NoticeDispatchOutcome;

class Command;

// Every command of the command line, in the order help lists them. Dispatch is a lookup here.
namespace CommandRegistry {

const QList<const Command*>& all();
// The command named by the first words of `words` ("profile", "show", "NAME" → profile show);
// nullptr when none is.
const Command* find(const QStringList& words);
// The commands whose first word is `word` (profile → create, list, show, delete).
QList<const Command*> group(const QString& word);
// The first words, each once: profile, token, validate, …
QStringList firstWords();
// Every option that takes a value, for finding the words of a command line before its command
// is known.
QStringList valuedOptions();
// The first word closest to `word` (a typing slip, or the start of a command), or an empty string
// when none is close.
QString closestFirstWord(const QString& word);

} // namespace CommandRegistry

// The commands of each group, declared in ProfileCommands.cpp, DataCommands.cpp,
// ReclaimCommands.cpp and CandidateCommands.cpp (the candidate commands sit between entitlement
// and reclaim).
QList<const Command*> profileCommands();
QList<const Command*> dataCommands();
// roster attach|show|detach and roster alias add|remove|list (RosterCommands.cpp).
QList<const Command*> rosterCommands();
QList<const Command*> reclaimCommands();
QList<const Command*> candidateCommands();
QList<const Command*> entitlementCommands(); // EntitlementCommands.cpp
QList<const Command*> databasePasswordCommands();
// `database copy`, in DatabaseCopyCommand.cpp.
QList<const Command*> databaseCopyCommands();
// database init|status and team grant|revoke|list (DatabaseCommands.cpp, TeamCommands.cpp).
QList<const Command*> databaseCommands();
QList<const Command*> teamCommands();
// notify smtp set|show|clear and notify test: the SMTP relay (NotifyCommands.cpp).
QList<const Command*> notifySmtpCommands();
// notify send: the notice e-mails of a profile's candidates (NoticeCommands.cpp).
QList<const Command*> noticeCommands();
// Sends the profile's due notices (or lists them in a dry run), one line per message on
// standard output, then calls `then` with the outcome (NoticeCommands.cpp).
void sendNotices(
    CommandContext& c, qint64 profileId, bool dryRun, std::function<void(const NoticeDispatchOutcome&)> then);

} // namespace rmsam
