#pragma once

#include "core/result.h"

#include <QHash>
#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

namespace kanri::platform {

// A CODEOWNERS file as GitHub reads it: one rule per line, `pattern owner...`; `#` starts a
// comment; `\#` and `\ ` escape a leading hash and a space inside a pattern. Patterns follow
// gitignore's rules without negation or character ranges: a pattern with a slash before its
// end is anchored at the repository root, otherwise it matches at any depth; a trailing slash
// matches a folder and everything in it; `*` and `?` stop at slashes, `**` crosses them. A rule
// matching a folder owns everything below it. The LAST matching rule wins, and a rule with no
// owners takes ownership away.
class CodeOwners
{
public:
    struct Rule
    {
        QString pattern;
        QStringList owners; // "@org/team", "@user" or an e-mail address; may be empty
        int line = 0;       // 1-based line in the file
        QRegularExpression regex;
        bool folderOnly = false;  // written with a trailing slash
        bool ownsContents = true; // a match on a folder owns what is inside it
    };

    static CodeOwners parse(const QByteArray &text, QString fileName = {});

    // The rule that decides ownership of a repository-relative path ("services/a/base/x.yaml"),
    // or nullptr when no rule matches.
    const Rule *ruleFor(const QString &path, bool isFolder = false) const;
    QStringList ownersOf(const QString &path, bool isFolder = false) const;

    const QList<Rule> &rules() const { return m_rules; }
    const QList<Error> &problems() const { return m_problems; } // lines GitHub would reject
    QString fileName() const { return m_fileName; }

    static bool ruleMatches(const Rule &rule, const QString &path, bool isFolder);
    // The folder every path that `rule` matches is, or lies in, as its literal leading path
    // components ("services/a" for "/services/a/" and "/services/a/*.yaml"); empty when the
    // rule may match anywhere. Holds for clean relative paths (no empty or leading component).
    static QString matchRoot(const Rule &rule);

private:
    QList<Rule> m_rules;
    // ruleFor() without trying every rule: the rules by matchRoot(), and those that may match
    // anywhere (indexes into m_rules).
    QHash<QString, QList<qsizetype>> m_byRoot;
    QList<qsizetype> m_anywhere;
    QList<Error> m_problems;
    QString m_fileName;
};

} // namespace kanri::platform
