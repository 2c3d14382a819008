#include "cli/CommandRegistry.h"

#include "cli/Command.h"

#include <QCoreApplication>
#include <algorithm>

namespace rmsam {
namespace {

// `roadmunk-sam sandbox …` is run by the executable itself (SandboxCommand.cpp declares and
// checks its options, and prints their help); listed here so that help and lookup know it.
class Sandbox final : public Command
{
public:
    Sandbox()
        : Command(QStringLiteral("sandbox"),
            QT_TRANSLATE_NOOP(
                "SandboxCommand", "Runs a local Roadmunk GraphQL sandbox with a synthetic account."),
            {})
    { }

    QString summaryText() const override { return QCoreApplication::translate("SandboxCommand", summary); }
    void run(CommandContext&) const override { }
    bool runsOutside() const override { return true; }
};

// Optimal string alignment distance: edits, with a swap of neighbours as one.
qsizetype editDistance(const QString& a, const QString& b)
{
    QList<QList<qsizetype>> d(a.size() + 1, QList<qsizetype>(b.size() + 1, 0));
    for (qsizetype i = 0; i <= a.size(); ++i) {
        d[i][0] = i;
    }
    for (qsizetype j = 0; j <= b.size(); ++j) {
        d[0][j] = j;
    }
    for (qsizetype i = 1; i <= a.size(); ++i) {
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const qsizetype cost = a.at(i - 1) == b.at(j - 1) ? 0 : 1;
            d[i][j] = std::min({ d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost });
            if (i > 1 && j > 1 && a.at(i - 1) == b.at(j - 2) && a.at(i - 2) == b.at(j - 1)) {
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
            }
        }
    }
    return d[a.size()][b.size()];
}

} // namespace

namespace CommandRegistry {

const QList<const Command*>& all()
{
    static const Sandbox sandbox;
    // reclaim stays last: the help ends with the run the others lead to.
    static const QList<const Command*> commands = profileCommands() + dataCommands() + rosterCommands()
        + databasePasswordCommands() + databaseCommands() + databaseCopyCommands() + teamCommands()
        + notifySmtpCommands() + noticeCommands() + QList<const Command*> { &sandbox } + reclaimCommands();
    return commands;
}

const Command* find(const QStringList& words)
{
    for (const Command* command : all()) {
        const QStringList name = command->words();
        if (words.size() >= name.size() && words.mid(0, name.size()) == name) {
            return command;
        }
    }
    return nullptr;
}

QList<const Command*> group(const QString& word)
{
    QList<const Command*> commands;
    for (const Command* command : all()) {
        if (command->words().constFirst() == word) {
            commands.append(command);
        }
    }
    return commands;
}

QStringList firstWords()
{
    QStringList words;
    for (const Command* command : all()) {
        if (const QString word = command->words().constFirst(); !words.contains(word)) {
            words.append(word);
        }
    }
    return words;
}

QStringList valuedOptions()
{
    QStringList names;
    for (const Command* command : all()) {
        for (const CommandOption& option : command->options + CommandSyntax::globalOptions()) {
            if (!option.value.isEmpty() && !names.contains(option.name)) {
                names.append(option.name);
            }
        }
    }
    return names;
}

QString closestFirstWord(const QString& word)
{
    const QString typed = word.toLower();
    // One slip in a short word, two in a longer one; or the start of a command's name.
    const qsizetype allowed = typed.size() <= 4 ? 1 : 2;
    QString closest;
    qsizetype best = allowed + 1;
    for (const QString& candidate : firstWords()) {
        qsizetype distance = editDistance(typed, candidate);
        if (typed.size() >= 3 && candidate.startsWith(typed)) {
            distance = std::min<qsizetype>(distance, 1);
        }
        if (distance < best) {
            best = distance;
            closest = candidate;
        }
    }
    return closest;
}

} // namespace CommandRegistry

} // namespace rmsam
