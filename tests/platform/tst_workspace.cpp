#include "core/fileio.h"
#include "platform/demoworkspace.h"
#include "platform/workspace.h"
#include "tests/testsupport/testutil.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace kanri;
using namespace kanri::platform;

class TestWorkspace : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void loadsWorkspaceYaml();
    void badWorkspaceYamlSaysWhere();
    void materialisesTheDemo();
    void demoCommitsPushOffline();
    void materialiseRefusesAnExistingWorkspace();
    void failedMaterialisationLeavesNothing();

private:
    QString git(const QString &dir, const QStringList &args);
};

void TestWorkspace::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

QString TestWorkspace::git(const QString &dir, const QStringList &args)
{
    const auto r = test::run(QStringLiteral("git"), QStringList{QStringLiteral("-C"), dir} + args);
    return QString::fromUtf8(r.out).trimmed();
}

void TestWorkspace::loadsWorkspaceYaml()
{
    QTemporaryDir dir;
    QVERIFY(
        writeFileAtomic(dir.filePath(QStringLiteral("workspace.yaml")),
                        "name: acme\nrepositories:\n"
                        "  - name: infra\n    role: accounts\n"
                        "    url: https://github.com/acme/infra.git\n    path: /srv/infra\n"
                        "  - name: k8s\n    role: manifests\n    url: git@github.com:acme/k8s.git\n"
                        "    defaultBranch: trunk\n")
            .has_value());
    const auto ws = Workspace::load(dir.path());
    QVERIFY2(ws.has_value(), qPrintable(ws ? QString() : ws.error().toString()));
    QCOMPARE(ws->name, QStringLiteral("acme"));
    QCOMPARE(ws->repositories.size(), 2);
    QCOMPARE(ws->repositoryPath(ws->repositories[0]), QStringLiteral("/srv/infra"));
    QCOMPARE(ws->repositoryPath(ws->repositories[1]),
             QDir(dir.path()).filePath(QStringLiteral("k8s")));
    QCOMPARE(ws->repository(RepositoryRole::Manifests)->defaultBranch, QStringLiteral("trunk"));
    QCOMPARE(ws->repository(RepositoryRole::Accounts)->name, QStringLiteral("infra"));

    // Saving and loading again gives the same workspace.
    QVERIFY(ws->save().has_value());
    const auto again = Workspace::load(dir.path());
    QVERIFY(again.has_value());
    QCOMPARE(again->repositories[1].url, ws->repositories[1].url);
    QCOMPARE(again->repositories[1].defaultBranch, QStringLiteral("trunk"));
}

void TestWorkspace::badWorkspaceYamlSaysWhere()
{
    QTemporaryDir dir;
    QVERIFY(writeFileAtomic(dir.filePath(QStringLiteral("workspace.yaml")),
                            "name: x\nrepositories:\n  - name: a\n    role: helm\n")
                .has_value());
    const auto ws = Workspace::load(dir.path());
    QVERIFY(!ws.has_value());
    QCOMPARE(ws.error().line, 3);
    QVERIFY(ws.error().toString().contains(QStringLiteral("workspace.yaml:3:")));

    QVERIFY(writeFileAtomic(dir.filePath(QStringLiteral("workspace.yaml")), "name: [unclosed\n")
                .has_value());
    const auto broken = Workspace::load(dir.path());
    QVERIFY(!broken.has_value());
    QCOMPARE(broken.error().code, Error::Code::Syntax);
}

void TestWorkspace::materialisesTheDemo()
{
    QTemporaryDir tmp;
    const QString dir = tmp.filePath(QStringLiteral("demo"));
    const auto ws = materialiseDemo(QStringLiteral(":/demo"), dir);
    QVERIFY2(ws.has_value(), qPrintable(ws ? QString() : ws.error().toString()));
    QCOMPARE(ws->repositories.size(), 2);
    QVERIFY(!QFileInfo::exists(dir + QStringLiteral(".partial")));

    const QString accounts = ws->repositoryPath(*ws->repository(RepositoryRole::Accounts));
    const QString manifests = ws->repositoryPath(*ws->repository(RepositoryRole::Manifests));
    QVERIFY(QFileInfo::exists(accounts + QStringLiteral("/.github/CODEOWNERS")));
    QVERIFY(QFileInfo::exists(manifests + QStringLiteral("/.github/CODEOWNERS")));
    QVERIFY(QFileInfo(accounts + QStringLiteral("/variables.tf")).isWritable());

    for (const QString &repo : {accounts, manifests}) {
        QCOMPARE(git(repo, {QStringLiteral("rev-parse"), QStringLiteral("--abbrev-ref"),
                            QStringLiteral("HEAD")}),
                 QStringLiteral("main"));
        QCOMPARE(git(repo, {QStringLiteral("status"), QStringLiteral("--porcelain")}), QString());
        QCOMPARE(git(repo, {QStringLiteral("rev-parse"), QStringLiteral("HEAD")}),
                 git(repo, {QStringLiteral("rev-parse"), QStringLiteral("origin/main")}));
        const QString url = git(
            repo, {QStringLiteral("remote"), QStringLiteral("get-url"), QStringLiteral("origin")});
        QVERIFY2(url.startsWith(dir + QStringLiteral("/remotes/")), qPrintable(url));
        QCOMPARE(git(url, {QStringLiteral("rev-parse"), QStringLiteral("--is-bare-repository")}),
                 QStringLiteral("true"));
        QCOMPARE(git(repo, {QStringLiteral("rev-parse"), QStringLiteral("--abbrev-ref"),
                            QStringLiteral("main@{upstream}")}),
                 QStringLiteral("origin/main"));
    }
}

void TestWorkspace::demoCommitsPushOffline()
{
    QTemporaryDir tmp;
    const auto ws = materialiseDemo(QStringLiteral(":/demo"), tmp.filePath(QStringLiteral("w")));
    QVERIFY(ws.has_value());
    const QString manifests = ws->repositoryPath(*ws->repository(RepositoryRole::Manifests));
    QVERIFY(writeFileAtomic(manifests + QStringLiteral("/NOTES.md"), "hello\n").has_value());
    git(manifests, {QStringLiteral("add"), QStringLiteral("NOTES.md")});
    git(manifests, {QStringLiteral("-c"), QStringLiteral("user.name=T"), QStringLiteral("-c"),
                    QStringLiteral("user.email=t@example.com"), QStringLiteral("commit"),
                    QStringLiteral("-qm"), QStringLiteral("notes")});
    const auto push =
        test::run(QStringLiteral("git"),
                  {QStringLiteral("-C"), manifests, QStringLiteral("push"), QStringLiteral("-q")});
    QCOMPARE(push.exitCode, 0);
    QCOMPARE(git(manifests, {QStringLiteral("rev-parse"), QStringLiteral("origin/main")}),
             git(manifests, {QStringLiteral("rev-parse"), QStringLiteral("HEAD")}));
}

void TestWorkspace::materialiseRefusesAnExistingWorkspace()
{
    QTemporaryDir tmp;
    const QString dir = tmp.filePath(QStringLiteral("w"));
    QVERIFY(materialiseDemo(QStringLiteral(":/demo"), dir).has_value());
    const QByteArray before = readFile(dir + QStringLiteral("/workspace.yaml")).value();
    const auto again = materialiseDemo(QStringLiteral(":/demo"), dir);
    QVERIFY(!again.has_value());
    QCOMPARE(readFile(dir + QStringLiteral("/workspace.yaml")).value(), before);
}

void TestWorkspace::failedMaterialisationLeavesNothing()
{
    QTemporaryDir tmp;
    const QString dir = tmp.filePath(QStringLiteral("w"));
    const auto ws = materialiseDemo(tmp.filePath(QStringLiteral("no-such-source")), dir);
    QVERIFY(!ws.has_value());
    QCOMPARE(ws.error().code, Error::Code::NotFound);
    QVERIFY(!QFileInfo::exists(dir));
    QVERIFY(!QFileInfo::exists(dir + QStringLiteral(".partial")));
}

QTEST_GUILESS_MAIN(TestWorkspace)
#include "tst_workspace.moc"
