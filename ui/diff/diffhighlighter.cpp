#include "ui/diff/diffhighlighter.h"

#include "ui/theme/theme.h"

#include <QApplication>
#include <QPalette>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QScrollBar>
#include <QTextBlock>
#include <QTimer>

namespace kanri::ui {

namespace {

// The block state is the language of the section a line belongs to: a "=== accounts · "
// header starts Terraform (HCL), any other header rendered YAML.
enum Language { Yaml = 0, Hcl = 1 };

} // namespace

DiffLineFormats diffLineFormats(const QString &text, int previousLanguage)
{
    // The theme's colours (ui/theme), which read on its light and dark palettes alike.
    const ThemeColours &colours = currentThemeColours();
    const QColor &added = colours.addedBackground;
    const QColor &removed = colours.removedBackground;
    const QColor &key = colours.key;
    const QColor &string = colours.string;
    const QColor &comment = colours.comment;

    DiffLineFormats out;
    auto setFormat = [&out](qsizetype start, qsizetype length, const QTextCharFormat &format) {
        out.runs.append({int(start), int(length), format});
    };
    QTextCharFormat format;
    if (text.startsWith(QLatin1String("==="))) {
        format.setFontWeight(QFont::Bold);
        setFormat(0, text.size(), format);
        out.language = text.startsWith(QLatin1String("=== accounts ·")) ? Hcl : Yaml;
        return out;
    }
    const int language = std::max(previousLanguage, 0);
    out.language = language;
    if (text.startsWith(QLatin1String("@@"))) {
        format.setForeground(colours.hunkHeader);
        setFormat(0, text.size(), format);
        return out;
    }
    if (text.startsWith(QLatin1Char('+')))
        format.setBackground(added);
    else if (text.startsWith(QLatin1Char('-')))
        format.setBackground(removed);
    setFormat(0, text.size(), format);

    auto paint = [&](qsizetype start, qsizetype length, const QColor &colour) {
        QTextCharFormat f = format;
        f.setForeground(colour);
        setFormat(start, length, f);
    };
    if (language == Hcl) {
        // key = / key: inside objects, "strings", and # or // comments.
        static const QRegularExpression keyRx(
            QStringLiteral("^[ +-]\\s*([A-Za-z_][A-Za-z0-9_\\-]*|\"[^\"]*\")\\s*[=:]"));
        static const QRegularExpression stringRx(QStringLiteral("\"(?:[^\"\\\\]|\\\\.)*\""));
        static const QRegularExpression commentRx(QStringLiteral("(?:#|//).*$"));
        for (auto it = stringRx.globalMatch(text, 1); it.hasNext();) {
            const auto m = it.next();
            paint(m.capturedStart(), m.capturedLength(), string);
        }
        if (const auto m = keyRx.match(text); m.hasMatch())
            paint(m.capturedStart(1), m.capturedLength(1), key);
        if (const auto m = commentRx.match(text, 1); m.hasMatch()) {
            // Not inside a string: count the quotes before it.
            if (text.left(m.capturedStart()).count(QLatin1Char('"')) % 2 == 0)
                paint(m.capturedStart(), m.capturedLength(), comment);
        }
        return out;
    }
    static const QRegularExpression keyRx(
        QStringLiteral("^[ +-]\\s*(?:- )?([A-Za-z0-9_.\\-/\"']+):"));
    if (const auto m = keyRx.match(text); m.hasMatch())
        paint(m.capturedStart(1), m.capturedLength(1), key);
    static const QRegularExpression commentRx(QStringLiteral("^[ +-]\\s*#.*$"));
    if (const auto m = commentRx.match(text); m.hasMatch())
        paint(1, m.capturedLength() - 1, comment);
    return out;
}

DiffHighlighter::DiffHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{}

void DiffHighlighter::highlightBlock(const QString &text)
{
    const DiffLineFormats f = diffLineFormats(text, previousBlockState());
    for (const QTextLayout::FormatRange &r : f.runs)
        setFormat(r.start, r.length, r.format);
    setCurrentBlockState(f.language);
}

namespace {

// The runs as QSyntaxHighlighter::setFormat leaves them: per character the last run's format,
// then equal neighbours joined; characters without a format are left out.
QList<QTextLayout::FormatRange> flatten(const QList<QTextLayout::FormatRange> &runs, int length)
{
    std::vector<int> owner(size_t(std::max(length, 0)), -1);
    for (int r = 0; r < runs.size(); ++r) {
        const int from = std::clamp(runs[r].start, 0, length);
        const int to = std::clamp(runs[r].start + runs[r].length, 0, length);
        std::fill(owner.begin() + from, owner.begin() + to, r);
    }
    QList<QTextLayout::FormatRange> out;
    const QTextCharFormat empty;
    for (int i = 0; i < length;) {
        int j = i;
        const QTextCharFormat &f = owner[size_t(i)] < 0 ? empty : runs[owner[size_t(i)]].format;
        while (j < length && (owner[size_t(j)] == owner[size_t(i)] ||
                              (owner[size_t(j)] >= 0 && owner[size_t(i)] >= 0 &&
                               runs[owner[size_t(j)]].format == f)))
            ++j;
        if (f != empty)
            out.append({i, j - i, f});
        i = j;
    }
    return out;
}

} // namespace

DiffViewHighlighter::DiffViewHighlighter(QPlainTextEdit *view)
    : QObject(view)
    , m_view(view)
    , m_viewport(view->viewport())
    , m_later(new QTimer(this))
{
    m_later->setSingleShot(true);
    m_later->setInterval(0);
    connect(m_later, &QTimer::timeout, this, &DiffViewHighlighter::highlightVisible);
    connect(view->verticalScrollBar(), &QScrollBar::valueChanged, this,
            &DiffViewHighlighter::highlightVisible);
    connect(view->document(), &QTextDocument::contentsChange, this,
            &DiffViewHighlighter::contentsChanged);
    m_viewport->installEventFilter(this);
}

bool DiffViewHighlighter::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_viewport && (event->type() == QEvent::Resize || event->type() == QEvent::Show))
        m_later->start();
    return QObject::eventFilter(watched, event);
}

void DiffViewHighlighter::contentsChanged(int position, int removed, int added)
{
    Q_UNUSED(removed);
    // The blocks the change touched are coloured again; a changed header may change the
    // language of every block after it.
    QTextDocument *doc = m_view->document();
    const QTextBlock last = doc->findBlock(position + added);
    for (QTextBlock b = doc->findBlock(position); b.isValid(); b = b.next()) {
        if (b.userState() >= 0) {
            b.setUserState(-1);
            if (b.layout())
                b.layout()->clearFormats();
        }
        if (b.text().startsWith(QLatin1String("===")))
            m_headerChanged = true;
        if (b == last)
            break;
    }
    if (m_headerChanged) {
        m_headerChanged = false;
        for (QTextBlock b = last.next(); b.isValid(); b = b.next()) {
            if (b.userState() >= 0)
                b.setUserState(-1);
        }
    }
    m_later->start();
}

int DiffViewHighlighter::languageBefore(const QTextBlock &block) const
{
    // The nearest coloured block or header above says which section this is.
    for (QTextBlock b = block.previous(); b.isValid(); b = b.previous()) {
        if (b.userState() >= 0)
            return b.userState();
        const QString text = b.text();
        if (text.startsWith(QLatin1String("===")))
            return diffLineFormats(text, -1).language;
    }
    return -1;
}

bool DiffViewHighlighter::isHighlighted(int blockNumber) const
{
    const QTextBlock b = m_view->document()->findBlockByNumber(blockNumber);
    return b.isValid() && b.userState() >= 0;
}

void DiffViewHighlighter::invalidateAll()
{
    QTextDocument *doc = m_view->document();
    for (QTextBlock b = doc->begin(); b.isValid(); b = b.next()) {
        if (b.userState() >= 0)
            b.setUserState(-1);
    }
    highlightVisible();
}

void DiffViewHighlighter::highlightVisible()
{
    QTextDocument *doc = m_view->document();
    // Without line wrapping a block is a line, and the scroll bar counts lines.
    const int lineHeight = std::max(1, m_view->fontMetrics().lineSpacing());
    const int screen = m_view->viewport()->height() / lineHeight + 2;
    const int first = std::max(0, m_view->verticalScrollBar()->value() - screen);
    const int last = m_view->verticalScrollBar()->value() + 2 * screen;
    QTextBlock b = doc->findBlockByNumber(first);
    int language = -2; // not known yet
    for (int n = first; b.isValid() && n <= last; b = b.next(), ++n) {
        if (b.userState() >= 0) {
            language = b.userState();
            continue;
        }
        if (language == -2)
            language = languageBefore(b);
        const QString text = b.text();
        const DiffLineFormats f = diffLineFormats(text, language);
        language = f.language;
        b.layout()->setFormats(flatten(f.runs, int(text.size())));
        b.setUserState(f.language);
        doc->markContentsDirty(b.position(), b.length());
    }
}

} // namespace kanri::ui
