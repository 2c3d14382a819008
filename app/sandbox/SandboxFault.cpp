#include "sandbox/SandboxFault.h"

#include <QCoreApplication>
#include <optional>

namespace rmsam {

namespace {

struct FaultMode
{
    const char* name;
    SandboxFault::Kind kind;
};

// The named modes of SandboxFault::parse(); an HTTP status is the remaining one.
constexpr FaultMode faultModes[] = {
    { "429", SandboxFault::Kind::RetryAfterSeconds },
    { "429-date", SandboxFault::Kind::RetryAfterDate },
    { "reset", SandboxFault::Kind::Reset },
    { "stall", SandboxFault::Kind::Stall },
    { "trickle", SandboxFault::Kind::Trickle },
    { "malformed", SandboxFault::Kind::MalformedJson },
    { "partial", SandboxFault::Kind::PartialErrors },
    { "redirect-host", SandboxFault::Kind::RedirectOtherHost },
    { "redirect-http", SandboxFault::Kind::RedirectToHttp },
};

std::optional<SandboxFault::Kind> namedKind(const QString& mode)
{
    for (const FaultMode& m : faultModes) {
        if (mode == QLatin1String(m.name))
            return m.kind;
    }
    return std::nullopt;
}

// Takes a trailing "@N" off `mode` into fault->request; why N is wrong, or a null string. The
// last "@" counts: a redirect URL may hold one of its own before it.
QString takeRequestNumber(QString* mode, SandboxFault* fault)
{
    const qsizetype at = mode->lastIndexOf(QLatin1Char('@'));
    if (at < 0)
        return {};
    bool ok = false;
    const int number = mode->mid(at + 1).toInt(&ok);
    if (!ok)
        return {};
    if (number < 1)
        return QCoreApplication::translate("rmsam::SandboxFault", "N counts from 1.");
    fault->request = number;
    mode->truncate(at);
    return {};
}

// A whole number within [minimum, maximum], `fallback` when there is no argument.
std::optional<int> numberArgument(const QString& argument, int fallback, int minimum, int maximum)
{
    if (argument.isEmpty())
        return fallback;
    bool ok = false;
    const int value = argument.toInt(&ok);
    return ok && value >= minimum && value <= maximum ? std::optional<int>(value) : std::nullopt;
}

// Sets what the argument after a named mode's ":" says; why it is wrong, or a null string.
QString applyArgument(const QString& argument, SandboxFault* fault)
{
    using Kind = SandboxFault::Kind;
    switch (fault->kind) {
    case Kind::RetryAfterSeconds:
    case Kind::RetryAfterDate:
        fault->status = 429;
        if (const auto seconds = numberArgument(argument, fault->retryAfterSeconds, 0, 86400))
            fault->retryAfterSeconds = *seconds;
        else
            return QCoreApplication::translate("rmsam::SandboxFault", "SECONDS is 0 to 86400.");
        break;
    case Kind::Trickle:
        if (const auto ms = numberArgument(argument, fault->trickleIntervalMs, 1, 600'000))
            fault->trickleIntervalMs = *ms;
        else
            return QCoreApplication::translate("rmsam::SandboxFault", "MS is 1 to 600000.");
        break;
    case Kind::RedirectOtherHost:
    case Kind::RedirectToHttp:
        fault->status = 307;
        if (!argument.isEmpty()) {
            fault->location = QUrl(argument, QUrl::StrictMode);
            if (!fault->location.isValid() || fault->location.host().isEmpty())
                return QCoreApplication::translate("rmsam::SandboxFault", "URL must be an absolute URL.");
        }
        break;
    default:
        if (!argument.isEmpty())
            return QCoreApplication::translate("rmsam::SandboxFault", "this mode takes no argument.");
        break;
    }
    return {};
}

} // namespace

Result<SandboxFault> SandboxFault::parse(const QString& text)
{
    const auto invalid = [&text](const QString& why) {
        return Error { ErrorCode::InvalidInput,
            QCoreApplication::translate("rmsam::SandboxFault", "Invalid fault \"%1\": %2").arg(text, why),
            {} };
    };
    SandboxFault fault;
    QString mode = text.trimmed();
    if (const QString why = takeRequestNumber(&mode, &fault); !why.isNull())
        return invalid(why);
    QString argument;
    if (const qsizetype colon = mode.indexOf(QLatin1Char(':')); colon >= 0) {
        argument = mode.mid(colon + 1);
        mode.truncate(colon);
    }
    const std::optional<Kind> kind = namedKind(mode);
    if (!kind) {
        bool ok = false;
        fault.status = mode.toInt(&ok);
        if (!ok || fault.status < 400 || fault.status > 599 || fault.status == 429 || !argument.isEmpty())
            return invalid(QCoreApplication::translate("rmsam::SandboxFault",
                "use an HTTP status from 400 to 599, 429[:SECONDS], 429-date[:SECONDS], reset, stall, "
                "trickle[:MS], malformed, partial, redirect-host[:URL] or redirect-http[:URL], optionally "
                "followed by @N."));
        fault.kind = Kind::Status;
        return fault;
    }
    fault.kind = *kind;
    fault.status = 0;
    if (const QString why = applyArgument(argument, &fault); !why.isNull())
        return invalid(why);
    return fault;
}

QString SandboxFault::toString() const
{
    QString text;
    for (const FaultMode& m : faultModes) {
        if (m.kind == kind)
            text = QLatin1String(m.name);
    }
    switch (kind) {
    case Kind::Status:
        text = QString::number(status);
        break;
    case Kind::RetryAfterSeconds:
    case Kind::RetryAfterDate:
        text += QLatin1Char(':') + QString::number(retryAfterSeconds);
        break;
    case Kind::Trickle:
        text += QLatin1Char(':') + QString::number(trickleIntervalMs);
        break;
    case Kind::RedirectOtherHost:
    case Kind::RedirectToHttp:
        if (!location.isEmpty())
            text += QLatin1Char(':') + location.toString();
        break;
    default:
        break;
    }
    if (request > 0)
        text += QLatin1Char('@') + QString::number(request);
    return text;
}

} // namespace rmsam
