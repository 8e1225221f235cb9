#include "platform/codeowners.h"

#include <algorithm>
#include <functional>

namespace kanri::platform {

namespace {

// Splits a line into whitespace-separated words, honouring `\ ` and `\#` escapes.
QStringList splitWords(const QString &line)
{
    QStringList words;
    QString word;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (c == QLatin1Char('\\') && i + 1 < line.size()) {
            word += line.at(++i);
        } else if (c.isSpace()) {
            if (!word.isEmpty())
                words << std::exchange(word, {});
        } else if (c == QLatin1Char('#')) {
            break; // an unescaped hash starts a comment
        } else {
            word += c;
        }
    }
    if (!word.isEmpty())
        words << word;
    return words;
}

QString globToRegex(QString pattern, bool *folderOnly)
{
    *folderOnly = pattern.endsWith(QLatin1Char('/'));
    while (pattern.endsWith(QLatin1Char('/')))
        pattern.chop(1);
    const bool anchored = pattern.contains(QLatin1Char('/'));
    if (pattern.startsWith(QLatin1Char('/')))
        pattern.remove(0, 1);

    QString rx;
    // Runs of stars mean what one star means: each run is written once, so that a pattern of
    // thousands of stars cannot make the regular expression backtrack without end.
    const QString anyFolders = QStringLiteral("(?:.*/)?");
    const QString anyName = QStringLiteral("[^/]*");
    const auto append = [&rx](const QString &part) {
        if (!rx.endsWith(part))
            rx += part;
    };
    if (!anchored)
        rx = anyFolders;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern.at(i);
        if (c == QLatin1Char('*')) {
            if (i + 1 < pattern.size() && pattern.at(i + 1) == QLatin1Char('*')) {
                const bool atStart = i == 0 || pattern.at(i - 1) == QLatin1Char('/');
                const bool slashAfter =
                    i + 2 < pattern.size() && pattern.at(i + 2) == QLatin1Char('/');
                const bool atEnd = i + 2 == pattern.size();
                if (atStart && slashAfter) { // "**/": zero or more folders
                    append(anyFolders);
                    i += 2;
                    continue;
                }
                if (atStart && atEnd) { // "/**": everything inside
                    rx += QStringLiteral(".*");
                    i += 1;
                    continue;
                }
                append(anyName); // any other "**" acts like "*"
                i += 1;
                continue;
            }
            append(anyName);
        } else if (c == QLatin1Char('?')) {
            rx += QStringLiteral("[^/]");
        } else {
            // A run of plain characters is escaped at once: a pattern of megabytes must not
            // cost an allocation per character.
            qsizetype end = i;
            while (end < pattern.size() && pattern.at(end) != QLatin1Char('*') &&
                   pattern.at(end) != QLatin1Char('?'))
                ++end;
            rx += QRegularExpression::escape(QStringView(pattern).sliced(i, end - i));
            i = end - 1;
        }
    }
    return QStringLiteral("\\A") + rx + QStringLiteral("\\z");
}

} // namespace

CodeOwners CodeOwners::parse(const QByteArray &text, QString fileName)
{
    CodeOwners co;
    co.m_fileName = std::move(fileName);
    const QStringList lines = QString::fromUtf8(text).split(QLatin1Char('\n'));
    for (qsizetype n = 0; n < lines.size(); ++n) {
        QString line = lines.at(n);
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        const QStringList words = splitWords(line);
        if (words.isEmpty())
            continue;
        Rule rule;
        rule.pattern = words.first();
        rule.owners = words.mid(1);
        rule.line = int(n + 1);
        if (rule.pattern.contains(QLatin1Char('[')) || rule.pattern.startsWith(QLatin1Char('!'))) {
            co.m_problems.append(
                Error{QStringLiteral("GitHub does not support '%1' in CODEOWNERS "
                                     "patterns")
                          .arg(rule.pattern.startsWith(QLatin1Char('!')) ? QStringLiteral("!")
                                                                         : QStringLiteral("[ ]")),
                      co.m_fileName, rule.line, 1, Error::Code::Syntax});
            continue;
        }
        for (const QString &owner : std::as_const(rule.owners)) {
            if (!owner.startsWith(QLatin1Char('@')) && !owner.contains(QLatin1Char('@')))
                co.m_problems.append(Error{QStringLiteral("'%1' is not a user, team or e-mail "
                                                          "address")
                                               .arg(owner),
                                           co.m_fileName, rule.line, 1, Error::Code::Syntax});
        }
        rule.regex = QRegularExpression(globToRegex(rule.pattern, &rule.folderOnly));
        if (!rule.regex.isValid()) {
            // Only the reason: the pattern itself may be megabytes of repository text.
            co.m_problems.append(Error{
                QStringLiteral("this pattern cannot be matched (%1)").arg(rule.regex.errorString()),
                co.m_fileName, rule.line, 1, Error::Code::Syntax});
            continue;
        }
        const QString last =
            rule.pattern.section(QLatin1Char('/'), -1, -1, QString::SectionSkipEmpty);
        rule.ownsContents = rule.folderOnly ||
                            !(last.contains(QLatin1Char('*')) || last.contains(QLatin1Char('?')));
        const QString root = matchRoot(rule);
        (root.isEmpty() ? co.m_anywhere : co.m_byRoot[root]).append(co.m_rules.size());
        co.m_rules.append(rule);
    }
    return co;
}

bool CodeOwners::ruleMatches(const Rule &rule, const QString &path, bool isFolder)
{
    // A rule naming a folder owns everything in it: try the path and each folder above it. A
    // wildcard in the last part only matches that level ("docs/*" owns docs/a.md, not
    // docs/sub/b.md), as GitHub documents.
    if (!rule.ownsContents)
        return rule.regex.match(path).hasMatch() && (!rule.folderOnly || isFolder);
    const QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    QString prefix;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        prefix += (i ? QStringLiteral("/") : QString()) + parts.at(i);
        const bool prefixIsFolder = i + 1 < parts.size() || isFolder;
        if (rule.folderOnly && !prefixIsFolder)
            continue;
        if (rule.regex.match(prefix).hasMatch())
            return true;
    }
    return false;
}

QString CodeOwners::matchRoot(const Rule &rule)
{
    // As globToRegex reads the pattern: the regular expression starts with the pattern's text
    // up to its first wildcard, so everything it matches starts with that text.
    QString p = rule.pattern;
    while (p.endsWith(QLatin1Char('/')))
        p.chop(1);
    if (!p.contains(QLatin1Char('/')))
        return {}; // not anchored: any depth
    if (p.startsWith(QLatin1Char('/')))
        p.remove(0, 1);
    qsizetype wildcard = 0;
    while (wildcard < p.size() && p.at(wildcard) != QLatin1Char('*') &&
           p.at(wildcard) != QLatin1Char('?'))
        ++wildcard;
    if (wildcard == p.size())
        return p; // all literal: matches exactly this path or folder
    // The complete components before the one with the wildcard.
    const qsizetype slash = p.lastIndexOf(QLatin1Char('/'), wildcard);
    return slash > 0 ? p.left(slash) : QString();
}

const CodeOwners::Rule *CodeOwners::ruleFor(const QString &path, bool isFolder) const
{
    // Only the rules whose matchRoot() is one of the path's leading folders (or the path) can
    // match; the last of them that does wins. matchRoot() holds for clean paths: anything else
    // tries every rule.
    const QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (parts.join(QLatin1Char('/')) != path) {
        for (auto it = m_rules.crbegin(); it != m_rules.crend(); ++it) {
            if (ruleMatches(*it, path, isFolder))
                return &*it;
        }
        return nullptr;
    }
    QList<qsizetype> candidates = m_anywhere;
    if (!m_byRoot.isEmpty()) {
        QString prefix;
        for (qsizetype i = 0; i < parts.size(); ++i) {
            prefix += (i ? QStringLiteral("/") : QString()) + parts.at(i);
            if (auto it = m_byRoot.constFind(prefix); it != m_byRoot.constEnd())
                candidates += *it;
        }
    }
    std::sort(candidates.begin(), candidates.end(), std::greater<>());
    for (const qsizetype i : std::as_const(candidates)) {
        if (ruleMatches(m_rules.at(i), path, isFolder))
            return &m_rules.at(i);
    }
    return nullptr;
}

QStringList CodeOwners::ownersOf(const QString &path, bool isFolder) const
{
    const Rule *rule = ruleFor(path, isFolder);
    return rule ? rule->owners : QStringList();
}

} // namespace kanri::platform
