#include "ui/editor/yamlhighlighter.h"

#include "ui/theme/theme.h"

#include <QGuiApplication>
#include <QPalette>
#include <QRegularExpression>

namespace kanri::ui {

namespace {

QTextCharFormat colored(const QColor &color, bool bold = false, bool italic = false)
{
    QTextCharFormat f;
    f.setForeground(color);
    if (bold)
        f.setFontWeight(QFont::Bold);
    f.setFontItalic(italic);
    return f;
}

// Where a comment starts: `#` at the line start or after a blank, outside quotes; -1 if none.
int commentStart(const QString &text, int from)
{
    QChar quote;
    for (int i = from; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
            else if (c == QLatin1Char('\\') && quote == QLatin1Char('"'))
                ++i;
            continue;
        }
        if ((c == QLatin1Char('"') || c == QLatin1Char('\'')) &&
            (i == from || text.at(i - 1).isSpace() || text.at(i - 1) == QLatin1Char('[') ||
             text.at(i - 1) == QLatin1Char('{') || text.at(i - 1) == QLatin1Char(',')))
            quote = c;
        else if (c == QLatin1Char('#') && (i == 0 || text.at(i - 1).isSpace()))
            return i;
    }
    return -1;
}

int indentation(const QString &text)
{
    int n = 0;
    while (n < text.size() && text.at(n) == QLatin1Char(' '))
        ++n;
    return n;
}

} // namespace

YamlHighlighter::YamlHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
    updateColors(QGuiApplication::palette());
}

void YamlHighlighter::updateColors(const QPalette &palette)
{
    const ThemeColours &c = themeColours(isDarkPalette(palette));
    m_key = colored(c.key, true);
    m_string = colored(c.string);
    m_number = colored(c.number);
    m_keyword = colored(c.keyword, true);
    m_comment = colored(c.comment, false, true);
    m_special = colored(c.special);
    rehighlight();
}

void YamlHighlighter::highlightBlock(const QString &text)
{
    // Inside a block scalar: state = indentation of its key + 1. A line indented deeper (or
    // blank) still belongs to it.
    const int block = previousBlockState();
    const int indent = indentation(text);
    if (block > 0 && (text.trimmed().isEmpty() || indent >= block)) {
        setFormat(0, int(text.size()), m_string);
        setCurrentBlockState(block);
        return;
    }
    setCurrentBlockState(-1);

    const QString trimmed = text.trimmed();
    if (trimmed.startsWith(QLatin1String("---")) || trimmed.startsWith(QLatin1String("..."))) {
        setFormat(0, int(text.size()), m_keyword);
        return;
    }
    if (trimmed.startsWith(QLatin1Char('%'))) { // a directive
        setFormat(0, int(text.size()), m_special);
        return;
    }

    const int comment = commentStart(text, 0);
    const int end = comment < 0 ? int(text.size()) : comment;
    if (comment >= 0)
        setFormat(comment, int(text.size()) - comment, m_comment);

    // Sequence dashes, then an optional `key:`.
    int pos = indent;
    while (pos + 1 <= end && text.mid(pos, 2).startsWith(QLatin1Char('-')) &&
           (pos + 1 == end || text.at(pos + 1) == QLatin1Char(' '))) {
        setFormat(pos, 1, m_keyword);
        pos += 1;
        while (pos < end && text.at(pos) == QLatin1Char(' '))
            ++pos;
    }
    static const QRegularExpression key(QStringLiteral(
        R"(\G("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"\[\]{},][^#]*?)\s*:(?=\s|$))"));
    const QRegularExpressionMatch m = key.match(text.left(end), pos);
    int valueStart = pos;
    if (m.hasMatch()) {
        setFormat(int(m.capturedStart(1)), int(m.capturedLength(1)), m_key);
        valueStart = int(m.capturedEnd(0));
    } else if (pos == indent && pos < end) {
        // A continuation line of a multi-line plain or quoted scalar.
        highlightValue(text.left(end), pos);
        return;
    }
    while (valueStart < end && text.at(valueStart) == QLatin1Char(' '))
        ++valueStart;
    if (valueStart < end &&
        (text.at(valueStart) == QLatin1Char('|') || text.at(valueStart) == QLatin1Char('>'))) {
        setFormat(valueStart, end - valueStart, m_special);
        setCurrentBlockState(indent + 1);
        return;
    }
    highlightValue(text.left(end), valueStart);
}

void YamlHighlighter::highlightValue(const QString &text, int from)
{
    static const QRegularExpression token(QStringLiteral(
        R"("(?:[^"\\]|\\.)*"?|'(?:[^']|'')*'?|[&*!][^\s,\[\]{}]*|[^\s,\[\]{}:][^,\[\]{}]*?(?=\s*(?:[,\]}]|$)))"));
    static const QRegularExpression number(QStringLiteral(
        R"(^[-+]?(\d[\d_]*(\.\d*)?([eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+|\.inf|\.nan)$)"));
    static const QRegularExpression keyword(
        QStringLiteral(R"(^(true|false|True|False|TRUE|FALSE|null|Null|NULL|~|yes|no|on|off)$)"));
    auto it = token.globalMatch(text, from);
    while (it.hasNext()) {
        const auto m = it.next();
        const QString t = m.captured(0);
        const int start = int(m.capturedStart(0));
        const int length = int(m.capturedLength(0));
        if (t.startsWith(QLatin1Char('"')) || t.startsWith(QLatin1Char('\'')))
            setFormat(start, length, m_string);
        else if (t.startsWith(QLatin1Char('&')) || t.startsWith(QLatin1Char('*')) ||
                 t.startsWith(QLatin1Char('!')))
            setFormat(start, length, m_special);
        else if (number.match(t).hasMatch())
            setFormat(start, length, m_number);
        else if (keyword.match(t).hasMatch())
            setFormat(start, length, m_keyword);
        else
            setFormat(start, length, m_string);
    }
}

} // namespace kanri::ui
