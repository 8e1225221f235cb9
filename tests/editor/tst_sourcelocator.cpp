#include "core/fileio.h"
#include "kustomize/renderer.h"
#include "platform/catalog.h"
#include "platform/sourcelocator.h"
#include "tests/testsupport/testutil.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace kanri;
using platform::RenderedObject;
using platform::SourceLocator;

namespace {

// The 1-based line of the first line of `text` containing `needle` (0: none).
int lineOf(const QByteArray &text, const QByteArray &needle, int from = 1)
{
    const QList<QByteArray> lines = text.split('\n');
    for (int i = from - 1; i < lines.size(); ++i)
        if (lines.at(i).contains(needle))
            return i + 1;
    return 0;
}

platform::FileReader diskReader()
{
    return [](const QString &path) { return readFile(path); };
}

const QByteArray deployment = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
spec:
  replicas: 1
  template:
    spec:
      containers:
        - name: sidecar
          image: envoy:1.0
        - name: app
          image: registry.example.com/app:v1
          env:
            - name: A
              value: "1"
            - name: B
              value: "2"
          ports:
            - containerPort: 8080
              name: http
)";

const QByteArray baseKustomization = R"(resources:
  - deployment.yaml
configMapGenerator:
  - name: app-config
    literals:
      - LOG=info
      - MODE=base
)";

} // namespace

class TestSourceLocator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void pathAtLine_data();
    void pathAtLine();
    void mergeKeys();
    void synthetic_data();
    void synthetic();
    void unknownObjectIsNotFound();
    void unsavedEditsAreRead();
    void demoRenderedLines_data();
    void demoRenderedLines();
    void workspaceFilesListsBothRepositories();

private:
    void write(const QString &rel, const QByteArray &bytes);
    QString path(const QString &rel) const { return m_dir->filePath(rel); }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestSourceLocator::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestSourceLocator::write(const QString &rel, const QByteArray &bytes)
{
    const QString p = path(rel);
    QVERIFY(QDir().mkpath(QFileInfo(p).path()));
    QVERIFY(writeFileAtomic(p, bytes).has_value());
}

void TestSourceLocator::pathAtLine_data()
{
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("path");
    QTest::newRow("a top-level scalar") << 2 << "kind";
    QTest::newRow("a key whose value is a mapping") << 3 << "metadata";
    QTest::newRow("a nested scalar") << 6 << "spec.replicas";
    QTest::newRow("the key of a block sequence") << 9 << "spec.template.spec.containers";
    QTest::newRow("the first key of an item is the deepest node on its dash line")
        << 10 << "spec.template.spec.containers[0].name";
    QTest::newRow("a scalar inside an item") << 13 << "spec.template.spec.containers[1].image";
    QTest::newRow("an item of an item") << 16 << "spec.template.spec.containers[1].env[0].value";
    QTest::newRow("the last line") << 21 << "spec.template.spec.containers[1].ports[0].name";
}

void TestSourceLocator::pathAtLine()
{
    QFETCH(int, line);
    QFETCH(QString, path);
    const auto found = SourceLocator::pathAtLine(deployment, line);
    QVERIFY(found.has_value());
    QCOMPARE(found->toString(), path);
}

void TestSourceLocator::mergeKeys()
{
    const yaml::YamlPath p{"spec", "template", "spec", "containers", 1, "env", 1, "value"};
    QCOMPARE(SourceLocator::withMergeKeys(deployment, p).toString(),
             QStringLiteral("spec.template.spec.containers[name=app].env[name=B].value"));
    const yaml::YamlPath ports{"spec", "template", "spec", "containers", 1, "ports", 0, "name"};
    QCOMPARE(
        SourceLocator::withMergeKeys(deployment, ports).toString(),
        QStringLiteral("spec.template.spec.containers[name=app].ports[containerPort=8080].name"));
}

void TestSourceLocator::synthetic_data()
{
    QTest::addColumn<QByteArray>("overlay"); // overlay/kustomization.yaml
    QTest::addColumn<QByteArray>("patch");   // overlay/patch.yaml (may be empty)
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("name");              // the rendered name
    QTest::addColumn<int>("renderedLine");          // of `deployment` (for a Deployment)
    QTest::addColumn<QString>("expectedFile");      // relative to the temporary folder
    QTest::addColumn<QByteArray>("expectedNeedle"); // text on the expected line

    const QByteArray res = "resources:\n  - ../base\n";
    QTest::newRow("replicas: wins for spec.replicas")
        << res + "replicas:\n  - name: app\n    count: 5\n"
        << QByteArray() << "Deployment"
        << "app" << 6 << "overlay/kustomization.yaml" << QByteArray("count: 5");
    QTest::newRow("a strategic-merge patch file sets an env value by name")
        << res + "patches:\n  - path: patch.yaml\n"
        << QByteArray("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\nspec:\n"
                      "  template:\n    spec:\n      containers:\n        - name: app\n"
                      "          env:\n            - name: B\n              value: \"9\"\n")
        << "Deployment"
        << "app" << 18 << "overlay/patch.yaml" << QByteArray("value: \"9\"");
    QTest::newRow("a value no patch sets is found in the base")
        << res + "patches:\n  - path: patch.yaml\n"
        << QByteArray("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\nspec:\n"
                      "  template:\n    spec:\n      containers:\n        - name: app\n"
                      "          env:\n            - name: B\n              value: \"9\"\n")
        << "Deployment"
        << "app" << 16 << "base/deployment.yaml" << QByteArray("value: \"1\"");
    QTest::newRow("an inline patch points into the kustomization")
        << res + "patches:\n  - patch: |-\n      apiVersion: apps/v1\n      kind: Deployment\n"
                 "      metadata:\n        name: app\n      spec:\n        template:\n"
                 "          spec:\n            containers:\n              - name: app\n"
                 "                image: other:2\n"
        << QByteArray() << "Deployment"
        << "app" << 13 << "overlay/kustomization.yaml" << QByteArray("image: other:2");
    QTest::newRow("a JSON 6902 op with a target")
        << res + "patches:\n  - target:\n      kind: Deployment\n      name: app\n"
                 "    patch: |-\n      - op: replace\n        path: /spec/replicas\n"
                 "        value: 4\n"
        << QByteArray() << "Deployment"
        << "app" << 6 << "overlay/kustomization.yaml" << QByteArray("value: 4");
    QTest::newRow("a JSON 6902 op for another object is ignored")
        << res + "patches:\n  - target:\n      kind: Service\n      name: app\n"
                 "    patch: |-\n      - op: replace\n        path: /spec/replicas\n"
                 "        value: 4\n"
        << QByteArray() << "Deployment"
        << "app" << 6 << "base/deployment.yaml" << QByteArray("replicas: 1");
    QTest::newRow("images: sets the tag")
        << res + "images:\n  - name: registry.example.com/app\n    newTag: v7\n"
        << QByteArray() << "Deployment"
        << "app" << 13 << "overlay/kustomization.yaml" << QByteArray("newTag: v7");
    QTest::newRow("images: of another image does not count")
        << res + "images:\n  - name: envoy\n    newTag: \"2.0\"\n"
        << QByteArray() << "Deployment"
        << "app" << 13 << "base/deployment.yaml" << QByteArray("image: registry.example.com");
    QTest::newRow("a name prefix is stripped before matching patches")
        << res + "namePrefix: prd-\nreplicas:\n  - name: app\n    count: 3\n"
        << QByteArray() << "Deployment"
        << "prd-app" << 6 << "overlay/kustomization.yaml" << QByteArray("count: 3");
    QTest::newRow("the overlay's namespace")
        << "namespace: shop\n" + res << QByteArray() << "Deployment"
        << "app" << -1 << "overlay/kustomization.yaml" << QByteArray("namespace: shop");
    QTest::newRow("a merging generator's literal")
        << res + "configMapGenerator:\n  - name: app-config\n    behavior: merge\n"
                 "    literals:\n      - MODE=prd\n"
        << QByteArray() << "ConfigMap"
        << "app-config-5d8f7c9b2k" << -2 << "overlay/kustomization.yaml" << QByteArray("MODE=prd");
    QTest::newRow("a generated key the overlay does not merge comes from the base")
        << res + "configMapGenerator:\n  - name: app-config\n    behavior: merge\n"
                 "    literals:\n      - MODE=prd\n"
        << QByteArray() << "ConfigMap"
        << "app-config-5d8f7c9b2k" << -3 << "base/kustomization.yaml" << QByteArray("LOG=info");
    QTest::newRow("a legacy patchesStrategicMerge file")
        << res + "patchesStrategicMerge:\n  - patch.yaml\n"
        << QByteArray("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\nspec:\n"
                      "  replicas: 8\n")
        << "Deployment"
        << "app" << 6 << "overlay/patch.yaml" << QByteArray("replicas: 8");
}

void TestSourceLocator::synthetic()
{
    QFETCH(QByteArray, overlay);
    QFETCH(QByteArray, patch);
    QFETCH(QString, kind);
    QFETCH(QString, name);
    QFETCH(int, renderedLine);
    QFETCH(QString, expectedFile);
    QFETCH(QByteArray, expectedNeedle);

    write(QStringLiteral("base/kustomization.yaml"), baseKustomization);
    write(QStringLiteral("base/deployment.yaml"), deployment);
    write(QStringLiteral("overlay/kustomization.yaml"), overlay);
    if (!patch.isEmpty())
        write(QStringLiteral("overlay/patch.yaml"), patch);

    RenderedObject object{kind, {}, name, {}, {}};
    yaml::YamlPath p;
    if (renderedLine > 0) {
        object.yaml = deployment;
        const auto found = SourceLocator::pathAtLine(deployment, renderedLine);
        QVERIFY(found);
        p = *found;
    } else if (renderedLine == -1) {
        object.yaml = deployment;
        p = {"metadata", "namespace"};
    } else {
        object.yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name.toUtf8() +
                      "\ndata:\n  LOG: info\n  MODE: prd\n";
        p = renderedLine == -2 ? yaml::YamlPath{"data", "MODE"} : yaml::YamlPath{"data", "LOG"};
    }
    const SourceLocator locator(diskReader());
    const auto loc = locator.locate(path(QStringLiteral("overlay")), object, p);
    QVERIFY2(loc.has_value(), qPrintable(loc ? QString() : loc.error().toString()));
    QCOMPARE(loc->file, path(expectedFile));
    const QByteArray text = readFile(loc->file).value();
    const int expected = lineOf(text, expectedNeedle);
    QVERIFY(expected > 0);
    QCOMPARE(loc->line, expected);
    QVERIFY(loc->column >= 1);
    QVERIFY(!loc->reason.isEmpty());
}

void TestSourceLocator::unknownObjectIsNotFound()
{
    write(QStringLiteral("base/kustomization.yaml"), baseKustomization);
    write(QStringLiteral("base/deployment.yaml"), deployment);
    write(QStringLiteral("overlay/kustomization.yaml"), "resources:\n  - ../base\n");
    const SourceLocator locator(diskReader());
    const auto loc = locator.locate(path(QStringLiteral("overlay")),
                                    {QStringLiteral("Service"), {}, QStringLiteral("nope"), {}, {}},
                                    {"spec", "type"});
    QVERIFY(!loc.has_value());
    QCOMPARE(loc.error().code, Error::Code::NotFound);
}

void TestSourceLocator::unsavedEditsAreRead()
{
    write(QStringLiteral("base/kustomization.yaml"), baseKustomization);
    write(QStringLiteral("base/deployment.yaml"), deployment);
    write(QStringLiteral("overlay/kustomization.yaml"), "resources:\n  - ../base\n");
    const QString k = path(QStringLiteral("overlay/kustomization.yaml"));
    const QByteArray edited =
        "resources:\n  - ../base\n\n\nreplicas:\n  - name: app\n    count: 2\n";
    const SourceLocator locator([&](const QString &p) -> Result<QByteArray> {
        if (p == k)
            return edited;
        return readFile(p);
    });
    const auto loc =
        locator.locate(path(QStringLiteral("overlay")),
                       {QStringLiteral("Deployment"), {}, QStringLiteral("app"), {}, deployment},
                       {"spec", "replicas"});
    QVERIFY(loc.has_value());
    QCOMPARE(loc->file, k);
    QCOMPARE(loc->line, 7);
}

void TestSourceLocator::demoRenderedLines_data()
{
    QTest::addColumn<QString>("environment");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QByteArray>("renderedLine"); // the rendered line clicked (trimmed prefix)
    QTest::addColumn<QString>("expectedFile");    // relative to services/payment-api
    QTest::addColumn<QByteArray>("expectedNeedle");

    QTest::newRow("prd replicas come from the replicas: entry")
        << "prd"
        << "Deployment" << QByteArray("replicas: 6") << "overlays/prd/kustomization.yaml"
        << QByteArray("count: 6");
    QTest::newRow("prd's provider URL comes from the deployment patch")
        << "prd"
        << "Deployment" << QByteArray("value: https://api.pay.example.com")
        << "overlays/prd/deployment-patch.yaml" << QByteArray("value: https://api.pay.example.com");
    QTest::newRow("prd's HPA bounds come from the HPA patch")
        << "prd"
        << "HorizontalPodAutoscaler" << QByteArray("maxReplicas: 30")
        << "overlays/prd/hpa-patch.yaml" << QByteArray("maxReplicas: 30");
    QTest::newRow("prd's image tag comes from images:")
        << "prd"
        << "Deployment" << QByteArray("image: asia-northeast1") << "overlays/prd/kustomization.yaml"
        << QByteArray("newTag: v2.30.1");
    QTest::newRow("dev's log level comes from the inline patch")
        << "dev"
        << "Deployment" << QByteArray("value: debug") << "overlays/dev/kustomization.yaml"
        << QByteArray("value: debug");
    QTest::newRow("dev's HPA minimum comes from the JSON 6902 op")
        << "dev"
        << "HorizontalPodAutoscaler" << QByteArray("minReplicas: 1")
        << "overlays/dev/kustomization.yaml" << QByteArray("value: 1");
    QTest::newRow("the merged generator key comes from prd's generator")
        << "prd"
        << "ConfigMap" << QByteArray("DB_MAX_OPEN_CONNS:") << "overlays/prd/kustomization.yaml"
        << QByteArray("DB_MAX_OPEN_CONNS=40");
    QTest::newRow("a generator key prd does not merge comes from the base")
        << "prd"
        << "ConfigMap" << QByteArray("DB_NAME:") << "base/kustomization.yaml"
        << QByteArray("DB_NAME=payment_api");
    QTest::newRow("the namespace comes from the overlay")
        << "stg"
        << "Service" << QByteArray("namespace: payment-api") << "overlays/stg/kustomization.yaml"
        << QByteArray("namespace: payment-api");
    QTest::newRow("the service's type is written in the base")
        << "stg"
        << "Service" << QByteArray("targetPort:") << "base/service.yaml"
        << QByteArray("targetPort:");
}

void TestSourceLocator::demoRenderedLines()
{
    QFETCH(QString, environment);
    QFETCH(QString, kind);
    QFETCH(QByteArray, renderedLine);
    QFETCH(QString, expectedFile);
    QFETCH(QByteArray, expectedNeedle);

    const QString service =
        test::sourceDir() + QStringLiteral("/resources/demo/manifests/services/payment-api");
    const QString overlay = service + QStringLiteral("/overlays/") + environment;
    kustomize::Renderer renderer;
    auto out = renderer.render(overlay);
    QVERIFY2(out.has_value(), qPrintable(out ? QString() : out.error().toString()));
    const kustomize::RenderedResource *res = nullptr;
    for (const auto &r : out->resources)
        if (r.kind == kind)
            res = &r;
    QVERIFY(res);
    int line = 0;
    const QList<QByteArray> lines = res->yaml.split('\n');
    for (int i = 0; i < lines.size() && !line; ++i)
        if (lines.at(i).trimmed().startsWith(renderedLine) ||
            lines.at(i).trimmed().startsWith("- " + renderedLine))
            line = i + 1;
    QVERIFY2(line > 0, res->yaml.constData());

    const SourceLocator locator(diskReader());
    const RenderedObject object{res->kind, res->nameSpace, res->name, res->originFile, res->yaml};
    const auto loc = locator.locateLine(overlay, object, line);
    QVERIFY2(loc.has_value(), qPrintable(loc ? QString() : loc.error().toString()));
    QCOMPARE(loc->file, QDir::cleanPath(service + QLatin1Char('/') + expectedFile));
    const QByteArray text = readFile(loc->file).value();
    QCOMPARE(loc->line, lineOf(text, expectedNeedle));
}

void TestSourceLocator::workspaceFilesListsBothRepositories()
{
    write(QStringLiteral("ws/accounts/main.tf"), "# x\n");
    write(QStringLiteral("ws/accounts/.git/config"), "x\n");
    write(QStringLiteral("ws/accounts/.terraform/x.tf"), "x\n");
    write(QStringLiteral("ws/manifests/services/a/base/kustomization.yaml"), "resources: []\n");
    write(QStringLiteral("ws/manifests/services/a/base/image.png"), "x");
    platform::Catalog catalog;
    catalog.workspace.dir = path(QStringLiteral("ws"));
    catalog.workspace.repositories = {{QStringLiteral("accounts"),
                                       platform::RepositoryRole::Accounts,
                                       {},
                                       QStringLiteral("accounts"),
                                       QStringLiteral("main")},
                                      {QStringLiteral("manifests"),
                                       platform::RepositoryRole::Manifests,
                                       {},
                                       QStringLiteral("manifests"),
                                       QStringLiteral("main")}};
    const auto files = platform::workspaceFiles(catalog);
    QStringList names;
    for (const auto &f : files)
        names << f.display;
    QCOMPARE(names, QStringList({QStringLiteral("accounts/main.tf"),
                                 QStringLiteral("manifests/services/a/base/kustomization.yaml")}));
    QCOMPARE(files.first().absolute, path(QStringLiteral("ws/accounts/main.tf")));
}

QTEST_GUILESS_MAIN(TestSourceLocator)
#include "tst_sourcelocator.moc"
