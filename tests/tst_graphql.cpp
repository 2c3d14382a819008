// The sandbox's GraphQL toolkit: document parser, schema (SDL) parser and validator.
#include "graphql/GraphQl.h"

#include <QFile>
#include <QJsonArray>
#include <QTest>

using namespace rmsam;
using namespace rmsam::graphql;

namespace {

QString parseError(const QString& source)
{
    QString error;
    parseDocument(source, &error);
    return error;
}

} // namespace

class TestGraphQl : public QObject
{
    Q_OBJECT

private:
    Schema m_published;

    QStringList check(
        const QString& query, const QJsonObject& variables = {}, const QString& operationName = {})
    {
        QString error;
        const Document document = parseDocument(query, &error);
        if (!error.isEmpty())
            return { QStringLiteral("parse error: ") + error };
        return validate(document, m_published, operationName, variables);
    }

private slots:
    void initTestCase()
    {
        const QString path = qEnvironmentVariable("RMSAM_SCHEMA_FILE");
        if (path.isEmpty())
            QFAIL("RMSAM_SCHEMA_FILE is not set; it must name Roadmunk's published schema.graphql");
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            QFAIL(qPrintable(QStringLiteral("cannot read the published schema at '%1'").arg(path)));
        QString error;
        m_published = parseSchema(QString::fromUtf8(file.readAll()), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void parsesAnOperation()
    {
        QString error;
        const Document document = parseDocument(QStringLiteral(R"(
            # a comment, and commas are insignificant
            query Users($limit: Int! = 10, $roles: [UserRoles!], $search: String) {
              list: users(limit: $limit, offset: 0, accountRoles: $roles, searchString: $search) {
                page { id, __typename displayName }
                hasMore
              }
            }
            mutation Off { deactivateUser(deactivateUserInput: {id: "abc", email: null}) }
        )"),
            &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(document.operations.size(), 2);

        const Operation& query = document.operations.at(0);
        QCOMPARE(query.type, OperationType::Query);
        QCOMPARE(query.name, QStringLiteral("Users"));
        QCOMPARE(query.variables.size(), 3);
        QCOMPARE(query.variables.at(0).name, QStringLiteral("limit"));
        QCOMPARE(query.variables.at(0).type.toString(), QStringLiteral("Int!"));
        QVERIFY(query.variables.at(0).defaultValue.has_value());
        QCOMPARE(query.variables.at(0).defaultValue->text, QStringLiteral("10"));
        QCOMPARE(query.variables.at(1).type.toString(), QStringLiteral("[UserRoles!]"));
        QVERIFY(query.variables.at(1).type.isList());
        QVERIFY(!query.variables.at(1).type.isNonNull());
        QCOMPARE(query.variables.at(1).type.ofItems().toString(), QStringLiteral("UserRoles!"));

        QCOMPARE(query.selectionSet.size(), size_t(1));
        const Field& users = query.selectionSet.front();
        QCOMPARE(users.alias, QStringLiteral("list"));
        QCOMPARE(users.name, QStringLiteral("users"));
        QCOMPARE(users.responseKey(), QStringLiteral("list"));
        QCOMPARE(users.arguments.size(), 4);
        QCOMPARE(users.argument(QStringLiteral("limit"))->value.kind, Value::Kind::Variable);
        QCOMPARE(users.argument(QStringLiteral("limit"))->value.text, QStringLiteral("limit"));
        QCOMPARE(users.argument(QStringLiteral("offset"))->value.kind, Value::Kind::Int);
        QVERIFY(users.argument(QStringLiteral("nope")) == nullptr);
        QCOMPARE(users.selectionSet.size(), size_t(2));
        const Field& page = users.selectionSet.front();
        QVERIFY(page.hasSelectionSet);
        QCOMPARE(page.selectionSet.size(), size_t(3));
        QCOMPARE(page.selectionSet.at(1).name, QStringLiteral("__typename"));
        QVERIFY(!users.selectionSet.back().hasSelectionSet);
        QCOMPARE(users.location.line, 4);

        const Operation& mutation = document.operations.at(1);
        QCOMPARE(mutation.type, OperationType::Mutation);
        const Value& input = mutation.selectionSet.front().arguments.first().value;
        QCOMPARE(input.kind, Value::Kind::Object);
        QCOMPARE(input.fields.size(), size_t(2));
        QCOMPARE(input.fields.at(0).second.text, QStringLiteral("abc"));
        QCOMPARE(input.fields.at(1).second.kind, Value::Kind::Null);
    }

    void parsesLiterals()
    {
        QString error;
        const Document document
            = parseDocument(QStringLiteral("{ f(s: \"a\\\"b\\\\c\\n\\u00e9\\uD83D\\uDE00\\u{1F600}\", i: "
                                           "-42, x: 1.5e3, t: true, n: null, e: reviewer,"
                                           "    l: [1, [2]], o: {k: [\"v\"]}, b: \"\"\"\n      first\n       "
                                           " indented\n      \\\"\"\" quoted\n    \"\"\") }"),
                &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const Field& field = document.operations.first().selectionSet.front();
        QCOMPARE(field.argument(QStringLiteral("s"))->value.text,
            QStringLiteral("a\"b\\c\n") + QChar(0xE9) + QString::fromUcs4(U"\U0001F600\U0001F600"));
        QCOMPARE(field.argument(QStringLiteral("i"))->value.kind, Value::Kind::Int);
        QCOMPARE(field.argument(QStringLiteral("i"))->value.text, QStringLiteral("-42"));
        QCOMPARE(field.argument(QStringLiteral("x"))->value.kind, Value::Kind::Float);
        QCOMPARE(field.argument(QStringLiteral("t"))->value.boolean, true);
        QCOMPARE(field.argument(QStringLiteral("n"))->value.kind, Value::Kind::Null);
        QCOMPARE(field.argument(QStringLiteral("e"))->value.kind, Value::Kind::Enum);
        QCOMPARE(field.argument(QStringLiteral("l"))->value.toString(), QStringLiteral("[1, [2]]"));
        QCOMPARE(field.argument(QStringLiteral("o"))->value.toString(), QStringLiteral("{k: [\"v\"]}"));
        // Block strings lose their common indentation and blank first/last lines.
        QCOMPARE(field.argument(QStringLiteral("b"))->value.text,
            QStringLiteral("first\n  indented\n\"\"\" quoted"));

        const QJsonValue json = valueToJson(field.argument(QStringLiteral("o"))->value, {});
        QCOMPARE(
            json.toObject().value(QStringLiteral("k")).toArray().first().toString(), QStringLiteral("v"));
        QCOMPARE(valueToJson(field.argument(QStringLiteral("i"))->value, {}).toInteger(), -42);
        QCOMPARE(valueToJson(field.argument(QStringLiteral("x"))->value, {}).toDouble(), 1500.0);
    }

    void parsesShorthandAndNestedTypes()
    {
        QString error;
        Document document = parseDocument(QStringLiteral("{ token { id } }"), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(document.operations.size(), 1);
        QCOMPARE(document.operations.first().type, OperationType::Query);
        QVERIFY(document.operations.first().name.isEmpty());

        document = parseDocument(QStringLiteral("query Q($a: [[Int]!]!) { x(a: $a) }"), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const TypeRef type = document.operations.first().variables.first().type;
        QCOMPARE(type.toString(), QStringLiteral("[[Int]!]!"));
        QCOMPARE(type.listDepth(), 2);
        QCOMPARE(type.ofItems().toString(), QStringLiteral("[Int]!"));
        QCOMPARE(type.asNullable().toString(), QStringLiteral("[[Int]!]"));
    }

    void syntaxErrors_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty") << QString()
                               << QStringLiteral("Expected \"query\", \"mutation\" or \"{\", found <EOF>");
        QTest::newRow("empty selection")
            << QStringLiteral("{ }") << QStringLiteral("Expected Name, found \"}\"");
        QTest::newRow("unclosed") << QStringLiteral("{ users(limit: 1")
                                  << QStringLiteral("Expected Name, found <EOF>");
        QTest::newRow("unterminated string")
            << QStringLiteral("{ f(a: \"abc) }") << QStringLiteral("Unterminated string");
        QTest::newRow("bad escape") << QStringLiteral("{ f(a: \"\\q\") }")
                                    << QStringLiteral("Invalid character escape sequence");
        QTest::newRow("bad number") << QStringLiteral("{ f(a: 1.) }")
                                    << QStringLiteral("Invalid number, expected digit");
        QTest::newRow("leading zero")
            << QStringLiteral("{ f(a: 01) }") << QStringLiteral("Invalid number, unexpected digit after 0");
        QTest::newRow("stray character")
            << QStringLiteral("{ f % }") << QStringLiteral("Unexpected character \"%\"");
        QTest::newRow("fragment definition") << QStringLiteral("fragment F on User { id } { token { id } }")
                                             << QStringLiteral("fragments are not supported by the sandbox");
        QTest::newRow("inline fragment") << QStringLiteral("{ token { ... on APIToken { id } } }")
                                         << QStringLiteral("fragments are not supported by the sandbox");
        QTest::newRow("fragment spread") << QStringLiteral("{ token { ...F } }")
                                         << QStringLiteral("fragments are not supported by the sandbox");
        QTest::newRow("directive") << QStringLiteral("{ token @include(if: true) { id } }")
                                   << QStringLiteral("directives are not supported by the sandbox");
        QTest::newRow("variable in default") << QStringLiteral("query Q($a: Int = $b) { f }")
                                             << QStringLiteral("Unexpected variable in a constant value");
        QTest::newRow("too deep") << QStringLiteral("{ f(a: ") + QString(200, u'[') + QString(200, u']')
                + QStringLiteral(") }")
                                  << QStringLiteral("Document is nested too deeply");
    }

    void syntaxErrors()
    {
        QFETCH(QString, source);
        QFETCH(QString, expected);
        QString error;
        const Document document = parseDocument(source, &error);
        QVERIFY(document.operations.isEmpty());
        QVERIFY2(error.startsWith(QStringLiteral("Syntax Error: ")), qPrintable(error));
        QVERIFY2(error.contains(expected), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("(line 1, column ")), qPrintable(error));
    }

    void syntaxErrorLocation()
    {
        QCOMPARE(parseError(QStringLiteral("{\n  users {\n    }\n}")),
            QStringLiteral("Syntax Error: Expected Name, found \"}\" (line 3, column 5)."));
    }

    void parsesSchemaText()
    {
        QString error;
        // Plain literals: moc mis-reads a raw string holding this text and skips the class.
        const Schema schema = parseSchema(
            QStringLiteral(
                "            \"\"\"\n"
                "            Block description\n"
                "            \"\"\"\n"
                "            schema { query: Root mutation: Change }\n"
                "            directive @tag(name: String!) repeatable on FIELD_DEFINITION | OBJECT\n"
                "            scalar Date @specifiedBy(url: \"https://example.invalid\")\n"
                "            \"Roles\"\n"
                "            enum Role { \"first\" admin member @deprecated(reason: \"old\") }\n"
                "            interface Node { id: ID! }\n"
                "            interface Named implements Node { id: ID! name: String }\n"
                "            type Person implements Node & Named @tag(name: \"x\") {\n"
                "              \"the id\" id: ID!\n"
                "              name: String\n"
                "              friends(\"how many\" first: Int = 10, roles: [Role!]): [Person!]! "
                "@deprecated\n"
                "              born: Date\n"
                "            }\n"
                "            union Thing = | Person | Robot\n"
                "            type Robot { id: ID! }\n"
                "            input Filter { role: Role! = member, names: [String!] }\n"
                "            type Root { person(id: ID!): Person things: [Thing] }\n"
                "            type Change { rename(id: ID!, filter: Filter): Person! }\n"
                "        \n"),
            &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(schema.rootTypeName(OperationType::Query), QStringLiteral("Root"));
        QCOMPARE(schema.rootTypeName(OperationType::Mutation), QStringLiteral("Change"));
        QVERIFY(schema.rootType(OperationType::Subscription) == nullptr);
        QCOMPARE(schema.type(QStringLiteral("Date"))->kind, TypeKind::Scalar);
        QCOMPARE(schema.type(QStringLiteral("Role"))->enumValues,
            (QStringList { QStringLiteral("admin"), QStringLiteral("member") }));
        QCOMPARE(schema.type(QStringLiteral("Named"))->kind, TypeKind::Interface);
        QCOMPARE(schema.type(QStringLiteral("Named"))->interfaces, QStringList { QStringLiteral("Node") });

        const TypeDefinition* person = schema.type(QStringLiteral("Person"));
        QVERIFY(person);
        QCOMPARE(person->kind, TypeKind::Object);
        QCOMPARE(person->interfaces, (QStringList { QStringLiteral("Node"), QStringLiteral("Named") }));
        QCOMPARE(person->fields.size(), 4);
        const FieldDefinition* friends = person->field(QStringLiteral("friends"));
        QVERIFY(friends);
        QCOMPARE(friends->type.toString(), QStringLiteral("[Person!]!"));
        QCOMPARE(friends->arguments.size(), 2);
        QCOMPARE(friends->argument(QStringLiteral("first"))->defaultValue->text, QStringLiteral("10"));
        QCOMPARE(friends->argument(QStringLiteral("roles"))->type.toString(), QStringLiteral("[Role!]"));

        QCOMPARE(schema.type(QStringLiteral("Thing"))->possibleTypes,
            (QStringList { QStringLiteral("Person"), QStringLiteral("Robot") }));
        const TypeDefinition* filter = schema.type(QStringLiteral("Filter"));
        QCOMPARE(filter->kind, TypeKind::InputObject);
        QCOMPARE(filter->inputField(QStringLiteral("role"))->defaultValue->text, QStringLiteral("member"));
        QVERIFY(schema.type(QStringLiteral("String")) != nullptr); // built-ins are always there
        QVERIFY(schema.type(QStringLiteral("Nope")) == nullptr);
    }

    void schemaErrors_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("expected");
        QTest::newRow("dangling type")
            << QStringLiteral("type Query { a: Missing }")
            << QStringLiteral("Unknown type \"Missing\" referenced by \"Query.a\".");
        QTest::newRow("duplicate type") << QStringLiteral("scalar A scalar A")
                                        << QStringLiteral("There can be only one type named \"A\"");
        QTest::newRow("missing colon") << QStringLiteral("type Query { a String }")
                                       << QStringLiteral("Expected \":\", found Name \"String\"");
        QTest::newRow("unknown keyword")
            << QStringLiteral("typo Query { a: String }") << QStringLiteral("Unexpected Name \"typo\"");
        QTest::newRow("extension") << QStringLiteral("extend type Query { a: String }")
                                   << QStringLiteral("type extensions are not supported by the sandbox");
    }

    void schemaErrors()
    {
        QFETCH(QString, source);
        QFETCH(QString, expected);
        QString error;
        const Schema schema = parseSchema(source, &error);
        QVERIFY2(error.contains(expected), qPrintable(error));
        QVERIFY(schema.type(QStringLiteral("Query")) == nullptr);
    }

    void parsesThePublishedSchema()
    {
        QVERIFY(m_published.typeNames().size() > 40);
        const TypeDefinition* user = m_published.type(QStringLiteral("User"));
        QVERIFY(user);
        QCOMPARE(user->kind, TypeKind::Object);
        QCOMPARE(user->interfaces, QStringList { QStringLiteral("Identity") });
        QCOMPARE(user->field(QStringLiteral("email"))->type.toString(), QStringLiteral("String!"));
        QCOMPARE(user->field(QStringLiteral("lastLogin"))->type.toString(), QStringLiteral("Date"));
        QCOMPARE(user->field(QStringLiteral("avatar"))->argument(QStringLiteral("size"))->type.toString(),
            QStringLiteral("AvatarSize"));

        const TypeDefinition* query = m_published.rootType(OperationType::Query);
        QVERIFY(query);
        QCOMPARE(query->name, QStringLiteral("Query"));
        const FieldDefinition* users = query->field(QStringLiteral("users"));
        QCOMPARE(users->type.toString(), QStringLiteral("UsersPage!"));
        QCOMPARE(
            users->argument(QStringLiteral("accountRoles"))->type.toString(), QStringLiteral("[UserRoles!]"));
        QCOMPARE(users->argument(QStringLiteral("limit"))->type.toString(), QStringLiteral("Int!"));
        QCOMPARE(query->field(QStringLiteral("roadmaps"))->type.toString(), QStringLiteral("RoadmapsPage"));

        const FieldDefinition* deactivate
            = m_published.rootType(OperationType::Mutation)->field(QStringLiteral("deactivateUser"));
        QCOMPARE(deactivate->type.toString(), QStringLiteral("Boolean!"));
        QCOMPARE(deactivate->argument(QStringLiteral("deactivateUserInput"))->type.toString(),
            QStringLiteral("DeactivateUserInput!"));
        QCOMPARE(m_published.type(QStringLiteral("DeactivateUserInput"))->inputFields.size(), 2);
        QCOMPARE(m_published.type(QStringLiteral("UserRoles"))->enumValues.size(), 6);
        QVERIFY(m_published.type(QStringLiteral("UserRoles"))
                    ->enumValues.contains(QStringLiteral("account_admin")));
        QCOMPARE(m_published.type(QStringLiteral("Identity"))->kind, TypeKind::Interface);
        QCOMPARE(m_published.type(QStringLiteral("Roadmap"))->field(QStringLiteral("archivedBy"))->type.name,
            QStringLiteral("Identity"));
        QCOMPARE(m_published.type(QStringLiteral("Date"))->kind, TypeKind::Scalar);
    }

    void acceptsValidRequests_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QJsonObject>("variables");
        QTest::newRow("identity") << QStringLiteral("query Identity { token { id displayName __typename } "
                                                    "account { id companyName package { name } } }")
                                  << QJsonObject {};
        QTest::newRow("users with variables")
            << QStringLiteral(
                   "query Users($limit: Int!, $offset: Int!, $roles: [UserRoles!], $q: String) {"
                   " users(limit: $limit, offset: $offset, accountRoles: $roles, searchString: $q) {"
                   "  page { id displayName firstName lastName email accountRole lastLogin isInvited "
                   "jobTitle } hasMore } }")
            << QJsonObject { { QStringLiteral("limit"), 100 }, { QStringLiteral("offset"), 0 },
                   { QStringLiteral("roles"), QJsonArray { QStringLiteral("reviewer") } } };
        QTest::newRow("nullable variable with default")
            << QStringLiteral("query U($limit: Int = 50) { users(limit: $limit, offset: 0) { hasMore } }")
            << QJsonObject {};
        QTest::newRow("lone enum for a list")
            << QStringLiteral("{ users(limit: 1, offset: 0, accountRoles: reviewer) { hasMore } }")
            << QJsonObject {};
        QTest::newRow("single variable value for a list")
            << QStringLiteral(
                   "query U($r: [UserRoles!]) { users(limit: 1, offset: 0, accountRoles: $r) { hasMore } }")
            << QJsonObject { { QStringLiteral("r"), QStringLiteral("reviewer") } };
        QTest::newRow("roadmaps") << QStringLiteral(
            "{ roadmaps(limit: 10, offset: 0, includeArchivedRoadmaps: true) {"
            " page { id title archivedOn archivedBy { id } restoredOn restoredBy { id __typename } } hasMore "
            "} }") << QJsonObject {};
        QTest::newRow("deactivate") << QStringLiteral(
            "mutation Off($input: DeactivateUserInput!) { deactivateUser(deactivateUserInput: $input) }")
                                    << QJsonObject { { QStringLiteral("input"),
                                           QJsonObject { { QStringLiteral("id"), QStringLiteral("x") } } } };
        QTest::newRow("same field twice merges")
            << QStringLiteral("{ token { id } token { displayName } }") << QJsonObject {};
    }

    void acceptsValidRequests()
    {
        QFETCH(QString, query);
        QFETCH(QJsonObject, variables);
        const QStringList problems = check(query, variables);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }

    void rejectsInvalidRequests_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QJsonObject>("variables");
        QTest::addColumn<QString>("operationName");
        QTest::addColumn<QString>("expected");
        const QJsonObject none;
        QTest::newRow("unknown field")
            << QStringLiteral("{ users(limit: 1, offset: 0) { page { id foo } hasMore } }") << none
            << QString() << QStringLiteral("Cannot query field \"foo\" on type \"User\".");
        QTest::newRow("unknown root field")
            << QStringLiteral("{ deactivateUser(deactivateUserInput: {id: \"x\"}) }") << none << QString()
            << QStringLiteral("Cannot query field \"deactivateUser\" on type \"Query\".");
        QTest::newRow("field of an implementation on the interface")
            << QStringLiteral("{ roadmaps(limit: 1, offset: 0) { page { archivedBy { email } } } }") << none
            << QString() << QStringLiteral("Cannot query field \"email\" on type \"Identity\".");
        QTest::newRow("unknown argument")
            << QStringLiteral("{ users(limit: 1, offset: 0, active: true) { hasMore } }") << none << QString()
            << QStringLiteral("Unknown argument \"active\" on field \"Query.users\".");
        QTest::newRow("missing required argument")
            << QStringLiteral("{ users(limit: 1) { hasMore } }") << none << QString()
            << QStringLiteral("Field \"users\" argument \"offset\" of type \"Int!\" is required, but it was "
                              "not provided.");
        QTest::newRow("leaf with selection")
            << QStringLiteral("{ token { id { x } } }") << none << QString()
            << QStringLiteral("Field \"id\" must not have a selection since type \"ID!\" has no subfields.");
        QTest::newRow("object without selection")
            << QStringLiteral("{ account }") << none << QString()
            << QStringLiteral("Field \"account\" of type \"Account!\" must have a selection of subfields. "
                              "Did you mean \"account { ... }\"?");
        QTest::newRow("undefined variable")
            << QStringLiteral("query Q { users(limit: $n, offset: 0) { hasMore } }") << none << QString()
            << QStringLiteral("Variable \"$n\" is not defined by operation \"Q\".");
        QTest::newRow("nullable variable into non-null")
            << QStringLiteral("query Q($n: Int) { users(limit: $n, offset: 0) { hasMore } }") << none
            << QString()
            << QStringLiteral("Variable \"$n\" of type \"Int\" used in position expecting type \"Int!\".");
        QTest::newRow("other base type")
            << QStringLiteral("query Q($n: String!) { users(limit: $n, offset: 0) { hasMore } }") << none
            << QString()
            << QStringLiteral(
                   "Variable \"$n\" of type \"String!\" used in position expecting type \"Int!\".");
        QTest::newRow("item where a list goes")
            << QStringLiteral(
                   "query Q($r: UserRoles) { users(limit: 1, offset: 0, accountRoles: $r) { hasMore } }")
            << none << QString()
            << QStringLiteral(
                   "Variable \"$r\" of type \"UserRoles\" used in position expecting type \"[UserRoles!]\".");
        QTest::newRow("nullable items") << QStringLiteral(
            "query Q($r: [UserRoles]) { users(limit: 1, offset: 0, accountRoles: $r) { hasMore } }")
                                        << none << QString()
                                        << QStringLiteral("Variable \"$r\" of type \"[UserRoles]\" used in "
                                                          "position expecting type \"[UserRoles!]\".");
        QTest::newRow("unused variable")
            << QStringLiteral("query Q($x: Int) { token { id } }") << none << QString()
            << QStringLiteral("Variable \"$x\" is never used in operation \"Q\".");
        QTest::newRow("non-input variable")
            << QStringLiteral("query Q($u: User) { user(userID: $u) { id } }") << none << QString()
            << QStringLiteral("Variable \"$u\" cannot be non-input type \"User\".");
        QTest::newRow("operation not found")
            << QStringLiteral("query A { token { id } }") << none << QStringLiteral("B")
            << QStringLiteral("Unknown operation named \"B\".");
        QTest::newRow("which operation")
            << QStringLiteral("query A { token { id } } query B { token { id } }") << none << QString()
            << QStringLiteral("Must provide operation name if query contains multiple operations.");
        QTest::newRow("string for Int")
            << QStringLiteral("{ users(limit: \"10\", offset: 0) { hasMore } }") << none << QString()
            << QStringLiteral("Int cannot represent non-integer value: \"10\"");
        QTest::newRow("Int overflow")
            << QStringLiteral("{ users(limit: 3000000000, offset: 0) { hasMore } }") << none << QString()
            << QStringLiteral("Int cannot represent non 32-bit signed integer value: 3000000000");
        QTest::newRow("null for non-null")
            << QStringLiteral("{ users(limit: null, offset: 0) { hasMore } }") << none << QString()
            << QStringLiteral("Expected value of type \"Int!\", found null.");
        QTest::newRow("string for enum")
            << QStringLiteral("{ users(limit: 1, offset: 0, accountRoles: [\"reviewer\"]) { hasMore } }")
            << none << QString()
            << QStringLiteral("Enum \"UserRoles\" cannot represent non-enum value: \"reviewer\".");
        QTest::newRow("unknown enum value")
            << QStringLiteral("{ users(limit: 1, offset: 0, accountRoles: [admin]) { hasMore } }") << none
            << QString() << QStringLiteral("Value \"admin\" does not exist in \"UserRoles\" enum.");
        QTest::newRow("unknown input field")
            << QStringLiteral("mutation { deactivateUser(deactivateUserInput: {userId: \"x\"}) }") << none
            << QString()
            << QStringLiteral("Field \"userId\" is not defined by type \"DeactivateUserInput\".");
        QTest::newRow("conflicting aliases")
            << QStringLiteral("{ a: token { id } a: account { id } }") << none << QString()
            << QStringLiteral("Fields \"a\" conflict because \"token\" and \"account\" are different fields. "
                              "Use different aliases on the fields to fetch both if this was intentional.");
        QTest::newRow("no subscriptions")
            << QStringLiteral("subscription { token { id } }") << none << QString()
            << QStringLiteral("Schema is not configured to execute subscription operation.");
        QTest::newRow("missing variable value")
            << QStringLiteral("query Q($n: Int!) { users(limit: $n, offset: 0) { hasMore } }") << none
            << QString() << QStringLiteral("Variable \"$n\" of required type \"Int!\" was not provided.");
        QTest::newRow("wrong variable value")
            << QStringLiteral("query Q($n: Int!) { users(limit: $n, offset: 0) { hasMore } }")
            << QJsonObject { { QStringLiteral("n"), QStringLiteral("ten") } } << QString()
            << QStringLiteral("Variable \"$n\" got invalid value \"ten\"; Int cannot represent non-integer "
                              "value: \"ten\"");
        QTest::newRow("null variable value")
            << QStringLiteral("query Q($n: Int!) { users(limit: $n, offset: 0) { hasMore } }")
            << QJsonObject { { QStringLiteral("n"), QJsonValue::Null } } << QString()
            << QStringLiteral("Variable \"$n\" of non-null type \"Int!\" must not be null.");
        QTest::newRow("bad enum in variable")
            << QStringLiteral(
                   "query Q($r: [UserRoles!]) { users(limit: 1, offset: 0, accountRoles: $r) { hasMore } }")
            << QJsonObject { { QStringLiteral("r"),
                   QJsonArray { QStringLiteral("reviewer"), QStringLiteral("boss") } } }
            << QString()
            << QStringLiteral("Variable \"$r\" got invalid value [\"reviewer\",\"boss\"]; Value \"boss\" "
                              "does not exist in \"UserRoles\" enum.");
    }

    void rejectsInvalidRequests()
    {
        QFETCH(QString, query);
        QFETCH(QJsonObject, variables);
        QFETCH(QString, operationName);
        QFETCH(QString, expected);
        QCOMPARE(check(query, variables, operationName), QStringList { expected });
    }

    void reportsEveryProblem()
    {
        const QStringList problems
            = check(QStringLiteral("{ users(limit: 1) { page { shoeSize hatSize } } account }"));
        QCOMPARE(problems.size(), 4);
        QVERIFY(problems.contains(QStringLiteral("Cannot query field \"shoeSize\" on type \"User\".")));
        QVERIFY(problems.contains(QStringLiteral("Cannot query field \"hatSize\" on type \"User\".")));
    }

    void selectsTheOperation()
    {
        QString error;
        const Document document
            = parseDocument(QStringLiteral("query A { token { id } } query B { account { id } }"), &error);
        QCOMPARE(selectOperation(document, QStringLiteral("B"), &error)->name, QStringLiteral("B"));
        QVERIFY(selectOperation(document, QString(), &error) == nullptr);
        QCOMPARE(error, QStringLiteral("Must provide operation name if query contains multiple operations."));
        QVERIFY(selectOperation(document, QStringLiteral("C"), &error) == nullptr);
        QCOMPARE(error, QStringLiteral("Unknown operation named \"C\"."));
    }

    void resolvesArgumentValues()
    {
        QString error;
        const Document document = parseDocument(
            QStringLiteral(
                "query U($limit: Int = 25, $q: String, $role: [UserRoles!]) {"
                " users(limit: $limit, offset: 5, searchString: $q, accountRoles: $role) { hasMore } }"),
            &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const Operation& operation = document.operations.first();
        const QJsonObject variables
            = coerceVariableValues(operation, { { QStringLiteral("role"), QStringLiteral("reviewer") } });
        QCOMPARE(variables.value(QStringLiteral("limit")).toInt(), 25); // the declared default
        QVERIFY(!variables.contains(QStringLiteral("q")));

        const FieldDefinition* users
            = m_published.rootType(OperationType::Query)->field(QStringLiteral("users"));
        const QJsonObject arguments = argumentValues(operation.selectionSet.front(), users, variables);
        QCOMPARE(arguments.value(QStringLiteral("limit")).toInt(), 25);
        QCOMPARE(arguments.value(QStringLiteral("offset")).toInt(), 5);
        QVERIFY(!arguments.contains(QStringLiteral("searchString"))); // unset variable: argument absent
        QCOMPARE(arguments.value(QStringLiteral("accountRoles")).toArray(),
            QJsonArray { QStringLiteral("reviewer") });
    }
};

QTEST_GUILESS_MAIN(TestGraphQl)
#include "tst_graphql.moc"
