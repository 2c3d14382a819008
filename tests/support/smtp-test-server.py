#!/usr/bin/python3
"""An SMTP relay for the tests: aiosmtpd on a free loopback port (run with /usr/bin/python3,
which has Debian's python3-aiosmtpd).

  smtp-test-server.py --dir OUT --mode starttls|tls|none [--cert PEM --key PEM]
                      [--user U --password P] [--tempfail-times N]

Prints "ready PORT" on stdout once it listens. Recipients script failures by local part:
tempfail…@ gets "451 4.3.0 Try again later" the first N times (per address), reject…@ gets
"550 5.1.1 No such user here". Every accepted message is written to OUT as NNNN.json: from,
to, subject and body decoded by Python's email package, the raw headers, the date received.
"""
import argparse
import asyncio
import email
import email.policy
import json
import os
import ssl
import sys
import warnings
from datetime import datetime, timezone

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword

warnings.filterwarnings("ignore", category=DeprecationWarning)  # aiosmtpd 1.4 about itself


class Handler:
    def __init__(self, out, tempfail_times):
        self.out = out
        self.tempfail_times = tempfail_times
        self.tempfails = {}
        self.count = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local = address.split("@", 1)[0].lower()
        if local.startswith("tempfail"):
            seen = self.tempfails.get(address, 0)
            if seen < self.tempfail_times:
                self.tempfails[address] = seen + 1
                return "451 4.3.0 Try again later"
        if local.startswith("reject"):
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        raw = envelope.original_content or envelope.content
        message = email.message_from_bytes(raw, policy=email.policy.default)
        head = raw.split(b"\r\n\r\n", 1)[0].decode("utf-8", "replace")
        part = message.get_body(preferencelist=("plain",))
        record = {
            "envelopeFrom": envelope.mail_from,
            "envelopeTo": envelope.rcpt_tos,
            "from": str(message.get("From", "")),
            "to": str(message.get("To", "")),
            "replyTo": str(message.get("Reply-To", "")),
            "subject": str(message.get("Subject", "")),
            "messageId": str(message.get("Message-ID", "")),
            "date": str(message.get("Date", "")),
            "contentType": message.get_content_type(),
            "charset": message.get_content_charset() or "",
            "transferEncoding": str(message.get("Content-Transfer-Encoding", "")),
            "body": part.get_content() if part is not None else "",
            "headers": head,
            "headerNames": [name for name, _ in message.items()],
            "defects": [type(d).__name__ for d in message.defects],
            "tls": session.ssl is not None,
            "authenticated": bool(session.authenticated),
            "received": datetime.now(timezone.utc).isoformat(),
        }
        self.count += 1
        path = os.path.join(self.out, "%04d.json" % self.count)
        with open(path + ".part", "w", encoding="utf-8") as f:
            json.dump(record, f, ensure_ascii=False)
        os.replace(path + ".part", path)
        return "250 2.0.0 Message accepted"


def authenticator(user, password):
    def check(server, session, envelope, mechanism, auth_data):
        ok = (isinstance(auth_data, LoginPassword)
              and auth_data.login == user.encode() and auth_data.password == password.encode())
        return AuthResult(success=ok, handled=False)
    return check


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", required=True)
    parser.add_argument("--mode", choices=["starttls", "tls", "none"], default="starttls")
    parser.add_argument("--cert")
    parser.add_argument("--key")
    parser.add_argument("--user")
    parser.add_argument("--password")
    parser.add_argument("--tempfail-times", type=int, default=1)
    args = parser.parse_args()

    context = None
    if args.cert:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.cert, args.key)
    handler = Handler(args.dir, args.tempfail_times)
    options = dict(hostname="smtp.test", ident="rmsam test relay")
    if args.user:
        options.update(authenticator=authenticator(args.user, args.password or ""),
                       auth_require_tls=args.mode == "starttls")
    if args.mode == "starttls":
        options.update(tls_context=context, require_starttls=True)

    loop = asyncio.get_running_loop()
    server = await loop.create_server(
        lambda: SMTP(handler, **options), host="127.0.0.1", port=0,
        ssl=context if args.mode == "tls" else None)
    port = server.sockets[0].getsockname()[1]
    print("ready %d" % port, flush=True)
    # Ends when the test closes our stdin (or kills us).
    await loop.run_in_executor(None, sys.stdin.read)
    server.close()


if __name__ == "__main__":
    asyncio.run(main())
