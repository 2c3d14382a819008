// Every request the client can send must be valid against Roadmunk's published schema
// (tests/data/roadmunk/schema.graphql, its path in RMSAM_SCHEMA_FILE; see the README there).
#include "graphql/GraphQl.h"
#include "roadmunk/Queries.h"

#include <QFile>
#include <QTest>

using namespace rmsam;

class TestSchema : public QObject
{
    Q_OBJECT

private:
    graphql::Schema m_published;

private slots:
    void initTestCase()
    {
        const QString path = qEnvironmentVariable("RMSAM_SCHEMA_FILE");
        QFile file(path);
        QVERIFY2(file.open(QIODevice::ReadOnly),
            qPrintable(QStringLiteral("cannot read the published schema at '%1'").arg(path)));
        QString error;
        m_published = graphql::parseSchema(QString::fromUtf8(file.readAll()), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(m_published.type(QStringLiteral("User")) != nullptr);
    }

    void clientRequestsValidate_data()
    {
        QTest::addColumn<QString>("operationName");
        QTest::addColumn<QString>("query");
        QTest::addColumn<QJsonObject>("variables");
        for (const GraphQlRequest& r : Queries::all()) {
            QTest::newRow(qPrintable(r.operationName)) << r.operationName << r.query << r.variables;
        }
    }

    void clientRequestsValidate()
    {
        QFETCH(QString, operationName);
        QFETCH(QString, query);
        QFETCH(QJsonObject, variables);
        QString error;
        const graphql::Document document = graphql::parseDocument(query, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QStringList problems = graphql::validate(document, m_published, operationName, variables);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    void validatorCatchesWhatTheServerWouldReject()
    {
        // The check above is only worth something if the validator refuses a wrong request.
        QString error;
        const auto document = graphql::parseDocument(
            QStringLiteral("query Q { users(limit: 1, offset: 0) { page { id isActive } hasMore } }"),
            &error);
        QVERIFY(error.isEmpty());
        const QStringList problems = graphql::validate(document, m_published, QStringLiteral("Q"));
        QCOMPARE(problems.size(), 1);
        QVERIFY(problems.first().contains(QStringLiteral("isActive")));
    }
};

QTEST_GUILESS_MAIN(TestSchema)
#include "tst_schema.moc"
