#pragma once

#include <QString>

namespace rmsam::Justifications {

// Why a subscription became a removal candidate. The evaluation writes these texts in the
// language it ran in (the command line and the scheduler often run in English), and the
// candidate keeps them: display() shows one in the user's language.

// The source texts, in the context "rmsam::Reclamation" (translate them there).
extern const char* const UnreadableDate; // %1: the date as Roadmunk sent it
extern const char* const NoActivityLast; // %1: days, %2: the activity's source (display name)
extern const char* const InvitationPending; // %1: days
extern const char* const NeverLoggedIn;
extern const char* const NoActivityLastLogin; // %1: days, %2: the last login's date
extern const char* const NoActivityInPeriod;
extern const char* const NotOnRoster; // the HR roster does not list the user
extern const char* const LeftOn; // %1: the end date the HR roster gives (ISO)
extern const char* const LeftPerRoster; // the HR roster's status says left, no end date given
extern const char* const NoEmailSuffix; // appended to one of the above

QString translated(const char* source);

// A justification as stored, in the user's language when it is one of the texts above as the
// English source writes them (numbers, dates and what Roadmunk sent kept); anything else (an
// admin's words, a text already translated) as it is.
QString display(const QString& stored);

} // namespace rmsam::Justifications
