#include "sandbox/SandboxAccount.h"

#include <QHash>
#include <QStringBuilder>
#include <algorithm>
#include <array>

namespace rmsam {

namespace {

// splitmix64: tiny, fast and fully specified, so the data never changes with the Qt version.
class Random
{
public:
    explicit Random(quint64 seed)
        : m_state(seed)
    { }

    quint64 next()
    {
        quint64 z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }

    int below(int bound) { return bound <= 0 ? 0 : int(next() % quint64(bound)); }
    qint64 below64(qint64 bound) { return bound <= 0 ? 0 : qint64(next() % quint64(bound)); }
    bool chance(int perMille) { return below(1000) < perMille; }

    template<typename Container> const auto& pick(const Container& items)
    {
        return items[size_t(below(int(std::size(items))))];
    }

private:
    quint64 m_state;
};

quint64 mix(quint64 a, quint64 b)
{
    return Random(a * 0xD1B54A32D192ED03ULL ^ (b + 0x8CB92BA72F3D8DD7ULL)).next();
}

struct Name
{
    const char* native;
    const char* latin; // romanisation for e-mail addresses; nullptr: fold the native spelling
};

constexpr std::array latinGiven { Name { "José", nullptr }, Name { "Zoë", nullptr },
    Name { "Anaïs", nullptr }, Name { "Björn", nullptr }, Name { "François", nullptr },
    Name { "Łukasz", nullptr }, Name { "Søren", nullptr }, Name { "Maria", nullptr },
    Name { "John", nullptr }, Name { "Emily", nullptr }, Name { "Oliver", nullptr },
    Name { "Sophie", nullptr }, Name { "Liam", nullptr }, Name { "Amélie", nullptr },
    Name { "Chloé", nullptr }, Name { "Jürgen", nullptr }, Name { "Ingrid", nullptr },
    Name { "Mateo", nullptr }, Name { "Lucía", nullptr }, Name { "Siobhán", nullptr },
    Name { "Raphaël", nullptr }, Name { "Élodie", nullptr }, Name { "Priya", nullptr },
    Name { "Ahmed", nullptr }, Name { "Grace", nullptr }, Name { "Noah", nullptr }, Name { "Ana", nullptr },
    Name { "Zoltán", nullptr }, Name { "Mia", nullptr }, Name { "Ethan", nullptr } };
constexpr std::array latinFamily { Name { "García", nullptr }, Name { "Müller", nullptr },
    Name { "Dubois", nullptr }, Name { "Nowak", nullptr }, Name { "Hansen", nullptr },
    Name { "Smith", nullptr }, Name { "Johnson", nullptr }, Name { "O'Brien", nullptr },
    Name { "Núñez", nullptr }, Name { "Østergaard", nullptr }, Name { "Lefèvre", nullptr },
    Name { "Kowalski", nullptr }, Name { "Brown", nullptr }, Name { "Rossi", nullptr },
    Name { "Silva", nullptr }, Name { "van der Berg", nullptr }, Name { "Şahin", nullptr },
    Name { "Weiß", nullptr }, Name { "Nguyễn", nullptr }, Name { "Patel", nullptr },
    Name { "Andersson", nullptr }, Name { "Fernández", nullptr }, Name { "Kelly", nullptr },
    Name { "Walker", nullptr }, Name { "Dvořák", nullptr } };
constexpr std::array japaneseFamily { Name { "佐藤", "sato" }, Name { "鈴木", "suzuki" },
    Name { "高橋", "takahashi" }, Name { "田中", "tanaka" }, Name { "伊藤", "ito" },
    Name { "渡辺", "watanabe" }, Name { "山本", "yamamoto" }, Name { "中村", "nakamura" },
    Name { "小林", "kobayashi" }, Name { "加藤", "kato" }, Name { "吉田", "yoshida" },
    Name { "山田", "yamada" } };
constexpr std::array japaneseGiven { Name { "健", "ken" }, Name { "翔太", "shota" },
    Name { "美咲", "misaki" }, Name { "陽菜", "hina" }, Name { "大輔", "daisuke" }, Name { "花子", "hanako" },
    Name { "太郎", "taro" }, Name { "結衣", "yui" }, Name { "蓮", "ren" }, Name { "直樹", "naoki" },
    Name { "愛", "ai" }, Name { "拓也", "takuya" } };
constexpr std::array chineseFamily { Name { "王", "wang" }, Name { "李", "li" }, Name { "张", "zhang" },
    Name { "刘", "liu" }, Name { "陈", "chen" }, Name { "杨", "yang" }, Name { "黄", "huang" },
    Name { "赵", "zhao" } };
constexpr std::array chineseGiven { Name { "伟", "wei" }, Name { "芳", "fang" }, Name { "娜", "na" },
    Name { "敏", "min" }, Name { "静", "jing" }, Name { "磊", "lei" }, Name { "秀英", "xiuying" },
    Name { "婷", "ting" } };
// Russian family names agree with gender, so given names come in two lists.
constexpr std::array cyrillicGivenMale { Name { "Иван", "ivan" }, Name { "Дмитрий", "dmitry" },
    Name { "Сергей", "sergey" }, Name { "Алексей", "alexey" } };
constexpr std::array cyrillicGivenFemale { Name { "Анна", "anna" }, Name { "Ольга", "olga" },
    Name { "Наталья", "natalya" }, Name { "Екатерина", "ekaterina" } };
constexpr std::array cyrillicFamilyMale { Name { "Петров", "petrov" }, Name { "Смирнов", "smirnov" },
    Name { "Иванов", "ivanov" }, Name { "Кузнецов", "kuznetsov" }, Name { "Соколов", "sokolov" } };
constexpr std::array cyrillicFamilyFemale { Name { "Петрова", "petrova" }, Name { "Смирнова", "smirnova" },
    Name { "Иванова", "ivanova" }, Name { "Кузнецова", "kuznetsova" }, Name { "Соколова", "sokolova" } };
// Greek genitive family names are the same for everyone.
constexpr std::array greekGiven { Name { "Γιώργος", "giorgos" }, Name { "Μαρία", "maria" },
    Name { "Δημήτρης", "dimitris" }, Name { "Ελένη", "eleni" }, Name { "Νίκος", "nikos" },
    Name { "Κατερίνα", "katerina" } };
constexpr std::array greekFamily { Name { "Οικονόμου", "oikonomou" }, Name { "Γεωργίου", "georgiou" },
    Name { "Νικολάου", "nikolaou" }, Name { "Ιωάννου", "ioannou" }, Name { "Παππά", "pappa" } };

constexpr std::array jobTitles { "Product Manager", "Senior Product Manager", "Software Engineer",
    "UX Designer", "Head of Product", "Program Manager", "Engineering Manager", "CTO", "Product Owner",
    "Data Analyst", "プロダクトマネージャー", "エンジニア", "Chef de produit", "Produktmanagerin",
    "Руководитель проекта" };

constexpr std::array roadmapAreas { "Platform", "Mobile App", "Customer Portal", "Data Pipeline", "Billing",
    "Onboarding", "AI Assistant", "ロボット制御", "Factory Automation", "Sensor Fusion", "Fleet Management",
    "Partner API", "Σύστημα αποθήκης", "Складская логистика" };
constexpr std::array roadmapSuffixes { "Roadmap 2026", "Q3 Plan", "H1 Initiatives", "ロードマップ",
    "Strategy", "Launch", "Backlog", "Vision 2027" };

// An ASCII e-mail local part from a Latin name: strip accents, map the letters that have no
// decomposition, drop everything else.
QString asciiFold(const QString& name)
{
    QString out;
    for (const QChar c : name.normalized(QString::NormalizationForm_KD)) {
        const char16_t u = c.toLower().unicode();
        if ((u >= 'a' && u <= 'z') || (u >= '0' && u <= '9'))
            out += QChar(u);
        else if (u == u'ł')
            out += u'l';
        else if (u == u'ø')
            out += u'o';
        else if (u == u'ß')
            out += QStringLiteral("ss");
        else if (u == u'æ')
            out += QStringLiteral("ae");
        else if (u == u'đ')
            out += u'd';
        else if (u == u'ı')
            out += u'i';
    }
    return out;
}

// Converts each table entry once: decoding and folding per user would dominate generation time.
class TextCache
{
public:
    QString text(const char* utf8)
    {
        auto it = m_text.constFind(utf8);
        if (it == m_text.constEnd())
            it = m_text.insert(utf8, QString::fromUtf8(utf8));
        return it.value();
    }

    QString latin(const Name& name)
    {
        if (name.latin)
            return text(name.latin);
        auto it = m_folded.constFind(name.native);
        if (it == m_folded.constEnd())
            it = m_folded.insert(name.native, asciiFold(text(name.native)));
        return it.value();
    }

private:
    QHash<const char*, QString> m_text;
    QHash<const char*, QString> m_folded;
};

// Mongo ObjectId layout: creation time in seconds, random bytes, a counter.
QString hexId(quint32 timestamp, quint64 random, quint32 counter)
{
    static constexpr char digits[] = "0123456789abcdef";
    QString id(24, Qt::Uninitialized);
    QChar* out = id.data();
    const auto put = [&out](quint64 value, int count) {
        for (int shift = (count - 1) * 4; shift >= 0; shift -= 4)
            *out++ = QLatin1Char(digits[(value >> shift) & 0xF]);
    };
    put(timestamp, 8);
    put(random, 10);
    put(counter, 6);
    return id;
}

constexpr qint64 dayMs = 24LL * 60 * 60 * 1000;

// A person's name as generated: the native spelling, its romanisation, and how the script
// writes the two parts.
struct PersonName
{
    QString given;
    QString family;
    QString givenLatin;
    QString familyLatin;
    bool familyFirst = false;
    bool spaced = true;
};

// Draws the parts of one account. Every user and every roadmap draws from a stream of its own,
// seeded from the account's seed and its index. The order of the draws within a stream is part
// of the data: tests and demos rely on the exact users a seed gives, so it must not change.
class Generator
{
public:
    Generator(quint64 seed, const QDateTime& now)
        : m_seed(seed)
        , m_nowMs(now.toMSecsSinceEpoch())
        , m_nowSecs(quint32(m_nowMs / 1000))
        , m_accountRandom(mix(seed, 0xACC0))
        , m_counter(quint32(m_accountRandom.next()))
    { }

    // Draws from the account's stream, so company() comes before tokenIdentity().
    SandboxCompany company()
    {
        return { newId(m_accountRandom, 2400), m_texts.text("Sandbox Robotics 株式会社"),
            newId(m_accountRandom, 2400), QStringLiteral("Professional") };
    }
    SandboxTokenIdentity tokenIdentity()
    {
        return { newId(m_accountRandom, 90), QStringLiteral("SAM integration token"),
            QStringLiteral("apiToken") };
    }
    quint32 nextCounter() const { return m_counter; } // the counter the next id ends in

    SandboxUser user(int index);
    // `users`: the account's, for who archived and restored it.
    SandboxRoadmap roadmap(int index, const QList<SandboxUser>& users);

private:
    // An id created `ageDays` before now, ending in the next counter.
    QString newId(Random& random, qint64 ageDays)
    {
        return hexId(m_nowSecs - quint32(ageDays * 86400), random.next(), m_counter++);
    }
    PersonName name(Random& random);
    QString email(Random& random, const PersonName& name);
    QDateTime lastLogin(Random& random) const;
    void archiveHistory(Random& random, const QList<SandboxUser>& users, SandboxRoadmap& roadmap) const;

    const quint64 m_seed;
    const qint64 m_nowMs;
    const quint32 m_nowSecs;
    Random m_accountRandom;
    quint32 m_counter;
    TextCache m_texts;
    QHash<QString, int> m_localPartUses; // e-mail addresses are unique within the account
};

SandboxUser Generator::user(int index)
{
    // One stream per user, so user i is the same whatever the user count is (e-mail
    // de-duplication aside).
    Random random(mix(m_seed, quint64(index) + 1));
    SandboxUser user;
    user.id = newId(random, 30 + random.below(2000));
    const PersonName person = name(random);
    user.email = email(random, person);

    user.isInvited = random.chance(50);
    if (user.isInvited && random.chance(500)) {
        user.displayName = user.email; // invitees often never entered a name
    } else {
        user.firstName = person.given;
        user.lastName = person.family;
        const QString separator = person.spaced ? QStringLiteral(" ") : QString();
        user.displayName = person.familyFirst ? QString(person.family % separator % person.given)
                                              : QString(person.given % separator % person.family);
    }

    const int role = random.below(1000);
    if (index == 0 || (role >= 8 && role < 48))
        user.accountRole = QStringLiteral("account_admin");
    else if (role < 3)
        user.accountRole = QStringLiteral("guest");
    else if (role < 8)
        user.accountRole = QStringLiteral("user_manager");
    else if (role < 348)
        user.accountRole = QStringLiteral("reviewer");
    else
        user.accountRole = QStringLiteral("collaborator");

    if (!random.chance(150))
        user.jobTitle = m_texts.text(random.pick(jobTitles));
    if (!user.isInvited && !random.chance(32)) // some never logged in
        user.lastLogin = lastLogin(random);
    user.epochDates = random.chance(350);
    return user;
}

PersonName Generator::name(Random& random)
{
    PersonName person;
    // The family name is drawn first: GCC evaluated the arguments of the call this once was from
    // right to left. Written out, so that no compiler can change the data.
    const auto take = [&](const auto& givenNames, const auto& familyNames) {
        const Name& f = random.pick(familyNames);
        const Name& g = random.pick(givenNames);
        person.given = m_texts.text(g.native);
        person.family = m_texts.text(f.native);
        person.givenLatin = m_texts.latin(g);
        person.familyLatin = m_texts.latin(f);
    };
    const int script = random.below(100);
    if (script < 60) {
        take(latinGiven, latinFamily);
    } else if (script < 78) {
        take(japaneseGiven, japaneseFamily);
        person.familyFirst = true;
    } else if (script < 86) {
        take(chineseGiven, chineseFamily);
        person.familyFirst = true;
        person.spaced = false;
    } else if (script < 94) {
        if (random.chance(500))
            take(cyrillicGivenFemale, cyrillicFamilyFemale);
        else
            take(cyrillicGivenMale, cyrillicFamilyMale);
    } else {
        take(greekGiven, greekFamily);
    }
    return person;
}

QString Generator::email(Random& random, const PersonName& name)
{
    static const QString companyDomain = QStringLiteral("sandbox-robotics.example");
    static const std::array otherDomains { QStringLiteral("contractor.example"),
        QStringLiteral("mail.example"), QStringLiteral("sandbox-robotics.co.example") };
    QString localPart;
    switch (random.below(10)) {
    case 0:
        localPart = name.givenLatin.left(1) % name.familyLatin;
        break;
    case 1:
        localPart = name.givenLatin % u'_' % name.familyLatin;
        break;
    default:
        localPart = name.givenLatin % u'.' % name.familyLatin;
    }
    const QString domain = random.chance(900) ? companyDomain : otherDomains[size_t(random.below(3))];
    QString email = localPart % u'@' % domain;
    const int uses = m_localPartUses[email]++;
    if (uses > 0) // digits never occur in names, so the numbered address is free
        email = localPart % QString::number(uses + 1) % u'@' % domain;
    if (random.chance(30)) // some directories keep the capitals people typed
        email[0] = email.at(0).toUpper();
    return email;
}

// Most users logged in within the last month, some within half a year, a few within a year.
QDateTime Generator::lastLogin(Random& random) const
{
    const int band = random.below(100);
    qint64 ageMs;
    if (band < 55)
        ageMs = random.below64(30 * dayMs);
    else if (band < 80)
        ageMs = 30 * dayMs + random.below64(150 * dayMs);
    else
        ageMs = 180 * dayMs + random.below64(185 * dayMs);
    return QDateTime::fromMSecsSinceEpoch(m_nowMs - ageMs, Qt::UTC);
}

SandboxRoadmap Generator::roadmap(int index, const QList<SandboxUser>& users)
{
    Random random(mix(m_seed ^ 0x5EED0000ULL, quint64(index) + 1));
    SandboxRoadmap roadmap;
    roadmap.id = newId(random, 30 + random.below(1500));
    // The suffix is drawn first, as for the names in name().
    const char* suffix = random.pick(roadmapSuffixes);
    const char* area = random.pick(roadmapAreas);
    roadmap.title = m_texts.text(area) + u' ' + m_texts.text(suffix);
    if (random.chance(300))
        archiveHistory(random, users, roadmap);
    roadmap.epochDates = random.chance(350);
    return roadmap;
}

// Archived within the last year; a third of those restored since, and a fifth of those
// archived again.
void Generator::archiveHistory(Random& random, const QList<SandboxUser>& users, SandboxRoadmap& roadmap) const
{
    const auto anyUserId = [&users, &random] { return users.at(random.below(int(users.size()))).id; };
    qint64 archivedMs = m_nowMs - random.below64(365 * dayMs);
    roadmap.archivedBy = anyUserId();
    if (random.chance(350)) {
        const qint64 restoredMs = qMin(m_nowMs, archivedMs + dayMs + random.below64(60 * dayMs));
        roadmap.restoredOn = QDateTime::fromMSecsSinceEpoch(restoredMs, Qt::UTC);
        roadmap.restoredBy = anyUserId();
        if (random.chance(200) && restoredMs < m_nowMs) { // archived again after the restore
            archivedMs = restoredMs + 1 + random.below64(m_nowMs - restoredMs);
            roadmap.archivedBy = anyUserId();
        }
    }
    roadmap.archivedOn = QDateTime::fromMSecsSinceEpoch(archivedMs, Qt::UTC);
}

} // namespace

bool SandboxRoadmap::isArchived() const
{
    return archivedOn.isValid() && (!restoredOn.isValid() || archivedOn > restoredOn);
}

SandboxAccount SandboxAccount::generate(int userCount, quint64 seed, const QDateTime& now)
{
    SandboxAccount account;
    account.m_present = now;
    Generator generator(seed, now);
    account.m_company = generator.company();
    account.m_tokenIdentity = generator.tokenIdentity();
    // The id's 24-bit counter doubles as the user's index, so ids must not wrap around.
    userCount = qBound(0, userCount, 0xFFFFFF);
    account.m_firstUserCounter = generator.nextCounter();
    account.m_users.reserve(userCount);
    for (int i = 0; i < userCount; ++i)
        account.m_users.append(generator.user(i));
    const int roadmapCount = userCount > 0 ? qMax(1, userCount / 4) : 0;
    account.m_roadmaps.reserve(roadmapCount);
    for (int i = 0; i < roadmapCount; ++i)
        account.m_roadmaps.append(generator.roadmap(i, account.m_users));
    return account;
}

const SandboxUser* SandboxAccount::userById(const QString& id) const
{
    // No hash table: the counter at the end of the id gives the index. Saves a third of the
    // generation time for large accounts.
    if (id.size() != 24)
        return nullptr;
    bool ok = false;
    const quint32 counter = QStringView(id).right(6).toUInt(&ok, 16);
    if (!ok)
        return nullptr;
    const qsizetype index = qsizetype((counter - m_firstUserCounter) & 0xFFFFFF);
    if (index < m_users.size() && m_users.at(index).id == id)
        return &m_users.at(index);
    // Users inserted or removed by a test moved the others: look the slow way.
    const auto it
        = std::find_if(m_users.cbegin(), m_users.cend(), [&id](const SandboxUser& u) { return u.id == id; });
    return it == m_users.cend() ? nullptr : &*it;
}

void SandboxAccount::insertUser(qsizetype position, const SandboxUser& user)
{
    m_users.insert(qBound(qsizetype(0), position, m_users.size()), user);
}

bool SandboxAccount::removeUser(const QString& id)
{
    const auto it
        = std::find_if(m_users.cbegin(), m_users.cend(), [&id](const SandboxUser& u) { return u.id == id; });
    if (it == m_users.cend())
        return false;
    m_users.erase(it);
    return true;
}

SandboxUser& SandboxAccount::userAt(qsizetype index)
{
    return m_users[index];
}

SandboxUser* SandboxAccount::mutableUserById(const QString& id)
{
    const SandboxUser* user = userById(id);
    return user ? &m_users[user - m_users.constData()] : nullptr; // by index: m_users may detach
}

bool SandboxAccount::setUserEmail(const QString& id, const QString& email)
{
    SandboxUser* user = mutableUserById(id);
    if (user)
        user->email = email;
    return user != nullptr;
}

bool SandboxAccount::setUserLastLogin(const QString& id, const QDateTime& lastLogin)
{
    SandboxUser* user = mutableUserById(id);
    if (user)
        user->lastLogin = lastLogin.isValid() ? lastLogin.toUTC() : QDateTime();
    return user != nullptr;
}

bool SandboxAccount::replaceUser(const QString& id, const SandboxUser& person)
{
    SandboxUser* user = mutableUserById(id);
    if (!user)
        return false;
    *user = person;
    user->id = id; // userById() finds users by their id: it must not move
    return true;
}

Result<bool> SandboxAccount::deactivate(const QString& id, const QString& email, DeactivateMode mode)
{
    if (id.isEmpty() && email.isEmpty())
        return Error { ErrorCode::InvalidInput, tr("Provide the user's id or email."), {} };

    const SandboxUser* user = nullptr;
    if (!id.isEmpty()) {
        user = userById(id);
        if (!user)
            return Error { ErrorCode::NotFound, tr("No user with this id exists in the account."), id };
    }
    if (!email.isEmpty()) {
        // A linear scan: deactivations are rare, an e-mail index would slow every generation.
        const auto it
            = std::find_if(m_users.cbegin(), m_users.cend(), [&email](const SandboxUser& candidate) {
                  return candidate.email.compare(email, Qt::CaseInsensitive) == 0;
              });
        if (it == m_users.cend())
            return Error { ErrorCode::NotFound, tr("No user with this email exists in the account."), {} };
        if (user && user != &*it)
            return Error { ErrorCode::Conflict, tr("The id and the email belong to different users."), id };
        user = &*it;
    }
    const QString userId = user->id;
    const bool wasInactive = m_deactivated.contains(userId);
    const bool refused = mode == DeactivateMode::Refuse;
    m_deactivations.append(
        { userId, user->email, QDateTime::currentDateTimeUtc(), user->lastLogin, wasInactive, refused });
    if (wasInactive || refused)
        return false;
    m_deactivated.insert(userId);
    m_deactivationOrder << userId;
    return true;
}

QJsonValue SandboxAccount::dateToJson(const QDateTime& when, bool asEpochMillis)
{
    if (!when.isValid())
        return QJsonValue::Null;
    if (asEpochMillis)
        return QJsonValue(when.toMSecsSinceEpoch());
    return when.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace rmsam
