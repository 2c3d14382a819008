#include "services/NoticeText.h"

namespace rmsam::NoticeTexts {
namespace {

// The texts of one language. %1… as in compose(); never passed through tr(): the user's
// language is the profile's, not the admin's.
struct Wording
{
    const char* noticeSubject; // %1 deadline
    const char* reminderSubject; // %1 deadline
    const char* greeting; // %1 name
    const char* inactiveSince; // %1 account, %2 last activity
    const char* neverActive; // %1 account
    const char* reminderLead;
    const char* what; // %1 deadline
    const char* keep; // %1 reply-to address, %2 deadline
    const char* release;
    const char* reference; // %1 number
};

const Wording English {
    "Your Roadmunk seat will be reclaimed on %1",
    "Reminder: your Roadmunk seat will be reclaimed on %1",
    "Hello %1,",
    "Your Roadmunk account (%1) has not been used since %2.",
    "Your Roadmunk account (%1) has no recorded use.",
    "This is a reminder of our earlier message.",
    "To keep licence costs down, its seat will be reclaimed (the account deactivated) on or after %1 "
    "unless you tell us you still need it.",
    "To keep your seat, reply to this message (%1) before %2 and say that you still need it.",
    "If you no longer need it, there is nothing to do.",
    "Reference: %1",
};

const Wording Japanese {
    "Roadmunk ライセンス回収のお知らせ（期限: %1）",
    "【再送】Roadmunk ライセンス回収のお知らせ（期限: %1）",
    "%1 様",
    "お使いの Roadmunk アカウント（%1）は %2 以降利用されていません。",
    "お使いの Roadmunk アカウント（%1）には利用の記録がありません。",
    "先日お送りしたお知らせの再送です。",
    "ライセンス費用削減のため、%1 以降にこのアカウントのライセンスを回収します（アカウントを無効化します）。",
    "引き続き利用する場合は、%2 より前にこのメールに返信（%1 宛て）し、利用を続ける旨をお知らせください。",
    "利用しない場合は、対応は不要です。",
    "参照番号: %1",
};

QString text(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

} // namespace

Text compose(NoticeStep step, NoticeLanguage language, const RemovalCandidate& c, const QDateTime& deadline,
    const QString& replyTo)
{
    const Wording& w = language == NoticeLanguage::Japanese ? Japanese : English;
    const QString date = deadline.toUTC().date().toString(Qt::ISODate);
    const QString name = c.displayName.isEmpty() ? c.email : c.displayName;
    Text t;
    t.subject = text(step == NoticeStep::Reminder ? w.reminderSubject : w.noticeSubject).arg(date);
    QStringList paragraphs { text(w.greeting).arg(name) };
    if (step == NoticeStep::Reminder) {
        paragraphs << text(w.reminderLead);
    }
    const QString why = c.lastActivity.isValid()
        ? text(w.inactiveSince).arg(c.email, c.lastActivity.toUTC().date().toString(Qt::ISODate))
        : text(w.neverActive).arg(c.email);
    paragraphs << why + QLatin1Char('\n') + text(w.what).arg(date) << text(w.keep).arg(replyTo, date)
               << text(w.release) << text(w.reference).arg(c.displayNumber());
    t.body = paragraphs.join(QStringLiteral("\n\n")) + QLatin1Char('\n');
    return t;
}

} // namespace rmsam::NoticeTexts
