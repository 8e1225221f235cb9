// The Terraform half of a review: map entries compared field by field, in sentences; the
// pull-request title and body made from a review; the order of its overlays; and the lines of a
// GitHub patch a review comment names.

#include "review/reviewchange.h"
#include "review/reviewcomment.h"
#include "tests/testsupport/githubtestrepo.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using kanri::platform::ChangeReview;
using kanri::platform::OverlayReview;
using kanri::platform::TerraformChange;

namespace {

kanri::diff::ResourceText deployment(const QString &name, int replicas, const QString &image)
{
    kanri::diff::ResourceText r;
    r.apiVersion = QStringLiteral("apps/v1");
    r.kind = QStringLiteral("Deployment");
    r.name = name;
    r.yaml = QStringLiteral("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: %1\n"
                            "spec:\n  replicas: %2\n  template:\n    spec:\n      containers:\n"
                            "        - name: app\n          image: %3\n")
                 .arg(name)
                 .arg(replicas)
                 .arg(image)
                 .toUtf8();
    return r;
}

OverlayReview overlay(const QString &path, const kanri::diff::ResourceText &before,
                      const kanri::diff::ResourceText &after)
{
    OverlayReview o;
    o.overlay = path;
    o.diff = kanri::diff::diffRenders({before}, {after});
    return o;
}

const QString api = QStringLiteral("ghcr.io/acme/api");

} // namespace

Q_DECLARE_METATYPE(OverlayReview)

class tst_ReviewChange : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void terraformMapsAreComparedFieldByField()
    {
        const QByteArray before = "developers = {\n"
                                  "  alice = { email = \"a@x.io\" }\n"
                                  "  bob = { email = \"b@x.io\", pagerduty = true }\n"
                                  "  carol = { email = \"c@x.io\" }\n"
                                  "}\n";
        const QByteArray after = "developers = {\n"
                                 "  alice = { email = \"a@x.io\", pagerduty = true }\n"
                                 "  bob = { email = \"bob@x.io\" }\n"
                                 "  dave = { email = \"d@x.io\" }\n"
                                 "}\n";
        const QList<TerraformChange> changes = kanri::platform::terraformChanges(
            QStringLiteral("developers.auto.tfvars"), before, after);
        QStringList sentences;
        for (const TerraformChange &c : changes) {
            QCOMPARE(c.file, QStringLiteral("developers.auto.tfvars"));
            QCOMPARE(c.map, QStringLiteral("developers"));
            sentences.append(c.sentence);
        }
        QVERIFY2(sentences.contains(QStringLiteral("alice gains pagerduty")),
                 qPrintable(sentences.join(QLatin1Char('|'))));
        QVERIFY(sentences.contains(QStringLiteral("bob loses pagerduty")));
        QVERIFY(sentences.contains(
            QStringLiteral("bob: email changed from \"b@x.io\" to \"bob@x.io\"")));
        QVERIFY(sentences.contains(QStringLiteral("carol removed")));
        QVERIFY(sentences.contains(QStringLiteral("dave added (email)")));
        QCOMPARE(sentences.size(), 5);
    }

    void aNewFileAddsEveryEntry()
    {
        const auto changes = kanri::platform::terraformChanges(
            QStringLiteral("x.tfvars"), std::nullopt, QByteArray("m = {\n  a = { f = 1 }\n}\n"));
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes[0].kind, TerraformChange::Kind::EntryAdded);
        QCOMPARE(changes[0].key, QStringLiteral("a"));
    }

    void titleSaysWhatChanged_data()
    {
        QTest::addColumn<QList<OverlayReview>>("overlays");
        QTest::addColumn<QString>("title");
        const auto d = [](int replicas, const QString &tag) {
            return deployment(QStringLiteral("payment-api"), replicas, api + ':' + tag);
        };
        const QString prd = QStringLiteral("services/payment-api/overlays/prd");
        const QString stg = QStringLiteral("services/payment-api/overlays/stg");
        QTest::newRow("one value of one environment")
            << QList<OverlayReview>{overlay(prd, d(2, "1.2"), d(8, "1.2"))}
            << QStringLiteral("payment-api: prd replicas 2 → 8");
        QTest::newRow("the same change in two environments names both")
            << QList<OverlayReview>{overlay(stg, d(2, "1.2"), d(8, "1.2")),
                                    overlay(prd, d(2, "1.2"), d(8, "1.2"))}
            << QStringLiteral("payment-api: stg, prd replicas 2 → 8");
        QTest::newRow("replicas and an image tag")
            << QList<OverlayReview>{overlay(prd, d(2, "1.2"), d(8, "1.3"))}
            << QStringLiteral("payment-api: prd replicas 2 → 8, image tag 1.2 → 1.3");
        QTest::newRow("three services with different changes say what kind of values")
            << QList<OverlayReview>{overlay(QStringLiteral("services/a/overlays/prd"), d(2, "1"),
                                            d(3, "1")),
                                    overlay(QStringLiteral("services/b/overlays/prd"), d(2, "1"),
                                            d(2, "2")),
                                    overlay(QStringLiteral("services/c/overlays/dev"), d(1, "1"),
                                            d(4, "1"))}
            << QStringLiteral("3 services: replicas, image tag");
        QTest::newRow("an added object is named") << QList<OverlayReview>{[&] {
            OverlayReview o;
            o.overlay = prd;
            o.diff = kanri::diff::diffRenders({}, {d(2, "1")});
            return o;
        }()} << QStringLiteral("payment-api: prd adds Deployment payment-api");
        QTest::newRow("nothing rendered changes: the fallback")
            << QList<OverlayReview>{overlay(prd, d(2, "1"), d(2, "1"))}
            << QStringLiteral("feature-branch");
    }

    void titleSaysWhatChanged()
    {
        QFETCH(QList<OverlayReview>, overlays);
        QFETCH(QString, title);
        ChangeReview review;
        review.overlays = overlays;
        QCOMPARE(kanri::platform::reviewTitle(review, QStringLiteral("feature-branch")), title);
    }

    void overlaysAreReviewedInDevStgPrdOrder()
    {
        using kanri::test::git;
        using kanri::test::writeFile;
        QTemporaryDir tmp;
        const QString repo = tmp.filePath(QStringLiteral("repo"));
        QVERIFY(writeFile(repo + QStringLiteral("/base/kustomization.yaml"),
                          "resources:\n  - deployment.yaml\n"));
        const auto base = [&](int replicas) {
            return writeFile(
                repo + QStringLiteral("/base/deployment.yaml"),
                deployment(QStringLiteral("web"), replicas, QStringLiteral("nginx:1")).yaml);
        };
        QVERIFY(base(1));
        for (const char *env : {"dev", "prd", "stg"})
            QVERIFY(writeFile(
                repo + QStringLiteral("/overlays/%1/kustomization.yaml").arg(QLatin1String(env)),
                "resources:\n  - ../../base\n"));
        QVERIFY(git(repo, {QStringLiteral("init"), QStringLiteral("-q")}));
        QVERIFY(git(repo, {QStringLiteral("add"), QStringLiteral(".")}));
        QVERIFY(git(repo, {QStringLiteral("commit"), QStringLiteral("-qm"), QStringLiteral("a")}));
        QVERIFY(base(3));
        QVERIFY(git(repo, {QStringLiteral("commit"), QStringLiteral("-qam"), QStringLiteral("b")}));

        kanri::platform::ReviewOptions options;
        options.cacheDir = tmp.filePath(QStringLiteral("cache"));
        options.runRules = false;
        const auto review = kanri::platform::reviewChange(repo, QStringLiteral("HEAD~1"),
                                                          QStringLiteral("HEAD"), options);
        QVERIFY2(review, review ? "" : qPrintable(review.error().toString()));
        QStringList order;
        for (const OverlayReview &o : review->overlays)
            order << o.overlay;
        QCOMPARE(order, (QStringList{QStringLiteral("overlays/dev"), QStringLiteral("overlays/stg"),
                                     QStringLiteral("overlays/prd")}));
        QCOMPARE(kanri::platform::reviewTitle(*review, QString()),
                 QStringLiteral("dev, stg, prd replicas 1 → 3"));
        QVERIFY(QFileInfo(review->headTree + QStringLiteral("/base/deployment.yaml")).exists());
    }

    void patchLinesAreNamedAsGitHubDoes()
    {
        // GitHub's patch of a file: old lines 10-13 become new lines 10-13, line 13 changed.
        const QString patch = QStringLiteral("@@ -10,4 +10,4 @@ patches:\n"
                                             "     patch: |-\n"
                                             "       - op: replace\n"
                                             "         path: /spec/replicas\n"
                                             "-        value: 2\n"
                                             "+        value: 5");
        QVERIFY(!kanri::review::patchLineAt(patch, 0)); // the hunk header
        const auto context = kanri::review::patchLineAt(patch, 1);
        QVERIFY(context);
        QCOMPARE(context->line, 10);
        QCOMPARE(context->side, QStringLiteral("RIGHT"));
        const auto removed = kanri::review::patchLineAt(patch, 4);
        QVERIFY(removed);
        QCOMPARE(removed->line, 13);
        QCOMPARE(removed->side, QStringLiteral("LEFT"));
        QCOMPARE(removed->text, QStringLiteral("        value: 2"));
        const auto added = kanri::review::patchLineAt(patch, 5);
        QVERIFY(added);
        QCOMPARE(added->line, 13);
        QCOMPARE(added->side, QStringLiteral("RIGHT"));
        QVERIFY(!kanri::review::patchLineAt(patch, 6));

        QVERIFY(kanri::review::patchCovers(patch, 13, QStringLiteral("RIGHT")));
        QVERIFY(kanri::review::patchCovers(patch, 10, QStringLiteral("LEFT")));
        QVERIFY(!kanri::review::patchCovers(patch, 9, QStringLiteral("RIGHT")));
        QVERIFY(!kanri::review::patchCovers(patch, 14, QStringLiteral("RIGHT")));

        const QString body = kanri::review::renderedLineCommentBody(
            QStringLiteral("prd · Deployment web"), QStringLiteral("  replicas: 5"),
            QStringLiteral("Too many?"));
        QVERIFY2(body.contains(QStringLiteral("> `replicas: 5`")), qPrintable(body));
        QVERIFY(body.endsWith(QStringLiteral("Too many?")));
    }
};

QTEST_GUILESS_MAIN(tst_ReviewChange)
#include "tst_reviewchange.moc"
