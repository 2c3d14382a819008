// libFuzzer harness: the User report reader end to end — encoding detection (BOM, UTF-8,
// UTF-16, Shift-JIS), strict RFC 4180 parsing and the header and value checks.
#include "csv/UserReport.h"

#include <QBuffer>
#include <QCoreApplication>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static int argc = 1;
    static char name[] = "fuzz_csv";
    static char* argv[] = { name, nullptr };
    static QCoreApplication app(argc, argv);
    QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    const rmsam::ParsedUserReport parsed = rmsam::readUserReport(&buffer, {});
    // Exactly one of a report and an error; a rejected file says why.
    if (parsed.report.has_value() == parsed.error.has_value()) {
        __builtin_trap();
    }
    if (parsed.error && parsed.error->message.isEmpty()) {
        __builtin_trap();
    }
    return 0;
}
