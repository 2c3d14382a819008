#pragma once

#include "core/Result.h"

#include <QString>
#include <QUrl>

namespace rmsam {

// A failure the sandbox injects in place of (or around) its answer, to test how a client copes
// with an unreliable gateway. Applies after authentication, to GraphQL requests only.
struct SandboxFault
{
    enum class Kind
    {
        Status, // answer `status` (e.g. 401, 500, 502, 503) with an `errors` body; nothing runs
        RetryAfterSeconds, // 429 with `Retry-After: <retryAfterSeconds>`
        RetryAfterDate, // 429 with `Retry-After:` the HTTP date retryAfterSeconds from now
        Reset, // close the connection without answering (a TCP reset where the platform allows)
        Stall, // accept the request and never answer
        Trickle, // run it, then send the body one byte every trickleIntervalMs
        MalformedJson, // 200 with a body that is not JSON; nothing runs
        PartialErrors, // run it, answer 200 with its data and an `errors` entry
        RedirectOtherHost, // 307 to `location`; default: an https gateway-like URL on another host
        RedirectToHttp, // 307 to `location`; default: http:// on port 80 of the same host
    };

    Kind kind = Kind::Status;
    int request = 0; // the 1-based GraphQL request number it hits; 0: every request
    int status = 503; // for Kind::Status
    int retryAfterSeconds = 1;
    int trickleIntervalMs = 100;
    QUrl location; // for the redirects; empty: the default above

    // `MODE[:ARG][@N]`, as `roadmunk-sam sandbox --fault` takes it. MODE is an HTTP status
    // (400-599 but 429), `429[:SECONDS]`, `429-date[:SECONDS]`, `reset`, `stall`, `trickle[:MS]`,
    // `malformed`, `partial`, `redirect-host[:URL]` or `redirect-http[:URL]`; @N limits it to the
    // Nth GraphQL request, otherwise it hits every one.
    static Result<SandboxFault> parse(const QString& text);
    QString toString() const; // the same syntax
};

} // namespace rmsam
