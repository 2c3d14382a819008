// The sandbox: its synthetic account, and the GraphQL server over real loopback HTTP.
#include "graphql/GraphQl.h"
#include "sandbox/SandboxAccount.h"
#include "sandbox/SandboxAnomalies.h"
#include "sandbox/SandboxCommand.h"
#include "sandbox/SandboxServer.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSet>
#include <QTcpServer>
#include <QTest>
#include <QTimer>
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
    QJsonArray array; // for the /sandbox/ pages that answer a list
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
        const QJsonDocument document = QJsonDocument::fromJson(result.raw);
        result.body = document.object();
        result.array = document.array();
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
    QJsonArray allRows(const QString& field, const QString& arguments, const QString& selection, int limit,
        SandboxServer* server = nullptr)
    {
        QJsonArray rows;
        for (int offset = 0, guard = 0; guard < 1000; ++guard) {
            const HttpReply reply
                = graphQl(QStringLiteral("{ list: %1(limit: %2, offset: %3%4) { page { %5 } hasMore } }")
                              .arg(field)
                              .arg(limit)
                              .arg(offset)
                              .arg(arguments, selection),
                    {}, QString(), server);
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

    // A server of its own, so the anomalies and deactivations of one test touch no other.
    std::unique_ptr<SandboxServer> startServer(const QString& anomalies, int users = 30, int pageCap = 10)
    {
        SandboxOptions options;
        options.userCount = users;
        options.seed = 11;
        options.pageCap = pageCap;
        options.now = fixedNow;
        options.limitedToken = m_limitedToken;
        const auto parsed = SandboxAnomalies::parse(anomalies);
        if (!parsed)
            qFatal("bad anomalies in the test: %s", qPrintable(parsed.error().message));
        options.anomalies = parsed.value();
        auto server = std::make_unique<SandboxServer>(options);
        return server->listen() != 0 ? std::move(server) : nullptr;
    }

    // One page of `users` or `roadmaps`, as `list`.
    HttpReply listPage(SandboxServer& server, const QString& field, int offset, int limit,
        const QString& selection = QStringLiteral("id"), const QString& arguments = {})
    {
        return graphQl(QStringLiteral("{ list: %1(limit: %2, offset: %3%4) { page { %5 } hasMore } }")
                           .arg(field)
                           .arg(limit)
                           .arg(offset)
                           .arg(arguments, selection),
            {}, QString(), &server);
    }

    static QJsonObject list(const HttpReply& reply)
    {
        return data(reply).value(QStringLiteral("list")).toObject();
    }
    static QJsonArray rowsOf(const HttpReply& reply)
    {
        return list(reply).value(QStringLiteral("page")).toArray();
    }

    HttpReply deactivate(SandboxServer& server, const QJsonObject& input)
    {
        return graphQl(QStringLiteral("mutation Off($input: DeactivateUserInput!) { done: "
                                      "deactivateUser(deactivateUserInput: $input) }"),
            { { QStringLiteral("input"), input } }, QString(), &server);
    }

    // A request to one of the /sandbox/ pages; `token` null: none.
    HttpReply control(SandboxServer& server, const QByteArray& verb, const QString& path,
        const QString& token, const QByteArray& body = {})
    {
        QUrl url = server.endpoint();
        url.setPath(path);
        QElapsedTimer timer;
        timer.start();
        return finish(m_network.sendCustomRequest(jsonRequest(url, token), verb, body), timer);
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
        for (const char* option : { "--port", "--users", "--seed", "--page-cap", "--latency-ms", "--token",
                 "--fault", "--anomaly" })
            QVERIFY2(outText.contains(QLatin1String(option)), option);
    }

    // --- Anomalies: hostile but well-formed answers ------------------------------------------

    void anomalySyntax_data()
    {
        QTest::addColumn<QStringList>("items");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("canonical"); // valid: toString(); invalid: what the message names
        QTest::newRow("none") << QStringList {} << true << "";
        QTest::newRow("one") << QStringList { "endless" } << true << "endless";
        QTest::newRow("dates") << QStringList { "dates=iso" } << true << "dates=iso";
        QTest::newRow("dates with a colon") << QStringList { "dates:epoch-ms" } << true << "dates=epoch-ms";
        QTest::newRow("mixed dates are the default") << QStringList { "dates=mixed" } << true << "";
        QTest::newRow("commas, spaces, canonical order")
            << QStringList { " huge-ids, endless ,dates=rfc1123" } << true
            << "dates=rfc1123,endless,huge-ids";
        QTest::newRow("repeated option") << QStringList { "shrink:30", "deactivate-false,empty-users" }
                                         << true << "empty-users,deactivate-false,shrink:30";
        QTest::newRow("the later dates wins")
            << QStringList { "dates=iso,dates=garbage" } << true << "dates=garbage";
        QTest::newRow("oversized default") << QStringList { "oversized" } << true << "oversized:50";
        QTest::newRow("oversized MiB") << QStringList { "oversized=2" } << true << "oversized:2";
        QTest::newRow("shrink default") << QStringList { "shrink" } << true << "shrink:25";
        QTest::newRow("every flag") << QStringList {
            "ignore-offset,hasmore-string,duplicate-ids,dates=iso-offset,dates=epoch-s"
        } << true << "dates=epoch-s,ignore-offset,hasmore-string,duplicate-ids";
        QTest::newRow("unknown") << QStringList { "endless,explode" } << false << "explode";
        QTest::newRow("unknown date format") << QStringList { "dates=tomorrow" } << false << "dates=tomorrow";
        QTest::newRow("dates without a format") << QStringList { "dates" } << false << "dates";
        QTest::newRow("oversized 0") << QStringList { "oversized:0" } << false << "oversized:0";
        QTest::newRow("oversized too big") << QStringList { "oversized:2000" } << false << "oversized:2000";
        QTest::newRow("shrink over 100") << QStringList { "shrink:101" } << false << "shrink:101";
        QTest::newRow("shrink not a number") << QStringList { "shrink:half" } << false << "shrink:half";
        QTest::newRow("argument where none is taken") << QStringList { "endless:3" } << false << "endless:3";
        QTest::newRow("empty name") << QStringList { "endless,,huge-ids" } << false << "\"\"";
    }

    void anomalySyntax()
    {
        QFETCH(QStringList, items);
        QFETCH(bool, valid);
        QFETCH(QString, canonical);
        const auto parsed = SandboxAnomalies::parse(items);
        QCOMPARE(parsed.ok(), valid);
        if (!valid) {
            QVERIFY2(parsed.error().message.contains(canonical), qPrintable(parsed.error().message));
            QCOMPARE(parsed.error().code, ErrorCode::InvalidInput);
            return;
        }
        QCOMPARE(parsed.value().toString(), canonical);
        QCOMPARE(parsed.value().isNone(), canonical.isEmpty());
        // The canonical names read back to the same anomalies.
        QCOMPARE(SandboxAnomalies::parse(parsed.value().names()).value(), parsed.value());
    }

    void commandRejectsABadAnomaly()
    {
        QString outText, errText;
        QTextStream out(&outText), err(&errText);
        QCOMPARE(
            runSandboxCommand({ QStringLiteral("--anomaly"), QStringLiteral("endless"),
                                  QStringLiteral("--anomaly"), QStringLiteral("huge-ids,dates=tomorrow") },
                out, err),
            2);
        QVERIFY2(errText.contains(QStringLiteral("\"dates=tomorrow\"")), qPrintable(errText));
        QVERIFY2(errText.contains(QStringLiteral("iso-offset")), qPrintable(errText)); // says what is valid
        QVERIFY(outText.isEmpty()); // it never started listening
    }

    void commandTakesAnomalies()
    {
        QString outText, errText;
        QTextStream out(&outText), err(&errText);
        // Runs once the server listens: the command's event loop ends at once.
        QTimer::singleShot(0, QCoreApplication::instance(), &QCoreApplication::quit);
        QCOMPARE(runSandboxCommand({ QStringLiteral("--users"), QStringLiteral("3"),
                                       QStringLiteral("--anomaly"), QStringLiteral("huge-ids,endless"),
                                       QStringLiteral("--anomaly"), QStringLiteral("dates=epoch-s") },
                     out, err),
            0);
        QVERIFY2(outText.startsWith(QStringLiteral("Endpoint: http://127.0.0.1:")), qPrintable(outText));
        QVERIFY2(errText.contains(QStringLiteral("dates=epoch-s,endless,huge-ids")), qPrintable(errText));
    }

    void datesInEveryFormat_data()
    {
        QTest::addColumn<QString>("format");
        for (const char* format :
            { "mixed", "iso", "iso-offset", "epoch-ms", "epoch-s", "rfc1123", "garbage" })
            QTest::newRow(format) << QString::fromLatin1(format);
    }

    void datesInEveryFormat()
    {
        QFETCH(QString, format);
        const auto server = startServer(QStringLiteral("dates=") + format, 200, 100);
        QVERIFY(server);
        const SandboxAccount& account = server->account();
        const QRegularExpression isoZ(
            QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$"));
        const QRegularExpression isoOffset(
            QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+09:00$"));
        const QRegularExpression rfc1123(QStringLiteral(
            "^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d\\d [A-Z][a-z]{2} \\d{4} \\d\\d:\\d\\d:\\d\\d GMT$"));
        QSet<QString> kinds; // what the wire held, for the mixed format
        int checked = 0;
        // Checks one wire value against the instant it stands for.
        const auto check = [&](const QJsonValue& wire, const QDateTime& expected) {
            if (!expected.isValid()) {
                QVERIFY2(wire.isNull(), qPrintable(format)); // never is null in every format
                return;
            }
            ++checked;
            const qint64 ms = expected.toMSecsSinceEpoch();
            const QDateTime toSeconds = QDateTime::fromMSecsSinceEpoch(ms - ms % 1000, Qt::UTC);
            if (format == u"mixed") {
                kinds.insert(wire.isString() ? QStringLiteral("text") : QStringLiteral("number"));
                QVERIFY(wire.isString()
                        ? QDateTime::fromString(wire.toString(), Qt::ISODateWithMs) == expected
                        : wire.toInteger() == ms);
            } else if (format == u"iso") {
                QVERIFY2(isoZ.match(wire.toString()).hasMatch(), qPrintable(wire.toString()));
                QCOMPARE(QDateTime::fromString(wire.toString(), Qt::ISODateWithMs), expected);
            } else if (format == u"iso-offset") {
                QVERIFY2(isoOffset.match(wire.toString()).hasMatch(), qPrintable(wire.toString()));
                QCOMPARE(QDateTime::fromString(wire.toString(), Qt::ISODateWithMs).toMSecsSinceEpoch(), ms);
            } else if (format == u"epoch-ms") {
                QVERIFY(wire.isDouble());
                QCOMPARE(wire.toInteger(), ms);
            } else if (format == u"epoch-s") {
                QVERIFY(wire.isDouble());
                QCOMPARE(wire.toInteger() * 1000, toSeconds.toMSecsSinceEpoch());
            } else if (format == u"rfc1123") {
                QVERIFY2(rfc1123.match(wire.toString()).hasMatch(), qPrintable(wire.toString()));
                QDateTime read = QLocale::c().toDateTime(
                    wire.toString().chopped(4), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss"));
                read.setTimeSpec(Qt::UTC);
                QCOMPARE(read, toSeconds);
            } else {
                QVERIFY(wire.isString() && !wire.toString().isEmpty());
                QVERIFY2(!QDateTime::fromString(wire.toString(), Qt::ISODate).isValid(),
                    qPrintable(wire.toString()));
                QVERIFY(!rfc1123.match(wire.toString()).hasMatch());
                bool number = false;
                wire.toString().toLongLong(&number);
                QVERIFY(!number);
            }
        };

        const QJsonArray users
            = allRows(QStringLiteral("users"), QString(), QStringLiteral("id lastLogin"), 100, server.get());
        QCOMPARE(users.size(), 200);
        for (const QJsonValue& row : users) {
            const SandboxUser* user = account.userById(row[QStringLiteral("id")].toString());
            QVERIFY(user);
            check(row[QStringLiteral("lastLogin")], user->lastLogin);
            if (QTest::currentTestFailed())
                return;
        }
        const QJsonArray roadmaps
            = allRows(QStringLiteral("roadmaps"), QStringLiteral(", includeArchivedRoadmaps: true"),
                QStringLiteral("id archivedOn restoredOn"), 100, server.get());
        QCOMPARE(roadmaps.size(), account.roadmaps().size());
        int restored = 0;
        for (const QJsonValue& row : roadmaps) {
            const QString id = row[QStringLiteral("id")].toString();
            const auto it = std::find_if(account.roadmaps().cbegin(), account.roadmaps().cend(),
                [&id](const SandboxRoadmap& r) { return r.id == id; });
            QVERIFY(it != account.roadmaps().cend());
            check(row[QStringLiteral("archivedOn")], it->archivedOn);
            check(row[QStringLiteral("restoredOn")], it->restoredOn);
            restored += it->restoredOn.isValid() ? 1 : 0;
        }
        QVERIFY(restored > 0);
        QVERIFY(checked > 150);
        if (format == u"mixed")
            QCOMPARE(kinds.size(), 2); // the default still mixes text and numbers
    }

    void endlessListingsNeverEnd()
    {
        const auto server = startServer(QStringLiteral("endless"), 30, 10);
        QVERIFY(server);
        QSet<QString> seen;
        QString madeUp;
        int offset = 0;
        for (int pageNumber = 0; pageNumber < 12; ++pageNumber) {
            const HttpReply reply = listPage(*server, QStringLiteral("users"), offset, 10);
            QCOMPARE(reply.status, 200);
            QVERIFY(!reply.body.contains(QStringLiteral("errors")));
            QCOMPARE(list(reply).value(QStringLiteral("hasMore")), QJsonValue(true));
            const QJsonArray rows = rowsOf(reply);
            QCOMPARE(rows.size(), 10);
            for (qsizetype i = 0; i < rows.size(); ++i) {
                const QString id = rows[i][QStringLiteral("id")].toString();
                QVERIFY2(!seen.contains(id), qPrintable(id));
                seen.insert(id);
                const qsizetype position = offset + i;
                // The real users first, in order; then made-up ones the account does not hold.
                if (position < 30)
                    QCOMPARE(id, server->account().users().at(position).id);
                else
                    QVERIFY(!server->account().userById(madeUp = id));
            }
            offset += int(rows.size());
        }
        // Asking again past the end gives new ids again.
        for (const QJsonValue& row : rowsOf(listPage(*server, QStringLiteral("users"), 30, 10)))
            QVERIFY(!seen.contains(row[QStringLiteral("id")].toString()));
        // A made-up user cannot be deactivated: the gateway does not know it.
        const HttpReply off = deactivate(*server, { { QStringLiteral("id"), madeUp } });
        QCOMPARE(
            off.body.value(QStringLiteral("errors"))[0][QStringLiteral("extensions")][QStringLiteral("code")]
                .toString(),
            QStringLiteral("NOT_FOUND"));
        QVERIFY(server->account().deactivations().isEmpty());

        QSet<QString> roadmapIds;
        offset = 0;
        for (int pageNumber = 0; pageNumber < 5; ++pageNumber) {
            const HttpReply reply = listPage(*server, QStringLiteral("roadmaps"), offset, 10,
                QStringLiteral("id title"), QStringLiteral(", includeArchivedRoadmaps: true"));
            QCOMPARE(list(reply).value(QStringLiteral("hasMore")), QJsonValue(true));
            const QJsonArray rows = rowsOf(reply);
            QCOMPARE(rows.size(), 10);
            for (const QJsonValue& row : rows) {
                QVERIFY(!roadmapIds.contains(row[QStringLiteral("id")].toString()));
                roadmapIds.insert(row[QStringLiteral("id")].toString());
            }
            offset += int(rows.size());
        }
        QCOMPARE(roadmapIds.size(), 50); // 7 real roadmaps, then made-up ones
    }

    void ignoreOffsetServesTheFirstPage()
    {
        const auto server = startServer(QStringLiteral("ignore-offset"), 30, 10);
        QVERIFY(server);
        QJsonArray first;
        for (int offset : { 0, 10, 25, 500 }) {
            const HttpReply reply = listPage(*server, QStringLiteral("users"), offset, 10);
            QCOMPARE(list(reply).value(QStringLiteral("hasMore")), QJsonValue(true));
            const QJsonArray rows = rowsOf(reply);
            QCOMPARE(rows.size(), 10);
            QCOMPARE(rows.first()[QStringLiteral("id")].toString(), server->account().users().first().id);
            if (first.isEmpty())
                first = rows;
            QCOMPARE(rows, first);
        }
        const HttpReply roadmaps = listPage(*server, QStringLiteral("roadmaps"), 500, 3, QStringLiteral("id"),
            QStringLiteral(", includeArchivedRoadmaps: true"));
        QCOMPARE(rowsOf(roadmaps).first()[QStringLiteral("id")].toString(),
            server->account().roadmaps().first().id);
        QCOMPARE(list(roadmaps).value(QStringLiteral("hasMore")), QJsonValue(true));
    }

    void emptyUsersListing()
    {
        const auto server = startServer(QStringLiteral("empty-users"), 30, 10);
        QVERIFY(server);
        const HttpReply reply = listPage(*server, QStringLiteral("users"), 0, 10);
        QCOMPARE(reply.status, 200);
        QVERIFY(!reply.body.contains(QStringLiteral("errors")));
        QCOMPARE(list(reply),
            (QJsonObject {
                { QStringLiteral("page"), QJsonArray {} }, { QStringLiteral("hasMore"), false } }));
        // Only the users listing: roadmaps and single users are still there.
        QCOMPARE(rowsOf(listPage(*server, QStringLiteral("roadmaps"), 0, 3)).size(), 3);
        const HttpReply one = graphQl(QStringLiteral("query U($id: ID!) { user(userID: $id) { id } }"),
            { { QStringLiteral("id"), server->account().users().at(4).id } }, QString(), server.get());
        QCOMPARE(data(one).value(QStringLiteral("user")).toObject().value(QStringLiteral("id")).toString(),
            server->account().users().at(4).id);
    }

    void hasMoreAsAString()
    {
        const auto server = startServer(QStringLiteral("hasmore-string"), 30, 10);
        QVERIFY(server);
        HttpReply reply = listPage(*server, QStringLiteral("users"), 0, 10);
        QCOMPARE(list(reply).value(QStringLiteral("hasMore")), QJsonValue(QStringLiteral("true")));
        QVERIFY(reply.raw.contains("\"hasMore\":\"true\""));
        reply = listPage(*server, QStringLiteral("users"), 20, 10);
        QCOMPARE(rowsOf(reply).size(), 10);
        QCOMPARE(list(reply).value(QStringLiteral("hasMore")), QJsonValue(QStringLiteral("false")));
        reply = listPage(*server, QStringLiteral("roadmaps"), 0, 100);
        QCOMPARE(list(reply).value(QStringLiteral("hasMore")), QJsonValue(QStringLiteral("false")));
    }

    void duplicateIdsWithinAPage()
    {
        const auto server = startServer(QStringLiteral("duplicate-ids"), 30, 10);
        QVERIFY(server);
        for (int offset : { 0, 10, 20 }) {
            const QJsonArray rows
                = rowsOf(listPage(*server, QStringLiteral("users"), offset, 10, QStringLiteral("id email")));
            QCOMPARE(rows.size(), 10); // within the limit
            QCOMPARE(rows.last(), rows.first()); // the same user, whole
            QCOMPARE(rows.first()[QStringLiteral("id")].toString(), server->account().users().at(offset).id);
            QSet<QString> ids;
            for (const QJsonValue& row : rows)
                ids.insert(row[QStringLiteral("id")].toString());
            QCOMPARE(ids.size(), 9);
        }
        // A one-row page can only grow.
        const QJsonArray single = rowsOf(listPage(*server, QStringLiteral("users"), 3, 1));
        QCOMPARE(single.size(), 2);
        QCOMPARE(single.at(0), single.at(1));
    }

    void hugeIdsAsNumbers()
    {
        const auto server = startServer(QStringLiteral("huge-ids"), 30, 10);
        QVERIFY(server);
        const HttpReply reply = listPage(*server, QStringLiteral("users"), 0, 10, QStringLiteral("id email"));
        QVERIFY(!reply.body.contains(QStringLiteral("errors")));
        // Digit for digit on the wire, beyond what a double holds.
        QVERIFY2(reply.raw.contains("\"id\":9007199254740993"), reply.raw.left(300).constData());
        QVERIFY(reply.raw.contains("\"id\":9007199254740995"));
        QVERIFY(reply.raw.contains("\"id\":9007199254740996"));
        const QJsonArray rows = rowsOf(reply);
        QSet<qint64> exact;
        QSet<double> rounded;
        for (qsizetype i = 0; i < rows.size(); ++i) {
            const QJsonValue id = rows[i][QStringLiteral("id")];
            QVERIFY(id.isDouble());
            QCOMPARE(id.toInteger(), SandboxAnomalies::hugeIdBase + i);
            QVERIFY(id.toInteger() > (qint64(1) << 53));
            QCOMPARE(rows[i][QStringLiteral("email")].toString(), server->account().users().at(i).email);
            exact.insert(id.toInteger());
            rounded.insert(double(id.toInteger()));
        }
        QCOMPARE(exact.size(), 10);
        QVERIFY2(rounded.size() < exact.size(), "some ids are equal as doubles");
        QCOMPARE(double(9007199254740995LL), double(9007199254740996LL));

        // A client that kept the digits reaches the right user; one that went through a double
        // reaches another, or none.
        const SandboxUser third = server->account().users().at(2);
        const HttpReply one = graphQl(QStringLiteral("query U($id: ID!) { user(userID: $id) { id email } }"),
            { { QStringLiteral("id"), QStringLiteral("9007199254740995") } }, QString(), server.get());
        QCOMPARE(data(one).value(QStringLiteral("user")).toObject().value(QStringLiteral("email")).toString(),
            third.email);
        HttpReply off = deactivate(*server, { { QStringLiteral("id"), QStringLiteral("9007199254740996") } });
        QCOMPARE(data(off).value(QStringLiteral("done")), QJsonValue(true));
        QCOMPARE(server->account().deactivatedIds(), QStringList { server->account().users().at(3).id });
        off = deactivate(*server, { { QStringLiteral("id"), QStringLiteral("9007199254740992") } });
        QVERIFY(off.body.contains(QStringLiteral("errors")));
        QCOMPARE(server->account().deactivations().size(), 1);
    }

    void oversizedAnswers()
    {
        const auto server = startServer(QStringLiteral("oversized:1"), 30, 10);
        QVERIFY(server);
        HttpReply reply = graphQl(QStringLiteral("{ token { id } }"), {}, QString(), server.get());
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.raw.size(), 1024 * 1024);
        QCOMPARE(data(reply).value(QStringLiteral("token")).toObject().value(QStringLiteral("id")).toString(),
            server->account().tokenIdentity().id);
        QVERIFY(reply.body.value(QStringLiteral("extensions"))
                    .toObject()
                    .value(QStringLiteral("padding"))
                    .isString());
        reply = listPage(*server, QStringLiteral("users"), 0, 10);
        QCOMPARE(reply.raw.size(), 1024 * 1024);
        QCOMPARE(rowsOf(reply).size(), 10);

        // After authentication only.
        reply = graphQl(QStringLiteral("{ token { id } }"), {}, QStringLiteral("wrong"), server.get());
        QCOMPARE(reply.status, 401);
        QVERIFY(reply.raw.size() < 1000);
        // And when a larger answer is wanted, it is built at its size.
        SandboxAnomalies big;
        big.oversizedMiB = 3;
        const QByteArray padded = big.pad(QByteArrayLiteral("{\"data\":{}}"));
        QCOMPARE(padded.size(), 3 * 1024 * 1024);
        QVERIFY(QJsonDocument::fromJson(padded).isObject());
    }

    void deactivateAnswersFalse()
    {
        const auto server = startServer(QStringLiteral("deactivate-false"), 30, 10);
        QVERIFY(server);
        const SandboxUser target = server->account().users().at(7);
        const HttpReply reply = deactivate(*server, { { QStringLiteral("id"), target.id } });
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.body,
            (QJsonObject { { QStringLiteral("data"), QJsonObject { { QStringLiteral("done"), false } } } }));
        QVERIFY(!server->account().isDeactivated(target.id));
        QVERIFY(server->account().deactivatedIds().isEmpty());
        QCOMPARE(server->account().deactivations().size(), 1);
        QVERIFY(server->account().deactivations().first().refused);
        QVERIFY(!server->account().deactivations().first().wasInactive);
    }

    void shrinkLeavesUsersOut()
    {
        const auto server = startServer(QStringLiteral("shrink:30"), 50, 10);
        QVERIFY(server);
        const QJsonArray rows
            = allRows(QStringLiteral("users"), QString(), QStringLiteral("id"), 10, server.get());
        QCOMPARE(rows.size(), 35); // 50 less 30 %
        QSet<QString> listed;
        for (const QJsonValue& row : rows)
            listed.insert(row[QStringLiteral("id")].toString());
        QCOMPARE(listed.size(), 35);
        int left = 0;
        for (qsizetype i = 0; i < 50; ++i) {
            const QString id = server->account().users().at(i).id;
            QCOMPARE(listed.contains(id), !server->anomalies().hidesUser(i));
            left += listed.contains(id) ? 0 : 1;
        }
        QCOMPARE(left, 15);
        // The same ones every time, and each still exists.
        QCOMPARE(allRows(QStringLiteral("users"), QString(), QStringLiteral("id"), 7, server.get()), rows);
        SandboxAnomalies none;
        server->setAnomalies(none);
        QCOMPARE(
            allRows(QStringLiteral("users"), QString(), QStringLiteral("id"), 10, server.get()).size(), 50);
    }

    void anomaliesApplyAfterAuthentication()
    {
        const auto server
            = startServer(QStringLiteral("endless,hasmore-string,huge-ids,empty-users"), 30, 10);
        QVERIFY(server);
        HttpReply reply = listPage(*server, QStringLiteral("users"), 0, 10);
        QCOMPARE(list(reply).value(QStringLiteral("hasMore")), QJsonValue(QStringLiteral("false")));
        reply = graphQl(QStringLiteral("{ users(limit: 5, offset: 0) { page { id } hasMore } }"), {},
            QStringLiteral("wrong"), server.get());
        QCOMPARE(reply.status, 401);
        reply = graphQl(QStringLiteral("{ users(limit: 5, offset: 0) { page { id } hasMore } }"), {},
            m_limitedToken, server.get());
        QCOMPARE(reply.status, 200);
        QVERIFY(reply.body.value(QStringLiteral("data")).isNull());
        QCOMPARE(reply.body
                     .value(QStringLiteral("errors"))[0][QStringLiteral("extensions")][QStringLiteral("code")]
                     .toString(),
            QStringLiteral("FORBIDDEN"));
    }

    // --- What the sandbox did, for invariant checks ------------------------------------------

    void recordsDeactivations()
    {
        const auto server = startServer(QString(), 30, 10);
        QVERIFY(server);
        SandboxAccount& account = server->account();
        const SandboxUser target = account.users().at(3);
        const QDateTime before = QDateTime::currentDateTimeUtc();
        QCOMPARE(
            data(deactivate(*server, { { QStringLiteral("id"), target.id } })).value(QStringLiteral("done")),
            QJsonValue(true));
        // Again, by e-mail: acted on, but the user was already inactive.
        QCOMPARE(data(deactivate(*server, { { QStringLiteral("email"), target.email } }))
                     .value(QStringLiteral("done")),
            QJsonValue(false));
        // Calls that name nobody are not acted on.
        deactivate(*server, { { QStringLiteral("id"), QStringLiteral("ffffffffffffffffffffffff") } });
        deactivate(*server,
            { { QStringLiteral("id"), target.id },
                { QStringLiteral("email"), account.users().at(4).email } });
        // The server acted, and the client heard an error: recorded all the same.
        const SandboxUser lost = account.users().at(5);
        server->setResponseHook([](int, const QString&) { return std::optional<int>(502); });
        QCOMPARE(deactivate(*server, { { QStringLiteral("id"), lost.id } }).status, 502);
        server->setResponseHook({});
        const QDateTime after = QDateTime::currentDateTimeUtc();

        const QList<SandboxDeactivation> record = account.deactivations();
        QCOMPARE(record.size(), 3);
        QCOMPARE(record.at(0).userId, target.id);
        QCOMPARE(record.at(0).email, target.email);
        QCOMPARE(record.at(0).lastLogin, target.lastLogin);
        QVERIFY(!record.at(0).wasInactive);
        QVERIFY(!record.at(0).refused);
        QVERIFY(record.at(0).at >= before && record.at(0).at <= after);
        QCOMPARE(record.at(0).at.timeSpec(), Qt::UTC);
        QCOMPARE(record.at(1).userId, target.id);
        QVERIFY(record.at(1).wasInactive);
        QCOMPARE(record.at(2).userId, lost.id);
        QCOMPARE(account.deactivatedIds(), (QStringList { target.id, lost.id }));
    }

    void changesAUsersIdentity()
    {
        const auto server = startServer(QString(), 30, 10);
        QVERIFY(server);
        SandboxAccount& account = server->account();
        const SandboxUser before = account.users().at(8);
        const QString query
            = QStringLiteral("query U($id: ID!) { user(userID: $id) { id email lastLogin } }");
        const QJsonObject variables { { QStringLiteral("id"), before.id } };

        QVERIFY(account.setUserEmail(before.id, QStringLiteral("someone.else@sandbox-robotics.example")));
        const QDateTime recent = fixedNow.addSecs(-3600);
        QVERIFY(account.setUserLastLogin(before.id, recent));
        QJsonObject user = data(graphQl(query, variables, QString(), server.get()))
                               .value(QStringLiteral("user"))
                               .toObject();
        QCOMPARE(user.value(QStringLiteral("email")).toString(),
            QStringLiteral("someone.else@sandbox-robotics.example"));
        const QJsonValue lastLogin = user.value(QStringLiteral("lastLogin"));
        QCOMPARE(lastLogin.isString() ? QDateTime::fromString(lastLogin.toString(), Qt::ISODateWithMs)
                                      : QDateTime::fromMSecsSinceEpoch(lastLogin.toInteger(), Qt::UTC),
            recent);
        QVERIFY(account.setUserLastLogin(before.id, QDateTime()));
        user = data(graphQl(query, variables, QString(), server.get()))
                   .value(QStringLiteral("user"))
                   .toObject();
        QVERIFY(user.value(QStringLiteral("lastLogin")).isNull());

        SandboxUser other = account.users().at(9);
        other.email = QStringLiteral("new.person@sandbox-robotics.example");
        QVERIFY(account.replaceUser(before.id, other));
        QCOMPARE(account.userById(before.id)->id, before.id); // the id stays
        QCOMPARE(account.userById(before.id)->displayName, other.displayName);
        // The old address names nobody now; the new one names the id.
        QVERIFY(deactivate(*server, { { QStringLiteral("email"), before.email } })
                    .body.contains(QStringLiteral("errors")));
        QCOMPARE(data(deactivate(*server, { { QStringLiteral("email"), other.email } }))
                     .value(QStringLiteral("done")),
            QJsonValue(true));
        QCOMPARE(account.deactivations().first().userId, before.id);
        QCOMPARE(account.deactivations().first().email, other.email);

        const QString nobody = QStringLiteral("ffffffffffffffffffffffff");
        QVERIFY(!account.setUserEmail(nobody, QStringLiteral("x@y.example")));
        QVERIFY(!account.setUserLastLogin(nobody, recent));
        QVERIFY(!account.replaceUser(nobody, other));
    }

    void controlPagesNeedTheToken_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("users") << QStringLiteral("/sandbox/users");
        QTest::newRow("deactivations") << QStringLiteral("/sandbox/deactivations");
        QTest::newRow("anomalies") << QStringLiteral("/sandbox/anomalies");
    }

    void controlPagesNeedTheToken()
    {
        QFETCH(QString, path);
        const auto server = startServer(QString(), 5, 10);
        QVERIFY(server);
        for (const QString& token : { QString(), QStringLiteral("wrong"), m_limitedToken }) {
            for (const QByteArray& verb : { QByteArrayLiteral("GET"), QByteArrayLiteral("POST") }) {
                const HttpReply reply
                    = control(*server, verb, path, token, QByteArrayLiteral("[\"endless\"]"));
                QCOMPARE(reply.status, 401);
                QVERIFY(reply.body.contains(QStringLiteral("errors")));
            }
        }
        QVERIFY(server->anomalies().isNone());
        QCOMPARE(control(*server, "GET", path, server->token()).status, 200);
        QCOMPARE(control(*server, "DELETE", path, server->token()).status, 405);
    }

    void controlPages()
    {
        const auto server = startServer(QString(), 12, 10);
        QVERIFY(server);
        const QString token = server->token();
        SandboxAccount& account = server->account();

        // Users, in account order.
        HttpReply reply = control(*server, "GET", QStringLiteral("/sandbox/users"), token);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.array.size(), 12);
        for (qsizetype i = 0; i < 12; ++i) {
            const SandboxUser& user = account.users().at(i);
            const QJsonObject row = reply.array.at(i).toObject();
            QCOMPARE(row.value(QStringLiteral("id")).toString(), user.id);
            QCOMPARE(row.value(QStringLiteral("email")).toString(), user.email);
            QCOMPARE(row.value(QStringLiteral("active")), QJsonValue(true));
            if (user.lastLogin.isValid())
                QCOMPARE(QDateTime::fromString(
                             row.value(QStringLiteral("lastLogin")).toString(), Qt::ISODateWithMs),
                    user.lastLogin);
            else
                QVERIFY(row.value(QStringLiteral("lastLogin")).isNull());
        }

        // Deactivations, as the account recorded them; the user turns inactive.
        const SandboxUser target = account.users().at(2);
        deactivate(*server, { { QStringLiteral("id"), target.id } });
        reply = control(*server, "GET", QStringLiteral("/sandbox/deactivations"), token);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.array.size(), 1);
        const QJsonObject entry = reply.array.first().toObject();
        QCOMPARE(entry.value(QStringLiteral("id")).toString(), target.id);
        QCOMPARE(entry.value(QStringLiteral("email")).toString(), target.email);
        QCOMPARE(entry.value(QStringLiteral("wasInactive")), QJsonValue(false));
        QCOMPARE(entry.value(QStringLiteral("refused")), QJsonValue(false));
        QCOMPARE(QDateTime::fromString(entry.value(QStringLiteral("at")).toString(), Qt::ISODateWithMs),
            account.deactivations().first().at);
        QCOMPARE(
            entry.value(QStringLiteral("lastLogin")), SandboxAccount::dateToJson(target.lastLogin, false));
        reply = control(*server, "GET", QStringLiteral("/sandbox/users"), token);
        QCOMPARE(reply.array.at(2).toObject().value(QStringLiteral("active")), QJsonValue(false));
        QCOMPARE(control(*server, "POST", QStringLiteral("/sandbox/deactivations"), token, "[]").status, 405);

        // A user changed from outside.
        const SandboxUser changed = account.users().at(4);
        reply = control(*server, "POST", QStringLiteral("/sandbox/users"), token,
            QJsonDocument(QJsonObject { { QStringLiteral("id"), changed.id },
                              { QStringLiteral("email"), QStringLiteral("moved@elsewhere.example") },
                              { QStringLiteral("lastLogin"), QStringLiteral("2026-03-15T11:00:00.000Z") } })
                .toJson());
        QCOMPARE(reply.status, 200);
        QCOMPARE(
            reply.body.value(QStringLiteral("email")).toString(), QStringLiteral("moved@elsewhere.example"));
        QCOMPARE(account.userById(changed.id)->email, QStringLiteral("moved@elsewhere.example"));
        QCOMPARE(account.userById(changed.id)->lastLogin, fixedNow.addSecs(-3600));
        reply = control(*server, "POST", QStringLiteral("/sandbox/users"), token,
            QJsonDocument(QJsonObject { { QStringLiteral("id"), changed.id },
                              { QStringLiteral("lastLogin"), QJsonValue() } })
                .toJson());
        QCOMPARE(reply.status, 200);
        QVERIFY(!account.userById(changed.id)->lastLogin.isValid());
        QCOMPARE(control(*server, "POST", QStringLiteral("/sandbox/users"), token,
                     "{\"id\":\"ffffffffffffffffffffffff\",\"email\":\"a@b.example\"}")
                     .status,
            404);
        QCOMPARE(control(*server, "POST", QStringLiteral("/sandbox/users"), token,
                     QByteArray("{\"id\":\"") + changed.id.toLatin1() + "\",\"lastLogin\":\"last week\"}")
                     .status,
            400);
        QCOMPARE(account.userById(changed.id)->email, QStringLiteral("moved@elsewhere.example"));

        // Anomalies at run time, between two runs of a client.
        reply = control(*server, "POST", QStringLiteral("/sandbox/anomalies"), token,
            "[\"endless\", \"dates=epoch-s,hasmore-string\"]");
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.array, QJsonArray::fromStringList({ "dates=epoch-s", "endless", "hasmore-string" }));
        QCOMPARE(server->anomalies().toString(), QStringLiteral("dates=epoch-s,endless,hasmore-string"));
        QCOMPARE(list(listPage(*server, QStringLiteral("users"), 100, 10)).value(QStringLiteral("hasMore")),
            QJsonValue(QStringLiteral("true")));
        reply = control(*server, "GET", QStringLiteral("/sandbox/anomalies"), token);
        QCOMPARE(reply.array.size(), 3);
        for (const QByteArray& bad : { QByteArrayLiteral("[\"endless\",\"bogus\"]"),
                 QByteArrayLiteral("{\"a\":1}"), QByteArrayLiteral("[1]"), QByteArrayLiteral("not json") }) {
            reply = control(*server, "POST", QStringLiteral("/sandbox/anomalies"), token, bad);
            QCOMPARE(reply.status, 400);
            QVERIFY(!reply.body.value(QStringLiteral("errors"))[0][QStringLiteral("message")]
                         .toString()
                         .isEmpty());
        }
        QVERIFY(reply.status == 400);
        reply = control(*server, "POST", QStringLiteral("/sandbox/anomalies"), token, "[\"bogus\"]");
        QVERIFY(reply.body.value(QStringLiteral("errors"))[0][QStringLiteral("message")].toString().contains(
            QStringLiteral("bogus")));
        QCOMPARE(server->anomalies().toString(),
            QStringLiteral("dates=epoch-s,endless,hasmore-string")); // unchanged
        reply = control(*server, "POST", QStringLiteral("/sandbox/anomalies"), token, "[]");
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.array, QJsonArray {});
        QVERIFY(server->anomalies().isNone());
    }

    void controlPagesAreNotGraphQl()
    {
        // Faults and hooks are for the gateway's requests: a test can always read what happened.
        const auto server = startServer(QString(), 5, 10);
        QVERIFY(server);
        server->setFaults({ SandboxFault::parse(QStringLiteral("503")).value() });
        server->setRequestHook([](int, const QString&) { return std::optional<int>(500); });
        QCOMPARE(control(*server, "GET", QStringLiteral("/sandbox/users"), server->token()).status, 200);
        QCOMPARE(server->graphQlRequestCount(), 0);
        QCOMPARE(graphQl(QStringLiteral("{ token { id } }"), {}, QString(), server.get()).status, 500);
    }
};

QTEST_GUILESS_MAIN(TestSandbox)
#include "tst_sandbox.moc"
