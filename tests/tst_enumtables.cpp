// Every enum table (core/EnumTable.h): its codes are the ones the database, the CSV files and the
// command line keep, written out here by hand; each code names one value and back; and each
// display name is the source text the Japanese translation has, in the context it has it, so the
// shipped .qm translates every one.
#include "core/Activity.h"
#include "core/Exclusion.h"
#include "core/IntegrationProfile.h"
#include "core/Jobs.h"
#include "core/Reclamation.h"
#include "core/Region.h"
#include "core/Subscription.h"
#include "services/Dashboard.h"
#include "services/ReclaimJob.h"
#include "services/Reports.h"

#include <QSet>
#include <QTest>
#include <QTranslator>
#include <algorithm>
#include <functional>

#ifndef RMSAM_JA_QM
#error "RMSAM_JA_QM must name the compiled Japanese translation"
#endif

using namespace rmsam;

namespace {

// A display name of a table: its context and source text, and what the table says for it now.
struct Name
{
    const char* context;
    const char* source;
    QString shown;
};

// One table, with the type of its enum erased.
struct Table
{
    QString name;
    QStringList stableCodes; // in the table's order
    bool named = true; // every value has a display name
    std::function<QStringList()> codes;
    std::function<QString()> roundTripProblem; // empty when every code maps back to its value
    std::function<QList<Name>()> names;
};

template<typename E> Table describe(const QString& name, const EnumTable<E>& table, QStringList stableCodes)
{
    Table t;
    t.name = name;
    t.stableCodes = std::move(stableCodes);
    t.codes = [&table] {
        QStringList codes;
        for (E value : table.all()) {
            codes.append(table.code(value));
        }
        return codes;
    };
    t.roundTripProblem = [&table]() -> QString {
        QSet<int> values;
        for (const auto& entry : table.entries()) {
            if (values.contains(int(entry.value))) {
                return QStringLiteral("value %1 is listed twice").arg(int(entry.value));
            }
            values.insert(int(entry.value));
            const QString code = table.code(entry.value);
            if (code != QLatin1String(entry.code)) {
                return QStringLiteral("code(%1) is \"%2\"").arg(int(entry.value)).arg(code);
            }
            if (table.fromCode(code) != entry.value) {
                return QStringLiteral("fromCode(\"%1\") is not the value it names").arg(code);
            }
        }
        if (table.fromCode(QStringLiteral("no such code"))) {
            return QStringLiteral("an unknown code names a value");
        }
        return {};
    };
    t.names = [&table] {
        QList<Name> names;
        for (const auto& entry : table.entries()) {
            if (entry.name) {
                names.append({ table.context(), entry.name, table.displayName(entry.value) });
            }
        }
        return names;
    };
    t.named = std::all_of(table.entries().cbegin(), table.entries().cend(),
        [](const auto& entry) { return entry.name != nullptr; });
    return t;
}

QStringList words(const char* text)
{
    return QString::fromUtf8(text).split(QLatin1Char('|'));
}

QList<Table> tables()
{
    return {
        describe(QStringLiteral("Region"), Regions::table(), words("app|eu|apac")),
        describe(QStringLiteral("SeatType"), SeatTypes::table(), words("collaborator|reviewer")),
        describe(QStringLiteral("SnapshotChange::Kind"), SnapshotChanges::kindTable(),
            words("joined|left|role_changed")),
        describe(QStringLiteral("ActivitySource"), ActivityRules::sourceTable(),
            words("none|login|roadmap_archived|roadmap_restored")),
        describe(QStringLiteral("NoActivityReason"), ActivityRules::reasonTable(),
            words("active|never_logged_in|invited_pending|no_data")),
        describe(QStringLiteral("ExclusionRule::Kind"), Exclusions::kindTable(), words("identifier|user")),
        describe(QStringLiteral("ProfileStatus"), statusTable(), words("Draft|Published")),
        describe(QStringLiteral("JobKind"), Jobs::kindTable(), words("subscriptions|activity")),
        describe(QStringLiteral("JobOutcome"), Jobs::outcomeTable(), words("succeeded|failed|cancelled")),
        describe(QStringLiteral("JobTrigger"), Jobs::triggerTable(), words("manual|scheduled|command line")),
        describe(QStringLiteral("CandidateState"), Candidates::stateTable(),
            words("attention_required|ready|awaiting_user|awaiting_approval|awaiting_revocation|"
                  "closed_complete|closed_skipped|closed_canceled")),
        describe(QStringLiteral("CandidateAction"), Candidates::actionTable(),
            words("data_missing|data_fixed|reclaim|user_releases|user_keeps|no_answer|approve|decline|"
                  "deactivated|vanished|skip|close|activity_seen")),
        describe(QStringLiteral("AuditPhase"), AuditPhases::table(), words("before|after")),
        describe(QStringLiteral("Entitlement::Period"), Entitlements::periodTable(), words("month|year")),
        describe(QStringLiteral("LicensePosition::Status"), Licenses::statusTable(),
            words("no_entitlement|compliant|under_licensed|over_licensed")),
        describe(QStringLiteral("ActivityBucket"), Dashboard::bucketTable(),
            words("0-30|30-60|60-90|90-120|120+|never|no_data")),
        describe(QStringLiteral("DashboardChart"), Dashboard::chartTable(),
            words("summary|last_activity|seat_types|trend")),
        describe(QStringLiteral("ReportKind"), Reports::table(),
            words("subscriptions|activity|changes|candidates|roster|license|inactive|unrecognized|exclusions|"
                  "scheduled|jobs|models|audit")),
        describe(QStringLiteral("ReclaimItem::Outcome"), Reclaim::outcomeTable(),
            words("would_deactivate|would_notify|refused|notified|deactivated|already_deactivated|canceled|"
                  "attention_required|skipped|unknown|failed|not_attempted")),
    };
}

} // namespace

class TestEnumTables : public QObject
{
    Q_OBJECT

private slots:
    void codesAreStable_data()
    {
        QTest::addColumn<QString>("table");
        for (const Table& t : tables()) {
            QTest::newRow(qPrintable(t.name)) << t.name;
        }
    }

    // The stored codes are the ones written above, in the order the GUI and the exports show.
    void codesAreStable()
    {
        QFETCH(QString, table);
        for (const Table& t : tables()) {
            if (t.name == table) {
                QCOMPARE(t.codes(), t.stableCodes);
            }
        }
    }

    void codesRoundTrip_data() { codesAreStable_data(); }

    void codesRoundTrip()
    {
        QFETCH(QString, table);
        for (const Table& t : tables()) {
            if (t.name == table) {
                const QString problem = t.roundTripProblem();
                QVERIFY2(problem.isEmpty(), qPrintable(problem));
            }
        }
    }

    // What reading an unknown or untidy code yields, per enum, as the repositories rely on it.
    void readingCodesKeepsItsFallbacks()
    {
        QCOMPARE(Regions::fromCode(QStringLiteral("  EU ")), std::optional(Region::Europe));
        QVERIFY(!Regions::fromCode(QStringLiteral("us")));
        QVERIFY(!SeatTypes::fromCode(QStringLiteral("Reviewer"))); // exact
        QCOMPARE(ActivityRules::sourceFromCode(QStringLiteral("email")), ActivitySource::None);
        QCOMPARE(ActivityRules::reasonFromCode(QStringLiteral("")), NoActivityReason::NoData);
        QCOMPARE(Jobs::outcomeFromCode(QStringLiteral("crashed")), JobOutcome::Failed);
        QCOMPARE(
            Jobs::triggerFromCode(QStringLiteral("command line")), std::optional(JobTrigger::CommandLine));
        QVERIFY(!AuditPhases::fromCode(QStringLiteral("during")));
        QCOMPARE(Reclaim::auditOutcomeDisplayName(QStringLiteral("attempt")),
            QStringLiteral("Deactivation requested"));
        QCOMPARE(Reclaim::auditOutcomeDisplayName(QStringLiteral("already_deactivated")),
            QStringLiteral("Already deactivated"));
        QCOMPARE(Reclaim::auditOutcomeDisplayName(QStringLiteral("something new")),
            QStringLiteral("something new"));
    }

    // Without a translator a display name is its source text; a value without one shows empty.
    void untranslatedNamesAreTheSourceText()
    {
        for (const Table& t : tables()) {
            for (const Name& n : t.names()) {
                QCOMPARE(n.shown, QString::fromUtf8(n.source));
            }
        }
        QCOMPARE(ActivityRules::sourceDisplayName(ActivitySource::None), QString());
        QCOMPARE(Jobs::triggerDisplayName(JobTrigger::CommandLine), QStringLiteral("Command line"));
        QCOMPARE(AuditPhases::displayName(AuditPhase::Before), QStringLiteral("Before the call"));
    }

    // The .qm the application ships translates every display name, in the table's context.
    void japaneseTranslatesEveryName()
    {
        QTranslator japanese;
        QVERIFY2(japanese.load(QStringLiteral(RMSAM_JA_QM)), RMSAM_JA_QM);
        QVERIFY(QCoreApplication::installTranslator(&japanese));
        int checked = 0;
        for (const Table& t : tables()) {
            for (const Name& n : t.names()) {
                const QString translated = japanese.translate(n.context, n.source);
                // Empty when the .qm lacks the message in that context; a product term such as
                // "Reviewer" may stay as it is.
                QVERIFY2(!translated.isEmpty(),
                    qPrintable(
                        QStringLiteral("%1: no Japanese for \"%2\" in %3")
                            .arg(t.name, QString::fromUtf8(n.source), QString::fromLatin1(n.context))));
                QCOMPARE(n.shown, translated);
                ++checked;
            }
        }
        QCoreApplication::removeTranslator(&japanese);
        QCOMPARE(Jobs::triggerDisplayName(JobTrigger::Manual), QStringLiteral("Manual"));
        QCOMPARE(checked, 88);
    }

    // The tables whose values all have names, and the ones that only keep codes.
    void namedTables()
    {
        QStringList codesOnly;
        for (const Table& t : tables()) {
            if (!t.named) {
                codesOnly.append(t.name);
            }
        }
        QCOMPARE(codesOnly,
            QStringList({ QStringLiteral("ActivitySource"), QStringLiteral("ExclusionRule::Kind"),
                QStringLiteral("Entitlement::Period") }));
    }
};

QTEST_GUILESS_MAIN(TestEnumTables)
#include "tst_enumtables.moc"
