#pragma once

#include "core/result.h"

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

private:
    QList<Rule> m_rules;
    QList<Error> m_problems;
    QString m_fileName;
};

} // namespace kanri::platform
