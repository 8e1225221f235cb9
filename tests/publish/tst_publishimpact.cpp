// The Terraform impact section of pull request bodies (issue 23): its Markdown (capped, with
// the notes), a failure said with its place, and the section between two commits of the demo
// accounts repository (what an ordinary publish's body gets).

#include "git/gitrepository.h"
#include "platform/demoworkspace.h"
#include "publish/publishimpact.h"

#include <QDir>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace kanri;
using terraform::InstanceChange;

class TestPublishImpact : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void markdownListsInstancesCappedWithTheRestCounted();
    void failureIsSaidWithItsPlace();
    void sectionBetweenTwoCommitsOfTheAccountsRepository();
};

void TestPublishImpact::markdownListsInstancesCappedWithTheRestCounted()
{
    terraform::Impact impact;
    for (int i = 0; i < 5; ++i)
        impact.changes.append({InstanceChange::Kind::Add,
                               QStringLiteral("aws_iam_user.developer[\"u%1\"]").arg(i),
                               {},
                               {},
                               QStringLiteral("main.tf"),
                               53});
    impact.changes.append({InstanceChange::Kind::Remove,
                           QStringLiteral("datadog_user.developer[\"old\"]"),
                           {},
                           {},
                           {},
                           0});
    impact.changes.append({InstanceChange::Kind::Update,
                           QStringLiteral("slack_usergroup.platform_developers"),
                           {},
                           {{QStringLiteral("users"), QStringLiteral("[\"U1\"]"),
                             QStringLiteral("[\"U1\", \"U2\"]")}},
                           {},
                           0});
    impact.notEvaluated << QStringLiteral("main.tf:3:14: for_each is not known offline");
    // Updates by their changed arguments' names, without the values (which may be huge).
    const QString all = platform::impactMarkdown(impact, QStringLiteral("accounts"));
    QVERIFY2(all.contains(QStringLiteral("! slack_usergroup.platform_developers\n    ~ users\n")),
             qPrintable(all));
    QVERIFY(!all.contains(QStringLiteral("U2")));
    impact.changes.removeLast();

    const QString md = platform::impactMarkdown(impact, QStringLiteral("accounts"), 3);
    QVERIFY2(md.contains(QStringLiteral("accounts: 5 to add, 1 to remove")), qPrintable(md));
    QVERIFY2(md.contains(QStringLiteral("```diff\n+ aws_iam_user.developer[\"u0\"]\n")),
             qPrintable(md));
    QVERIFY(md.contains(QStringLiteral("+ aws_iam_user.developer[\"u2\"]")));
    QVERIFY(!md.contains(QStringLiteral("u3")));                         // capped at 3...
    QVERIFY2(md.contains(QStringLiteral("and 3 more")), qPrintable(md)); // ...the rest counted
    QVERIFY(md.contains(QStringLiteral("`main.tf:3:14: for_each is not known offline`")));
}

void TestPublishImpact::failureIsSaidWithItsPlace()
{
    const QString md = platform::impactFailureMarkdown(
        QStringLiteral("accounts"), QStringLiteral("main.tf:4:3: error: unexpected \"}\""));
    QVERIFY(md.contains(QStringLiteral("Terraform impact (accounts")));
    QVERIFY(md.contains(QStringLiteral("`main.tf:4:3: error: unexpected \"}\"`")));
}

void TestPublishImpact::sectionBetweenTwoCommitsOfTheAccountsRepository()
{
    QStandardPaths::setTestModeEnabled(true);
    QTemporaryDir tmp;
    auto ws =
        platform::materialiseDemo(QStringLiteral(":/demo"), tmp.filePath(QStringLiteral("ws")));
    QVERIFY2(ws.has_value(), qPrintable(ws ? QString() : ws.error().toString()));
    const QString accounts =
        ws->repositoryPath(*ws->repository(platform::RepositoryRole::Accounts));
    auto repo = git::Repository::open(accounts);
    QVERIFY(repo.has_value());
    auto base = repo->headCommit();
    QVERIFY(base.has_value());

    // Nothing Terraform differs between a commit and itself: no section.
    QCOMPARE(platform::revisionImpactSection(accounts, QStringLiteral("accounts"), *base, *base),
             QString());

    // lgarcia gets aws in a new commit.
    QFile file(QDir(accounts).filePath(QStringLiteral("developers.auto.tfvars")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QByteArray text = file.readAll();
    file.close();
    const int at = text.indexOf("  lgarcia = {\n");
    QVERIFY(at >= 0);
    text.insert(at + int(qstrlen("  lgarcia = {\n")), "    aws = true\n");
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(text);
    file.close();
    QVERIFY(repo->stageAll());
    auto head = repo->commit(QStringLiteral("lgarcia gets aws"),
                             git::Signature{QStringLiteral("T"), QStringLiteral("t@example.com")});
    QVERIFY2(head.has_value(), qPrintable(head ? QString() : head.error().toString()));

    const QString md =
        platform::revisionImpactSection(accounts, QStringLiteral("accounts"), *base, *head);
    QVERIFY2(md.contains(QStringLiteral("+ aws_iam_user.developer[\"lgarcia\"]")), qPrintable(md));
    QVERIFY2(md.contains(QStringLiteral("accounts: ")) && md.contains(QStringLiteral("to add")),
             qPrintable(md));
    QVERIFY(!md.contains(QStringLiteral("to remove")));
}

QTEST_GUILESS_MAIN(TestPublishImpact)
#include "tst_publishimpact.moc"
