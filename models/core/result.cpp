#include "core/result.h"

namespace kanri {

namespace {

bool isControl(char16_t c)
{
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) ||
           (c >= 0x2066 && c <= 0x2069);
}

} // namespace

QString escapeControls(QStringView text, QStringView keep)
{
    auto needsEscape = [keep](char16_t c) { return isControl(c) && !keep.contains(QChar(c)); };
    if (std::none_of(text.begin(), text.end(), [&](QChar c) { return needsEscape(c.unicode()); }))
        return text.toString();
    QString out;
    out.reserve(text.size() + 8);
    for (QChar c : text) {
        const char16_t u = c.unicode();
        if (!needsEscape(u))
            out += c;
        else if (u <= 0xff)
            out += QStringLiteral("\\x%1").arg(int(u), 2, 16, QLatin1Char('0'));
        else
            out += QStringLiteral("\\u%1").arg(int(u), 4, 16, QLatin1Char('0'));
    }
    return out;
}

QString Error::toString() const
{
    QString location;
    if (!file.isEmpty()) {
        location = escapeControls(file);
        if (line > 0) {
            location += QLatin1Char(':') + QString::number(line);
            if (column > 0)
                location += QLatin1Char(':') + QString::number(column);
        }
        location += QLatin1String(": ");
    }
    return location + QLatin1String("error: ") + escapeControls(message, u"\n");
}

} // namespace kanri
