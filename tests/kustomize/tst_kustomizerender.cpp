#include "core/fileio.h"
#include "kustomize/renderer.h"
#include "tests/testsupport/testutil.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <thread>

using namespace kanri::kustomize;

namespace {

QString dataDir()
{
    const QString src = kanri::test::sourceDir();
    if (!src.isEmpty())
        return src + QStringLiteral("/tests/kustomize/data");
    return QStringLiteral(KANRI_KUSTOMIZE_TEST_DATA);
}

using kanri::test::readAll;
using kanri::test::writeFile;

} // namespace

// Renders Kanri's own synthetic kustomizations (expected outputs produced by kubectl kustomize
// v5.5.0 and checked by hand) and checks the safety rules of loading.
class TestKustomizeRender : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void goldenCases_data()
    {
        QTest::addColumn<QString>("dir");
        QTest::newRow("plain resources sort in legacy order and print like kustomize")
            << QStringLiteral("basic");
        QTest::newRow("an overlay renames, relabels, retags and regenerates its base")
            << QStringLiteral("overlay/prod");
        QTest::newRow("strategic merge and JSON 6902 patches edit the targets")
            << QStringLiteral("patches");
        QTest::newRow("replacements, vars, components and fifo order work together")
            << QStringLiteral("replacements");
        QTest::newRow("builtin transformers and custom name references apply")
            << QStringLiteral("plugins");
        QTest::newRow("build metadata records origins and every transformer that ran")
            << QStringLiteral("annotations/overlay");
        QTest::newRow("CRD references, schema precedence, patch targets and rejects apply")
            << QStringLiteral("schemas/overlay");
        QTest::newRow("ports and spread constraints merge by all their list-map keys")
            << QStringLiteral("listmapkeys");
    }
    void goldenCases()
    {
        QFETCH(QString, dir);
        const QString path = dataDir() + QLatin1Char('/') + dir;
        QVERIFY2(QDir(path).exists(), qPrintable(path));
        Renderer renderer;
        auto out = renderer.render(path);
        QVERIFY2(out.has_value(), out ? "" : qPrintable(out.error().toString()));
        QCOMPARE(out->text, readAll(path + QStringLiteral("/expected.yaml")));
        // The per-resource texts join to the whole output.
        QByteArray joined;
        for (const RenderedResource &r : out->resources)
            joined += (joined.isEmpty() ? QByteArray() : QByteArray("---\n")) + r.yaml;
        QCOMPARE(joined, out->text);
    }

    void goldenCasesMatchKubectl_data() { goldenCases_data(); }
    void goldenCasesMatchKubectl()
    {
        QFETCH(QString, dir);
        const QString kubectl = kanri::test::kubectl();
        if (kubectl.isEmpty())
            QSKIP("kubectl is not installed: cannot cross-check against kubectl kustomize");
        const QString path = dataDir() + QLatin1Char('/') + dir;
        const auto r = kanri::test::run(kubectl, {QStringLiteral("kustomize"), path});
        QCOMPARE(r.exitCode, 0);
        Renderer renderer;
        auto out = renderer.render(path);
        QVERIFY(out.has_value());
        QCOMPARE(out->text, r.out);
    }

    void deprecationWarningsAreReported()
    {
        Renderer renderer;
        auto out = renderer.render(dataDir() + QStringLiteral("/patches"));
        QVERIFY(out.has_value());
        QVERIFY(out->warnings.join(QLatin1Char('\n'))
                    .contains(QLatin1String("'patchesStrategicMerge' is deprecated")));
    }

    void unsavedEditsRenderFromTheOverlay()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString k = tmp.filePath(QStringLiteral("kustomization.yaml"));
        const QString cm = tmp.filePath(QStringLiteral("cm.yaml"));
        QVERIFY(writeFile(k, "resources:\n- cm.yaml\n"));
        QVERIFY(writeFile(cm, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  "
                              "k: disk\n"));
        Renderer renderer;
        auto first = renderer.render(tmp.path());
        QVERIFY(first.has_value());
        QVERIFY(first->text.contains("k: disk"));
        FileOverlay overlay;
        overlay.files.insert(QDir::cleanPath(cm),
                             QByteArray("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: "
                                        "a\ndata:\n  k: edited\n"));
        auto second = renderer.render(tmp.path(), {}, &overlay);
        QVERIFY(second.has_value());
        QVERIFY(second->text.contains("k: edited"));
        QCOMPARE(second->resources.size(), size_t(1));
        QCOMPARE(second->resources[0].originFile, QDir::cleanPath(cm));
        // The disk is unchanged.
        QVERIFY(renderer.render(tmp.path())->text.contains("k: disk"));
    }

    // The renderer's caches (parsed files, printed resources, memos of large resources) never
    // serve stale output: after every edit through the overlay, of a base shared by two
    // overlays, each render equals a fresh renderer's; edited back, the first output returns.
    void cachesNeverServeStaleOutputAfterEdits()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString base = tmp.filePath(QStringLiteral("base"));
        QByteArray crd = "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\n"
                         "metadata:\n  name: things.example.com\nspec:\n  versions:\n";
        for (int v = 0; v < 2; ++v) {
            crd += "  - name: v" + QByteArray::number(v) + "\n    schema:\n      properties:\n";
            for (int p = 0; p < 40; ++p)
                crd += "        f" + QByteArray::number(p) + ":\n          description: field " +
                       QByteArray::number(p) + " of version " + QByteArray::number(v) +
                       "\n          type: string\n";
        }
        const QString crdFile = QDir::cleanPath(base + QStringLiteral("/crd.yaml"));
        const QString deployFile = QDir::cleanPath(base + QStringLiteral("/deploy.yaml"));
        QVERIFY(writeFile(crdFile, crd));
        QVERIFY(writeFile(deployFile, "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: "
                                      "app\nspec:\n  replicas: 1\n  template:\n    spec:\n"
                                      "      containers:\n      - name: app\n        image: "
                                      "app:1\n"));
        QVERIFY(writeFile(base + QStringLiteral("/kustomization.yaml"),
                          "resources:\n- crd.yaml\n- deploy.yaml\n"));
        const QStringList overlays{tmp.filePath(QStringLiteral("dev")),
                                   tmp.filePath(QStringLiteral("prd"))};
        QVERIFY(writeFile(overlays[0] + QStringLiteral("/kustomization.yaml"),
                          "resources:\n- ../base\nnamePrefix: dev-\n"));
        QVERIFY(writeFile(overlays[1] + QStringLiteral("/kustomization.yaml"),
                          "resources:\n- ../base\nnamespace: prd\nreplicas:\n- name: app\n  "
                          "count: 3\n"));

        Renderer cached;
        // What a renderer without any cache prints for `overlay`.
        auto fresh = [&](const QString &dir, const FileOverlay *overlay) {
            Renderer r;
            auto out = r.render(dir, {}, overlay);
            return out ? out->text : out.error().toString().toUtf8();
        };
        auto render = [&](const QString &dir, const FileOverlay *overlay) {
            auto out = cached.render(dir, {}, overlay);
            return out ? out->text : out.error().toString().toUtf8();
        };
        QList<QByteArray> first;
        for (const QString &o : overlays)
            first << render(o, nullptr);
        QVERIFY(first[0].contains("name: dev-app"));
        QVERIFY(first[1].contains("replicas: 3"));

        for (int i = 0; i < 6; ++i) {
            // One field of the shared base's CRD, another each time, then one of the Deployment.
            FileOverlay edit;
            QByteArray changed = crd;
            changed.replace("field " + QByteArray::number(7 + i) + " of version 1",
                            "edited " + QByteArray::number(i));
            edit.files.insert(crdFile, changed);
            if (i % 2)
                edit.files.insert(deployFile, readAll(deployFile).replace("app:1", "app:2"));
            for (qsizetype o = 0; o < overlays.size(); ++o) {
                const QByteArray out = render(overlays[o], &edit);
                QCOMPARE(out, fresh(overlays[o], &edit));
                QVERIFY(out.contains("edited " + QByteArray::number(i)));
                QCOMPARE(out.contains("image: app:2"), i % 2 == 1);
            }
        }
        // Edited back: the first output again.
        for (qsizetype o = 0; o < overlays.size(); ++o)
            QCOMPARE(render(overlays[o], nullptr), first[o]);
        // A file deleted in the overlay fails the render; back, it renders as before.
        FileOverlay deleted;
        deleted.files.insert(deployFile, std::nullopt);
        QVERIFY(!cached.render(overlays[0], {}, &deleted).has_value());
        QCOMPARE(render(overlays[0], nullptr), first[0]);
    }

    // Typing into a field one keystroke at a time (the renderer splices most keystrokes into
    // the parsed file, yaml::reparseEdited): every state prints what a fresh renderer prints,
    // also when a keystroke makes the text a key, a comment, a quote or a number, and when the
    // kustomization itself is edited.
    void keystrokesRenderAsAFreshRenderer()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString dir = tmp.path();
        const QString crdFile = QDir::cleanPath(dir + QStringLiteral("/crd.yaml"));
        const QString kustFile = QDir::cleanPath(dir + QStringLiteral("/kustomization.yaml"));
        const QByteArray crd =
            "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n"
            "  name: things.example.com\nspec:\n  versions:\n  - name: v1\n    schema:\n"
            "      description: A thing that is folded\n        over two lines\n"
            "      properties:\n        size:\n          description: 'How big'\n"
            "          default: 3\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n"
            "  name: app\nspec:\n  replicas: 1\n";
        QVERIFY(writeFile(crdFile, crd));
        const QByteArray kust = "resources:\n- crd.yaml\nnamePrefix: dev-\n";
        QVERIFY(writeFile(kustFile, kust));
        Renderer cached;
        auto check = [&](const QByteArray &crdText, const QByteArray &kustText) {
            FileOverlay o;
            o.files.insert(crdFile, crdText);
            o.files.insert(kustFile, kustText);
            Renderer fresh;
            auto a = cached.render(dir, {}, &o);
            auto b = fresh.render(dir, {}, &o);
            QCOMPARE(a.has_value(), b.has_value());
            if (a)
                QCOMPARE(a->text, b->text);
            else
                QCOMPARE(a.error().toString(), b.error().toString());
        };
        QVERIFY(cached.render(dir).has_value());
        const qsizetype at = crd.indexOf("folded") + 6;
        const QByteArray typed = " and: more # words' 42";
        for (qsizetype i = 0; i <= typed.size(); ++i) {
            QByteArray c = crd;
            c.insert(at, typed.left(i));
            check(c, kust);
            if (QTest::currentTestFailed())
                return;
        }
        for (const char *v : {"'How big it is'", "'How''s'", "12", "\"q\"", "x: y"}) {
            QByteArray c = crd;
            c.replace("'How big'", v);
            check(c, kust);
            check(c, QByteArray(kust).replace("dev-", QByteArray("dev") + QByteArray(v).left(1)));
            if (QTest::currentTestFailed())
                return;
        }
        for (const char *r : {"2", "20", "2", "true", "2"}) {
            check(QByteArray(crd).replace("replicas: 1", QByteArray("replicas: ") + r),
                  QByteArray(kust).replace("dev-", QByteArray("d") + r + "-"));
            if (QTest::currentTestFailed())
                return;
        }
    }

    // Renderer::render is thread-safe: two threads rendering edited and unedited states of the
    // same overlays at once each get what a fresh renderer prints.
    void concurrentRendersGetTheirOwnOutput()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        QByteArray big = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n";
        for (int i = 0; i < 200; ++i)
            big += "  key" + QByteArray::number(i) + ": value " + QByteArray::number(i) + "\n";
        const QString cm = QDir::cleanPath(tmp.filePath(QStringLiteral("base/cm.yaml")));
        QVERIFY(writeFile(cm, big));
        QVERIFY(writeFile(tmp.filePath(QStringLiteral("base/kustomization.yaml")),
                          "resources:\n- cm.yaml\n"));
        const QString overlay = tmp.filePath(QStringLiteral("o"));
        QVERIFY(writeFile(overlay + QStringLiteral("/kustomization.yaml"),
                          "resources:\n- ../base\nnamePrefix: o-\n"));
        std::vector<FileOverlay> states(4);
        std::vector<QByteArray> expected;
        for (size_t s = 0; s < states.size(); ++s) {
            if (s > 0)
                states[s].files.insert(
                    cm, QByteArray(big).replace("value " + QByteArray::number(int(s) * 10) + "\n",
                                                "changed " + QByteArray::number(int(s)) + "\n"));
            Renderer r;
            expected.push_back(r.render(overlay, {}, &states[s])->text);
        }
        Renderer shared;
        std::atomic_int wrong = 0;
        auto work = [&](int seed) {
            for (int i = 0; i < 40; ++i) {
                const size_t s = size_t(i * (seed + 1) + seed) % states.size();
                auto out = shared.render(overlay, {}, &states[s]);
                if (!out || out->text != expected[s])
                    ++wrong;
            }
        };
        std::thread a(work, 0), b(work, 1);
        a.join();
        b.join();
        QCOMPARE(wrong.load(), 0);
    }

    void aFileChangedOnDiskBetweenRendersIsReadAgain()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString cm = tmp.filePath(QStringLiteral("cm.yaml"));
        QVERIFY(writeFile(tmp.filePath(QStringLiteral("kustomization.yaml")),
                          "resources:\n- cm.yaml\nconfigMapGenerator:\n- name: g\n  files:\n  - "
                          "v.txt\n"));
        QVERIFY(writeFile(tmp.filePath(QStringLiteral("v.txt")), "one"));
        QVERIFY(writeFile(cm, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  "
                              "k: aaaa\n"));
        Renderer renderer;
        auto first = renderer.render(tmp.path());
        QVERIFY(first.has_value());
        QVERIFY(first->text.contains("k: aaaa"));
        QVERIFY(first->text.contains("v.txt: one"));
        // Same sizes, new contents: the cache must notice (stat signature).
        QVERIFY(writeFile(cm, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  "
                              "k: bbbb\n"));
        QVERIFY(writeFile(tmp.filePath(QStringLiteral("v.txt")), "two"));
        auto second = renderer.render(tmp.path());
        QVERIFY(second.has_value());
        QVERIFY2(second->text.contains("k: bbbb"), second->text.constData());
        QVERIFY2(second->text.contains("v.txt: two"), second->text.constData());
        // A deleted file is an error again, not a cached success.
        QVERIFY(QFile::remove(cm));
        QVERIFY(!renderer.render(tmp.path()).has_value());
    }

    void malformedInputsFailWithAMessage_data()
    {
        QTest::addColumn<QByteArray>("kustomization");
        QTest::addColumn<QByteArray>("extraName");
        QTest::addColumn<QByteArray>("extra");
        QTest::addColumn<QString>("expected");
        QTest::newRow("an IAM policy for an unknown cloud is refused")
            << QByteArray("generators:\n- |-\n  apiVersion: builtin\n  kind: IAMPolicyGenerator\n"
                          "  metadata:\n    name: x\n  cloud: aws\n")
            << QByteArray() << QByteArray() << QStringLiteral("cloud aws is not yet supported");
        QTest::newRow("an openapi version next to a custom schema is refused")
            << QByteArray("openapi:\n  path: s.json\n  version: v1.21.2\n") << QByteArray("s.json")
            << QByteArray("{}") << QStringLiteral("cannot use both");
        QTest::newRow("a CRD file that is not YAML reports where")
            << QByteArray("crds:\n- c.json\n") << QByteArray("c.json")
            << QByteArray("{\"a\": [1, 2\n") << QStringLiteral("c.json:");
    }
    void malformedInputsFailWithAMessage()
    {
        QFETCH(QByteArray, kustomization);
        QFETCH(QByteArray, extraName);
        QFETCH(QByteArray, extra);
        QFETCH(QString, expected);
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        QVERIFY(writeFile(tmp.filePath(QStringLiteral("kustomization.yaml")), kustomization));
        if (!extraName.isEmpty())
            QVERIFY(writeFile(tmp.filePath(QString::fromUtf8(extraName)), extra));
        Renderer renderer;
        auto out = renderer.render(tmp.path());
        QVERIFY(!out.has_value());
        QVERIFY2(out.error().toString().contains(expected), qPrintable(out.error().toString()));
    }

    void cyclicAndDeepCrdSchemasDoNotHang()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        // A $ref cycle, and a chain of 500 definitions.
        QByteArray defs = "{\"a.v1.Loop\": {\"Schema\": {\"properties\": {\"apiVersion\": {}, "
                          "\"kind\": {}, \"metadata\": {}, \"spec\": {\"$ref\": "
                          "\"a.v1.Loop\"}}}}";
        for (int i = 0; i < 500; ++i)
            defs += ", \"d" + QByteArray::number(i) +
                    "\": {\"Schema\": {\"properties\": {\"apiVersion\": {}, \"kind\": {}, "
                    "\"metadata\": {}, \"next\": {\"$ref\": \"d" +
                    QByteArray::number(i + 1) + "\"}}}}";
        defs += "}";
        QVERIFY(writeFile(tmp.filePath(QStringLiteral("types.json")), defs));
        QVERIFY(writeFile(tmp.filePath(QStringLiteral("kustomization.yaml")),
                          "crds:\n- types.json\nresources:\n- cm.yaml\n"));
        QVERIFY(writeFile(tmp.filePath(QStringLiteral("cm.yaml")),
                          "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n"));
        Renderer renderer;
        auto out = renderer.render(tmp.path());
        QVERIFY2(out.has_value(), out ? "" : qPrintable(out.error().toString()));
    }

    void cancelledRenderStops()
    {
        std::atomic_bool cancel{true};
        Renderer renderer;
        auto out =
            renderer.render(dataDir() + QStringLiteral("/overlay/prod"), {}, nullptr, &cancel);
        QVERIFY(!out.has_value());
        QCOMPARE(out.error().code, kanri::Error::Code::Cancelled);
    }

    // A cold render costs five system calls per resource file (lstat, open, fstat, read,
    // close): each path's existence, kind and link status is asked once, and the read trusts
    // that lstat. Counted as the difference between builds of 30 and 10 files, so that what a
    // build costs once (the kustomization's lookup) does not count.
    void coldRenderCostsFiveSystemCallsPerFile()
    {
        auto callsFor = [](int files) -> quint64 {
            QTemporaryDir tmp;
            QByteArray kust = "resources:\n";
            for (int i = 0; i < files; ++i) {
                const QByteArray name = "cm" + QByteArray::number(i) + ".yaml";
                kust += "- " + name + "\n";
                if (!writeFile(tmp.filePath(QString::fromLatin1(name)),
                               "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c" +
                                   QByteArray::number(i) + "\ndata:\n  k: v\n"))
                    return 0;
            }
            if (!writeFile(tmp.filePath(QStringLiteral("kustomization.yaml")), kust))
                return 0;
            Renderer renderer;
            const quint64 before = kanri::fileSystemCalls();
            auto out = renderer.render(tmp.path());
            const quint64 calls = kanri::fileSystemCalls() - before;
            return out && out->resources.size() == size_t(files) ? calls : 0;
        };
        const quint64 ten = callsFor(10), thirty = callsFor(30);
        QVERIFY(ten > 0 && thirty > ten);
        QCOMPARE((thirty - ten) / 20, quint64(5));
        QCOMPARE((thirty - ten) % 20, quint64(0));
    }

    // Two resources that the namespace transformer gives one id are refused (as kubectl
    // kustomize refuses them); a third, distinct one is no conflict.
    void namespaceThatMergesTwoIdsIsRefused()
    {
        QTemporaryDir tmp;
        QVERIFY(writeFile(tmp.filePath(QStringLiteral("kustomization.yaml")),
                          "namespace: x\nresources:\n- a.yaml\n"));
        QVERIFY(writeFile(tmp.filePath(QStringLiteral("a.yaml")),
                          "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: d\n  namespace: b\n"
                          "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n"
                          "  namespace: a\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n"
                          "  name: c\n  namespace: b\n"));
        Renderer renderer;
        auto out = renderer.render(tmp.path());
        QVERIFY(!out.has_value());
        QVERIFY2(out.error().message.contains(
                     QLatin1String("namespace transformation produces ID conflict")),
                 qPrintable(out.error().message));
        QVERIFY(out.error().message.contains(QLatin1String("ConfigMap.v1.[noGrp]/c.x")));
        QVERIFY(writeFile(tmp.filePath(QStringLiteral("a.yaml")),
                          "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: d\n  namespace: b\n"
                          "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n"));
        QVERIFY(Renderer().render(tmp.path()).has_value());
    }

    void fileOutsideTheRootIsRefused()
    {
        QTemporaryDir tmp;
        QVERIFY(writeFile(tmp.filePath(QStringLiteral("secret.yaml")),
                          "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n"));
        QVERIFY(writeFile(tmp.filePath(QStringLiteral("app/kustomization.yaml")),
                          "resources:\n- ../secret.yaml\n"));
        Renderer renderer;
        auto out = renderer.render(tmp.filePath(QStringLiteral("app")));
        QVERIFY(!out.has_value());
        QVERIFY2(out.error().message.contains(QLatin1String("is not in or below")),
                 qPrintable(out.error().message));
        RenderOptions none;
        none.loadRestrictor = LoadRestrictor::None;
        QVERIFY(renderer.render(tmp.filePath(QStringLiteral("app")), none).has_value());
    }

    void symlinkLeavingTheRootIsRefused()
    {
        QTemporaryDir tmp;
        QVERIFY(writeFile(tmp.filePath(QStringLiteral("outside.yaml")),
                          "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n"));
        QVERIFY(writeFile(tmp.filePath(QStringLiteral("app/kustomization.yaml")),
                          "resources:\n- link.yaml\n"));
        QVERIFY(QFile::link(tmp.filePath(QStringLiteral("outside.yaml")),
                            tmp.filePath(QStringLiteral("app/link.yaml"))));
        Renderer renderer;
        auto out = renderer.render(tmp.filePath(QStringLiteral("app")));
        QVERIFY(!out.has_value());
        QVERIFY2(out.error().message.contains(QLatin1String("is not in or below")),
                 qPrintable(out.error().message));
    }

    void remoteAndUnsupportedInputsAreExplicitErrors_data()
    {
        QTest::addColumn<QByteArray>("kustomization");
        QTest::addColumn<QString>("expected");
        QTest::newRow("a URL resource is not followed")
            << QByteArray("resources:\n- https://github.com/example/repo//base?ref=v1\n")
            << QStringLiteral("remote");
        QTest::newRow("helmCharts names the field")
            << QByteArray("helmCharts:\n- name: x\n") << QStringLiteral("helmCharts");
        QTest::newRow("an exec plugin is refused")
            << QByteArray("transformers:\n- |-\n  apiVersion: example.com/v1\n  kind: Exec\n  "
                          "metadata:\n    name: x\n")
            << QStringLiteral("plugins");
    }
    void remoteAndUnsupportedInputsAreExplicitErrors()
    {
        QFETCH(QByteArray, kustomization);
        QFETCH(QString, expected);
        QTemporaryDir tmp;
        QVERIFY(writeFile(tmp.filePath(QStringLiteral("kustomization.yaml")), kustomization));
        Renderer renderer;
        auto out = renderer.render(tmp.path());
        QVERIFY(!out.has_value());
        QVERIFY2(out.error().message.contains(expected), qPrintable(out.error().message));
    }

    void aliasBombInAResourceIsRefused()
    {
        QTemporaryDir tmp;
        QByteArray bomb = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: &a "
                          "[x, x, x, x, x, x, x, x, x, x]\n";
        char prev = 'a';
        for (char c = 'b'; c <= 'k'; ++c) {
            bomb += "  " + QByteArray(1, c) + ": &" + QByteArray(1, c) + " [";
            for (int i = 0; i < 10; ++i)
                bomb += QByteArray(i ? ", *" : "*") + QByteArray(1, prev);
            bomb += "]\n";
            prev = c;
        }
        QVERIFY(writeFile(tmp.filePath(QStringLiteral("kustomization.yaml")),
                          "resources:\n- bomb.yaml\n"));
        QVERIFY(writeFile(tmp.filePath(QStringLiteral("bomb.yaml")), bomb));
        Renderer renderer;
        auto out = renderer.render(tmp.path());
        QVERIFY(!out.has_value());
        QVERIFY2(out.error().message.contains(QLatin1String("too many nodes")),
                 qPrintable(out.error().message));
    }

    void missingKustomizationIsAnError()
    {
        QTemporaryDir tmp;
        Renderer renderer;
        auto out = renderer.render(tmp.path());
        QVERIFY(!out.has_value());
        QVERIFY(out.error().message.contains(QLatin1String("unable to find one of")));
    }

    void commandLineRendersWithBothFlagSpellings_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("flag and value as two arguments") << QStringList{
            QStringLiteral("render"), QStringLiteral("--reorder"), QStringLiteral("legacy")};
        QTest::newRow("flag=value")
            << QStringList{QStringLiteral("render"), QStringLiteral("--reorder=legacy")};
    }
    void commandLineRendersWithBothFlagSpellings()
    {
        QFETCH(QStringList, args);
        const QString bin = kanri::test::kanriBinary();
        if (bin.isEmpty() || !QFileInfo::exists(bin))
            QSKIP("the kanri executable was not built (KANRI_BINARY unset or missing)");
        const QString dir = dataDir() + QStringLiteral("/basic");
        const auto r = kanri::test::run(bin, args << dir);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, readAll(dir + QStringLiteral("/expected.yaml")));
    }

    void commandLineFailsWithAMessage()
    {
        const QString bin = kanri::test::kanriBinary();
        if (bin.isEmpty() || !QFileInfo::exists(bin))
            QSKIP("the kanri executable was not built (KANRI_BINARY unset or missing)");
        QTemporaryDir tmp;
        const auto r = kanri::test::run(bin, {QStringLiteral("render"), tmp.path()});
        QVERIFY(r.exitCode != 0);
        QVERIFY(r.err.contains("error:"));
        QVERIFY(r.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestKustomizeRender)
#include "tst_kustomizerender.moc"
