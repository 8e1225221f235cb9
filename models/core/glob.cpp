#include "core/glob.h"

namespace kanri {

QRegularExpression globRegularExpression(const QString &glob, GlobScope scope)
{
    QString rx;
    for (qsizetype i = 0; i < glob.size(); ++i) {
        const QChar c = glob.at(i);
        if (c == QLatin1Char('*')) {
            if (i + 1 < glob.size() && glob.at(i + 1) == QLatin1Char('*')) {
                rx += QStringLiteral(".*");
                ++i;
            } else {
                rx += QStringLiteral("[^/]*");
            }
        } else if (c == QLatin1Char('?')) {
            rx += QStringLiteral("[^/]");
        } else if (c == QLatin1Char('[') && glob.indexOf(QLatin1Char(']'), i + 2) > i) {
            const qsizetype close = glob.indexOf(QLatin1Char(']'), i + 2);
            QString set = glob.mid(i + 1, close - i - 1);
            const bool negated = set.startsWith(QLatin1Char('!'));
            if (negated)
                set.remove(0, 1);
            set.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
            set.replace(QLatin1Char('['), QStringLiteral("\\["));
            rx += (negated ? QStringLiteral("[^/") : QStringLiteral("[")) + set + QLatin1Char(']');
            i = close;
        } else {
            rx += QRegularExpression::escape(QString(c));
        }
    }
    const QString tail =
        scope == GlobScope::PathOrBelow ? QStringLiteral("(?:/.*)?\\z") : QStringLiteral("\\z");
    return QRegularExpression(QStringLiteral("\\A") + rx + tail);
}

bool globMatches(const QString &glob, const QString &path, GlobScope scope)
{
    return globRegularExpression(glob, scope).match(path).hasMatch();
}

} // namespace kanri
