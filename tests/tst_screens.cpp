// Every screen a new user meets, in Japanese and by keyboard: the main window before and after
// the first profile, each of the profile's tabs and the menus, every wizard page, and each dialog
// the admin can open (token, publish, delete, reclaim, rule and entitlements, work note, notice,
// history). Offscreen, against the sandbox and the real keychain, with the Japanese translation
// and Qt's qtbase_ja loaded as the application loads them.
//
// On each screen:
// - no English word is left in what is shown (labels, buttons, titles, tabs, menus, combo-box
//   items, spin-box suffixes, placeholders, tooltips, accessible names, table headers, the
//   vocabulary columns of tables, chart titles, axes and legends), except product names,
//   Roadmunk's own terms (its UI is English) and data (URLs, e-mail addresses);
// - every control that takes input can be reached with Tab and has a name a screen reader
//   reads: its own text, a label whose buddy it is, or an accessible name;
// - no two controls on one screen share an Alt shortcut;
// - no text is clipped: labels (wrapped or not, the wizard's title and subtitle among them),
//   buttons, check boxes, group box titles and tabs fit their text, and no chart label or legend
//   is elided.
#include "CandidatesPanel.h"
#include "DashboardView.h"
#include "MainWindow.h"
#include "ProfileForm.h"
#include "ProfileTabs.h"
#include "ReclaimDialog.h"
#include "RecordTable.h"
#include "SetupWizard.h"
#include "sandbox/SandboxServer.h"
#include "secrets/TokenStore.h"
#include "services/ProfileService.h"
#include "storage/Database.h"
#include "storage/JobRepository.h"
#include "storage/ReclamationRepository.h"
#include "support/PostgresCluster.h"
#include "support/SandboxFixture.h"

#include <QAbstractSpinBox>
#include <QApplication>
#include <QBarCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialog>
#include <QGraphicsTextItem>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLegendMarker>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStatusBar>
#include <QStyle>
#include <QTabBar>
#include <QTableView>
#include <QTest>
#include <QTextDocument>
#include <QTextDocumentFragment>
#include <QTimer>
#include <QToolBar>
#include <QTranslator>
#include <QValueAxis>
#include <QWizard>
#include <QtMath>
#include <functional>

#ifndef RMSAM_JA_QM
#error "RMSAM_JA_QM must name the compiled Japanese translation"
#endif

using namespace rmsam;

namespace {

// What may stay in Latin letters on a Japanese screen: product names, Roadmunk's own UI terms
// (the admin finds them in Roadmunk's English UI), Roadmunk's seat types and the sandbox
// account's plan name (data), formats, protocols, keys and currency codes.
const QStringList AllowedTerms = {
    QStringLiteral("Roadmunk SAM"),
    QStringLiteral("(Esc)"), // key names, as printed on the keys
    QStringLiteral("(Ctrl+"),
    QStringLiteral("Roadmunk Subscription"), // the profile type's name
    QStringLiteral("Account Settings › Reports"),
    QStringLiteral("「User」"), // Roadmunk's report of that name
    QStringLiteral("（app）"), // Roadmunk's region codes, as --region takes them
    QStringLiteral("（eu）"),
    QStringLiteral("（apac）"),
    QStringLiteral("User Manager"), // Roadmunk's roles
    QStringLiteral("SAM integration token"), // the sandbox's token and account names (data)
    QStringLiteral("Sandbox Robotics"),
    QStringLiteral("Account Settings"),
    QStringLiteral("API Tokens"),
    QStringLiteral("Generate Token"),
    QStringLiteral("Account Admins"),
    QStringLiteral("Account Admin"),
    QStringLiteral("Roadmunk"),
    QStringLiteral("ServiceNow"),
    QStringLiteral("Secret Service"),
    QStringLiteral("KWallet"),
    QStringLiteral("GraphQL"),
    QStringLiteral("Collaborator-type"), // the seat type, kept as Roadmunk spells it
    QStringLiteral("Collaborator"),
    QStringLiteral("Reviewer"),
    QStringLiteral("Professional"),
    QStringLiteral("UTF-8"),
    QStringLiteral("Shift-JIS"),
    QStringLiteral("HTTPS"),
    QStringLiteral("HTTP"),
    QStringLiteral("JSON"),
    QStringLiteral("API"),
    QStringLiteral("CSV"),
    QStringLiteral("URL"),
    QStringLiteral("SAM"),
    QStringLiteral("UTC"),
    QStringLiteral("OS"),
    QStringLiteral("ID"),
    QStringLiteral("USD"),
    QStringLiteral("JPY"),
    QStringLiteral("EUR"),
    QStringLiteral("OK"), // Qt's Japanese translation keeps it, as Japanese UIs do
    QStringLiteral("Ctrl"),
    QStringLiteral("Alt"),
};

// The table columns whose cells are the application's words rather than data, by their stable
// export header.
const QStringList VocabularyColumns = { QStringLiteral("Invited"), QStringLiteral("Excluded"),
    QStringLiteral("Activity Source"), QStringLiteral("Status"), QStringLiteral("Justification"),
    QStringLiteral("State"), QStringLiteral("In the User Report"), QStringLiteral("Excluded By"),
    QStringLiteral("Active"), QStringLiteral("Job"), QStringLiteral("Trigger"), QStringLiteral("Outcome"),
    QStringLiteral("Seat Type"), QStringLiteral("Phase"), QStringLiteral("Action"), QStringLiteral("Why"),
    QStringLiteral("Role") };

// The English words left in text once markup, data and the allowed terms are taken out.
QStringList englishWords(QString text, const QStringList& data)
{
    if (text.contains(QLatin1Char('<'))) {
        text = QTextDocumentFragment::fromHtml(text).toPlainText();
    }
    // URLs, e-mail addresses, IP addresses and removal candidate numbers.
    static const QRegularExpression dataPattern(QStringLiteral(
        R"((?:[a-z][a-z0-9+.-]*://\S+)|(?:\S+@\S+\.\S+)|(?:\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b)|(?:\bRC\d{7}\b))"));
    text.remove(dataPattern);
    for (const QString& d : data) {
        text.remove(d);
    }
    text.remove(QStringLiteral("&&"));
    for (const QString& term : AllowedTerms) {
        text.remove(term);
    }
    static const QRegularExpression word(QStringLiteral("[A-Za-z]{2,}"));
    QStringList words;
    for (auto it = word.globalMatch(text); it.hasNext();) {
        words.append(it.next().captured());
    }
    return words;
}

// The Alt shortcut in a text ("&Save", "保存(&S)"), lower case; null when there is none.
QChar mnemonic(const QString& text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('&')) {
            if (text.at(i + 1) == QLatin1Char('&')) {
                ++i;
                continue;
            }
            return text.at(i + 1).toLower();
        }
    }
    return {};
}

QString describe(const QWidget* w)
{
    QString name = w->objectName();
    if (name.isEmpty()) {
        if (const auto* b = qobject_cast<const QAbstractButton*>(w)) {
            name = b->text();
        } else if (const auto* l = qobject_cast<const QLabel*>(w)) {
            name = l->text().left(40);
        }
    }
    return QStringLiteral("%1 \"%2\"").arg(QString::fromLatin1(w->metaObject()->className()), name);
}

bool takesInput(const QWidget* w)
{
    return qobject_cast<const QAbstractButton*>(w) || qobject_cast<const QLineEdit*>(w)
        || qobject_cast<const QAbstractSpinBox*>(w) || qobject_cast<const QComboBox*>(w)
        || qobject_cast<const QPlainTextEdit*>(w) || qobject_cast<const QTabBar*>(w)
        || (qobject_cast<const QAbstractItemView*>(w) && !qobject_cast<const QHeaderView*>(w));
}

// A part of another control (a spin box's editor, a line edit's clear button, a tab bar's scroll
// arrows) or a tool bar button (each has a menu item and a shortcut): not checked on its own.
bool isPart(const QWidget* w)
{
    if (w->focusProxy()) {
        return true;
    }
    for (const QWidget* p = w->parentWidget(); p && !p->isWindow(); p = p->parentWidget()) {
        if (qobject_cast<const QToolBar*>(p)
            || (takesInput(p) && !qobject_cast<const QAbstractItemView*>(p))) {
            return true;
        }
        // Widgets inside a table (cell editors, index widgets) belong to the table.
        if (qobject_cast<const QAbstractItemView*>(p)) {
            return true;
        }
    }
    return false;
}

template<typename T> T* child(QWidget* parent, const char* name)
{
    T* widget = parent->findChild<T*>(QLatin1String(name));
    if (!widget) {
        qFatal("no child %s", name);
    }
    return widget;
}

// What a text with Alt shortcuts shows: "保存(&S)" shows "保存(S)", "&&" shows "&".
QString shownText(QString text)
{
    static const QRegularExpression single(QStringLiteral("&(?!&)"));
    return text.remove(single);
}

// The width a label's text takes on one line.
int textWidth(const QLabel* label)
{
    const bool rich = label->textFormat() == Qt::RichText
        || (label->textFormat() == Qt::AutoText && Qt::mightBeRichText(label->text()));
    if (rich) {
        QTextDocument document;
        document.setDocumentMargin(0);
        document.setDefaultFont(label->font());
        document.setHtml(label->text());
        return qCeil(document.idealWidth());
    }
    const QString text = label->buddy() ? shownText(label->text()) : label->text();
    int width = 0;
    for (const QString& line : text.split(QLatin1Char('\n'))) {
        width = std::max(width, label->fontMetrics().horizontalAdvance(line));
    }
    return width;
}

// Why a label's text does not fit it; empty when it fits.
QString labelClipping(const QLabel* label)
{
    if (label->text().isEmpty()) {
        return {};
    }
    const int room = label->contentsRect().width() - 2 * label->margin();
    if (!label->wordWrap()) {
        const int needed = textWidth(label);
        return needed > room ? QStringLiteral("needs %1 pixels, has %2").arg(needed).arg(room) : QString();
    }
    // Wrapped: the lines must fit the height, and the longest word the width.
    const int height = label->heightForWidth(label->width());
    if (height > label->height()) {
        return QStringLiteral("needs %1 pixels of height, has %2").arg(height).arg(label->height());
    }
    if (const int needed = label->minimumSizeHint().width(); needed > label->width()) {
        return QStringLiteral("a word needs %1 pixels, has %2").arg(needed).arg(label->width());
    }
    return {};
}

class ScreenAudit
{
public:
    QStringList problems;
    QStringList data; // names the admin or the account chose, shown as they are

    void audit(QWidget* top, const QString& screen)
    {
        m_screen = screen;
        m_mnemonics.clear();
        // Lay out what was just shown, resized or switched to, as the event loop would.
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        QCoreApplication::processEvents();
        checkText(top->windowTitle(), top, QStringLiteral("window title"));
        QList<QWidget*> widgets = top->findChildren<QWidget*>();
        widgets.prepend(top);
        QSet<const QWidget*> labelled;
        for (QWidget* w : widgets) {
            if (const auto* l = qobject_cast<QLabel*>(w);
                l && l->buddy() && l->isVisibleTo(top) && l->window() == top) {
                labelled.insert(l->buddy());
                labelled.insert(l->buddy()->focusProxy() ? l->buddy()->focusProxy() : l->buddy());
                addMnemonic(l->text(), l);
            }
        }
        for (QWidget* w : widgets) {
            if (w != top && (!w->isVisibleTo(top) || w->window() != top)) {
                continue;
            }
            checkTexts(w);
            checkKeyboard(w, labelled);
            checkFit(w);
        }
        if (auto* window = qobject_cast<QMainWindow*>(top)) {
            for (QAction* a : window->menuBar()->actions()) {
                addMnemonic(a->text(), window->menuBar());
                checkMenu(a);
            }
        }
    }

    void auditChart(QChart* chart, const QString& screen)
    {
        m_screen = screen;
        checkText(chart->title(), nullptr, QStringLiteral("chart title"));
        for (QAbstractAxis* axis : chart->axes()) {
            checkText(axis->titleText(), nullptr, QStringLiteral("axis title"));
            if (auto* categories = qobject_cast<QBarCategoryAxis*>(axis)) {
                for (const QString& c : categories->categories()) {
                    checkText(c, nullptr, QStringLiteral("axis category"));
                }
            }
        }
        for (QAbstractSeries* series : chart->series()) {
            for (QLegendMarker* marker : chart->legend()->markers(series)) {
                checkText(marker->label(), nullptr, QStringLiteral("legend"));
            }
        }
    }

private:
    QString m_screen;
    QHash<QChar, QString> m_mnemonics;

    void problem(const QString& what) { problems.append(m_screen + QStringLiteral(": ") + what); }

    void checkText(const QString& text, const QWidget* w, const QString& role)
    {
        if (const QStringList words = englishWords(text, data); !words.isEmpty()) {
            problem(
                QStringLiteral("%1 of %2 is in English (%3): %4")
                    .arg(role, w ? describe(w) : QStringLiteral("-"), words.join(QLatin1Char(' ')), text));
        }
    }

    void addMnemonic(const QString& text, const QWidget* w)
    {
        const QChar key = mnemonic(text);
        if (key.isNull()) {
            return;
        }
        const QString owner = describe(w) + QLatin1Char(' ') + text;
        if (m_mnemonics.contains(key)) {
            problem(
                QStringLiteral("Alt+%1 is used twice: %2 and %3").arg(key, m_mnemonics.value(key), owner));
        } else {
            m_mnemonics.insert(key, owner);
        }
    }

    void checkMenu(QAction* action)
    {
        // Each language is named in its own language, so that anyone can find theirs.
        if (!action->objectName().startsWith(QLatin1String("language_"))) {
            checkText(action->text(), nullptr, QStringLiteral("menu item"));
        }
        if (QMenu* menu = action->menu()) {
            QHash<QChar, QString> inMenu;
            for (QAction* a : menu->actions()) {
                if (const QChar key = mnemonic(a->text()); !key.isNull()) {
                    if (inMenu.contains(key)) {
                        problem(QStringLiteral("Alt+%1 is used twice in menu %2: %3 and %4")
                                    .arg(key, action->text(), inMenu.value(key), a->text()));
                    }
                    inMenu.insert(key, a->text());
                }
                checkMenu(a);
            }
        }
    }

    void checkTexts(QWidget* w)
    {
        checkText(w->toolTip(), w, QStringLiteral("tooltip"));
        checkText(w->accessibleName(), w, QStringLiteral("accessible name"));
        checkText(w->accessibleDescription(), w, QStringLiteral("accessible description"));
        if (auto* l = qobject_cast<QLabel*>(w)) {
            checkText(l->text(), w, QStringLiteral("text"));
        } else if (auto* b = qobject_cast<QAbstractButton*>(w)) {
            checkText(b->text(), w, QStringLiteral("text"));
            if (!qobject_cast<QToolBar*>(w->parentWidget())) {
                addMnemonic(b->text(), w);
            }
        } else if (auto* g = qobject_cast<QGroupBox*>(w)) {
            checkText(g->title(), w, QStringLiteral("title"));
        } else if (auto* e = qobject_cast<QLineEdit*>(w)) {
            checkText(e->placeholderText(), w, QStringLiteral("placeholder"));
        } else if (auto* c = qobject_cast<QComboBox*>(w)) {
            for (int i = 0; i < c->count(); ++i) {
                checkText(c->itemText(i), w, QStringLiteral("item"));
            }
        } else if (auto* s = qobject_cast<QSpinBox*>(w)) {
            checkText(s->prefix() + s->suffix() + s->specialValueText(), w, QStringLiteral("prefix/suffix"));
        } else if (auto* t = qobject_cast<QTabBar*>(w)) {
            for (int i = 0; i < t->count(); ++i) {
                checkText(t->tabText(i), w, QStringLiteral("tab"));
                addMnemonic(t->tabText(i), w);
                checkText(t->tabToolTip(i), w, QStringLiteral("tab tooltip"));
            }
        } else if (auto* p = qobject_cast<QPlainTextEdit*>(w)) {
            checkText(p->toPlainText(), w, QStringLiteral("text"));
        } else if (auto* bar = qobject_cast<QProgressBar*>(w)) {
            checkText(bar->text(), w, QStringLiteral("text"));
        } else if (auto* status = qobject_cast<QStatusBar*>(w)) {
            checkText(status->currentMessage(), w, QStringLiteral("message"));
        } else if (auto* page = qobject_cast<QWizardPage*>(w)) {
            checkText(page->title(), w, QStringLiteral("page title"));
            checkText(page->subTitle(), w, QStringLiteral("page subtitle"));
        } else if (auto* view = qobject_cast<QTableView*>(w)) {
            checkTable(view);
        }
        if (auto* toolbar = qobject_cast<QToolBar*>(w)) {
            for (QAction* a : toolbar->actions()) {
                checkText(a->text(), w, QStringLiteral("tool"));
                checkText(a->toolTip(), w, QStringLiteral("tool tip"));
            }
        }
    }

    // Text that does not fit its widget. Data in tables (names, addresses) is left out.
    void checkFit(QWidget* w)
    {
        if (isPart(w) && !qobject_cast<QTabBar*>(w)) {
            return;
        }
        if (auto* l = qobject_cast<QLabel*>(w)) {
            if (const QString why = labelClipping(l); !why.isEmpty()) {
                problem(QStringLiteral("%1 is clipped (%2): %3").arg(describe(w), why, l->text()));
            }
        } else if (auto* b = qobject_cast<QAbstractButton*>(w)) {
            if (!b->text().isEmpty() && b->sizeHint().width() > b->width()) {
                problem(QStringLiteral("%1 is clipped (needs %2 pixels, has %3)")
                            .arg(describe(w))
                            .arg(b->sizeHint().width())
                            .arg(b->width()));
            }
        } else if (auto* g = qobject_cast<QGroupBox*>(w)) {
            const int needed = g->fontMetrics().horizontalAdvance(shownText(g->title()))
                + (g->isCheckable() ? g->style()->pixelMetric(QStyle::PM_IndicatorWidth, nullptr, g) : 0);
            if (needed > g->contentsRect().width()) {
                problem(QStringLiteral("title of %1 is clipped (needs %2 pixels, has %3)")
                            .arg(describe(w))
                            .arg(needed)
                            .arg(g->contentsRect().width()));
            }
        } else if (auto* t = qobject_cast<QTabBar*>(w)) {
            checkTabsFit(t);
        } else if (auto* view = qobject_cast<QChartView*>(w)) {
            checkChartFits(view);
        }
    }

    void checkTabsFit(QTabBar* bar)
    {
        const int padding = bar->style()->pixelMetric(QStyle::PM_TabBarTabHSpace, nullptr, bar);
        for (int i = 0; i < bar->count(); ++i) {
            const QRect tab = bar->tabRect(i);
            const int needed = bar->fontMetrics().horizontalAdvance(shownText(bar->tabText(i))) + padding
                + (bar->tabIcon(i).isNull() ? 0 : bar->iconSize().width());
            if (tab.width() < needed) {
                problem(QStringLiteral("tab \"%1\" of %2 is elided (needs %3 pixels, has %4)")
                            .arg(bar->tabText(i), describe(bar))
                            .arg(needed)
                            .arg(tab.width()));
            }
        }
    }

    // Qt Charts elides a title, axis label or legend entry that does not fit with "...".
    void checkChartFits(QChartView* view)
    {
        QList<QGraphicsItem*> items = view->chart()->childItems();
        while (!items.isEmpty()) {
            QGraphicsItem* item = items.takeFirst();
            items.append(item->childItems());
            const auto* text = qgraphicsitem_cast<QGraphicsTextItem*>(item);
            if (text && text->isVisible() && text->toPlainText().endsWith(QLatin1String("..."))) {
                problem(
                    QStringLiteral("chart %1 elides a label: %2").arg(describe(view), text->toPlainText()));
            }
        }
    }

    void checkTable(QTableView* view)
    {
        const QAbstractItemModel* model = view->model();
        const auto* records = qobject_cast<const RecordTableModel*>(model);
        for (int c = 0; c < model->columnCount(); ++c) {
            checkText(model->headerData(c, Qt::Horizontal).toString(), view, QStringLiteral("column header"));
            const bool vocabulary
                = !records || VocabularyColumns.contains(records->columns().value(c).exportHeader);
            if (!vocabulary) {
                continue;
            }
            for (int r = 0; r < std::min(model->rowCount(), 40); ++r) {
                checkText(model->index(r, c).data().toString(), view,
                    QStringLiteral("cell (%1, %2)")
                        .arg(r)
                        .arg(model->headerData(c, Qt::Horizontal).toString()));
            }
        }
    }

    void checkKeyboard(QWidget* w, const QSet<const QWidget*>& labelled)
    {
        if (!takesInput(w) || isPart(w) || !w->isEnabled()) {
            return;
        }
        if (!(w->focusPolicy() & Qt::TabFocus)) {
            problem(QStringLiteral("%1 cannot be reached with Tab").arg(describe(w)));
        }
        const auto* button = qobject_cast<QAbstractButton*>(w);
        const bool named = !w->accessibleName().isEmpty() || labelled.contains(w)
            || (button && !button->text().isEmpty()) || qobject_cast<QTabBar*>(w);
        if (!named) {
            problem(QStringLiteral("%1 has no name for a screen reader (no text, label or accessible name)")
                        .arg(describe(w)));
        }
    }
};

} // namespace

class TestScreens : public QObject, protected test::SandboxFixture
{
    Q_OBJECT

private:
    std::unique_ptr<MainWindow> m_window;
    ScreenAudit m_audit;

    // Audits the next modal dialog `open` shows (exec() or open()), then closes it.
    void auditDialog(const QString& screen, const std::function<void()>& open)
    {
        QWidget* before = QApplication::activeModalWidget();
        bool audited = false;
        QTimer poll;
        poll.setInterval(20);
        connect(&poll, &QTimer::timeout, this, [&] {
            QWidget* modal = QApplication::activeModalWidget();
            if (!modal || modal == before || audited) {
                return;
            }
            audited = true;
            poll.stop();
            m_audit.audit(modal, screen);
            if (auto* dialog = qobject_cast<QDialog*>(modal)) {
                dialog->reject();
            }
        });
        poll.start();
        open();
        QVERIFY2(QTest::qWaitFor([&audited] { return audited; }, 20000), qPrintable(screen));
    }

private slots:
    void initTestCase()
    {
        const QLocale japanese(QLocale::Japanese, QLocale::Japan);
        QLocale::setDefault(japanese);
        auto* ours = new QTranslator(this);
        QVERIFY2(ours->load(QStringLiteral(RMSAM_JA_QM)), RMSAM_JA_QM);
        QCoreApplication::installTranslator(ours);
        auto* qt = new QTranslator(this);
        QVERIFY2(qt->load(japanese, QStringLiteral("qtbase"), QStringLiteral("_"),
                     QLibraryInfo::path(QLibraryInfo::TranslationsPath)),
            "qtbase_ja.qm is missing (Debian: qt6-translations-l10n)");
        QCoreApplication::installTranslator(qt);

        SandboxOptions options;
        options.userCount = 80;
        options.seed = 5;
        const QString failed = startFixture(QStringLiteral("roadmunk-sam-test-screens-"), options);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        m_audit.data.append(test::PostgresCluster::superuser()); // the member's name, on PostgreSQL
        m_window = std::make_unique<MainWindow>(*m_services,
            MainWindow::Options {
                {}, { m_sandbox->token(), QStringLiteral("営業部"), m_sandbox->endpoint() } });
        m_window->show(); // at its default size
    }

    void cleanupTestCase()
    {
        if (!m_audit.problems.isEmpty()) {
            qWarning().noquote() << m_audit.problems.join(QLatin1Char('\n'));
        }
    }

    // The clipping check itself: each kind of text that does not fit is reported, and text that
    // fits is not.
    void clippingIsReported()
    {
        QWidget top;
        top.resize(600, 400);
        const QString text = QStringLiteral("アクティビティなし");
        auto place = [&top](QWidget* w, const char* name, QRect geometry) {
            w->setParent(&top);
            w->setObjectName(QLatin1String(name));
            w->setGeometry(geometry);
        };
        place(new QLabel(text), "plain", QRect(0, 0, 40, 30));
        place(new QLabel(QStringLiteral("<b>%1</b>").arg(text)), "rich", QRect(0, 40, 40, 30));
        auto* wrapped = new QLabel(text.repeated(8));
        wrapped->setWordWrap(true);
        place(wrapped, "wrapped", QRect(0, 80, 200, 20));
        place(new QLabel(text), "fits", QRect(0, 110, 300, 30));
        place(new QPushButton(text), "button", QRect(0, 150, 40, 30));
        place(new QGroupBox(text), "group", QRect(0, 190, 40, 40));
        auto* tabs = new QTabBar;
        tabs->setUsesScrollButtons(false);
        tabs->setElideMode(Qt::ElideRight);
        for (int i = 0; i < 3; ++i) {
            tabs->addTab(text);
        }
        place(tabs, "tabs", QRect(0, 240, 120, 30));
        auto* chart = new QChart;
        auto* axis = new QBarCategoryAxis;
        for (int i = 0; i < 7; ++i) {
            axis->append(text + QString::number(i));
        }
        chart->addAxis(axis, Qt::AlignBottom);
        place(new QChartView(chart), "chart", QRect(250, 150, 300, 240));
        top.show();
        QVERIFY(QTest::qWaitForWindowExposed(&top));

        ScreenAudit audit;
        audit.audit(&top, QStringLiteral("self-test"));
        const QString problems = audit.problems.join(QLatin1Char('\n'));
        for (const char* name : { "\"plain\" is clipped", "\"rich\" is clipped", "\"wrapped\" is clipped",
                 "\"button\" is clipped", "\"group\" is clipped", "of QTabBar \"tabs\" is elided",
                 "\"chart\" elides a label" }) {
            QVERIFY2(
                problems.contains(QLatin1String(name)), qPrintable(name + (QStringLiteral(": ") + problems)));
        }
        QVERIFY2(!problems.contains(QLatin1String("\"fits\"")), qPrintable(problems));
    }

    void tablesFollowTheLocale()
    {
        RecordTableModel model({ { QStringLiteral("金額"), QStringLiteral("Amount") },
            { QStringLiteral("日時"), QStringLiteral("At") },
            { QStringLiteral("有効"), QStringLiteral("Active") } });
        const QDateTime at(QDate(2026, 11, 29), QTime(14, 5), Qt::UTC);
        model.setRows({ { 86640.0, at, true } });
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("86,640.00"));
        QCOMPARE(
            model.index(0, 1).data().toString(), QLocale().toString(at.toLocalTime(), QLocale::ShortFormat));
        QVERIFY(model.index(0, 1).data().toString().startsWith(QStringLiteral("2026/11/29")));
        QCOMPARE(model.index(0, 2).data().toString(), QStringLiteral("はい"));
        QCOMPARE(model.index(0, 0).data(RecordTableModel::RawRole).toDouble(), 86640.0); // sorting, exports
    }

    void firstStart() { m_audit.audit(m_window.get(), QStringLiteral("main window, no profile")); }

    void wizardPages()
    {
        SetupWizard* wizard = m_window->newProfile();
        QVERIFY(wizard);
        m_audit.audit(wizard, QStringLiteral("wizard: token"));
        wizard->next();
        m_audit.audit(wizard, QStringLiteral("wizard: profile"));
        wizard->next();
        auto* region = child<QComboBox>(wizard, "regionCombo");
        region->setCurrentIndex(region->findData(QStringLiteral("sandbox")));
        m_audit.audit(wizard, QStringLiteral("wizard: region"));
        wizard->next();
        QTRY_VERIFY_WITH_TIMEOUT(wizard->currentPage()->isComplete(), 20000);
        m_audit.audit(wizard, QStringLiteral("wizard: validate"));
        wizard->next();
        m_audit.audit(wizard, QStringLiteral("wizard: publish"));
        child<QCheckBox>(wizard, "publishConfirm")->setChecked(true);
        wizard->accept();
        QVERIFY(m_service->find(wizard->profileId()).value().isPublished());
    }

    void wizardValidationFailure()
    {
        SetupWizard wizard(*m_service,
            { QString(549, QLatin1Char('k')), QStringLiteral("拒否されるトークン"), m_sandbox->endpoint() });
        wizard.show();
        wizard.next();
        wizard.next();
        child<QComboBox>(&wizard, "regionCombo")
            ->setCurrentIndex(child<QComboBox>(&wizard, "regionCombo")->findData(QStringLiteral("sandbox")));
        wizard.next();
        auto* retry = child<QPushButton>(&wizard, "retryButton");
        QTRY_VERIFY_WITH_TIMEOUT(retry->isEnabled(), 20000);
        QVERIFY(!wizard.currentPage()->isComplete());
        m_audit.audit(&wizard, QStringLiteral("wizard: validation failed"));
        wizard.reject();
    }

    void profileTabsAndMenus()
    {
        ProfileTabs* tabs = m_window->profileTabs();
        const qint64 id = m_window->profileForm()->profileId();
        QVERIFY(id != 0);
        for (const ScheduledJob& j : JobRepository(*m_database).scheduledJobs(id).value()) {
            m_audit.data.append(j.name); // "SAM - Refresh <profile> Subscriptions", as ServiceNow names them
        }
        ReclamationRule rule = ReclamationRepository(*m_database).rule(id).value();
        rule.notifyUser = true;
        QVERIFY(ReclamationRepository(*m_database).saveRule(rule).ok());
        auto profile = m_service->find(id).value();
        profile.reclaimSubscriptions = true;
        QVERIFY(m_service->save(profile).ok());
        m_window->syncNow();
        m_audit.audit(m_window.get(), QStringLiteral("main window, syncing"));
        QTRY_VERIFY_WITH_TIMEOUT(tabs->candidates()->table()->model()->totalRowCount() > 0, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(
            m_window->findChild<QAction*>(QStringLiteral("syncAction"))->isEnabled(), 60000);
        for (int i = 0; i < tabs->count(); ++i) {
            tabs->setCurrentIndex(i);
            m_audit.audit(m_window.get(), QStringLiteral("tab %1").arg(tabs->tabText(i)));
        }
        // Each tab fits a 1024-pixel-wide screen next to the profile list.
        for (int i = 0; i < tabs->count(); ++i) {
            QVERIFY2(tabs->widget(i)->minimumSizeHint().width() <= 760,
                qPrintable(QStringLiteral("tab %1 needs %2 pixels")
                               .arg(tabs->tabText(i))
                               .arg(tabs->widget(i)->minimumSizeHint().width())));
        }
        for (QChartView* view : tabs->dashboard()->findChildren<QChartView*>()) {
            m_audit.auditChart(view->chart(), QStringLiteral("dashboard chart"));
        }
    }

    void tabsFromTheKeyboard()
    {
        ProfileTabs* tabs = m_window->profileTabs();
        QApplication::setActiveWindow(m_window.get());
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        m_window->profileTable()->setFocus();
        tabs->setCurrentIndex(0);
        // From the profile list, outside the tab widget.
        QTest::keyClick(m_window->profileTable(), Qt::Key_PageDown, Qt::ControlModifier);
        QCOMPARE(tabs->currentIndex(), 1);
        QTest::keyClick(m_window->profileTable(), Qt::Key_PageUp, Qt::ControlModifier);
        QTest::keyClick(m_window->profileTable(), Qt::Key_PageUp, Qt::ControlModifier);
        QCOMPARE(tabs->currentIndex(), tabs->count() - 1); // wraps around
        tabs->setCurrentIndex(0);
    }

    void deleteOnlyFromTheProfileList()
    {
        ProfileTabs* tabs = m_window->profileTabs();
        tabs->setCurrentWidget(tabs->candidates());
        QTableView* candidates = tabs->candidates()->table()->view();
        candidates->setFocus();
        QTest::keyClick(candidates, Qt::Key_Delete);
        QCOMPARE(QApplication::activeModalWidget(), nullptr);
        auditDialog(QStringLiteral("delete profile from the keyboard"), [this] {
            m_window->profileTable()->setFocus();
            QTest::keyClick(m_window->profileTable(), Qt::Key_Delete);
        });
        QVERIFY(m_service->find(m_window->profileForm()->profileId()).ok()); // declined
        tabs->setCurrentIndex(0);
    }

    void profileDialogs()
    {
        ProfileForm* form = m_window->profileForm();
        m_window->profileTabs()->setCurrentWidget(form);
        auditDialog(QStringLiteral("token dialog"), [form] { form->setToken(); });
        auditDialog(QStringLiteral("delete profile"), [this] { m_window->deleteProfile(); });
        QVERIFY(m_service->find(form->profileId()).ok());
    }

    void candidateDialogs()
    {
        CandidatesPanel* panel = m_window->profileTabs()->candidates();
        m_window->profileTabs()->setCurrentWidget(panel);
        QTableView* view = panel->table()->view();
        view->setCurrentIndex(view->model()->index(0, 0));
        const qint64 number = *panel->selectedNumber();
        auditDialog(QStringLiteral("work note for an action"),
            [panel] { panel->actionButton(CandidateAction::Reclaim)->click(); });
        QVERIFY(panel->apply(CandidateAction::Reclaim).ok());
        for (int row = 0; row < view->model()->rowCount(); ++row) {
            view->setCurrentIndex(view->model()->index(row, 0));
            if (panel->selectedNumber() == number) {
                break;
            }
        }
        const RemovalCandidate candidate = ReclamationRepository(*m_database).candidate(number).value();
        QCOMPARE(candidate.state, CandidateState::AwaitingUser);
        m_audit.data.append(candidate.displayName); // the notice greets the user by name
        m_audit.audit(m_window.get(), QStringLiteral("candidate awaiting the user"));
        auditDialog(
            QStringLiteral("notice"), [panel] { child<QPushButton>(panel, "candidateNotice")->click(); });
        auditDialog(
            QStringLiteral("history"), [panel] { child<QPushButton>(panel, "candidateHistory")->click(); });
        auditDialog(QStringLiteral("add work note"),
            [panel] { child<QPushButton>(panel, "candidateNote")->click(); });
        auditDialog(QStringLiteral("rule and entitlements"), [panel] { panel->openSettings(); });
        auditDialog(QStringLiteral("reclaim preview"), [panel] { panel->openReclaim(); });
    }

    void reclaimRun()
    {
        const qint64 id = m_window->profileForm()->profileId();
        // Without the notice, Ready candidates are reclaimed directly.
        ReclamationRule rule = ReclamationRepository(*m_database).rule(id).value();
        rule.notifyUser = false;
        QVERIFY(ReclamationRepository(*m_database).saveRule(rule).ok());
        ReclaimDialog dialog(*m_services, m_service->find(id).value(), m_window.get());
        dialog.show();
        dialog.maxField()->setValue(2);
        QCOMPARE(dialog.deactivationCount(), 2);
        dialog.confirmField()->setText(QStringLiteral("2"));
        QVERIFY(dialog.reclaimButton()->isEnabled());
        dialog.reclaimButton()->click();
        QVERIFY(
            QTest::qWaitFor([&dialog] { return !dialog.isRunning() && !dialog.outcome().dryRun; }, 60000));
        QCOMPARE(dialog.outcome().count(ReclaimItem::Outcome::Deactivated), 2);
        m_audit.audit(&dialog, QStringLiteral("reclaim finished"));
        m_window->profileTabs()->reloadTables();
        for (int i = 0; i < m_window->profileTabs()->count(); ++i) {
            m_window->profileTabs()->setCurrentIndex(i);
            m_audit.audit(m_window.get(),
                QStringLiteral("after reclaiming, tab %1").arg(m_window->profileTabs()->tabText(i)));
        }
    }

    void noProblems()
    {
        QVERIFY2(m_audit.problems.isEmpty(), qPrintable(m_audit.problems.join(QLatin1Char('\n'))));
    }
};

QTEST_MAIN(TestScreens)
#include "tst_screens.moc"
