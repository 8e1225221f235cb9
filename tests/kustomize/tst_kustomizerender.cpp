#include "kustomize/renderer.h"
#include "tests/testsupport/testutil.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>

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
