// The example CI workflow's commands (packaging/ci/kanri-review.yml), run here as the workflow
// runs them: in a checkout of the demo's manifests repository (a lone repository, no
// workspace.yaml) with a pull request's edits committed on a branch and the base at origin/main.
// The kanri command lines are read from the workflow file itself, so the two cannot drift. The
// SARIF is checked against what SARIF 2.1.0 requires and the limits GitHub code scanning
// documents; the Markdown against GitHub's comment limit (a generated large edit forces the
// cut); no output may hold a Secret's value; the HTML must be self-contained.

#include "platform/demoworkspace.h"
#include "tests/testsupport/testutil.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

class TestReviewCi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void workflowRunsTheCommandsTested();
    void sarifMeetsSarif210AndGithubLimits();
    void markdownFitsOneCommentAndSaysWhatItCut();
    void htmlIsSelfContained();
    void jsonListsEveryOverlayWithItsDiffs();
    void noOutputHoldsASecretValue();

private:
    bool git(const QStringList &args);
    QTemporaryDir m_tmp;
    QString m_repo;
    QStringList m_commands;           // the workflow's kanri command lines, as written
    QHash<QString, QByteArray> m_out; // output file name -> what the command printed
    QHash<QString, int> m_status;     // output file name -> exit status
};

namespace {

const QByteArray kOldSecret = "s3cr3t-old-password";
const QByteArray kNewSecret = "s3cr3t-new-password";
const int kBigLines = 6000;

QString workflowPath()
{
    return kanri::test::sourceDir() + QStringLiteral("/packaging/ci/kanri-review.yml");
}

// A file's text with one occurrence of `from` replaced; empty when `from` is absent.
QByteArray replaced(const QByteArray &text, const QByteArray &from, const QByteArray &to)
{
    const qsizetype at = text.indexOf(from);
    if (at < 0)
        return {};
    QByteArray out = text;
    return out.replace(at, from.size(), to);
}

} // namespace

bool TestReviewCi::git(const QStringList &args)
{
    const auto r = kanri::test::run(QStringLiteral("git"), args, m_repo);
    if (r.exitCode != 0)
        qWarning("git %s: %s", qPrintable(args.join(QLatin1Char(' '))), r.err.constData());
    return r.exitCode == 0;
}

void TestReviewCi::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    const QString kanri = kanri::test::kanriBinary();
    QVERIFY2(QFileInfo::exists(kanri), "the kanri binary is built with the tests (KANRI_BINARY)");
    QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("git")).isEmpty(),
             "git is part of the development set-up (packaging/kanri.sh setup)");
    QVERIFY(m_tmp.isValid());
    const auto ws = kanri::platform::materialiseDemo(QStringLiteral(":/demo"),
                                                     m_tmp.filePath(QStringLiteral("demo")));
    QVERIFY2(ws.has_value(), qPrintable(ws ? QString() : ws.error().toString()));
    m_repo = m_tmp.filePath(QStringLiteral("demo/manifests"));
    qputenv("GIT_AUTHOR_NAME", "Kanri Test");
    qputenv("GIT_AUTHOR_EMAIL", "test@example.invalid");
    qputenv("GIT_COMMITTER_NAME", "Kanri Test");
    qputenv("GIT_COMMITTER_EMAIL", "test@example.invalid");
    qputenv("HOME", m_tmp.path().toUtf8());

    // The base: the demo plus a generated Secret in payment-api's prd overlay, at origin/main.
    const QString prd = m_repo + QStringLiteral("/services/payment-api/overlays/prd/");
    QByteArray kustomization = kanri::test::readAll(prd + QStringLiteral("kustomization.yaml"));
    QVERIFY(!kustomization.isEmpty());
    kustomization += "\nsecretGenerator:\n  - name: payment-api-db\n    literals:\n"
                     "      - password=" +
                     kOldSecret + "\n";
    QVERIFY(kanri::test::writeFile(prd + QStringLiteral("kustomization.yaml"), kustomization));
    QVERIFY(git({QStringLiteral("commit"), QStringLiteral("-qam"), QStringLiteral("db secret")}));
    QVERIFY(git({QStringLiteral("update-ref"), QStringLiteral("refs/remotes/origin/main"),
                 QStringLiteral("HEAD")}));

    // The pull request: the Secret rotated, replicas raised, an HPA broken (a new error-level
    // finding), and a large generated ConfigMap added to user-profile's dev overlay.
    QVERIFY(git({QStringLiteral("checkout"), QStringLiteral("-qb"), QStringLiteral("change")}));
    kustomization = replaced(kustomization, "password=" + kOldSecret, "password=" + kNewSecret);
    kustomization = replaced(kustomization, "count: 6", "count: 9");
    QVERIFY(!kustomization.isEmpty());
    QVERIFY(kanri::test::writeFile(prd + QStringLiteral("kustomization.yaml"), kustomization));
    QVERIFY(kanri::test::writeFile(
        m_repo + QStringLiteral("/services/recommendation/overlays/prd/hpa-patch.yaml"),
        "# scaled by hand for the sale\napiVersion: autoscaling/v2\n"
        "kind: HorizontalPodAutoscaler\nmetadata:\n  name: recommendation\nspec:\n"
        "  minReplicas: 12\n  maxReplicas: 10\n"));
    const QString dev = m_repo + QStringLiteral("/services/user-profile/overlays/dev/");
    QByteArray big = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: feature-flags\ndata:\n";
    for (int i = 0; i < kBigLines; ++i)
        big += "  FLAG_" + QByteArray::number(i) + ": \"on\"\n";
    QVERIFY(kanri::test::writeFile(dev + QStringLiteral("feature-flags.yaml"), big));
    const QByteArray devKustomization =
        replaced(kanri::test::readAll(dev + QStringLiteral("kustomization.yaml")),
                 "  - ../../base\n", "  - ../../base\n  - feature-flags.yaml\n");
    QVERIFY(!devKustomization.isEmpty());
    QVERIFY(kanri::test::writeFile(dev + QStringLiteral("kustomization.yaml"), devKustomization));
    QVERIFY(git({QStringLiteral("add"), QStringLiteral("-A")}));
    QVERIFY(git({QStringLiteral("commit"), QStringLiteral("-qm"), QStringLiteral("change")}));

    // The workflow's kanri lines: `kanri ARGS > FILE [|| ...]`, "$BASE" being origin/<base>.
    const QByteArray workflow = kanri::test::readAll(workflowPath());
    QVERIFY2(!workflow.isEmpty(), qPrintable(workflowPath()));
    static const QRegularExpression line(
        QStringLiteral("^\\s*(kanri [^>|\\n]*?)\\s*>\\s*(\\S+)(\\s*\\|\\|.*)?$"),
        QRegularExpression::MultilineOption);
    for (auto it = line.globalMatch(QString::fromUtf8(workflow)); it.hasNext();) {
        const auto m = it.next();
        m_commands << m.captured(1);
        QStringList args = m.captured(1).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        args.removeFirst(); // kanri
        args.replaceInStrings(QStringLiteral("\"$BASE\""), QStringLiteral("origin/main"));
        const auto r = kanri::test::run(kanri, args, m_repo);
        m_out.insert(m.captured(2), r.out);
        m_status.insert(m.captured(2), r.exitCode);
        QVERIFY2(!r.err.contains("error:") || m.captured(2).endsWith(QLatin1String(".sarif")),
                 r.err.constData());
    }
}

void TestReviewCi::workflowRunsTheCommandsTested()
{
    QCOMPARE(m_commands,
             (QStringList{QStringLiteral("kanri lint --format sarif --base \"$BASE\""),
                          QStringLiteral("kanri diff --workspace . --base \"$BASE\" --format "
                                         "markdown"),
                          QStringLiteral("kanri diff --workspace . --base \"$BASE\" --format "
                                         "html")}));
    const QByteArray workflow = kanri::test::readAll(workflowPath());
    QVERIFY(workflow.contains("BASE: origin/${{ github.base_ref }}"));
    QVERIFY(workflow.contains("uses: github/codeql-action/upload-sarif@"));
    QVERIFY(workflow.contains("sarif_file: kanri.sarif"));
    QVERIFY(workflow.contains("const marker = '<!-- kanri-rendered-diff -->';"));
    QVERIFY(workflow.contains("updateComment"));
    QCOMPARE(m_status.value(QStringLiteral("kanri.sarif")), 1); // the broken HPA is an error
    QCOMPARE(m_status.value(QStringLiteral("kanri-diff.md")), 0);
    QCOMPARE(m_status.value(QStringLiteral("kanri-diff.html")), 0);
}

void TestReviewCi::sarifMeetsSarif210AndGithubLimits()
{
    QJsonParseError error;
    const QJsonDocument doc =
        QJsonDocument::fromJson(m_out.value(QStringLiteral("kanri.sarif")), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonObject root = doc.object();
    // SARIF 2.1.0 (OASIS, §3.13): version "2.1.0", $schema a URI, runs an array.
    QCOMPARE(root.value(QStringLiteral("version")).toString(), QStringLiteral("2.1.0"));
    const QUrl schema(root.value(QStringLiteral("$schema")).toString());
    QVERIFY(schema.isValid() && schema.scheme() == QLatin1String("https"));
    QVERIFY(schema.path().contains(QLatin1String("sarif")));
    const QJsonArray runs = root.value(QStringLiteral("runs")).toArray();
    // GitHub code scanning: at most 20 runs per file.
    QVERIFY(!runs.isEmpty() && runs.size() <= 20);
    int matched = 0;
    for (const QJsonValue &runValue : runs) {
        const QJsonObject run = runValue.toObject();
        const QJsonObject driver =
            run.value(QStringLiteral("tool")).toObject().value(QStringLiteral("driver")).toObject();
        QVERIFY(!driver.value(QStringLiteral("name")).toString().isEmpty());
        const QJsonArray rules = driver.value(QStringLiteral("rules")).toArray();
        QVERIFY(rules.size() <= 25000); // rules per run
        QStringList ruleIds;
        for (const QJsonValue &r : rules) {
            const QJsonObject rule = r.toObject();
            ruleIds << rule.value(QStringLiteral("id")).toString();
            QVERIFY(!ruleIds.last().isEmpty());
            for (const QString &key :
                 {QStringLiteral("shortDescription"), QStringLiteral("fullDescription")}) {
                const QString text =
                    rule.value(key).toObject().value(QStringLiteral("text")).toString();
                QVERIFY2(!text.isEmpty() && text.size() <= 1024, qPrintable(key));
            }
            QVERIFY(rule.value(QStringLiteral("properties"))
                        .toObject()
                        .value(QStringLiteral("tags"))
                        .toArray()
                        .size() <= 20); // tags per rule
        }
        const QJsonArray results = run.value(QStringLiteral("results")).toArray();
        QVERIFY(!results.isEmpty());
        QVERIFY(results.size() <= 25000); // results per run
        static const QStringList levels{QStringLiteral("none"), QStringLiteral("note"),
                                        QStringLiteral("warning"), QStringLiteral("error")};
        for (const QJsonValue &v : results) {
            const QJsonObject result = v.toObject();
            const QString ruleId = result.value(QStringLiteral("ruleId")).toString();
            QVERIFY(ruleIds.contains(ruleId));
            if (result.contains(QStringLiteral("ruleIndex")))
                QCOMPARE(ruleIds.value(result.value(QStringLiteral("ruleIndex")).toInt()), ruleId);
            QVERIFY(levels.contains(result.value(QStringLiteral("level")).toString()));
            QVERIFY(!result.value(QStringLiteral("message"))
                         .toObject()
                         .value(QStringLiteral("text"))
                         .toString()
                         .isEmpty());
            const QJsonArray locations = result.value(QStringLiteral("locations")).toArray();
            QVERIFY(!locations.isEmpty() && locations.size() <= 1000); // locations per result
            for (const QJsonValue &l : locations) {
                const QJsonObject physical =
                    l.toObject().value(QStringLiteral("physicalLocation")).toObject();
                const QString uri = physical.value(QStringLiteral("artifactLocation"))
                                        .toObject()
                                        .value(QStringLiteral("uri"))
                                        .toString();
                const QUrl url(uri);
                QVERIFY2(url.isValid() && url.isRelative() && !uri.startsWith(QLatin1Char('/')),
                         qPrintable(uri));
                // Relative to the checkout: the file is there.
                QVERIFY2(QFileInfo::exists(m_repo + QLatin1Char('/') + uri), qPrintable(uri));
                const int startLine = physical.value(QStringLiteral("region"))
                                          .toObject()
                                          .value(QStringLiteral("startLine"))
                                          .toInt();
                QVERIFY(startLine >= 1);
                if (ruleId == QLatin1String("hpa/min-above-max") &&
                    uri == QLatin1String("services/recommendation/overlays/prd/hpa-patch.yaml") &&
                    startLine == 7)
                    ++matched;
            }
        }
    }
    QCOMPARE(matched, 1); // the one new finding, where the edit made it
}

void TestReviewCi::markdownFitsOneCommentAndSaysWhatItCut()
{
    const QByteArray md = m_out.value(QStringLiteral("kanri-diff.md"));
    QVERIFY(md.startsWith("<!-- kanri-rendered-diff -->\n"));
    QVERIFY2(QString::fromUtf8(md).size() <= 65536, QByteArray::number(md.size()).constData());
    QVERIFY(md.size() <= 65536);
    // The per-overlay counts first, every differing overlay in them.
    const qsizetype table = md.indexOf("| Overlay | Changed | Added | Removed | Renamed |");
    QVERIFY(table > 0);
    QVERIFY(table < md.indexOf("<details>"));
    for (const char *row : {"| `manifests services/payment-api/overlays/prd` | 1 | 0 | 0 | 1 |",
                            "| `manifests services/user-profile/overlays/dev` | 0 | 1 | 0 | 0 |"})
        QVERIFY2(md.contains(row), md.left(3000).constData());
    // The 6,000-line ConfigMap does not fit: cut at a line and said so.
    QVERIFY(md.contains("**This comment is truncated**"));
    QVERIFY(md.contains("kanri diff --base origin/main --format html"));
    QCOMPARE(md.count("<details>"), md.count("</details>"));
}

void TestReviewCi::htmlIsSelfContained()
{
    const QByteArray html = m_out.value(QStringLiteral("kanri-diff.html"));
    QVERIFY(html.startsWith("<!DOCTYPE html>"));
    QVERIFY(html.contains("<style>"));
    for (const char *external :
         {"<script", "<link", "src=", "http://", "https://", "@import", "url("})
        QVERIFY2(!html.contains(external), external);
    QVERIFY(html.contains("<span class=\"add\">+  replicas: 9</span>"));
    QVERIFY(html.contains("FLAG_5999")); // the whole report, nothing cut
}

void TestReviewCi::jsonListsEveryOverlayWithItsDiffs()
{
    // The workflow keeps Markdown and HTML; JSON is for scripts: one more run.
    const auto r = kanri::test::run(kanri::test::kanriBinary(),
                                    {QStringLiteral("diff"), QStringLiteral("--workspace"),
                                     QStringLiteral("."), QStringLiteral("--base"),
                                     QStringLiteral("origin/main"), QStringLiteral("--format"),
                                     QStringLiteral("json")},
                                    m_repo);
    QCOMPARE(r.exitCode, 0);
    m_out.insert(QStringLiteral("json"), r.out);
    const QJsonArray overlays =
        QJsonDocument::fromJson(r.out).object().value(QStringLiteral("overlays")).toArray();
    QHash<QString, QJsonObject> byOverlay;
    for (const QJsonValue &v : overlays)
        byOverlay.insert(v.toObject().value(QStringLiteral("overlay")).toString(), v.toObject());
    QCOMPARE(byOverlay.size(), 3);
    const QJsonObject prd = byOverlay.value(QStringLiteral("services/payment-api/overlays/prd"));
    QCOMPARE(prd.value(QStringLiteral("repository")).toString(), QStringLiteral("manifests"));
    const QJsonArray changed = prd.value(QStringLiteral("changed")).toArray();
    QCOMPARE(changed.size(), 1);
    QVERIFY(changed[0]
                .toObject()
                .value(QStringLiteral("diff"))
                .toString()
                .contains(QLatin1String("+  replicas: 9")));
    const QJsonArray renamed = prd.value(QStringLiteral("renamed")).toArray();
    QCOMPARE(renamed.size(), 1); // the Secret's hash suffix changed with its value
    QCOMPARE(renamed[0].toObject().value(QStringLiteral("kind")).toString(),
             QStringLiteral("Secret"));
    const QJsonArray added = byOverlay.value(QStringLiteral("services/user-profile/overlays/dev"))
                                 .value(QStringLiteral("added"))
                                 .toArray();
    QCOMPARE(added.size(), 1);
    QCOMPARE(added[0]
                 .toObject()
                 .value(QStringLiteral("diff"))
                 .toString()
                 .count(QLatin1String("\n+  FLAG_")),
             kBigLines);
    QVERIFY(byOverlay.contains(QStringLiteral("services/recommendation/overlays/prd")));
}

void TestReviewCi::noOutputHoldsASecretValue()
{
    QVERIFY(m_out.size() >= 4);
    for (auto it = m_out.constBegin(); it != m_out.constEnd(); ++it) {
        for (const QByteArray &secret : {kOldSecret, kNewSecret}) {
            QVERIFY2(!it.value().contains(secret), qPrintable(it.key()));
            QVERIFY2(!it.value().contains(secret.toBase64()), qPrintable(it.key()));
        }
    }
    QVERIFY(m_out.value(QStringLiteral("json")).contains("*** (changed)"));
}

QTEST_GUILESS_MAIN(TestReviewCi)
#include "tst_reviewci.moc"
