#include "core/ProfileRules.h"
#include "core/PublishPlan.h"

#include <QTest>

using namespace rmsam;

class TestProfileRules : public QObject
{
    Q_OBJECT

private slots:
    void draftDefaults()
    {
        const QDate today(2026, 11, 28);
        const IntegrationProfile p
            = ProfileRules::makeDraft(QStringLiteral("  Acme EU  "), Region::Europe, today);
        QCOMPARE(p.displayName, QStringLiteral("Acme EU"));
        QCOMPARE(p.status, ProfileStatus::Draft);
        QVERIFY(p.downloadActivity);
        QVERIFY(p.reclaimSubscriptions);
        QCOMPARE(p.analyzeActivityFrom, QDate(2026, 9, 29));
        QVERIFY(!p.tokenKey.isEmpty());
        QVERIFY(!p.isValidated());
        QCOMPARE(p.connectionUrl(), QUrl(QStringLiteral("https://eu-gateway.roadmunk.com/public/graphql")));
        QVERIFY(ProfileRules::makeDraft(QStringLiteral("x"), Region::Europe, today).tokenKey != p.tokenKey);
    }

    void regions()
    {
        QCOMPARE(Regions::gatewayEndpoint(Region::NorthAmerica).toString(),
            QStringLiteral("https://app-gateway.roadmunk.com/public/graphql"));
        QCOMPARE(Regions::gatewayEndpoint(Region::AsiaPacific).toString(),
            QStringLiteral("https://apac-gateway.roadmunk.com/public/graphql"));
        QCOMPARE(Regions::fromCode(QStringLiteral("APAC")), std::optional<Region>(Region::AsiaPacific));
        QCOMPARE(Regions::fromCode(QStringLiteral("us")), std::nullopt);
        for (Region r : Regions::all()) {
            QCOMPARE(Regions::fromCode(Regions::code(r)), std::optional<Region>(r));
            QVERIFY(Regions::isGatewayEndpoint(Regions::gatewayEndpoint(r)));
        }
        QVERIFY(!Regions::isGatewayEndpoint(
            QUrl(QStringLiteral("http://app-gateway.roadmunk.com/public/graphql"))));
        QVERIFY(!Regions::isGatewayEndpoint(QUrl(QStringLiteral("https://evil.example/public/graphql"))));
    }

    void loopback_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("loopback");
        QTest::newRow("v4") << "http://127.0.0.1:8080/public/graphql" << true;
        QTest::newRow("v4 range") << "http://127.3.2.1/x" << true;
        QTest::newRow("v6") << "http://[::1]:99/x" << true;
        QTest::newRow("localhost") << "https://LOCALHOST/x" << true;
        QTest::newRow("private") << "http://192.168.1.1/x" << false;
        QTest::newRow("lookalike") << "http://127.0.0.1.evil.example/x" << false;
        QTest::newRow("userinfo") << "http://user@127.0.0.1/x" << false;
        QTest::newRow("ftp") << "ftp://127.0.0.1/x" << false;
        QTest::newRow("octet") << "http://127.0.0.256/x" << false;
    }

    void loopback()
    {
        QFETCH(QString, url);
        QFETCH(bool, loopback);
        QCOMPARE(Regions::isLoopbackUrl(QUrl(url)), loopback);
        QCOMPARE(ProfileRules::checkEndpointOverride(QUrl(url)).ok(), loopback);
    }

    void displayName()
    {
        QVERIFY(!ProfileRules::checkDisplayName(QStringLiteral("   "), {}));
        QCOMPARE(ProfileRules::checkDisplayName(QString(101, QLatin1Char('a')), {}).error().code,
            ErrorCode::InvalidInput);
        QVERIFY(ProfileRules::checkDisplayName(QString(100, QLatin1Char('a')), {}));
        auto clash = ProfileRules::checkDisplayName(QStringLiteral("acme"), { QStringLiteral("ACME") });
        QVERIFY(!clash);
        QCOMPARE(clash.error().code, ErrorCode::Conflict);
        QVERIFY(clash.error().message.contains(QStringLiteral("ACME")));
        QCOMPARE(
            ProfileRules::checkDisplayName(QStringLiteral(" 東京本社 "), { QStringLiteral("Acme") }).value(),
            QStringLiteral("東京本社"));
        QVERIFY(!ProfileRules::checkDisplayName(QStringLiteral("a\nb"), {}));
    }

    void analyzeFrom()
    {
        const QDate today(2026, 11, 28);
        QVERIFY(ProfileRules::checkAnalyzeActivityFrom(today, today));
        QVERIFY(ProfileRules::checkAnalyzeActivityFrom(today.addYears(-2), today));
        QVERIFY(!ProfileRules::checkAnalyzeActivityFrom(today.addDays(1), today));
        QVERIFY(!ProfileRules::checkAnalyzeActivityFrom(QDate(), today));
    }

    void token()
    {
        const QString token549(549, QLatin1Char('t'));
        QCOMPARE(ProfileRules::checkToken(QStringLiteral("\n") + token549 + QStringLiteral("\r\n")).value(),
            token549);
        QCOMPARE(ProfileRules::checkToken(QStringLiteral("  ")).error().code, ErrorCode::TokenMissing);
        QVERIFY(!ProfileRules::checkToken(QStringLiteral("abc def")));
        QVERIFY(ProfileRules::checkToken(QString(2560, QLatin1Char('x'))));
        auto tooLong = ProfileRules::checkToken(QString(2561, QLatin1Char('x')));
        QVERIFY(!tooLong);
        QVERIFY(tooLong.error().message.contains(QStringLiteral("2560")));
        // The limit is in bytes: 1000 three-byte characters exceed it.
        QVERIFY(!ProfileRules::checkToken(QString(1000, QChar(0x30C8))));
    }

    void clearingActivityReturnsToDraft()
    {
        IntegrationProfile p
            = ProfileRules::makeDraft(QStringLiteral("p"), Region::NorthAmerica, QDate(2026, 1, 1));
        ProfileRules::markValidated(p, QDateTime::currentDateTimeUtc());
        p = PublishPlan().run(p, QDateTime::currentDateTimeUtc()).value();
        QVERIFY(p.isPublished());

        ProfileRules::setDownloadActivity(p, true); // no change
        QVERIFY(p.isPublished());
        ProfileRules::setDownloadActivity(p, false);
        QCOMPARE(p.status, ProfileStatus::Draft);
        QVERIFY(!p.isValidated());
        QVERIFY(!p.publishedAt.isValid());
        QVERIFY(!PublishPlan().run(p, QDateTime::currentDateTimeUtc()));
        ProfileRules::setDownloadActivity(p, true); // turning it back on does not publish
        QCOMPARE(p.status, ProfileStatus::Draft);
    }

    void connectionChangeInvalidates()
    {
        IntegrationProfile p
            = ProfileRules::makeDraft(QStringLiteral("p"), Region::NorthAmerica, QDate(2026, 1, 1));
        ProfileRules::markValidated(p, QDateTime::currentDateTimeUtc(), QStringLiteral("acct-1"));
        QCOMPARE(p.roadmunkAccountId, QStringLiteral("acct-1"));
        ProfileRules::connectionChanged(p);
        QVERIFY(!p.isValidated());
        QVERIFY(p.roadmunkAccountId.isEmpty()); // known again at the next validation
        QCOMPARE(ProfileRules::canPublish(p).error().code, ErrorCode::InvalidState);
    }

    void twoProfilesForOneAccountAreFlagged()
    {
        const auto profile = [](qint64 id, const char* name, const char* account) {
            IntegrationProfile p
                = ProfileRules::makeDraft(QString::fromUtf8(name), Region::NorthAmerica, QDate(2026, 1, 1));
            p.id = id;
            p.roadmunkAccountId = QString::fromLatin1(account);
            return p;
        };
        const IntegrationProfile tokyo = profile(1, "東京", "acct-1");
        const IntegrationProfile osaka = profile(2, "Osaka", "acct-1");
        const IntegrationProfile other = profile(3, "Other", "acct-2");
        const IntegrationProfile unknown = profile(4, "Unknown", "");
        const QList<IntegrationProfile> all { tokyo, osaka, other, unknown, profile(5, "Never", "") };
        const QStringList warnings = ProfileRules::sharedAccountWarnings(osaka, all, QStringLiteral("ACME"));
        QCOMPARE(warnings.size(), 1);
        QVERIFY2(warnings.first().startsWith(QStringLiteral(
                     "Profile “東京” already points at this Roadmunk account (acct-1/ACME). Two profiles for "
                     "one account count its seats twice")),
            qPrintable(warnings.first()));
        QVERIFY(ProfileRules::sharedAccountWarnings(other, all, QStringLiteral("ACME")).isEmpty());
        // An account the validation could not read matches nothing.
        QVERIFY(ProfileRules::sharedAccountWarnings(unknown, all, QString()).isEmpty());
    }

    void publishPlan()
    {
        IntegrationProfile p
            = ProfileRules::makeDraft(QStringLiteral("p"), Region::NorthAmerica, QDate(2026, 1, 1));
        PublishPlan plan;
        QStringList ran;
        plan.addStep(QStringLiteral("first"), [&](const IntegrationProfile& published) -> Result<void> {
            ran << QStringLiteral("first");
            if (!published.isPublished()) {
                return Error { ErrorCode::InvalidState, QStringLiteral("not published"), {} };
            }
            return {};
        });
        QVERIFY(!plan.run(p, QDateTime::currentDateTimeUtc())); // not validated: no step runs
        QVERIFY(ran.isEmpty());

        ProfileRules::markValidated(p, QDateTime::currentDateTimeUtc());
        const QDateTime now = QDateTime::currentDateTimeUtc();
        auto published = plan.run(p, now);
        QVERIFY(published);
        QCOMPARE(published.value().status, ProfileStatus::Published);
        QCOMPARE(published.value().publishedAt, now);
        QCOMPARE(ran, QStringList { QStringLiteral("first") });
        QCOMPARE(ProfileRules::canPublish(published.value()).error().code, ErrorCode::InvalidState);

        plan.addStep(QStringLiteral("failing"), [](const IntegrationProfile&) -> Result<void> {
            return Error { ErrorCode::StorageError, QStringLiteral("boom"), QStringLiteral("disk") };
        });
        auto failed = plan.run(p, now);
        QVERIFY(!failed);
        QVERIFY(failed.error().detail.contains(QStringLiteral("failing")));
        QCOMPARE(plan.stepNames(), (QStringList { QStringLiteral("first"), QStringLiteral("failing") }));
    }

    void jobSettings()
    {
        QVERIFY(ProfileRules::checkJobSettings(4, 30, 8));
        QVERIFY(ProfileRules::checkJobSettings(1, 1, 1));
        QVERIFY(ProfileRules::checkJobSettings(16, 365, 256));
        QVERIFY(!ProfileRules::checkJobSettings(0, 30, 8));
        QVERIFY(!ProfileRules::checkJobSettings(4, 366, 8));
        QVERIFY(!ProfileRules::checkJobSettings(4, 30, 0));
        QVERIFY(!ProfileRules::checkJobSettings(4, 30, 257));
        QVERIFY(ProfileRules::checkJobSettings(4, 30, 0).error().message.contains(QStringLiteral("256 MB")));
    }

    void statusCodesAreStable()
    {
        QCOMPARE(statusCode(ProfileStatus::Draft), QStringLiteral("Draft"));
        QCOMPARE(statusCode(ProfileStatus::Published), QStringLiteral("Published"));
        QCOMPARE(profileTypeName(), QStringLiteral("Roadmunk Subscription"));
    }
};

QTEST_GUILESS_MAIN(TestProfileRules)
#include "tst_profilerules.moc"
