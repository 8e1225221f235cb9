#include "platform/catalog.h"
#include "tests/testsupport/catalogfixture.h"
#include "tests/testsupport/testutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace kanri;
using namespace kanri::platform;

class TestCatalog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void workingTreeLoadsEverything();
    void brokenOverlayMarksOnlyItsService();
    void catalogAtACommitDiffersFromTheWorkingTree();
    void olderCommitsAreReadToo();
    void aRevisionOfOneRepositoryReadsTheOtherWorkingTree();
    void anUnknownRevisionIsAnError();
    void commandLineAtPrintsTheCommit();
    void problemsNameTheirFileInItsRepository();
    void aConfigurationThatIsNotAMappingIsAProblem();

private:
    void changeWorkingTree();
    Workspace workspace();
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestCatalog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(test::writeWorkspace(m_dir->path()));
}

Workspace TestCatalog::workspace()
{
    auto ws = Workspace::load(m_dir->path());
    if (!ws)
        qFatal("%s", qPrintable(ws.error().toString()));
    return *ws;
}

// After the commit: one more developer, one more service, svc-0000's stg namespace renamed.
void TestCatalog::changeWorkingTree()
{
    const QString tfvars = m_dir->filePath(QStringLiteral("accounts/developers.auto.tfvars"));
    QFile f(tfvars);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QByteArray text = f.readAll();
    f.close();
    text.replace("}\n}\n", "}\n  newbie = {\n    name   = \"N\"\n    github = \"n\"\n"
                           "    email  = \"n@example.com\"\n  }\n}\n");
    QVERIFY(test::writeText(tfvars, text));
    QVERIFY(test::writeText(m_dir->filePath(QStringLiteral(
                                "manifests/services/svc-0009/overlays/prd/kustomization.yaml")),
                            "namespace: nine\nresources: []\n"));
    const QString stg = m_dir->filePath(
        QStringLiteral("manifests/services/svc-0000/overlays/stg/kustomization.yaml"));
    QFile s(stg);
    QVERIFY(s.open(QIODevice::ReadOnly));
    QByteArray k = s.readAll();
    s.close();
    k.replace("namespace: svc-0000", "namespace: renamed");
    QVERIFY(test::writeText(stg, k));
}

void TestCatalog::workingTreeLoadsEverything()
{
    auto c = Catalog::load(workspace());
    QVERIFY2(c.has_value(), qPrintable(c ? QString() : c.error().toString()));
    QCOMPARE(c->services.size(), 3);
    QCOMPARE(c->developers.size(), 4);
    QCOMPARE(c->microservices.size(), 3);
    QCOMPARE(c->teams.size(), 3); // team-0, team-1, and @org/sre owning microservices.tf
    QCOMPARE(c->services[0].team, QStringLiteral("@org/team-0"));
    QCOMPARE(c->services[0].environments.size(), 3);
    QCOMPARE(c->services[0].environments[0].name, QStringLiteral("dev"));
    QCOMPARE(c->services[0].environments[0].namespaceName, QStringLiteral("dev-shared"));
    QCOMPARE(c->services[0].environments[2].overlay,
             QStringLiteral("services/svc-0000/overlays/prd"));
    QCOMPARE(c->services[0].microservice, 0);
    QVERIFY(c->accountsCommit.isEmpty());
    QVERIFY(!c->assumptions.isEmpty()); // no .kanri.yaml: the maps were found by looking
    for (const Service &s : c->services)
        QCOMPARE(s.owners, c->manifestsOwners.ownersOf(s.path, true));
}

void TestCatalog::brokenOverlayMarksOnlyItsService()
{
    QVERIFY(test::writeWorkspace(m_dir->path(), {.brokenStg = true}));
    auto c = Catalog::load(workspace());
    QVERIFY(c.has_value());
    QCOMPARE(c->services.size(), 3);
    QVERIFY(c->services[0].error.isEmpty());
    QVERIFY(c->services[1].error.startsWith(
        QStringLiteral("services/svc-0001/overlays/stg/kustomization.yaml:")));
    QVERIFY(c->services[2].error.isEmpty());
    QVERIFY(!c->services[1].environments[1].error.isEmpty());
    QVERIFY(c->services[1].environments[2].error.isEmpty());
    QCOMPARE(c->services[1].environments[2].namespaceName, QStringLiteral("svc-0001"));
}

void TestCatalog::catalogAtACommitDiffersFromTheWorkingTree()
{
    QVERIFY(test::commitAll(m_dir->path()));
    changeWorkingTree();
    auto now = Catalog::load(workspace());
    auto then = Catalog::loadAt(workspace(), QStringLiteral("HEAD"));
    QVERIFY(now.has_value());
    QVERIFY2(then.has_value(), qPrintable(then ? QString() : then.error().toString()));
    QCOMPARE(now->services.size(), 4);
    QCOMPARE(then->services.size(), 3);
    QCOMPARE(now->developers.size(), 5);
    QCOMPARE(then->developers.size(), 4);
    QCOMPARE(now->services[0].environments[1].namespaceName, QStringLiteral("renamed"));
    QCOMPARE(then->services[0].environments[1].namespaceName, QStringLiteral("svc-0000"));
    QCOMPARE(then->accountsCommit.size(), 40);
    QCOMPARE(then->manifestsCommit.size(), 40);
    // The same files, read the same way: developers keep their lines and owners.
    QCOMPARE(then->developers[1].line, now->developers[1].line);
    QCOMPARE(then->developers[1].owners, now->developers[1].owners);
    QCOMPARE(then->services[1].owners, now->services[1].owners);
    QCOMPARE(then->accountsRoot, now->accountsRoot);
}

void TestCatalog::olderCommitsAreReadToo()
{
    QVERIFY(test::commitAll(m_dir->path()));
    changeWorkingTree();
    QVERIFY(test::commitAll(m_dir->path(), QStringLiteral("second")));
    auto head = Catalog::loadAt(workspace(), QStringLiteral("HEAD"));
    auto previous = Catalog::loadAt(workspace(), QStringLiteral("HEAD~1"));
    QVERIFY(head.has_value());
    QVERIFY(previous.has_value());
    QCOMPARE(head->services.size(), 4);
    QCOMPARE(previous->services.size(), 3);
    QVERIFY(head->manifestsCommit != previous->manifestsCommit);
}

void TestCatalog::aRevisionOfOneRepositoryReadsTheOtherWorkingTree()
{
    QVERIFY(test::commitAll(m_dir->path()));
    changeWorkingTree();
    const auto id = test::run(QStringLiteral("git"), {"rev-parse", "HEAD"},
                              m_dir->filePath(QStringLiteral("manifests")));
    QCOMPARE(id.exitCode, 0);
    const QString commit = QString::fromLatin1(id.out.trimmed());
    auto c = Catalog::loadAt(workspace(), commit);
    QVERIFY2(c.has_value(), qPrintable(c ? QString() : c.error().toString()));
    QCOMPARE(c->manifestsCommit, commit);
    QVERIFY(c->accountsCommit.isEmpty());
    QCOMPARE(c->services.size(), 3);   // the commit
    QCOMPARE(c->developers.size(), 5); // the working tree
    QVERIFY(c->assumptions.join('\n').contains(QStringLiteral("accounts: '%1'").arg(commit)));
}

void TestCatalog::anUnknownRevisionIsAnError()
{
    QVERIFY(test::commitAll(m_dir->path()));
    auto c = Catalog::loadAt(workspace(), QStringLiteral("no-such-branch"));
    QVERIFY(!c.has_value());
    QVERIFY(c.error().message.contains(QStringLiteral("no-such-branch")));
}

void TestCatalog::commandLineAtPrintsTheCommit()
{
    const QString kanri = test::kanriBinary();
    QVERIFY2(QFileInfo::exists(kanri), "the kanri binary is built with the tests");
    QVERIFY(test::commitAll(m_dir->path()));
    changeWorkingTree();
    const auto at =
        test::run(kanri, {"catalog", "--workspace", m_dir->path(), "--at", "HEAD", "--json"});
    QCOMPARE(at.exitCode, 0);
    const QJsonObject then = QJsonDocument::fromJson(at.out).object();
    QCOMPARE(then.value("services").toArray().size(), 3);
    QCOMPARE(then.value("developers").toArray().size(), 4);
    for (const QJsonValue &repo : then.value("repositories").toArray())
        QCOMPARE(repo.toObject().value("commit").toString().size(), 40);
    const auto now = test::run(kanri, {"catalog", "--workspace", m_dir->path(), "--json"});
    QCOMPARE(now.exitCode, 0);
    const QJsonObject current = QJsonDocument::fromJson(now.out).object();
    QCOMPARE(current.value("services").toArray().size(), 4);
    QVERIFY(!current.value("repositories").toArray().first().toObject().contains("commit"));
    const auto bad = test::run(kanri, {"catalog", "--workspace", m_dir->path(), "--at"});
    QCOMPARE(bad.exitCode, 2);
    const auto unknown =
        test::run(kanri, {"catalog", "--workspace", m_dir->path(), "--at", "nope"});
    QCOMPARE(unknown.exitCode, 1);
    QVERIFY(unknown.err.contains("nope"));
}

// Found by the hostile suite (tests/hostile): problems named their file relative to a
// repository that they did not name, `kanri catalog` exited 0 after printing them, and a schema
// path in .kanri.yaml could make the catalog read any file on the machine.
void TestCatalog::problemsNameTheirFileInItsRepository()
{
    const QString accounts = m_dir->filePath(QStringLiteral("accounts"));
    QVERIFY(test::writeText(accounts + QStringLiteral("/.github/CODEOWNERS"), "* not-an-owner\n"));
    QVERIFY(test::writeText(accounts + QStringLiteral("/.kanri.yaml"),
                            "developers:\n  schema: ../../../../../../etc/passwd#variable.x\n"
                            "  entries: developers.auto.tfvars#developers\n"));
    auto c = Catalog::load(workspace());
    QVERIFY(c.has_value());
    QStringList shown;
    for (const Error &e : std::as_const(c->problems))
        shown << e.toString();
    QVERIFY2(shown.contains(accounts +
                            QStringLiteral("/.github/CODEOWNERS:1:1: error: 'not-an-owner' is not "
                                           "a user, team or e-mail address")),
             qPrintable(shown.join(QLatin1Char('\n'))));
    QVERIFY2(shown.contains(accounts + QStringLiteral("/.kanri.yaml:2:11: error: the schema file "
                                                      "../../../../../../etc/passwd is outside "
                                                      "the repository")),
             qPrintable(shown.join(QLatin1Char('\n'))));
    QVERIFY2(!shown.join(QLatin1Char('\n')).contains(QLatin1String("passwd:")),
             "the file outside the repository was read");
    QCOMPARE(c->developers.size(), 4); // the entries are still read

    const QString kanri = test::kanriBinary();
    QVERIFY2(QFileInfo::exists(kanri), "the kanri binary is built with the tests");
    const auto r = test::run(kanri, {"catalog", "--workspace", m_dir->path()});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.out.contains("4 developers"));
    QVERIFY2(r.err.contains(accounts.toUtf8() + "/.github/CODEOWNERS:1:1: error: "),
             r.err.constData());
}

void TestCatalog::aConfigurationThatIsNotAMappingIsAProblem()
{
    const QString accounts = m_dir->filePath(QStringLiteral("accounts"));
    QVERIFY(test::writeText(accounts + QStringLiteral("/.kanri.yaml"), "just a sentence\n"));
    auto c = Catalog::load(workspace()); // yaml-cpp threw on operator[] of a scalar here
    QVERIFY(c.has_value());
    QCOMPARE(c->problems.size(), 1);
    QCOMPARE(c->problems[0].toString(),
             accounts + QStringLiteral("/.kanri.yaml:1:1: error: expected a mapping"));
    QCOMPARE(c->developers.size(), 4); // found by looking, as without a configuration
}

QTEST_GUILESS_MAIN(TestCatalog)
#include "tst_catalog.moc"
