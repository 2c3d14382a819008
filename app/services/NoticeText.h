#pragma once

#include "core/Notice.h"

#include <QDateTime>
#include <QString>

namespace rmsam::NoticeTexts {

// The e-mail a user gets, in the profile's notice language whatever the app's own language (a
// table of English and Japanese texts here, not the app's translations): what happens, why, by
// when, how to keep the seat (answer to the Reply-To address) and the candidate's reference.
struct Text
{
    QString subject;
    QString body;
};

// deadline: the moment from which the seat may be reclaimed; shown as its UTC date.
Text compose(NoticeStep step, NoticeLanguage language, const RemovalCandidate& candidate,
    const QDateTime& deadline, const QString& replyTo);

} // namespace rmsam::NoticeTexts
