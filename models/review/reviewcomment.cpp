#include "review/reviewcomment.h"

#include <QRegularExpression>
#include <QStringList>

namespace kanri::review {

namespace {

// Walks the patch, calling `visit(index, PatchLine)` for every line of a hunk.
template<typename Visit> void walkPatch(const QString &patch, Visit visit)
{
    static const QRegularExpression header(QStringLiteral(R"(^@@ -(\d+)(?:,\d+)? \+(\d+))"));
    const QStringList lines = patch.split(QLatin1Char('\n'));
    int oldLine = 0, newLine = 0;
    bool inHunk = false;
    for (int i = 0; i < lines.size(); ++i) {
        const QString &l = lines.at(i);
        if (l.startsWith(QLatin1String("@@"))) {
            const auto m = header.match(l);
            inHunk = m.hasMatch();
            oldLine = m.captured(1).toInt();
            newLine = m.captured(2).toInt();
            continue;
        }
        if (!inHunk || l.isEmpty() || l.startsWith(QLatin1Char('\\')))
            continue;
        const QChar kind = l.at(0);
        if (kind == QLatin1Char('-')) {
            if (!visit(i, PatchLine{oldLine++, QStringLiteral("LEFT"), l.mid(1)}))
                return;
        } else if (kind == QLatin1Char('+')) {
            if (!visit(i, PatchLine{newLine++, QStringLiteral("RIGHT"), l.mid(1)}))
                return;
        } else if (kind == QLatin1Char(' ')) {
            ++oldLine;
            if (!visit(i, PatchLine{newLine++, QStringLiteral("RIGHT"), l.mid(1)}))
                return;
        }
    }
}

} // namespace

std::optional<PatchLine> patchLineAt(const QString &patch, int index)
{
    std::optional<PatchLine> found;
    walkPatch(patch, [&](int i, const PatchLine &p) {
        if (i == index)
            found = p;
        return i < index;
    });
    return found;
}

bool patchCovers(const QString &patch, int line, const QString &side)
{
    // Every line inside a hunk's range of that side is in the diff (removed or context on the
    // LEFT, added or context on the RIGHT).
    static const QRegularExpression header(
        QStringLiteral(R"(^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@)"));
    const bool left = side == QLatin1String("LEFT");
    for (const QString &l : patch.split(QLatin1Char('\n'))) {
        const auto m = header.match(l);
        if (!m.hasMatch())
            continue;
        const int start = m.captured(left ? 1 : 3).toInt();
        const QString countText = m.captured(left ? 2 : 4);
        const int count = countText.isEmpty() ? 1 : countText.toInt();
        if (line >= start && line < start + count)
            return true;
    }
    return false;
}

QString renderedLineCommentBody(const QString &where, const QString &renderedLine,
                                const QString &text)
{
    return QStringLiteral("> rendered %1:\n> `%2`\n\n%3").arg(where, renderedLine.trimmed(), text);
}

QString unplacedCommentText(const github::ReviewComment &comment)
{
    return QStringLiteral("**%1:%2**\n\n%3").arg(comment.path).arg(comment.line).arg(comment.body);
}

} // namespace kanri::review
