// Settings › E-mail offscreen: filled and saved, opened again with the values (never the
// password), and its test button sending to a real SMTP relay (support/SmtpTestServer).
#include "MailSettingsDialog.h"
#include "MainWindow.h"
#include "services/MailService.h"
#include "services/Services.h"
#include "support/SmtpTestServer.h"
#include "support/TestBackend.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace rmsam;

namespace {

template<typename T> T* child(QObject* parent, const char* name)
{
    return parent->findChild<T*>(QLatin1String(name));
}

} // namespace

class TestMailDialog : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dataDir;
    test::TestBackend m_backend;
    std::unique_ptr<Services> m_services;
    std::unique_ptr<test::SmtpTestServer> m_relay;
    const QString m_password = QStringLiteral("dialog-secret-9");

    MailSettingsDialog* openFromMenu(MainWindow& window)
    {
        auto* action = window.findChild<QAction*>(QStringLiteral("mailSettingsAction"));
        if (!action) {
            return nullptr;
        }
        action->trigger();
        return window.findChild<MailSettingsDialog*>(QStringLiteral("mailSettingsDialog"));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dataDir.isValid());
        const QString started = m_backend.start();
        QVERIFY2(started.isEmpty(), qPrintable(started));
        auto services = Services::open(m_backend.location(m_dataDir),
            QStringLiteral("roadmunk-sam-test-maildialog-") + QUuid::createUuid().toString(QUuid::Id128));
        QVERIFY2(services, services ? "" : qPrintable(services.error().message));
        m_services = std::move(services).value();
        m_relay = std::make_unique<test::SmtpTestServer>(test::SmtpTestServer::Options {
            SmtpSettings::Security::Tls, QStringLiteral("dialog-user"), m_password, 1 });
        QVERIFY2(m_relay->start(), qPrintable(m_relay->errorString()));
    }

    void fillSaveReopenAndSendATest()
    {
        MainWindow window(*m_services, {});
        MailSettingsDialog* dialog = openFromMenu(window);
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        // Every field is reached from its label's mnemonic.
        for (auto* label : dialog->findChildren<QLabel*>()) {
            if (label->text().contains(QLatin1Char('&'))) {
                QVERIFY2(label->buddy(), qPrintable(label->text()));
            }
        }
        child<QLineEdit>(dialog, "host")->setText(QStringLiteral("127.0.0.1"));
        auto* security = child<QComboBox>(dialog, "security");
        security->setCurrentIndex(security->findData(QStringLiteral("tls")));
        QCOMPARE(child<QSpinBox>(dialog, "port")->value(), 465); // the usual port proposed
        child<QSpinBox>(dialog, "port")->setValue(m_relay->port());
        child<QLineEdit>(dialog, "from")->setText(QStringLiteral("sam@example.com"));
        child<QLineEdit>(dialog, "replyTo")->setText(QStringLiteral("licences@example.com"));
        child<QLineEdit>(dialog, "user")->setText(QStringLiteral("dialog-user"));
        child<QLineEdit>(dialog, "password")->setText(m_password);
        child<QLineEdit>(dialog, "caFile")->setText(m_relay->caFile());
        child<QSpinBox>(dialog, "perMinute")->setValue(12);
        QSignalSpy saved(dialog, &MailSettingsDialog::saved);
        QTest::keyClick(dialog, Qt::Key_Return); // Save is the default button
        QVERIFY(saved.size() == 1 || saved.wait(20000));
        QPointer<MailSettingsDialog> closed(dialog);
        QTRY_VERIFY(!closed); // closed and gone

        auto stored = m_services->mail().settings();
        QVERIFY(stored);
        QCOMPARE(stored.value().host, QStringLiteral("127.0.0.1"));
        QCOMPARE(stored.value().port, int(m_relay->port()));
        QCOMPARE(stored.value().security, SmtpSettings::Security::Tls);
        QCOMPARE(stored.value().perMinute, 12);
        QCOMPARE(stored.value().caFile, m_relay->caFile());

        dialog = openFromMenu(window);
        QVERIFY(dialog);
        QCOMPARE(child<QLineEdit>(dialog, "host")->text(), QStringLiteral("127.0.0.1"));
        QCOMPARE(child<QSpinBox>(dialog, "port")->value(), int(m_relay->port()));
        QCOMPARE(child<QComboBox>(dialog, "security")->currentData().toString(), QStringLiteral("tls"));
        QCOMPARE(child<QLineEdit>(dialog, "replyTo")->text(), QStringLiteral("licences@example.com"));
        QCOMPARE(child<QLineEdit>(dialog, "password")->text(), QString()); // never shown back
        QVERIFY(QTest::qWaitFor(
            [&] {
                return child<QLabel>(dialog, "passwordState")->text().contains(QStringLiteral("is stored"));
            },
            20000));

        // The test goes to the Reply-To address proposed, with the keychain's password.
        QCOMPARE(child<QLineEdit>(dialog, "testTo")->text(), QStringLiteral("licences@example.com"));
        QSignalSpy finished(dialog, &MailSettingsDialog::testFinished);
        auto* send = child<QPushButton>(dialog, "sendTest");
        QVERIFY(send->isEnabled());
        QTest::mouseClick(send, Qt::LeftButton);
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.constFirst().constFirst().value<SendOutcome::Status>(), SendOutcome::Status::Sent);
        QVERIFY(send->isEnabled());
        const auto received = m_relay->waitForReceived(1);
        QCOMPARE(received.size(), 1);
        QCOMPARE(received.constFirst().value(QLatin1String("subject")).toString(),
            QStringLiteral("Roadmunk SAM test message"));
        QVERIFY(received.constFirst().value(QLatin1String("authenticated")).toBool());
        QVERIFY(child<QLabel>(dialog, "outcome")->text().contains(QStringLiteral("was sent")));
        dialog->reject();
    }

    void aFailedTestSaysWhy()
    {
        MailSettingsDialog dialog(m_services->mail());
        child<QLineEdit>(&dialog, "caFile")->clear(); // the system's CAs do not know the test CA
        child<QLineEdit>(&dialog, "testTo")->setText(QStringLiteral("alex@example.com"));
        QSignalSpy finished(&dialog, &MailSettingsDialog::testFinished);
        dialog.sendTestMessage();
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.constFirst().constFirst().value<SendOutcome::Status>(),
            SendOutcome::Status::Unavailable);
        QVERIFY2(child<QLabel>(&dialog, "outcome")->text().contains(QStringLiteral("not trusted")),
            qPrintable(child<QLabel>(&dialog, "outcome")->text()));
        QCOMPARE(m_relay->received().size(), 1); // nothing more arrived
    }

    void wrongSettingsAreNotSaved()
    {
        MailSettingsDialog dialog(m_services->mail());
        dialog.show();
        child<QLineEdit>(&dialog, "host")->setText(QStringLiteral("smtp.example.com"));
        auto* security = child<QComboBox>(&dialog, "security");
        security->setCurrentIndex(security->findData(QStringLiteral("none")));
        QSignalSpy saved(&dialog, &MailSettingsDialog::saved);
        QTest::keyClick(&dialog, Qt::Key_Return);
        QTRY_VERIFY(child<QLabel>(&dialog, "outcome")->text().contains(QStringLiteral("\"none\"")));
        QCOMPARE(saved.size(), 0);
        QCOMPARE(m_services->mail().settings().value().host, QStringLiteral("127.0.0.1"));
    }
};

QTEST_MAIN(TestMailDialog)
#include "tst_maildialog.moc"
