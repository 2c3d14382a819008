#pragma once

// A real SMTP relay for the tests (tests/support/smtp-test-server.py on aiosmtpd, run with
// /usr/bin/python3) on a free loopback port, with a private certificate authority and a server
// certificate for 127.0.0.1 and localhost made with the `openssl` command in a temporary folder.
// Recipients script failures by local part: tempfail…@ → 451 the first tempFailures times
// (per address), reject…@ → 550. Every accepted message is parsed by Python's email package.

#include "core/SmtpSettings.h"

#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <memory>

namespace rmsam::test {

class SmtpTestServer
{
public:
    struct Options
    {
        SmtpSettings::Security security = SmtpSettings::Security::StartTls;
        QString user; // empty: no AUTH offered
        QString password;
        int tempFailures = 1;
    };

    SmtpTestServer();
    explicit SmtpTestServer(Options options);
    ~SmtpTestServer();
    Q_DISABLE_COPY_MOVE(SmtpTestServer)

    // Makes the certificates and starts the server; false with errorString() when it cannot.
    bool start();
    QString errorString() const { return m_error; }

    quint16 port() const { return m_port; }
    QString caFile() const; // the PEM of the test CA the server's certificate chains to
    QString otherCaFile() const; // a CA that did not sign it (for "not trusted" tests)
    // Settings that reach this server: 127.0.0.1, its port and security, the CA file, a sender.
    SmtpSettings settings() const;

    // Every accepted message so far, oldest first: envelopeFrom, envelopeTo, from, to, replyTo,
    // subject (decoded), body (decoded), messageId, date, contentType, charset,
    // transferEncoding, headers (raw), headerNames, defects, tls, authenticated, received.
    QList<QJsonObject> received() const;
    // Waits (up to timeoutMs) until at least count messages arrived.
    QList<QJsonObject> waitForReceived(int count, int timeoutMs = 5000) const;

private:
    bool makeCertificates();
    bool runOpenssl(const QStringList& arguments);

    Options m_options;
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
    QString m_error;
};

} // namespace rmsam::test
