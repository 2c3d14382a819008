// The sandbox: its synthetic account, and the GraphQL server over real loopback HTTP.
#include "sandbox/GraphQl.h"
#include "sandbox/SandboxAccount.h"
#include "sandbox/SandboxCommand.h"
#include "sandbox/SandboxServer.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSet>
#include <QTcpServer>
#include <QTest>
#include <algorithm>
#include <memory>

using namespace rmsam;

namespace {

const QDateTime fixedNow(QDate(2026, 3, 15), QTime(12, 0), Qt::UTC);
constexpr qint64 dayMs = 24LL * 60 * 60 * 1000;

struct HttpReply
{
    int status = 0;
    QJsonObject body;
    QByteArray raw;
    qint64 elapsedMs = 0;
};

QJsonObject data(const HttpReply& reply)
{
    return reply.body.value(QStringLiteral("data")).toObject();
}

} // namespace

class TestSandbox : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager m_network;
    std::unique_ptr<SandboxServer> m_server;
    const QString m_limitedToken = QStringLiteral("limited.token-for_tests");

    QNetworkRequest jsonRequest(const QUrl& url, const QString& token) const
    {
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        if (!token.isNull())
            request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
        return request;
    }

    HttpReply finish(QNetworkReply* reply, const QElapsedTimer& timer)
    {
        HttpReply result;
        if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 20000)) {
            reply->abort();
            reply->deleteLater();
            return result;
        }
        result.elapsedMs = timer.elapsed();
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.raw = reply->readAll();
        result.body = QJsonDocument::fromJson(result.raw).object();
        reply->deleteLater();
        return result;
    }

    HttpReply post(const QByteArray& body, const QString& token, QUrl url = {})
    {
        if (url.isEmpty())
            url = m_server->endpoint();
        QElapsedTimer timer;
        timer.start();
        return finish(m_network.post(jsonRequest(url, token), body), timer);
    }

    HttpReply graphQl(const QString& query, const QJsonObject& variables = {}, const QString& token = {},
        SandboxServer* server = nullptr)
    {
        server = server ? server : m_server.get();
        QJsonObject body { { QStringLiteral("query"), query } };
        if (!variables.isEmpty())
            body.insert(QStringLiteral("variables"), variables);
        return post(QJsonDocument(body).toJson(QJsonDocument::Compact),
            token.isNull() ? server->token() : token, server->endpoint());
    }

    // Every row of `users` or `roadmaps`, advancing by rows received as the design demands.
    QJsonArray allRows(const QString& field, const QString& arguments, const QString& selection, int limit)
    {
        QJsonArray rows;
        for (int offset = 0, guard = 0; guard < 1000; ++guard) {
            const HttpReply reply
                = graphQl(QStringLiteral("{ list: %1(limit: %2, offset: %3%4) { page { %5 } hasMore } }")
                              .arg(field)
                              .arg(limit)
                              .arg(offset)
                              .arg(arguments, selection));
            if (reply.status != 200 || reply.body.contains(QStringLiteral("errors"))) {
                qWarning() << reply.status << reply.raw;
                return {};
            }
            const QJsonObject list = data(reply).value(QStringLiteral("list")).toObject();
            const QJsonArray page = list.value(QStringLiteral("page")).toArray();
            for (const QJsonValue& row : page)
                rows.append(row);
            offset += int(page.size());
            if (!list.value(QStringLiteral("hasMore")).toBool())
                break;
        }
        return rows;
    }

private slots:
    void initTestCase()
    {
        SandboxOptions options;
        options.userCount = 500;
        options.seed = 42;
        options.pageCap = 100;
        options.limitedToken = m_limitedToken;
        options.now = fixedNow;
        m_server = std::make_unique<SandboxServer>(options);
        QVERIFY(m_server->listen() != 0);
        QCOMPARE(m_server->endpoint().toString(),
            QStringLiteral("http://127.0.0.1:%1/public/graphql").arg(m_server->port()));
    }

    // --- The synthetic account ------------------------------------------------------------

    void accountIsDeterministic()
    {
        const SandboxAccount a = SandboxAccount::generate(300, 7, fixedNow);
        const SandboxAccount b = SandboxAccount::generate(300, 7, fixedNow);
        QCOMPARE(a.users().size(), 300);
        QCOMPARE(a.roadmaps().size(), 75);
        QCOMPARE(a.company().id, b.company().id);
        for (qsizetype i = 0; i < a.users().size(); ++i) {
            const SandboxUser& x = a.users().at(i);
            const SandboxUser& y = b.users().at(i);
            QCOMPARE(x.id, y.id);
            QCOMPARE(x.email, y.email);
            QCOMPARE(x.displayName, y.displayName);
            QCOMPARE(x.firstName, y.firstName);
            QCOMPARE(x.accountRole, y.accountRole);
            QCOMPARE(x.jobTitle, y.jobTitle);
            QCOMPARE(x.isInvited, y.isInvited);
            QCOMPARE(x.lastLogin, y.lastLogin);
            QCOMPARE(x.epochDates, y.epochDates);
        }
        for (qsizetype i = 0; i < a.roadmaps().size(); ++i) {
            QCOMPARE(a.roadmaps().at(i).id, b.roadmaps().at(i).id);
            QCOMPARE(a.roadmaps().at(i).title, b.roadmaps().at(i).title);
            QCOMPARE(a.roadmaps().at(i).archivedOn, b.roadmaps().at(i).archivedOn);
            QCOMPARE(a.roadmaps().at(i).restoredBy, b.roadmaps().at(i).restoredBy);
        }
        // A user does not depend on how many come after it.
        const SandboxAccount smaller = SandboxAccount::generate(100, 7, fixedNow);
        for (qsizetype i = 0; i < smaller.users().size(); ++i) {
            QCOMPARE(smaller.users().at(i).id, a.users().at(i).id);
            QCOMPARE(smaller.users().at(i).email, a.users().at(i).email);
        }
        const SandboxAccount other = SandboxAccount::generate(300, 8, fixedNow);
        QVERIFY(other.users().first().id != a.users().first().id);
        QVERIFY(other.company().id != a.company().id);
    }

    void accountLooksLikeProduction()
    {
        const SandboxAccount account = SandboxAccount::generate(5000, 3, fixedNow);
        const QRegularExpression hexId(QStringLiteral("^[0-9a-f]{24}$"));
        const QRegularExpression asciiEmail(QStringLiteral("^[A-Za-z0-9._]+@[a-z0-9.-]+$"));
        QSet<QString> ids;
        QSet<QString> emails;
        QHash<QString, int> roles;
        int invited = 0, neverLoggedIn = 0, epoch = 0;
        bool japanese = false, cyrillic = false, greek = false, chinese = false, accented = false,
             nameless = false;
        for (const SandboxUser& user : account.users()) {
            QVERIFY2(hexId.match(user.id).hasMatch(), qPrintable(user.id));
            ids.insert(user.id);
            QVERIFY2(asciiEmail.match(user.email).hasMatch(), qPrintable(user.email));
            emails.insert(user.email.toLower());
            ++roles[user.accountRole];
            QVERIFY(!user.displayName.isEmpty());
            if (user.isInvited) {
                ++invited;
                QVERIFY(!user.lastLogin.isValid());
            }
            if (!user.lastLogin.isValid()) {
                ++neverLoggedIn;
            } else {
                QVERIFY(user.lastLogin <= fixedNow);
                QVERIFY(user.lastLogin >= fixedNow.addDays(-365));
            }
            epoch += user.epochDates ? 1 : 0;
            nameless |= user.firstName.isNull() && user.displayName == user.email;
            const QString name = user.displayName;
            japanese |= name.contains(QRegularExpression(QStringLiteral("^\\p{Han}+ \\p{Han}+$")));
            chinese |= name.contains(QRegularExpression(QStringLiteral("^\\p{Han}+$")));
            cyrillic |= name.contains(QRegularExpression(QStringLiteral("\\p{Cyrillic}")));
            greek |= name.contains(QRegularExpression(QStringLiteral("\\p{Greek}")));
            accented |= name.contains(QStringLiteral("José")) || name.contains(QStringLiteral("Zoë"));
        }
        QCOMPARE(ids.size(), 5000);
        QCOMPARE(emails.size(), 5000);
        QVERIFY(japanese && chinese && cyrillic && greek && accented && nameless);

        const auto share = [](int count) { return count / 5000.0; };
        QCOMPARE(account.users().first().accountRole, QStringLiteral("account_admin"));
        QVERIFY2(roles.value(QStringLiteral("collaborator")) > 2500, "collaborators are the majority");
        QVERIFY(share(roles.value(QStringLiteral("reviewer"))) > 0.25
            && share(roles.value(QStringLiteral("reviewer"))) < 0.35);
        QVERIFY(share(roles.value(QStringLiteral("account_admin"))) > 0.025
            && share(roles.value(QStringLiteral("account_admin"))) < 0.06);
        QVERIFY(roles.value(QStringLiteral("user_manager")) > 0
            && share(roles.value(QStringLiteral("user_manager"))) < 0.015);
        QVERIFY(
            roles.value(QStringLiteral("guest")) > 0 && share(roles.value(QStringLiteral("guest"))) < 0.01);
        QVERIFY(share(invited) > 0.03 && share(invited) < 0.07);
        QVERIFY(share(neverLoggedIn) > 0.05 && share(neverLoggedIn) < 0.11);
        QVERIFY(share(epoch) > 0.2 && share(epoch) < 0.5);

        QCOMPARE(account.roadmaps().size(), 1250);
        int everArchived = 0, restored = 0, archivedNow = 0;
        for (const SandboxRoadmap& roadmap : account.roadmaps()) {
            QVERIFY(!roadmap.title.isEmpty());
            if (!roadmap.archivedOn.isValid()) {
                QVERIFY(!roadmap.restoredOn.isValid());
                QVERIFY(!roadmap.isArchived());
                continue;
            }
            ++everArchived;
            QVERIFY(account.userById(roadmap.archivedBy) != nullptr);
            archivedNow += roadmap.isArchived() ? 1 : 0;
            if (roadmap.restoredOn.isValid()) {
                ++restored;
                QVERIFY(account.userById(roadmap.restoredBy) != nullptr);
                QVERIFY(roadmap.restoredOn <= fixedNow);
            }
        }
        QVERIFY(everArchived / 1250.0 > 0.25 && everArchived / 1250.0 < 0.35);
        QVERIFY(restored > 0 && restored < everArchived);
        QVERIFY(archivedNow < everArchived);
    }

    void generatesManyUsersQuickly()
    {
        QElapsedTimer timer;
        timer.start();
        const SandboxAccount account = SandboxAccount::generate(100000, 5, fixedNow);
        const qint64 elapsed = timer.elapsed();
        QCOMPARE(account.users().size(), 100000);
        qInfo("generated 100000 users in %lld ms", elapsed);
#if defined(__SANITIZE_ADDRESS__)
        const qint64 budget = 4000; // the sanitizers make every allocation several times dearer
#else
        const qint64 budget = 2000;
#endif
        QVERIFY2(elapsed < budget, qPrintable(QStringLiteral("took %1 ms").arg(elapsed)));
    }

    void datesInBothFormats()
    {
        const QDateTime when(QDate(2026, 3, 4), QTime(5, 6, 7), Qt::UTC);
        QCOMPARE(
            SandboxAccount::dateToJson(when, false).toString(), QStringLiteral("2026-03-04T05:06:07.000Z"));
        QCOMPARE(SandboxAccount::dateToJson(when, true).toInteger(), when.toMSecsSinceEpoch());
        QVERIFY(SandboxAccount::dateToJson(QDateTime(), false).isNull());
    }

    void deactivateInTheAccount()
    {
        SandboxAccount account = SandboxAccount::generate(20, 9, fixedNow);
        const SandboxUser first = account.users().at(1);
        const SandboxUser second = account.users().at(2);
        auto outcome = account.deactivate(first.id, QString());
        QVERIFY(outcome && outcome.value());
        outcome = account.deactivate(first.id, first.email.toUpper());
        QVERIFY(outcome && !outcome.value()); // already deactivated
        outcome = account.deactivate(QString(), second.email);
        QVERIFY(outcome && outcome.value());
        QCOMPARE(account.deactivatedIds(), (QStringList { first.id, second.id }));
        QCOMPARE(account.deactivate(first.id, second.email).error().code, ErrorCode::Conflict);
        QCOMPARE(account.deactivate(QStringLiteral("0123456789abcdef01234567"), QString()).error().code,
            ErrorCode::NotFound);
        QCOMPARE(account.deactivate(QString(), QStringLiteral("nobody@nowhere.example")).error().code,
            ErrorCode::NotFound);
        QCOMPARE(account.deactivate(QString(), QString()).error().code, ErrorCode::InvalidInput);
        QCOMPARE(account.users().size(), 20); // still listed
        QVERIFY(account.isDeactivated(first.id));
    }

    void generatedToken()
    {
        const QString token = SandboxServer::generateToken(1);
        QCOMPARE(token.size(), 549);
        QVERIFY(QRegularExpression(QStringLiteral("^[A-Za-z0-9._-]+$")).match(token).hasMatch());
        QCOMPARE(SandboxServer::generateToken(1), token);
        QVERIFY(SandboxServer::generateToken(2) != token);
        QCOMPARE(m_server->token(), SandboxServer::generateToken(42));
        QVERIFY(m_server->tokenWasGenerated());
    }

    void sandboxSchemaIsASliceOfThePublishedOne()
    {
        QFile file(qEnvironmentVariable("RMSAM_SCHEMA_FILE"));
        if (!file.open(QIODevice::ReadOnly))
            QFAIL("RMSAM_SCHEMA_FILE must name Roadmunk's published schema.graphql");
        QString error;
        const graphql::Schema published = graphql::parseSchema(QString::fromUtf8(file.readAll()), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const graphql::Schema sandbox = graphql::parseSchema(SandboxExecutor::schemaSdl(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));

        int fieldsCompared = 0;
        for (const QString& name : sandbox.typeNames()) {
            const graphql::TypeDefinition* ours = sandbox.type(name);
            const graphql::TypeDefinition* theirs = published.type(name);
            QVERIFY2(theirs, qPrintable(name));
            QCOMPARE(ours->kind, theirs->kind);
            QCOMPARE(ours->interfaces, theirs->interfaces);
            QCOMPARE(ours->enumValues, theirs->enumValues);
            for (const graphql::FieldDefinition& field : ours->fields) {
                const graphql::FieldDefinition* other = theirs->field(field.name);
                QVERIFY2(other, qPrintable(name + u'.' + field.name));
                QCOMPARE(field.type, other->type);
                QCOMPARE(field.arguments.size(), other->arguments.size());
                for (const graphql::InputValueDefinition& argument : field.arguments)
                    QCOMPARE(argument.type, other->argument(argument.name)->type);
                ++fieldsCompared;
            }
            for (const graphql::InputValueDefinition& field : ours->inputFields)
                QCOMPARE(field.type, theirs->inputField(field.name)->type);
        }
        QVERIFY(fieldsCompared > 30);
    }

    // --- HTTP ------------------------------------------------------------------------------

    void rejectsMissingOrWrongTokens_data()
    {
        QTest::addColumn<QString>("token");
        QTest::addColumn<QByteArray>("rawAuthorization");
        QTest::newRow("none") << QString() << QByteArray();
        QTest::newRow("wrong") << QStringLiteral("not-the-token") << QByteArray();
        QTest::newRow("truncated") << m_server->token().left(548) << QByteArray();
        QTest::newRow("basic scheme") << QString() << QByteArray("Basic " + m_server->token().toUtf8());
        QTest::newRow("bare token") << QString() << m_server->token().toUtf8();
    }

    void rejectsMissingOrWrongTokens()
    {
        QFETCH(QString, token);
        QFETCH(QByteArray, rawAuthorization);
        QNetworkRequest request = jsonRequest(m_server->endpoint(), token);
        if (!rawAuthorization.isEmpty())
            request.setRawHeader("Authorization", rawAuthorization);
        QElapsedTimer timer;
        timer.start();
        const HttpReply reply
            = finish(m_network.post(request, QByteArrayLiteral("{\"query\":\"{ token { id } }\"}")), timer);
        QCOMPARE(reply.status, 401);
        const QJsonObject expected = QJsonDocument::fromJson(
            R"({"errors":[{"message":"Unauthorized: invalid or missing API token","extensions":{"code":"UNAUTHENTICATED"}}]})")
                                         .object();
        QCOMPARE(reply.body, expected);
    }

    void acceptsTheTokenInAnyCaseOfBearer()
    {
        QNetworkRequest request = jsonRequest(m_server->endpoint(), QString());
        request.setRawHeader("authorization", "bearer " + m_server->token().toUtf8());
        QElapsedTimer timer;
        timer.start();
        const HttpReply reply
            = finish(m_network.post(request, QByteArrayLiteral("{\"query\":\"{ token { id } }\"}")), timer);
        QCOMPARE(reply.status, 200);
        QCOMPARE(data(reply).value(QStringLiteral("token")).toObject().value(QStringLiteral("id")).toString(),
            m_server->account().tokenIdentity().id);
    }

    void wrongMethodOrPath()
    {
        QElapsedTimer timer;
        timer.start();
        HttpReply reply = finish(m_network.get(jsonRequest(m_server->endpoint(), m_server->token())), timer);
        QCOMPARE(reply.status, 405);
        QUrl other = m_server->endpoint();
        other.setPath(QStringLiteral("/graphql"));
        reply = post(QByteArrayLiteral("{\"query\":\"{ token { id } }\"}"), m_server->token(), other);
        QCOMPARE(reply.status, 404);
    }

    void malformedRequestsAre400()
    {
        HttpReply reply = post(QByteArrayLiteral("{not json"), m_server->token());
        QCOMPARE(reply.status, 400);
        QVERIFY(!reply.body.value(QStringLiteral("errors"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("message"))
                     .toString()
                     .isEmpty());

        reply = post(QByteArrayLiteral("{\"variables\":{}}"), m_server->token());
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.body.value(QStringLiteral("errors"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("message"))
                     .toString(),
            QStringLiteral("Must provide query string."));

        reply = graphQl(QStringLiteral("{ token { id "));
        QCOMPARE(reply.status, 400);
        QVERIFY(reply.body.value(QStringLiteral("errors"))
                    .toArray()
                    .first()
                    .toObject()
                    .value(QStringLiteral("message"))
                    .toString()
                    .startsWith(QStringLiteral("Syntax Error: ")));
        QVERIFY(!reply.body.contains(QStringLiteral("data")));
    }

    void unknownFieldIs400()
    {
        const HttpReply reply = graphQl(
            QStringLiteral("query Q { users(limit: 1, offset: 0) { page { id shoeSize } hasMore } }"));
        QCOMPARE(reply.status, 400);
        const QJsonArray errors = reply.body.value(QStringLiteral("errors")).toArray();
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.first().toObject().value(QStringLiteral("message")).toString(),
            QStringLiteral("Cannot query field \"shoeSize\" on type \"User\"."));
        // Fields of the published schema the sandbox does not serve fail the same way.
        QCOMPARE(graphQl(QStringLiteral("{ roadmap(roadmapID: \"x\") { id } }")).status, 400);
    }

    void projectsTheSelection()
    {
        const HttpReply reply
            = graphQl(QStringLiteral("{ __typename me: token { __typename id name: displayName } account { "
                                     "companyName package { name } } }"));
        QCOMPARE(reply.status, 200);
        QVERIFY(!reply.body.contains(QStringLiteral("errors")));
        const QJsonObject root = data(reply);
        QCOMPARE(root.value(QStringLiteral("__typename")).toString(), QStringLiteral("Query"));
        const QJsonObject me = root.value(QStringLiteral("me")).toObject();
        QCOMPARE(me.keys(),
            (QStringList { QStringLiteral("__typename"), QStringLiteral("id"), QStringLiteral("name") }));
        QCOMPARE(me.value(QStringLiteral("__typename")).toString(), QStringLiteral("APIToken"));
        QCOMPARE(me.value(QStringLiteral("name")).toString(), QStringLiteral("SAM integration token"));
        const QJsonObject account = root.value(QStringLiteral("account")).toObject();
        QCOMPARE(account.keys(), (QStringList { QStringLiteral("companyName"), QStringLiteral("package") }));
        QCOMPARE(account.value(QStringLiteral("companyName")).toString(),
            QStringLiteral("Sandbox Robotics 株式会社"));
        QCOMPARE(account.value(QStringLiteral("package")).toObject(),
            (QJsonObject { { QStringLiteral("name"), QStringLiteral("Professional") } }));
    }

    void pageCapAndHasMore_data()
    {
        QTest::addColumn<int>("limit");
        QTest::addColumn<int>("offset");
        QTest::addColumn<int>("rows");
        QTest::addColumn<bool>("hasMore");
        QTest::newRow("capped") << 250 << 0 << 100 << true;
        QTest::newRow("small") << 7 << 0 << 7 << true;
        QTest::newRow("to the end exactly") << 100 << 400 << 100 << false;
        QTest::newRow("past the end partly") << 100 << 450 << 50 << false;
        QTest::newRow("beyond the end") << 10 << 900 << 0 << false;
        QTest::newRow("zero") << 0 << 0 << 0 << true;
        QTest::newRow("maximum") << 1000 << 0 << 100 << true;
    }

    void pageCapAndHasMore()
    {
        QFETCH(int, limit);
        QFETCH(int, offset);
        QFETCH(int, rows);
        QFETCH(bool, hasMore);
        const HttpReply reply = graphQl(
            QStringLiteral(
                "query P($l: Int!, $o: Int!) { users(limit: $l, offset: $o) { page { id } hasMore } }"),
            { { QStringLiteral("l"), limit }, { QStringLiteral("o"), offset } });
        QCOMPARE(reply.status, 200);
        const QJsonObject users = data(reply).value(QStringLiteral("users")).toObject();
        const QJsonArray page = users.value(QStringLiteral("page")).toArray();
        QCOMPARE(page.size(), rows);
        QCOMPARE(users.value(QStringLiteral("hasMore")).toBool(), hasMore);
        if (rows > 0)
            QCOMPARE(page.first().toObject().value(QStringLiteral("id")).toString(),
                m_server->account().users().at(offset).id);
    }

    void badLimitsAreGraphQlErrors_data()
    {
        QTest::addColumn<QString>("arguments");
        QTest::newRow("negative limit") << QStringLiteral("limit: -1, offset: 0");
        QTest::newRow("oversized limit") << QStringLiteral("limit: 5000, offset: 0");
        QTest::newRow("negative offset") << QStringLiteral("limit: 10, offset: -3");
    }

    void badLimitsAreGraphQlErrors()
    {
        QFETCH(QString, arguments);
        const HttpReply reply
            = graphQl(QStringLiteral("{ users(%1) { hasMore } roadmaps(%1) { hasMore } }").arg(arguments));
        QCOMPARE(reply.status, 200);
        const QJsonArray errors = reply.body.value(QStringLiteral("errors")).toArray();
        QCOMPARE(errors.size(), 2);
        QCOMPARE(errors.at(0).toObject().value(QStringLiteral("path")).toArray(),
            QJsonArray { QStringLiteral("users") });
        QCOMPARE(errors.at(0)
                     .toObject()
                     .value(QStringLiteral("extensions"))
                     .toObject()
                     .value(QStringLiteral("code"))
                     .toString(),
            QStringLiteral("BAD_USER_INPUT"));
        QVERIFY(reply.body.value(QStringLiteral("data")).isNull()); // users is non-null, so data is null
    }

    void offsetPagingReachesEveryUserOnce()
    {
        const QJsonArray rows = allRows(QStringLiteral("users"), QString(), QStringLiteral("id email"), 150);
        QCOMPARE(rows.size(), 500);
        QSet<QString> seen;
        for (qsizetype i = 0; i < rows.size(); ++i) {
            const QString id = rows.at(i).toObject().value(QStringLiteral("id")).toString();
            QVERIFY2(!seen.contains(id), qPrintable(id));
            seen.insert(id);
            QCOMPARE(id, m_server->account().users().at(i).id);
        }
    }

    void filtersByRole()
    {
        int expected = 0;
        for (const SandboxUser& user : m_server->account().users())
            expected += (user.accountRole == u"account_admin" || user.accountRole == u"reviewer") ? 1 : 0;
        QVERIFY(expected > 100);
        const QJsonArray rows
            = allRows(QStringLiteral("users"), QStringLiteral(", accountRoles: [account_admin, reviewer]"),
                QStringLiteral("id accountRole"), 100);
        QCOMPARE(rows.size(), expected);
        for (const QJsonValue& row : rows) {
            const QString role = row.toObject().value(QStringLiteral("accountRole")).toString();
            QVERIFY2(role == u"account_admin" || role == u"reviewer", qPrintable(role));
        }

        // Through a variable, and a single value where a list is expected.
        const HttpReply reply
            = graphQl(QStringLiteral("query R($r: [UserRoles!]) { users(limit: 100, offset: 0, accountRoles: "
                                     "$r) { page { accountRole } hasMore } }"),
                { { QStringLiteral("r"), QStringLiteral("account_admin") } });
        const QJsonArray admins
            = data(reply).value(QStringLiteral("users")).toObject().value(QStringLiteral("page")).toArray();
        QVERIFY(!admins.isEmpty());
        for (const QJsonValue& row : admins)
            QCOMPARE(row.toObject().value(QStringLiteral("accountRole")).toString(),
                QStringLiteral("account_admin"));
    }

    void searchesNamesAndEmails()
    {
        const SandboxUser& target = m_server->account().users().at(17);
        const QString needle = target.email.section(u'@', 0, 0).toUpper();
        int expected = 0;
        for (const SandboxUser& user : m_server->account().users()) {
            expected += (user.displayName.contains(needle, Qt::CaseInsensitive)
                            || user.email.contains(needle, Qt::CaseInsensitive)
                            || user.firstName.contains(needle, Qt::CaseInsensitive)
                            || user.lastName.contains(needle, Qt::CaseInsensitive))
                ? 1
                : 0;
        }
        const QJsonArray rows = allRows(QStringLiteral("users"),
            QStringLiteral(", searchString: \"%1\"").arg(needle), QStringLiteral("id"), 100);
        QCOMPARE(rows.size(), expected);
        QVERIFY(rows.contains(QJsonObject { { QStringLiteral("id"), target.id } }));
    }

    void roadmapsHideArchivedUnlessAsked()
    {
        const QList<SandboxRoadmap>& roadmaps = m_server->account().roadmaps();
        QCOMPARE(roadmaps.size(), 125);
        int active = 0;
        for (const SandboxRoadmap& roadmap : roadmaps)
            active += roadmap.isArchived() ? 0 : 1;
        QVERIFY(active < 125 && active > 60);

        const QString selection = QStringLiteral(
            "id archivedOn archivedBy { __typename id displayName } restoredOn restoredBy { id }");
        const QJsonArray all = allRows(
            QStringLiteral("roadmaps"), QStringLiteral(", includeArchivedRoadmaps: true"), selection, 40);
        QCOMPARE(all.size(), 125);
        int withArchiver = 0;
        for (const QJsonValue& row : all) {
            const QJsonObject by = row.toObject().value(QStringLiteral("archivedBy")).toObject();
            if (by.isEmpty())
                continue;
            ++withArchiver;
            QCOMPARE(by.value(QStringLiteral("__typename")).toString(), QStringLiteral("User"));
            const SandboxUser* user = m_server->account().userById(by.value(QStringLiteral("id")).toString());
            QVERIFY(user);
            QCOMPARE(by.value(QStringLiteral("displayName")).toString(), user->displayName);
        }
        QVERIFY(withArchiver > 0);

        for (const QString& arguments : { QString(), QStringLiteral(", includeArchivedRoadmaps: false") }) {
            const QJsonArray visible
                = allRows(QStringLiteral("roadmaps"), arguments, QStringLiteral("id"), 40);
            QCOMPARE(visible.size(), active);
            for (const QJsonValue& row : visible) {
                const QString id = row.toObject().value(QStringLiteral("id")).toString();
                const auto it = std::find_if(
                    roadmaps.begin(), roadmaps.end(), [&id](const SandboxRoadmap& r) { return r.id == id; });
                QVERIFY(it != roadmaps.end());
                QVERIFY(!it->isArchived());
            }
        }
    }

    void servesDatesAsIsoAndAsEpochMillis()
    {
        const QJsonArray rows
            = allRows(QStringLiteral("users"), QString(), QStringLiteral("id lastLogin"), 100);
        QCOMPARE(rows.size(), 500);
        const QRegularExpression iso(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$"));
        int asText = 0, asNumber = 0, asNull = 0;
        for (const QJsonValue& row : rows) {
            const QJsonObject user = row.toObject();
            const QJsonValue lastLogin = user.value(QStringLiteral("lastLogin"));
            const SandboxUser* expected
                = m_server->account().userById(user.value(QStringLiteral("id")).toString());
            QVERIFY(expected);
            if (lastLogin.isString()) {
                ++asText;
                QVERIFY2(iso.match(lastLogin.toString()).hasMatch(), qPrintable(lastLogin.toString()));
                QCOMPARE(QDateTime::fromString(lastLogin.toString(), Qt::ISODateWithMs), expected->lastLogin);
            } else if (lastLogin.isDouble()) {
                ++asNumber;
                QCOMPARE(qint64(lastLogin.toDouble()), expected->lastLogin.toMSecsSinceEpoch());
                QVERIFY(lastLogin.toDouble() > double(fixedNow.toMSecsSinceEpoch() - 366 * dayMs));
            } else {
                ++asNull;
                QVERIFY(lastLogin.isNull());
                QVERIFY(!expected->lastLogin.isValid());
            }
        }
        QVERIFY(asText > 0 && asNumber > 0 && asNull > 0);
    }

    void deactivatesUsers()
    {
        const SandboxUser target = m_server->account().users().at(5);
        const SandboxUser other = m_server->account().users().at(6);
        const QString mutation = QStringLiteral("mutation Off($input: DeactivateUserInput!) { done: "
                                                "deactivateUser(deactivateUserInput: $input) }");
        const auto input = [](const QString& id, const QString& email) {
            QJsonObject object { { QStringLiteral("id"), id } };
            if (!email.isEmpty())
                object.insert(QStringLiteral("email"), email);
            return QJsonObject { { QStringLiteral("input"), object } };
        };

        HttpReply reply = graphQl(mutation, input(target.id, target.email));
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.body,
            (QJsonObject { { QStringLiteral("data"), QJsonObject { { QStringLiteral("done"), true } } } }));
        QVERIFY(m_server->account().isDeactivated(target.id));

        reply = graphQl(mutation, input(target.id, QString()));
        QCOMPARE(data(reply).value(QStringLiteral("done")).toBool(true), false); // already deactivated

        reply = graphQl(mutation, input(other.id, target.email));
        QCOMPARE(reply.status, 200);
        QVERIFY(reply.body.value(QStringLiteral("data")).isNull());
        QJsonObject error = reply.body.value(QStringLiteral("errors")).toArray().first().toObject();
        QCOMPARE(error.value(QStringLiteral("path")).toArray(), QJsonArray { QStringLiteral("done") });
        QVERIFY(!error.value(QStringLiteral("message")).toString().isEmpty());
        QVERIFY(!m_server->account().isDeactivated(other.id));

        reply = graphQl(mutation, input(QStringLiteral("ffffffffffffffffffffffff"), QString()));
        error = reply.body.value(QStringLiteral("errors")).toArray().first().toObject();
        QCOMPARE(
            error.value(QStringLiteral("extensions")).toObject().value(QStringLiteral("code")).toString(),
            QStringLiteral("NOT_FOUND"));

        // Deactivated users are still listed, as by the real API.
        reply = graphQl(QStringLiteral("query U($id: ID!) { user(userID: $id) { id email } }"),
            { { QStringLiteral("id"), target.id } });
        QCOMPARE(
            data(reply).value(QStringLiteral("user")).toObject().value(QStringLiteral("email")).toString(),
            target.email);
        QCOMPARE(m_server->account().users().size(), 500);
        QCOMPARE(m_server->account().deactivatedIds(), QStringList { target.id });
    }

    void limitedTokenCannotTouchUsers()
    {
        HttpReply reply = graphQl(
            QStringLiteral("{ users(limit: 5, offset: 0) { page { id } hasMore } }"), {}, m_limitedToken);
        QCOMPARE(reply.status, 200);
        QVERIFY(reply.body.value(QStringLiteral("data")).isNull());
        const QJsonObject error = reply.body.value(QStringLiteral("errors")).toArray().first().toObject();
        QCOMPARE(error.value(QStringLiteral("message")).toString(),
            QStringLiteral("Forbidden: this API token lacks the Account Admin role"));
        QCOMPARE(error.value(QStringLiteral("extensions")).toObject(),
            (QJsonObject { { QStringLiteral("code"), QStringLiteral("FORBIDDEN") } }));

        reply = graphQl(QStringLiteral("{ token { id } user(userID: \"%1\") { id } }")
                            .arg(m_server->account().users().first().id),
            {}, m_limitedToken);
        QCOMPARE(data(reply).value(QStringLiteral("token")).toObject().value(QStringLiteral("id")).toString(),
            m_server->account().tokenIdentity().id);
        QVERIFY(data(reply).value(QStringLiteral("user")).isNull());
        QCOMPARE(reply.body.value(QStringLiteral("errors")).toArray().size(), 1);

        reply = graphQl(QStringLiteral("mutation { deactivateUser(deactivateUserInput: {id: \"%1\"}) }")
                            .arg(m_server->account().users().at(9).id),
            {}, m_limitedToken);
        QCOMPARE(reply.body.value(QStringLiteral("errors"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("extensions"))
                     .toObject()
                     .value(QStringLiteral("code"))
                     .toString(),
            QStringLiteral("FORBIDDEN"));
        QVERIFY(!m_server->account().isDeactivated(m_server->account().users().at(9).id));

        reply = graphQl(
            QStringLiteral("{ roadmaps(limit: 5, offset: 0) { page { id } } }"), {}, m_limitedToken);
        QVERIFY(!reply.body.contains(QStringLiteral("errors")));
        QCOMPARE(data(reply)
                     .value(QStringLiteral("roadmaps"))
                     .toObject()
                     .value(QStringLiteral("page"))
                     .toArray()
                     .size(),
            5);
    }

    void countsRequests()
    {
        const int before = m_server->requestCount();
        graphQl(QStringLiteral("{ token { id } }"));
        graphQl(QStringLiteral("{ token { id } }"), {}, QStringLiteral("wrong"));
        QCOMPARE(m_server->requestCount(), before + 2);
    }

    void latencyDelaysWithoutBlocking()
    {
        SandboxOptions options;
        options.userCount = 10;
        options.latencyMs = 400;
        options.token = QStringLiteral("slow-token");
        SandboxServer slow(options);
        QVERIFY(slow.listen() != 0);
        QVERIFY(!slow.tokenWasGenerated());

        const HttpReply reply = graphQl(QStringLiteral("{ token { id } }"), {}, QString(), &slow);
        QCOMPARE(reply.status, 200);
        QVERIFY2(reply.elapsedMs >= 380, qPrintable(QString::number(reply.elapsedMs)));
        QCOMPARE(graphQl(QStringLiteral("{ token { id } }"), {}, QStringLiteral("nope"), &slow).status, 401);

        // Three requests in flight at once finish together: the delay does not block the thread.
        QElapsedTimer timer;
        timer.start();
        QList<QNetworkReply*> replies;
        for (int i = 0; i < 3; ++i) {
            replies << m_network.post(jsonRequest(slow.endpoint(), slow.token()),
                QByteArrayLiteral("{\"query\":\"{ token { id } }\"}"));
        }
        QVERIFY(QTest::qWaitFor(
            [&replies] {
                return std::all_of(
                    replies.begin(), replies.end(), [](QNetworkReply* r) { return r->isFinished(); });
            },
            10000));
        const qint64 elapsed = timer.elapsed();
        for (QNetworkReply* r : replies) {
            QCOMPARE(r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
            r->deleteLater();
        }
        QVERIFY2(elapsed >= 380 && elapsed < 1100, qPrintable(QString::number(elapsed)));

        // A client that gives up while the answer is pending must not upset the server.
        QNetworkReply* abandoned = m_network.post(jsonRequest(slow.endpoint(), slow.token()),
            QByteArrayLiteral("{\"query\":\"{ token { id } }\"}"));
        QTest::qWait(100);
        abandoned->abort();
        abandoned->deleteLater();
        QTest::qWait(500);
        QCOMPARE(graphQl(QStringLiteral("{ token { id } }"), {}, QString(), &slow).status, 200);
    }

    // --- Command line ----------------------------------------------------------------------

    void commandRejectsBadOptions_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("unknown option") << QStringList { QStringLiteral("--bogus") };
        QTest::newRow("not a number") << QStringList { QStringLiteral("--users"), QStringLiteral("many") };
        QTest::newRow("port out of range")
            << QStringList { QStringLiteral("--port"), QStringLiteral("70000") };
        QTest::newRow("zero page cap") << QStringList { QStringLiteral("--page-cap"), QStringLiteral("0") };
        QTest::newRow("negative latency")
            << QStringList { QStringLiteral("--latency-ms"), QStringLiteral("-5") };
        QTest::newRow("token with a space")
            << QStringList { QStringLiteral("--token"), QStringLiteral("a b") };
        QTest::newRow("positional") << QStringList { QStringLiteral("extra") };
        QTest::newRow("missing value") << QStringList { QStringLiteral("--port") };
    }

    void commandRejectsBadOptions()
    {
        QFETCH(QStringList, arguments);
        QString outText, errText;
        QTextStream out(&outText), err(&errText);
        QCOMPARE(runSandboxCommand(arguments, out, err), 2);
        QVERIFY(!errText.isEmpty());
        QVERIFY(outText.isEmpty());
    }

    void commandReportsBusyPort()
    {
        QTcpServer occupant;
        QVERIFY(occupant.listen(QHostAddress::LocalHost));
        QString outText, errText;
        QTextStream out(&outText), err(&errText);
        const int code = runSandboxCommand({ QStringLiteral("--port"), QString::number(occupant.serverPort()),
                                               QStringLiteral("--users"), QStringLiteral("3") },
            out, err);
        QCOMPARE(code, 4);
        QVERIFY(errText.contains(QString::number(occupant.serverPort())));
        QVERIFY(!outText.contains(QStringLiteral("token"), Qt::CaseInsensitive));
    }

    void commandHelp()
    {
        QString outText, errText;
        QTextStream out(&outText), err(&errText);
        QCOMPARE(runSandboxCommand({ QStringLiteral("--help") }, out, err), 0);
        for (const char* option : { "--port", "--users", "--seed", "--page-cap", "--latency-ms", "--token" })
            QVERIFY2(outText.contains(QLatin1String(option)), option);
    }
};

QTEST_GUILESS_MAIN(TestSandbox)
#include "tst_sandbox.moc"
