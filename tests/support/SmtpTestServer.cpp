#include "support/SmtpTestServer.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QThread>

namespace rmsam::test {

SmtpTestServer::SmtpTestServer()
    : SmtpTestServer(Options {})
{ }

SmtpTestServer::SmtpTestServer(Options options)
    : m_options(std::move(options))
{ }

SmtpTestServer::~SmtpTestServer()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->closeWriteChannel(); // the server's cue to stop
        if (!m_process->waitForFinished(3000)) {
            m_process->kill();
            m_process->waitForFinished(3000);
        }
    }
}

bool SmtpTestServer::runOpenssl(const QStringList& arguments)
{
    QProcess openssl;
    openssl.setWorkingDirectory(m_dir.path());
    openssl.start(QStringLiteral("openssl"), arguments);
    if (!openssl.waitForFinished(30000) || openssl.exitStatus() != QProcess::NormalExit
        || openssl.exitCode() != 0) {
        m_error = QStringLiteral("openssl %1 failed: %2")
                      .arg(arguments.join(u' '), QString::fromLocal8Bit(openssl.readAllStandardError()));
        return false;
    }
    return true;
}

namespace {

// "req -x509 …" as arguments (no argument here has a blank in it).
QStringList words(const char* line)
{
    return QString::fromLatin1(line).split(u' ');
}

} // namespace

bool SmtpTestServer::makeCertificates()
{
    QFile extensions(m_dir.filePath(QStringLiteral("server.ext")));
    if (!extensions.open(QIODevice::WriteOnly)
        || extensions.write("subjectAltName=DNS:localhost,IP:127.0.0.1\n"
                            "basicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n")
            < 0) {
        m_error = QStringLiteral("cannot write server.ext");
        return false;
    }
    extensions.close();
    const QStringList ec = words("-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes");
    return runOpenssl(words("req -x509 -days 2 -subj /CN=rmsam-test-CA -keyout ca.key -out ca.pem") + ec)
        && runOpenssl(
            words("req -x509 -days 2 -subj /CN=rmsam-other-CA -keyout other.key -out other.pem") + ec)
        && runOpenssl(words("req -subj /CN=localhost -keyout server.key -out server.csr") + ec)
        && runOpenssl(words("x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 2 "
                            "-extfile server.ext -out server.pem"));
}

bool SmtpTestServer::start()
{
    if (!m_dir.isValid() || !QDir(m_dir.path()).mkpath(QStringLiteral("mail"))) {
        m_error = QStringLiteral("no temporary folder");
        return false;
    }
    if (!makeCertificates()) {
        return false;
    }
    QStringList arguments { QStringLiteral(RMSAM_SMTP_TEST_SERVER), QStringLiteral("--dir"),
        m_dir.filePath(QStringLiteral("mail")), QStringLiteral("--mode"), securityName(m_options.security),
        QStringLiteral("--cert"), m_dir.filePath(QStringLiteral("server.pem")), QStringLiteral("--key"),
        m_dir.filePath(QStringLiteral("server.key")), QStringLiteral("--tempfail-times"),
        QString::number(m_options.tempFailures) };
    if (!m_options.user.isEmpty()) {
        arguments << QStringLiteral("--user") << m_options.user << QStringLiteral("--password")
                  << m_options.password;
    }
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process->start(QStringLiteral("/usr/bin/python3"), arguments);
    QDeadlineTimer deadline(15000);
    QByteArray line;
    while (!line.endsWith('\n') && !deadline.hasExpired() && m_process->state() != QProcess::NotRunning) {
        m_process->waitForReadyRead(100);
        line += m_process->readAll();
    }
    if (!line.startsWith("ready ")) {
        m_error = QStringLiteral("the SMTP test server did not start: %1").arg(QString::fromUtf8(line));
        return false;
    }
    m_port = static_cast<quint16>(line.mid(6).trimmed().toUInt());
    return m_port != 0;
}

QString SmtpTestServer::caFile() const
{
    return m_dir.filePath(QStringLiteral("ca.pem"));
}

QString SmtpTestServer::otherCaFile() const
{
    return m_dir.filePath(QStringLiteral("other.pem"));
}

SmtpSettings SmtpTestServer::settings() const
{
    SmtpSettings settings;
    settings.host = QStringLiteral("127.0.0.1");
    settings.port = m_port;
    settings.security = m_options.security;
    settings.from = QStringLiteral("sam@example.com");
    settings.replyTo = QStringLiteral("licences@example.com");
    settings.user = m_options.user;
    settings.caFile = m_options.security == SmtpSettings::Security::None ? QString() : caFile();
    return settings;
}

QList<QJsonObject> SmtpTestServer::received() const
{
    QList<QJsonObject> messages;
    const QDir folder(m_dir.filePath(QStringLiteral("mail")));
    for (const QString& name : folder.entryList({ QStringLiteral("*.json") }, QDir::Files, QDir::Name)) {
        QFile file(folder.filePath(name));
        if (file.open(QIODevice::ReadOnly)) {
            messages.append(QJsonDocument::fromJson(file.readAll()).object());
        }
    }
    return messages;
}

QList<QJsonObject> SmtpTestServer::waitForReceived(int count, int timeoutMs) const
{
    QDeadlineTimer deadline(timeoutMs);
    QList<QJsonObject> messages = received();
    while (messages.size() < count && !deadline.hasExpired()) {
        QThread::msleep(50);
        messages = received();
    }
    return messages;
}

} // namespace rmsam::test
