#pragma once

#include "storage/Migrations.h"

namespace rmsam::BulkWriteSchema {

// The schema steps that make the bulk writes fast (a User report's million rows, a sync's
// 100,000 subscriptions and changes) without giving up what the tables guarantee. Migrations::all()
// lists them in their version order; like every released step, they never change.
Migration reportRowsClustered();
Migration reportRowsWithoutPerRowCheck();
Migration keysCheckedPerStatement();

} // namespace rmsam::BulkWriteSchema
