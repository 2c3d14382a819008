#pragma once

#include "storage/Migrations.h"

namespace rmsam::ChangeLogSchema {

// The schema steps of the change log (Migrations::all() appends them). Written once: a released
// step never changes, so a later change to what is logged is a new step, not an edit here.
//
// "who/where": the table client_identity (SQLite only) holds the OS account and host of the one
// admin whose file it is; on PostgreSQL each connection sets rmsam.os_user and rmsam.host, and
// the verified identity is session_user.
//
// change_log: one row per audited change, written by triggers only (PostgreSQL: SECURITY DEFINER
// trigger functions, so members need no right on the table but SELECT). change_log and
// audit_entry refuse UPDATE and DELETE (and TRUNCATE) for everyone, the tables' owner included.
Migration changeLog();

// row_version, changed_by and changed_at on removal_candidate, reclamation_rule and entitlement:
// a writer updates only the version it read (stale-edit detection). On PostgreSQL a trigger
// stamps changed_by (session_user), changed_at and the version, whatever the client sent.
Migration rowVersions();

// PostgreSQL: the change-log rows of an INSERT written once per statement, from its transition
// table, instead of by a trigger call per row (creating 37,000 removal candidates spent 0.7 s
// in those calls). The rows logged are the same.
Migration statementLevelInsertLog();

// The profile's change-log summary tells a token set, replaced and cleared apart (the first
// step said "token replaced" for all three).
Migration tokenSetOrCleared();

// The organisation's SMTP relay (issue #17, e-mail notices): one row per database, so a team
// shares it; its changes logged like the other settings (no profile). The password is never
// here: it stays in each sender's OS keychain.
Migration smtpSettings();

// The HR roster's attach, replace and detach, and its aliases, in the change log.
Migration hrRosterLog();

// Issue #17: the notice e-mails of removal candidates (the notice table and its change-log
// lines), a rule's reminder days and a profile's notice language.
Migration notices();

// The columns added after the change-log triggers were written, in their summaries: a rule's
// reminder days, an entitlement's term (start, renewal, notice days, buffer) and a profile's
// notice language.
Migration laterSettingsLogged();

// SQLite: removal candidates created in bulk (a first evaluation creates tens of thousands) are
// logged by one statement instead of a trigger call each (40,000 calls were 0.22 s of a 1 s
// evaluation). While the table change_log_pause holds its row — which a writer inserts and deletes
// inside its own transaction, so no other connection ever sees it — the candidate insert trigger
// stands aside, and the writer logs what it inserted with sqliteCandidatesCreated().
Migration bulkCandidateLog();
// SQLite: the change_log rows of the removal candidates `where` selects (the table read as NEW),
// the same as the insert trigger writes.
QString sqliteCandidatesCreated(const QString& where);

} // namespace rmsam::ChangeLogSchema
