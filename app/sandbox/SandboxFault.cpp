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
    // "@N" ends the text; a redirect URL may hold an "@" of its own before it.
    if (const qsizetype at = mode.lastIndexOf(QLatin1Char('@')); at >= 0) {
        bool ok = false;
        const int number = mode.mid(at + 1).toInt(&ok);
        if (ok) {
            if (number < 1)
                return invalid(QCoreApplication::translate("rmsam::SandboxFault", "N counts from 1."));
            fault.request = number;
            mode.truncate(at);
        }
    }
    QString argument;
    if (const qsizetype colon = mode.indexOf(QLatin1Char(':')); colon >= 0) {
        argument = mode.mid(colon + 1);
        mode.truncate(colon);
    }
    const auto numberArgument = [&argument](int fallback, int minimum, int maximum) -> std::optional<int> {
        if (argument.isEmpty())
            return fallback;
        bool ok = false;
        const int value = argument.toInt(&ok);
        return ok && value >= minimum && value <= maximum ? std::optional<int>(value) : std::nullopt;
    };

    bool named = false;
    for (const FaultMode& m : faultModes) {
        if (mode == QLatin1String(m.name)) {
            fault.kind = m.kind;
            named = true;
        }
    }
    if (!named) {
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
    fault.status = 0;
    switch (fault.kind) {
    case Kind::RetryAfterSeconds:
    case Kind::RetryAfterDate:
        fault.status = 429;
        if (const auto seconds = numberArgument(fault.retryAfterSeconds, 0, 86400))
            fault.retryAfterSeconds = *seconds;
        else
            return invalid(QCoreApplication::translate("rmsam::SandboxFault", "SECONDS is 0 to 86400."));
        break;
    case Kind::Trickle:
        if (const auto ms = numberArgument(fault.trickleIntervalMs, 1, 600'000))
            fault.trickleIntervalMs = *ms;
        else
            return invalid(QCoreApplication::translate("rmsam::SandboxFault", "MS is 1 to 600000."));
        break;
    case Kind::RedirectOtherHost:
    case Kind::RedirectToHttp:
        fault.status = 307;
        if (!argument.isEmpty()) {
            fault.location = QUrl(argument, QUrl::StrictMode);
            if (!fault.location.isValid() || fault.location.host().isEmpty())
                return invalid(
                    QCoreApplication::translate("rmsam::SandboxFault", "URL must be an absolute URL."));
        }
        break;
    default:
        if (!argument.isEmpty())
            return invalid(
                QCoreApplication::translate("rmsam::SandboxFault", "this mode takes no argument."));
        break;
    }
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
