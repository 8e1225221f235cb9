#include "platform/codeowners.h"

#include <QElapsedTimer>
#include <QTest>

using namespace kanri::platform;

class TestCodeOwners : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void githubExamples_data();
    void githubExamples();
    void emptyOwnersRemoveOwnership();
    void escapesAndComments();
    void unsupportedSyntaxIsReported();
    void ruleLinesAreKept();
    void runsOfStarsDoNotBacktrack();
    void aHugePatternIsQuickAndQuiet();
    void lookupAgreesWithTryingEveryRule();
};

// The example file from GitHub's documentation ("About code owners"), in its order.
static const QByteArray kGithubExample = R"(# This is a comment.
# Each line is a file pattern followed by one or more owners.
*       @global-owner1 @global-owner2
*.js    @js-owner #This is an inline comment.
*.go docs@example.com
*.txt @octo-org/octocats
/build/logs/ @doctocat
docs/*  docs@example.com
apps/ @octocat
/docs/ @doctocat
/scripts/ @doctocat @octocat
**/logs @octocat
)";

void TestCodeOwners::githubExamples_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QStringList>("owners");
    const QStringList global{QStringLiteral("@global-owner1"), QStringLiteral("@global-owner2")};
    QTest::newRow("a file no other rule matches belongs to the global owners")
        << QStringLiteral("README.md") << global;
    QTest::newRow("a JavaScript file anywhere belongs to the js owner")
        << QStringLiteral("src/app/main.js") << QStringList{QStringLiteral("@js-owner")};
    QTest::newRow("an e-mail address can own files")
        << QStringLiteral("cmd/tool.go") << QStringList{QStringLiteral("docs@example.com")};
    QTest::newRow("a team owns text files")
        << QStringLiteral("notes.txt") << QStringList{QStringLiteral("@octo-org/octocats")};
    QTest::newRow("a root folder rule owns files inside it")
        << QStringLiteral("build/logs/today.log") << QStringList{QStringLiteral("@octocat")};
    QTest::newRow("docs/* owns a file directly in docs")
        << QStringLiteral("docs/getting-started.md") << QStringList{QStringLiteral("@doctocat")};
    QTest::newRow("the later /docs/ rule owns nested docs files")
        << QStringLiteral("docs/build-app/troubleshooting.md")
        << QStringList{QStringLiteral("@doctocat")};
    QTest::newRow("apps/ matches an apps folder at any depth")
        << QStringLiteral("web/apps/index.html") << QStringList{QStringLiteral("@octocat")};
    QTest::newRow("a folder rule with two owners")
        << QStringLiteral("scripts/deploy.sh")
        << QStringList{QStringLiteral("@doctocat"), QStringLiteral("@octocat")};
    QTest::newRow("**/logs matches logs folders anywhere")
        << QStringLiteral("deeply/nested/logs/x.txt") << QStringList{QStringLiteral("@octocat")};
    QTest::newRow("a logs folder below another folder falls to the **/logs rule")
        << QStringLiteral("other/build/logs/x.md") << QStringList{QStringLiteral("@octocat")};
}

void TestCodeOwners::githubExamples()
{
    QFETCH(QString, path);
    QFETCH(QStringList, owners);
    const CodeOwners co = CodeOwners::parse(kGithubExample);
    QCOMPARE(co.ownersOf(path), owners);
}

void TestCodeOwners::emptyOwnersRemoveOwnership()
{
    const CodeOwners co = CodeOwners::parse("/apps/ @octocat\n/apps/github\n");
    QCOMPARE(co.ownersOf(QStringLiteral("apps/web/a.js")), QStringList{QStringLiteral("@octocat")});
    QVERIFY(co.ownersOf(QStringLiteral("apps/github/a.js")).isEmpty());
    QVERIFY(co.ruleFor(QStringLiteral("apps/github/a.js")) != nullptr);

    const CodeOwners co2 = CodeOwners::parse("/apps/ @octocat\n/apps/github @doctocat\n");
    QCOMPARE(co2.ownersOf(QStringLiteral("apps/github/a.js")),
             QStringList{QStringLiteral("@doctocat")});
}

void TestCodeOwners::escapesAndComments()
{
    const CodeOwners co = CodeOwners::parse("\\#notes.md @a\nmy\\ file.txt @b # trailing\r\n"
                                            "   # indented comment\n\n/docs/*.md @c\n");
    QCOMPARE(co.rules().size(), 3);
    QCOMPARE(co.ownersOf(QStringLiteral("#notes.md")), QStringList{QStringLiteral("@a")});
    QCOMPARE(co.ownersOf(QStringLiteral("x/my file.txt")), QStringList{QStringLiteral("@b")});
    QCOMPARE(co.ownersOf(QStringLiteral("docs/a.md")), QStringList{QStringLiteral("@c")});
    QVERIFY(co.ownersOf(QStringLiteral("docs/sub/a.md")).isEmpty());
    QVERIFY(co.ownersOf(QStringLiteral("other/docs/a.md")).isEmpty());
}

void TestCodeOwners::unsupportedSyntaxIsReported()
{
    const CodeOwners co = CodeOwners::parse("!secret.txt @a\n*.[ch] @b\n*.md owner-without-at\n");
    QCOMPARE(co.problems().size(), 3);
    QCOMPARE(co.problems().at(0).line, 1);
    QCOMPARE(co.problems().at(2).line, 3);
}

void TestCodeOwners::ruleLinesAreKept()
{
    const CodeOwners co = CodeOwners::parse(kGithubExample, QStringLiteral(".github/CODEOWNERS"));
    const auto *rule = co.ruleFor(QStringLiteral("docs/build-app/troubleshooting.md"));
    QVERIFY(rule);
    QCOMPARE(rule->line, 10);
    QCOMPARE(rule->pattern, QStringLiteral("/docs/"));
}

// Found by the hostile suite: ten thousand stars made a regular expression that backtracked for
// minutes on every path that did not match.
void TestCodeOwners::runsOfStarsDoNotBacktrack()
{
    const CodeOwners co = CodeOwners::parse(QByteArray(10'000, '*') + "a @x\n" +
                                            QByteArray("**/").repeated(10'000) + "b @y\n");
    QVERIFY(co.problems().isEmpty());
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(co.ownersOf(QStringLiteral("services/payment-api/base/deployment.yaml")),
             QStringList());
    QCOMPARE(co.ownersOf(QStringLiteral("x/yza")), QStringList{QStringLiteral("@x")});
    QCOMPARE(co.ownersOf(QStringLiteral("x/y/b")), QStringList{QStringLiteral("@y")});
    QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
}

// Found by the hostile suite: a 4 MiB pattern took seconds (an allocation per character) and,
// when the regular expression engine refused it, Qt printed the whole pattern on every match.
void TestCodeOwners::aHugePatternIsQuickAndQuiet()
{
    QTest::failOnWarning(QRegularExpression(QStringLiteral(".")));
    QElapsedTimer timer;
    timer.start();
    const CodeOwners co =
        CodeOwners::parse(QByteArray(4 << 20, 'p') + " @x\n* @y\n", QStringLiteral("CODEOWNERS"));
    QCOMPARE(co.ownersOf(QStringLiteral("services/a.yaml")), QStringList{QStringLiteral("@y")});
    QCOMPARE(co.ownersOf(QString(4 << 20, QLatin1Char('p'))), QStringList{QStringLiteral("@y")});
    // PCRE2 refuses a pattern this long: the rule is reported by its line, without the pattern.
    QCOMPARE(co.problems().size(), 1);
    QCOMPARE(co.problems().constFirst().line, 1);
    QVERIFY2(co.problems().constFirst().message.size() < 200,
             qPrintable(co.problems().constFirst().message.left(200)));
    // About 0.4 s of CPU here; the margin is for a loaded machine and the sanitizers.
    QVERIFY2(timer.elapsed() < 8000, qPrintable(QString::number(timer.elapsed())));
}

// ruleFor() only tries the rules whose literal leading folders (matchRoot) the path starts
// with; it must answer exactly as trying every rule from the last line up does.
void TestCodeOwners::lookupAgreesWithTryingEveryRule()
{
    const QByteArray file = R"(* @all
/services/ @sre
/services/a/ @team-a
/services/a @team-a2
/services/b/base/ @team-b
/services/b*/overlays/ @b-star
/services/c/overlays/*.yaml @c-yaml
/services/?/prd/ @one-letter
services/a/base/x.yaml @exact
/services/**/kustomization.yaml @kustomizations
**/prd/ @prd
*.md @docs
docs/* @docs-direct
/docs/ 
/services/a/overlays/dev/ @dev-a
/services/a/overlays/dev/kustomization.yaml
//weird/ @weird
/services//a/ @double
)";
    const CodeOwners co = CodeOwners::parse(file);
    QVERIFY(co.problems().isEmpty());
    QCOMPARE(CodeOwners::matchRoot(co.rules().at(2)), QStringLiteral("services/a"));
    QCOMPARE(CodeOwners::matchRoot(co.rules().at(5)), QStringLiteral("services"));
    QCOMPARE(CodeOwners::matchRoot(co.rules().at(6)), QStringLiteral("services/c/overlays"));
    QCOMPARE(CodeOwners::matchRoot(co.rules().at(10)), QString());
    const QStringList paths{
        QStringLiteral("README.md"),
        QStringLiteral("services"),
        QStringLiteral("services/a"),
        QStringLiteral("services/a/base/x.yaml"),
        QStringLiteral("services/a/base/y.yaml"),
        QStringLiteral("services/a/overlays/dev/kustomization.yaml"),
        QStringLiteral("services/a/overlays/dev/patch.yaml"),
        QStringLiteral("services/a/overlays/prd/kustomization.yaml"),
        QStringLiteral("services/ab/base/x.yaml"),
        QStringLiteral("services/b/base/deployment.yaml"),
        QStringLiteral("services/b2/overlays/stg/kustomization.yaml"),
        QStringLiteral("services/c/overlays/a.yaml"),
        QStringLiteral("services/c/overlays/stg/a.yaml"),
        QStringLiteral("services/x/prd/a.yaml"),
        QStringLiteral("services/xy/prd/a.yaml"),
        QStringLiteral("docs/a.md"),
        QStringLiteral("docs/sub/b.txt"),
        QStringLiteral("weird/a"),
        QStringLiteral("services//a/x"),
        QStringLiteral("/services/a/x"),
        QStringLiteral("services/a/"),
        QString(),
    };
    for (const QString &path : paths) {
        for (const bool folder : {false, true}) {
            const CodeOwners::Rule *expected = nullptr;
            for (auto it = co.rules().crbegin(); it != co.rules().crend(); ++it) {
                if (CodeOwners::ruleMatches(*it, path, folder)) {
                    expected = &*it;
                    break;
                }
            }
            const CodeOwners::Rule *got = co.ruleFor(path, folder);
            QVERIFY2(got == expected,
                     qPrintable(QStringLiteral("%1 (folder %2): line %3, expected line %4")
                                    .arg(path)
                                    .arg(folder)
                                    .arg(got ? got->line : 0)
                                    .arg(expected ? expected->line : 0)));
        }
    }
}

QTEST_GUILESS_MAIN(TestCodeOwners)
#include "tst_codeowners.moc"
