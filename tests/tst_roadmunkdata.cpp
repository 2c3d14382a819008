// Reading what Roadmunk's gateway sends: the undocumented `Date` scalar in every unambiguous form,
// and ids. An unreadable value must come out as unknown, never as "no date".
#include "core/Reclamation.h"
#include "roadmunk/RoadmunkData.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

using namespace rmsam;
using State = RoadmunkData::DateReading::State;

class TestRoadmunkData : public QObject
{
    Q_OBJECT

    const QDateTime m_now { QDate(2026, 11, 30), QTime(12, 0), QTimeZone::utc() };
    const QDateTime m_login { QDate(2026, 11, 28), QTime(1, 20, 43), QTimeZone::utc() };

    static QJsonValue json(const QByteArray& literal)
    {
        return QJsonDocument::fromJson("[" + literal + "]").array().at(0);
    }

private slots:
    void dateForms_data()
    {
        QTest::addColumn<QByteArray>("wire");
        QTest::addColumn<int>("state");
        QTest::addColumn<QDateTime>("when");
        const QDateTime login = m_login;
        QTest::newRow("ISO, Z") << QByteArray("\"2026-11-28T01:20:43Z\"") << int(State::Known) << login;
        QTest::newRow("ISO, ms") << QByteArray("\"2026-11-28T01:20:43.000Z\"") << int(State::Known) << login;
        QTest::newRow("ISO, µs") << QByteArray("\"2026-11-28T01:20:43.000000Z\"") << int(State::Known)
                                 << login;
        QTest::newRow("ISO, offset") << QByteArray("\"2026-11-28T10:20:43+09:00\"") << int(State::Known)
                                     << login;
        QTest::newRow("ISO, no offset: UTC")
            << QByteArray("\"2026-11-28T01:20:43\"") << int(State::Known) << login;
        QTest::newRow("epoch ms") << QByteArray("1795828843000") << int(State::Known) << login;
        QTest::newRow("epoch ms, string") << QByteArray("\"1795828843000\"") << int(State::Known) << login;
        QTest::newRow("epoch s") << QByteArray("1795828843") << int(State::Known) << login;
        QTest::newRow("epoch s, string") << QByteArray("\"1795828843\"") << int(State::Known) << login;
        QTest::newRow("RFC 1123") << QByteArray("\"Sat, 28 Nov 2026 01:20:43 GMT\"") << int(State::Known)
                                  << login;
        QTest::newRow("RFC 2822") << QByteArray("\"Sat, 28 Nov 2026 01:20:43 +0000\"") << int(State::Known)
                                  << login;
        QTest::newRow("null: never") << QByteArray("null") << int(State::Null) << QDateTime();
        QTest::newRow("garbage") << QByteArray("\"yesterday-ish\"") << int(State::Unknown) << QDateTime();
        QTest::newRow("empty string") << QByteArray("\"\"") << int(State::Unknown) << QDateTime();
        QTest::newRow("boolean") << QByteArray("false") << int(State::Unknown) << QDateTime();
        QTest::newRow("object") << QByteArray("{\"at\": 1}") << int(State::Unknown) << QDateTime();
        QTest::newRow("zero") << QByteArray("0") << int(State::Unknown) << QDateTime();
        QTest::newRow("negative") << QByteArray("-1795828843000") << int(State::Unknown) << QDateTime();
        QTest::newRow("before 2000") << QByteArray("\"1999-12-31T23:59:59Z\"") << int(State::Unknown)
                                     << QDateTime();
        QTest::newRow("a week ahead")
            << QByteArray("\"2026-12-07T12:00:00Z\"") << int(State::Unknown) << QDateTime();
        QTest::newRow("epoch µs") << QByteArray("1795828843000000") << int(State::Unknown) << QDateTime();
        QTest::newRow("NaN-ish huge") << QByteArray("1e300") << int(State::Unknown) << QDateTime();
    }

    void dateForms()
    {
        QFETCH(QByteArray, wire);
        QFETCH(int, state);
        QFETCH(QDateTime, when);
        const RoadmunkData::DateReading r = RoadmunkData::readDate(json(wire), m_now);
        QCOMPARE(int(r.state), state);
        QCOMPARE(r.when, when);
        QCOMPARE(r.raw.isEmpty(), state != int(State::Unknown));
    }

    void missingFieldIsUnknown()
    {
        const RoadmunkData::DateReading r
            = RoadmunkData::readDate(QJsonObject().value(QLatin1String("x")), m_now);
        QCOMPARE(int(r.state), int(State::Unknown));
        QCOMPARE(r.raw, QStringLiteral("(missing)"));
    }

    void rawValueIsCut()
    {
        const QString longText(5000, QLatin1Char('x'));
        const RoadmunkData::DateReading r = RoadmunkData::readDate(QJsonValue(longText), m_now);
        QVERIFY(r.raw.size() <= 80);
    }

    void ids()
    {
        QCOMPARE(RoadmunkData::idOf(QJsonValue(QStringLiteral("u-1"))), QStringLiteral("u-1"));
        QCOMPARE(RoadmunkData::idOf(QJsonValue(42)), QStringLiteral("42"));
        QCOMPARE(RoadmunkData::idOf(json("9007199254740991")), QStringLiteral("9007199254740991"));
        // Above 2^53 two ids can be the same double: malformed, not silently merged.
        QVERIFY(RoadmunkData::idOf(json("9007199254740993")).isEmpty());
        QVERIFY(RoadmunkData::idOf(json("1.5")).isEmpty());
        QVERIFY(RoadmunkData::idOf(QJsonValue(QString())).isEmpty());
        QVERIFY(RoadmunkData::idOf(QJsonValue(QString(65, QLatin1Char('a')))).isEmpty());
        QVERIFY(RoadmunkData::idOf(QJsonValue()).isEmpty());
    }

    // The first defect of the hostile-gateway review: an unreadable login must not make a user
    // "never logged in", so a rule that includes users without activity must not flag them Ready.
    void unreadableLoginNeedsAPerson()
    {
        QJsonObject user { { QStringLiteral("id"), QStringLiteral("u1") },
            { QStringLiteral("email"), QStringLiteral("a@example.com") },
            { QStringLiteral("accountRole"), QStringLiteral("collaborator") },
            { QStringLiteral("isInvited"), false },
            { QStringLiteral("lastLogin"), QStringLiteral("28/11/2026") } };
        const SoftwareSubscription s = RoadmunkData::subscriptionFromUser(user, m_now);
        QVERIFY(!s.lastLogin.isValid());
        QCOMPARE(s.lastLoginUnreadable, QStringLiteral("\"28/11/2026\""));
        const QList<UserActivity> activity = ActivityRules::compute({ s }, {}, m_now.date().addDays(-60));
        QVERIFY(activity.first().reason != NoActivityReason::NeverLoggedIn);
        const Assessment a = Candidates::assess(ReclamationRule {}, s, activity.first(), false, {}, m_now);
        QCOMPARE(a.verdict, Assessment::Verdict::NeedsAttention);
        QVERIFY2(a.justification.contains(QStringLiteral("28/11/2026")), qPrintable(a.justification));

        // null is an explicit "never": that one may be flagged.
        user.insert(QStringLiteral("lastLogin"), QJsonValue::Null);
        const SoftwareSubscription never = RoadmunkData::subscriptionFromUser(user, m_now);
        const QList<UserActivity> none = ActivityRules::compute({ never }, {}, m_now.date().addDays(-60));
        QCOMPARE(none.first().reason, NoActivityReason::NeverLoggedIn);
        QCOMPARE(Candidates::assess(ReclamationRule {}, never, none.first(), false, {}, m_now).verdict,
            Assessment::Verdict::Flagged);

        // A recent login proves activity whatever the stored activity says.
        user.insert(QStringLiteral("lastLogin"), QStringLiteral("Sat, 28 Nov 2026 01:20:43 GMT"));
        const SoftwareSubscription recent = RoadmunkData::subscriptionFromUser(user, m_now);
        QCOMPARE(Candidates::assess(ReclamationRule {}, recent, none.first(), false, {}, m_now).verdict,
            Assessment::Verdict::NotFlagged);
    }

    void unreadableRoadmapDateMakesActivityUnknown()
    {
        const QJsonObject roadmap { { QStringLiteral("id"), QStringLiteral("r1") },
            { QStringLiteral("archivedBy"), QJsonObject { { QStringLiteral("id"), QStringLiteral("u1") } } },
            { QStringLiteral("archivedOn"), QStringLiteral("last tuesday") },
            { QStringLiteral("restoredBy"), QJsonValue::Null },
            { QStringLiteral("restoredOn"), QJsonValue::Null } };
        const QList<RoadmapEvent> events = RoadmunkData::eventsFromRoadmap(roadmap, m_now);
        QCOMPARE(events.size(), 1);
        QVERIFY(!events.first().when.isValid());
        QCOMPARE(events.first().unreadable, QStringLiteral("\"last tuesday\""));
        SoftwareSubscription s;
        s.userId = QStringLiteral("u1");
        s.email = QStringLiteral("a@example.com");
        s.role = QStringLiteral("collaborator");
        s.seatType = SeatType::CollaboratorType;
        s.lastLogin = m_now.addDays(-200);
        const QList<UserActivity> activity
            = ActivityRules::compute({ s }, events, m_now.date().addDays(-365));
        QCOMPARE(activity.first().unreadable, QStringLiteral("\"last tuesday\""));
        QCOMPARE(Candidates::assess(ReclamationRule {}, s, activity.first(), false, {}, m_now).verdict,
            Assessment::Verdict::NeedsAttention);
    }
};

QTEST_GUILESS_MAIN(TestRoadmunkData)
#include "tst_roadmunkdata.moc"
