#include "cli/SecretInput.h"

#include <QIODevice>

#ifdef Q_OS_UNIX
#include <termios.h>
#include <unistd.h>
#elif defined(Q_OS_WIN)
#include <windows.h>
#endif

namespace rmsam::SecretInput {
namespace {

// Turns terminal echo off for its lifetime.
class EchoOff
{
public:
    EchoOff()
    {
#ifdef Q_OS_UNIX
        if (tcgetattr(STDIN_FILENO, &m_saved) == 0) {
            termios quiet = m_saved;
            quiet.c_lflag &= ~tcflag_t(ECHO);
            m_active = tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
        }
#elif defined(Q_OS_WIN)
        m_handle = GetStdHandle(STD_INPUT_HANDLE);
        if (GetConsoleMode(m_handle, &m_saved)) {
            m_active = SetConsoleMode(m_handle, m_saved & ~DWORD(ENABLE_ECHO_INPUT));
        }
#endif
    }
    ~EchoOff()
    {
        if (!m_active) {
            return;
        }
#ifdef Q_OS_UNIX
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &m_saved);
#elif defined(Q_OS_WIN)
        SetConsoleMode(m_handle, m_saved);
#endif
    }
    EchoOff(const EchoOff&) = delete;
    EchoOff& operator=(const EchoOff&) = delete;

private:
    bool m_active = false;
#ifdef Q_OS_UNIX
    termios m_saved {};
#elif defined(Q_OS_WIN)
    HANDLE m_handle = nullptr;
    DWORD m_saved = 0;
#endif
};

} // namespace

QString read(QIODevice& in, bool isTerminal)
{
    if (isTerminal) {
        EchoOff quiet;
        return QString::fromUtf8(in.readLine());
    }
    // The limit keeps a mistaken pipe (a whole file) from filling memory; the token rules
    // reject anything this long anyway.
    constexpr qint64 Limit = 64 * 1024;
    QByteArray data;
    while (data.size() < Limit) {
        const QByteArray chunk = in.read(Limit - data.size());
        if (chunk.isEmpty()) {
            break;
        }
        data += chunk;
    }
    return QString::fromUtf8(data);
}

} // namespace rmsam::SecretInput
