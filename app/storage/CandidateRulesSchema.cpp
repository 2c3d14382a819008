#include "storage/CandidateRulesSchema.h"

namespace rmsam::CandidateRulesSchema {

// Who recorded each event, as the server knows them (session_user on PostgreSQL; the OS
// account on SQLite), and team mode's approver rule: on PostgreSQL the server refuses a
// decision on Awaiting Approval (approve, decline, or a skip, which has approve's effect) unless the
// member holds the approver role and is not the one who moved the candidate there. The trigger sets
// the column itself: no client can write another member's name. Without the team's roles (no
// `database init`) only the second half applies to nobody: a single admin decides as before.
Migration approverRule()
{
    return { QStringLiteral("approver rule"),
        { QStringLiteral("ALTER TABLE candidate_event ADD COLUMN member VARCHAR(200)") },
        { QStringLiteral("ALTER TABLE candidate_event ALTER COLUMN member SET DEFAULT session_user"),
            QStringLiteral(
                "CREATE FUNCTION rmsam_candidate_event_check() RETURNS trigger LANGUAGE plpgsql AS $$ "
                "DECLARE approver TEXT := 'rmsam_' || current_database() || '_approver'; mover TEXT; "
                "BEGIN "
                "NEW.member := session_user; "
                "IF NOT (NEW.action IN ('approve', 'decline') OR (NEW.action = 'skip' AND "
                " NEW.from_state = 'awaiting_approval')) "
                " OR NOT EXISTS (SELECT FROM pg_roles WHERE rolname = approver) THEN RETURN NEW; END IF; "
                "IF NOT (pg_has_role(session_user, approver, 'MEMBER') OR session_user = (SELECT "
                " pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database())) THEN "
                " RAISE EXCEPTION 'rmsam approver rule: % does not hold the approver role', session_user "
                " USING ERRCODE = '42501'; END IF; "
                "SELECT member INTO mover FROM candidate_event WHERE candidate_id = NEW.candidate_id "
                " AND to_state = 'awaiting_approval' ORDER BY id DESC LIMIT 1; "
                "IF mover = session_user THEN "
                " RAISE EXCEPTION 'rmsam approver rule: % moved candidate % to Awaiting Approval and "
                "cannot decide it', session_user, NEW.candidate_id USING ERRCODE = '42501'; END IF; "
                "RETURN NEW; END $$"),
            QStringLiteral("CREATE TRIGGER candidate_event_check BEFORE INSERT ON candidate_event "
                           "FOR EACH ROW EXECUTE FUNCTION rmsam_candidate_event_check()") } };
}

// Every move of a candidate has its history event, written in the same transaction: a
// client that changed a state alone (going around the approver rule, which the events
// carry) is refused at commit. Checked at commit, so the order of the two writes is free.
Migration movesHaveHistory()
{
    return { QStringLiteral("candidate moves have their history"), {},
        { QStringLiteral(
              "CREATE FUNCTION rmsam_candidate_move_has_event() RETURNS trigger LANGUAGE plpgsql AS $$ "
              "BEGIN IF NEW.state IS DISTINCT FROM OLD.state AND NOT EXISTS (SELECT FROM candidate_event "
              "WHERE candidate_id = NEW.id AND to_state = NEW.state AND xmin = "
              "pg_current_xact_id()::xid) "
              "THEN RAISE EXCEPTION 'rmsam: candidate % moved from % to % without its history event', "
              "NEW.id, OLD.state, NEW.state USING ERRCODE = '42501'; END IF; RETURN NULL; END $$"),
            QStringLiteral("CREATE CONSTRAINT TRIGGER rmsam_candidate_move AFTER UPDATE OF state ON "
                           "removal_candidate DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "
                           "rmsam_candidate_move_has_event()") } };
}

// Awaiting Approval is left only by a decision. The first approver rule read the action and
// the from-state a client writes in the history event, so a modified client could close
// such a candidate with an event that says "vanished" or "from ready". Now the server
// checks the candidate's own state as it stands: whatever the event says, a move out of
// Awaiting Approval (and any event claiming one, or an approve/decline) needs an approver
// who did not move it there. A sync never moves these candidates (Evaluation).
Migration decisionsOnState()
{
    return { QStringLiteral("awaiting approval is left by a decision"), {},
        { QStringLiteral(
              "CREATE FUNCTION rmsam_check_decision(candidate BIGINT) RETURNS void LANGUAGE plpgsql AS "
              "$$ "
              "DECLARE approver TEXT := 'rmsam_' || current_database() || '_approver'; mover TEXT; "
              "BEGIN "
              "IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = approver) THEN RETURN; END IF; "
              "IF NOT (pg_has_role(session_user, approver, 'MEMBER') OR session_user = (SELECT "
              " pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database())) THEN "
              " RAISE EXCEPTION 'rmsam approver rule: % does not hold the approver role', session_user "
              " USING ERRCODE = '42501'; END IF; "
              "SELECT member INTO mover FROM candidate_event WHERE candidate_id = candidate "
              " AND to_state = 'awaiting_approval' ORDER BY id DESC LIMIT 1; "
              "IF mover = session_user THEN "
              " RAISE EXCEPTION 'rmsam approver rule: % moved candidate % to Awaiting Approval and "
              "cannot decide it', session_user, candidate USING ERRCODE = '42501'; END IF; "
              "END $$"),
            QStringLiteral(
                "CREATE OR REPLACE FUNCTION rmsam_candidate_event_check() RETURNS trigger LANGUAGE "
                "plpgsql "
                "AS $$ BEGIN "
                "NEW.member := session_user; "
                "IF NEW.action IN ('approve', 'decline') OR NEW.from_state = 'awaiting_approval' THEN "
                " PERFORM rmsam_check_decision(NEW.candidate_id); END IF; "
                "RETURN NEW; END $$"),
            QStringLiteral(
                "CREATE FUNCTION rmsam_awaiting_approval_left() RETURNS trigger LANGUAGE plpgsql AS $$ "
                "BEGIN PERFORM rmsam_check_decision(OLD.id); RETURN NEW; END $$"),
            QStringLiteral(
                "CREATE TRIGGER rmsam_awaiting_approval BEFORE UPDATE OF state ON removal_candidate "
                "FOR EACH ROW WHEN (OLD.state = 'awaiting_approval' AND NEW.state <> OLD.state) "
                "EXECUTE FUNCTION rmsam_awaiting_approval_left()") } };
}

// A member's client creates removal candidates Ready or Attention Required (what the
// evaluation creates): one that inserted a candidate straight into Awaiting Revocation
// would put a user in front of the next reclaim run without the rule's verdict. The
// schema's owner (who runs database init and database copy) is not held to it.
Migration candidatesCreatedOpen()
{
    return { QStringLiteral("candidates are created open"), {},
        { QStringLiteral(
              "CREATE FUNCTION rmsam_candidates_created_open() RETURNS trigger LANGUAGE plpgsql AS $$ "
              "DECLARE created TEXT; BEGIN "
              "IF pg_has_role(session_user, (SELECT relowner FROM pg_class WHERE oid = TG_RELID), "
              "'USAGE') "
              "OR (SELECT rolsuper FROM pg_roles WHERE rolname = session_user) THEN RETURN NULL; END IF; "
              "SELECT state INTO created FROM rmsam_created WHERE state NOT IN ('ready', "
              "'attention_required') LIMIT 1; "
              "IF created IS NOT NULL THEN RAISE EXCEPTION 'rmsam: % may create removal candidates only "
              "Ready or Attention Required, not %', session_user, created USING ERRCODE = '42501'; END "
              "IF; "
              "RETURN NULL; END $$"),
            QStringLiteral("CREATE TRIGGER rmsam_candidates_created AFTER INSERT ON removal_candidate "
                           "REFERENCING NEW TABLE AS rmsam_created FOR EACH STATEMENT EXECUTE FUNCTION "
                           "rmsam_candidates_created_open()") } };
}

} // namespace rmsam::CandidateRulesSchema
