#pragma once

#include <QStringList>
#include <QTextStream>

namespace rmsam {

// `roadmunk-sam sandbox [--port N] [--users N] [--seed S] [--page-cap N] [--latency-ms N]
//  [--token T] [--limited-token T] [--fault MODE[:ARG][@N]]... [--anomaly NAME[,NAME...]]...`:
// runs the sandbox server until the process is killed.
//
// --fault: see SandboxFault::parse(). --anomaly (hostile but well-formed answers, see
// SandboxAnomalies::parse()): dates=mixed|iso|iso-offset|epoch-ms|epoch-s|rfc1123|garbage,
// endless, ignore-offset, empty-users, hasmore-string, duplicate-ids, huge-ids,
// oversized[:MIB], deactivate-false, shrink[:PERCENT]. A test in another process reads what the
// sandbox did and changes the anomalies through the /sandbox/ pages, see SandboxControl.
//
// `arguments` are the words after `sandbox` (neither the program name nor `sandbox` itself).
// Prints the endpoint, and the token only when it was generated rather than given. A
// QCoreApplication must exist. Returns QCoreApplication::exec()'s code, 0 after --help,
// 2 for bad options, 4 when the port cannot be bound.
int runSandboxCommand(const QStringList& arguments, QTextStream& out, QTextStream& err);

} // namespace rmsam
