#pragma once

#include "storage/Migrations.h"

namespace rmsam::CandidateRulesSchema {

// The schema steps that keep removal candidates honest on a shared PostgreSQL database (team
// mode), whatever a member's client sends: who may decide Awaiting Approval, that every move
// has its history event, and how a candidate may be created. Migrations::all() lists them in
// their version order; like every released step, they never change (a later rule is a new step).
Migration approverRule();
Migration movesHaveHistory();
Migration decisionsOnState();
Migration candidatesCreatedOpen();

} // namespace rmsam::CandidateRulesSchema
