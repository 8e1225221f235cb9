#include "items/catalogtreemodel.h"
#include "platform/livediff.h"
#include "platform/renderpipeline.h"
#include "platform/session.h"
#include "rules/rulelive.h"
#include "tests/testsupport/catalogfixture.h"

#include <QDateTime>
#include <QDirIterator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <thread>

using namespace kanri;
using platform::RenderPipeline;

// The one render cache shared by the session, the tree, the live diff and the linter: what it
// renders once is answered for all of them, and an edit in the buffers or a change on disk
// renders again exactly what it feeds.
class TestRenderPipeline : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void sameInputsRenderOnce();
    void aBufferEditRendersAgainOnlyTheOverlaysItFeeds();
    void aFileChangedOnDiskRendersAgain();
    void aFileDeletedInTheLayerRendersAgain();
    void headAndWorkingVariantsAreBothKept();
    void aFailedRenderIsNotKept();
    void consumersShareOneRenderPerOverlay();
    void theSameRenderAskedTwiceAtOnceRunsOnce();
    void aCancelledRenderIsStartedAgainForTheOneWaiting();
    void aTableAskingAgainLetsTheValuesRunFinish();
    void aKeptRenderIsCheckedWithoutReadingSettledFiles();
    void everyEditRendersEachOverlayOnceForTheDiffAndTheTable();

private:
    QString overlay(int service, const char *env) const
    {
        return m_dir->filePath(
            QStringLiteral("manifests/services/%1/overlays/%2")
                .arg(QString::fromLatin1(test::serviceName(service)), QLatin1String(env)));
    }
    QString base(int service, const char *file) const
    {
        return m_dir->filePath(
            QStringLiteral("manifests/services/%1/base/%2")
                .arg(QString::fromLatin1(test::serviceName(service)), QLatin1String(file)));
    }
    static QByteArray read(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    // Writes `path` and dates it an hour back, as a file not touched while rendering is.
    static bool rewrite(const QString &path, const QByteArray &text)
    {
        QFile f(path);
        return test::writeText(path, text) && f.open(QIODevice::ReadWrite) &&
               f.setFileTime(QDateTime::currentDateTime().addSecs(-3600),
                             QFileDevice::FileModificationTime);
    }

    // A layer that makes service 0's base a megabyte: its render takes a while.
    kustomize::FileOverlay heavyLayer(int keys = 30000) const
    {
        QByteArray big = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n";
        for (int i = 0; i < keys; ++i)
            big +=
                "  key" + QByteArray::number(i) + ": value number " + QByteArray::number(i) + '\n';
        kustomize::FileOverlay layer;
        layer.files.insert(base(0, "big.yaml"), big);
        const QString k = base(0, "kustomization.yaml");
        layer.files.insert(k, read(k).replace("resources:\n", "resources:\n  - big.yaml\n"));
        return layer;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestRenderPipeline::init()
{
    QStandardPaths::setTestModeEnabled(true);
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(test::writeWorkspace(m_dir->path()));
    // Files written a moment ago are not trusted on their signature alone, and a render that
    // may have read a file while it was written is not kept: the fixture is dated back.
    QDirIterator it(m_dir->path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.setFileTime(QDateTime::currentDateTime().addSecs(-3600),
                              QFileDevice::FileModificationTime));
    }
}

void TestRenderPipeline::cleanup()
{
    m_dir.reset();
}

void TestRenderPipeline::sameInputsRenderOnce()
{
    RenderPipeline pipeline;
    const kustomize::FileOverlay none;
    auto first = pipeline.render(overlay(0, "prd"), none);
    QVERIFY2(first.has_value(), qPrintable(first ? QString() : first.error().toString()));
    QVERIFY((*first)->text.contains("replicas: 3"));
    QVERIFY((*first)->inputs.contains(base(0, "deployment.yaml")));
    auto second = pipeline.render(overlay(0, "prd") + QStringLiteral("/"), none);
    QVERIFY(second.has_value());
    QCOMPARE(second->get(), first->get()); // the same output, not an equal one
    QCOMPARE(pipeline.renderCount(), quint64(1));
    // A layer that holds only files the render does not read is the same input.
    kustomize::FileOverlay unrelated;
    unrelated.files.insert(base(1, "deployment.yaml"), QByteArray("kind: Nothing\n"));
    QVERIFY(pipeline.render(overlay(0, "prd"), unrelated).has_value());
    QCOMPARE(pipeline.renderCount(), quint64(1));
}

void TestRenderPipeline::aBufferEditRendersAgainOnlyTheOverlaysItFeeds()
{
    RenderPipeline pipeline;
    for (const char *env : {"dev", "prd"}) {
        QVERIFY(pipeline.render(overlay(0, env), {}).has_value());
        QVERIFY(pipeline.render(overlay(1, env), {}).has_value());
    }
    QCOMPARE(pipeline.renderCount(), quint64(4));

    kustomize::FileOverlay edited;
    edited.files.insert(base(0, "deployment.yaml"),
                        read(base(0, "deployment.yaml")).replace("replicas: 1", "replicas: 7"));
    auto dev = pipeline.render(overlay(0, "dev"), edited);
    QVERIFY(dev.has_value());
    QVERIFY((*dev)->text.contains("replicas: 7"));
    QCOMPARE(pipeline.renderCount(), quint64(5));
    QVERIFY(pipeline.render(overlay(1, "dev"), edited).has_value()); // not fed by the edit
    QVERIFY(pipeline.render(overlay(1, "prd"), edited).has_value());
    QCOMPARE(pipeline.renderCount(), quint64(5));

    // The same bytes in a new buffer are the same input; other bytes are not.
    kustomize::FileOverlay same;
    const QByteArray bytes = *edited.files.value(base(0, "deployment.yaml"));
    same.files.insert(base(0, "deployment.yaml"), QByteArray(bytes.constData(), bytes.size()));
    QCOMPARE(pipeline.render(overlay(0, "dev"), same)->get(), dev->get());
    QCOMPARE(pipeline.renderCount(), quint64(5));
    same.files[base(0, "deployment.yaml")]->replace("replicas: 7", "replicas: 8");
    QVERIFY(pipeline.render(overlay(0, "dev"), same).value()->text.contains("replicas: 8"));
    QCOMPARE(pipeline.renderCount(), quint64(6));
}

void TestRenderPipeline::aFileChangedOnDiskRendersAgain()
{
    RenderPipeline pipeline;
    QVERIFY(pipeline.render(overlay(0, "dev"), {}).has_value());
    QVERIFY(pipeline.render(overlay(1, "dev"), {}).has_value());
    QCOMPARE(pipeline.renderCount(), quint64(2));

    // Nobody tells the pipeline: the file's signature does.
    QVERIFY(rewrite(base(0, "service.yaml"),
                    read(base(0, "service.yaml")).replace("port: 80", "port: 8080")));
    auto out = pipeline.render(overlay(0, "dev"), {});
    QVERIFY(out.has_value());
    QVERIFY((*out)->text.contains("port: 8080"));
    QCOMPARE(pipeline.renderCount(), quint64(3));
    QVERIFY(pipeline.render(overlay(1, "dev"), {}).has_value());
    QCOMPARE(pipeline.renderCount(), quint64(3));

    // A file written just now is read again on every check, so that a change within the
    // file system's timestamp granularity is still seen.
    QVERIFY(test::writeText(base(0, "service.yaml"),
                            read(base(0, "service.yaml")).replace("port: 8080", "port: 9090")));
    out = pipeline.render(overlay(0, "dev"), {});
    QVERIFY(out.has_value());
    QVERIFY((*out)->text.contains("port: 9090"));

    // A file that appears where the render looked and found nothing renders again too.
    QVERIFY(rewrite(overlay(1, "dev") + QStringLiteral("/kustomization.yml"),
                    "resources:\n  - ../../base\n"));
    const quint64 before = pipeline.renderCount();
    QVERIFY(!pipeline.render(overlay(1, "dev"), {}).has_value()); // two kustomization files
    QCOMPARE(pipeline.renderCount(), before + 1);
}

void TestRenderPipeline::aFileDeletedInTheLayerRendersAgain()
{
    RenderPipeline pipeline;
    QVERIFY(pipeline.render(overlay(0, "prd"), {}).has_value());
    kustomize::FileOverlay deleted;
    deleted.files.insert(overlay(0, "prd") + QStringLiteral("/deployment-patch.yaml"),
                         std::nullopt);
    auto out = pipeline.render(overlay(0, "prd"), deleted);
    QVERIFY(!out.has_value());
    QVERIFY(out.error().message.contains(QStringLiteral("deployment-patch.yaml")));
    QCOMPARE(pipeline.renderCount(), quint64(2));
}

void TestRenderPipeline::headAndWorkingVariantsAreBothKept()
{
    RenderPipeline pipeline;
    kustomize::FileOverlay working;
    working.files.insert(base(0, "deployment.yaml"),
                         read(base(0, "deployment.yaml")).replace("replicas: 1", "replicas: 4"));
    const kustomize::FileOverlay head;
    for (int round = 0; round < 3; ++round) {
        auto before = pipeline.render(overlay(0, "dev"), head);
        auto after = pipeline.render(overlay(0, "dev"), working);
        QVERIFY(before.has_value() && after.has_value());
        QVERIFY((*before)->text.contains("replicas: 1"));
        QVERIFY((*after)->text.contains("replicas: 4"));
    }
    QCOMPARE(pipeline.renderCount(), quint64(2));

    // Typing: every keystroke is a new working variant, and the HEAD render, asked for each
    // time, stays (the least recently used variants go).
    for (int keystroke = 0; keystroke < 10; ++keystroke) {
        working.files[base(0, "deployment.yaml")] =
            read(base(0, "deployment.yaml"))
                .replace("replicas: 1", "replicas: 1" + QByteArray::number(keystroke));
        QVERIFY(pipeline.render(overlay(0, "dev"), head).has_value());
        QVERIFY(pipeline.render(overlay(0, "dev"), working).has_value());
    }
    QCOMPARE(pipeline.renderCount(), quint64(2 + 10));

    pipeline.clear();
    QVERIFY(pipeline.render(overlay(0, "dev"), head).has_value());
    QCOMPARE(pipeline.renderCount(), quint64(13));
}

void TestRenderPipeline::aFailedRenderIsNotKept()
{
    RenderPipeline pipeline;
    kustomize::FileOverlay broken;
    broken.files.insert(overlay(0, "dev") + QStringLiteral("/kustomization.yaml"),
                        QByteArray("namespace: [unclosed\n"));
    QVERIFY(!pipeline.render(overlay(0, "dev"), broken).has_value());
    QVERIFY(!pipeline.render(overlay(0, "dev"), broken).has_value());
    QCOMPARE(pipeline.renderCount(), quint64(2));
    std::atomic_bool cancelled = true;
    auto out = pipeline.render(overlay(0, "dev"), {}, &cancelled);
    QVERIFY(!out.has_value());
    QCOMPARE(out.error().code, Error::Code::Cancelled);
    QVERIFY(pipeline.render(overlay(0, "dev"), {}).has_value()); // the cancelled one was not kept
    QCOMPARE(pipeline.renderCount(), quint64(4));
}

void TestRenderPipeline::consumersShareOneRenderPerOverlay()
{
    auto ws = platform::Workspace::load(m_dir->path());
    QVERIFY2(ws.has_value(), qPrintable(ws ? QString() : ws.error().toString()));
    auto opened = platform::Session::open(*ws);
    QVERIFY2(opened.has_value(), qPrintable(opened ? QString() : opened.error().toString()));
    std::unique_ptr<platform::Session> session = std::move(*opened);
    RenderPipeline *pipeline = session->renderer();
    const quint64 start = pipeline->renderCount();
    QCOMPARE(session->catalog().services.size(), 3);

    // The tables: service 0's three environments.
    for (int env = 0; env < 3; ++env)
        QVERIFY(session->values(0, env).error.isEmpty());
    QCOMPARE(pipeline->renderCount(), start + 3);

    // The tree, expanding the same three: nothing rendered again.
    items::CatalogTreeModel tree;
    tree.setSession(session.get());
    const QModelIndex service = tree.index(0, 0, tree.index(0, 0));
    QCOMPARE(service.data(items::CatalogTreeModel::ServiceRole).toString(),
             QStringLiteral("svc-0000"));
    for (int env = 0; env < 3; ++env)
        tree.fetchMore(tree.index(env, 0, service));
    for (int env = 0; env < 3; ++env) {
        const QModelIndex e = tree.index(env, 0, service);
        QTRY_VERIFY(tree.rowCount(e) > 0 &&
                    tree.index(0, 0, e).data(items::CatalogTreeModel::KindRole).toInt() ==
                        int(items::CatalogTreeModel::NodeKind::Resource));
    }
    QCOMPARE(pipeline->renderCount(), start + 3);

    // The live diff of service 0 (no commit: its HEAD side is the working tree).
    platform::LiveDiff diff(session.get());
    diff.setDebounce(0);
    diff.setService(0);
    diff.computeNow();
    QCOMPARE(diff.results().size(), 3);
    QCOMPARE(pipeline->renderCount(), start + 3);

    // The linter renders every overlay: only the six not rendered yet.
    platform::LiveLinter linter;
    linter.setDelay(0);
    linter.setSession(session.get());
    QTRY_VERIFY_WITH_TIMEOUT(linter.isUpToDate(), 30000);
    QCOMPARE(pipeline->renderCount(), start + 9);

    // An edit of service 1's prd overlay: the linter checks everything again, the diff of
    // service 0 computes again, and only that one overlay renders again.
    const QString prd = QDir(session->catalog().manifestsRoot)
                            .filePath(QStringLiteral("services/svc-0001/overlays/prd/"
                                                     "kustomization.yaml"));
    const int generation = linter.generation();
    QVERIFY(session->buffers()->edit(prd, read(prd).replace("count: 3", "count: 5"),
                                     QStringLiteral("replicas")));
    QTRY_VERIFY_WITH_TIMEOUT(linter.generation() > generation && linter.isUpToDate(), 30000);
    diff.computeNow();
    QCOMPARE(pipeline->renderCount(), start + 10);
    QCOMPARE(session->values(1, 2).replicas, std::optional<int>(5));
    QCOMPARE(pipeline->renderCount(), start + 10); // the linter's render answers the table
}

void TestRenderPipeline::theSameRenderAskedTwiceAtOnceRunsOnce()
{
    // The live diff and the services table ask for the same render right after an edit: the
    // second waits for the first one's output instead of rendering it again.
    const kustomize::FileOverlay layer = heavyLayer();
    QVERIFY(read(base(0, "kustomization.yaml")).contains("resources:"));
    RenderPipeline pipeline;
    std::optional<Result<RenderPipeline::Output>> first;
    std::thread worker([&] { first = pipeline.render(overlay(0, "prd"), layer); });
    QThread::msleep(20); // the first render is under way (it takes far longer than this)
    auto second = pipeline.render(overlay(0, "prd"), layer);
    worker.join();
    QVERIFY2(first && first->has_value(), qPrintable(first->error().toString()));
    QVERIFY(second.has_value());
    QVERIFY((*second)->text.contains("key29999: value number 29999"));
    QCOMPARE(second->get(), first->value().get()); // one output, shared
    QCOMPARE(pipeline.renderCount(), quint64(1));
    // Another layer is another render, even for the same overlay.
    kustomize::FileOverlay other = layer;
    other.files[base(0, "big.yaml")]->append("  extra: one\n");
    auto third = pipeline.render(overlay(0, "prd"), other);
    QVERIFY(third.has_value());
    QVERIFY((*third)->text.contains("extra: one"));
    QCOMPARE(pipeline.renderCount(), quint64(2));
}

void TestRenderPipeline::aCancelledRenderIsStartedAgainForTheOneWaiting()
{
    const kustomize::FileOverlay layer = heavyLayer();
    RenderPipeline pipeline;
    std::atomic_bool cancelFirst = false;
    std::optional<Result<RenderPipeline::Output>> first, second;
    std::thread one([&] { first = pipeline.render(overlay(0, "prd"), layer, &cancelFirst); });
    QThread::msleep(20);
    std::thread two([&] { second = pipeline.render(overlay(0, "prd"), layer); });
    QThread::msleep(20);
    cancelFirst = true; // the first caller lost interest; the second still waits
    one.join();
    two.join();
    QVERIFY(first && second);
    QVERIFY2(second->has_value(), qPrintable(second->error().toString()));
    QVERIFY((**second)->text.contains("key29999: value number 29999"));
    if (!first->has_value())
        QCOMPARE(first->error().code, Error::Code::Cancelled);
    // A waiting caller that is cancelled itself returns at once.
    std::atomic_bool cancelled = true;
    kustomize::FileOverlay fresh = layer;
    fresh.files[base(0, "big.yaml")]->append("  extra: two\n");
    auto none = pipeline.render(overlay(0, "prd"), fresh, &cancelled);
    QVERIFY(!none.has_value());
    QCOMPARE(none.error().code, Error::Code::Cancelled);
}

// After an edit the services table asks for the edited service's values on every paint while
// they render on a worker: the asking answers with the stale values and never restarts the run
// (a restarted run threw its render away and rendered the same buffers again, once per edit).
void TestRenderPipeline::aTableAskingAgainLetsTheValuesRunFinish()
{
    auto ws = platform::Workspace::load(m_dir->path());
    QVERIFY2(ws.has_value(), qPrintable(ws ? QString() : ws.error().toString()));
    auto opened = platform::Session::open(*ws);
    QVERIFY2(opened.has_value(), qPrintable(opened ? QString() : opened.error().toString()));
    std::unique_ptr<platform::Session> session = std::move(*opened);
    for (int env = 0; env < 3; ++env)
        QVERIFY(session->values(0, env).error.isEmpty());
    for (int env = 0; env < 3; ++env)
        QVERIFY(session->values(1, env).error.isEmpty());
    const quint64 renders = session->renderer()->renderCount();
    const quint64 runs = session->valuesRuns();

    // Service 0's base becomes a megabyte (its renders take a while).
    const kustomize::FileOverlay heavy = heavyLayer();
    for (auto it = heavy.files.cbegin(); it != heavy.files.cend(); ++it)
        QVERIFY(session->buffers()->edit(it.key(), **it, QStringLiteral("big")));
    QVERIFY(session->valuesPending());
    // The table paints while the run renders: every cell of both services, many times.
    int asked = 0;
    while (session->valuesPending() && asked < 2000) {
        for (int service = 0; service < 2; ++service) {
            for (int env = 0; env < 3; ++env)
                session->values(service, env);
        }
        ++asked;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    QTRY_VERIFY_WITH_TIMEOUT(!session->valuesPending(), 30000);
    QVERIFY(asked > 1);
    QCOMPARE(session->valuesRuns(), runs + 1);
    QCOMPARE(session->renderer()->renderCount(), renders + 3); // service 0's three overlays
    QVERIFY(session->hasValues(0, 2));
    QVERIFY(session->hasValues(1, 2));
}

// Checking that a kept render still holds costs a stat per input file: the files are read only
// when they were written just before the render (a change within the file system's timestamp
// granularity shows only in the bytes), and only until they are found the same once old. (A
// check once read every input file whole: a megabyte and more per keystroke on real overlays.)
void TestRenderPipeline::aKeptRenderIsCheckedWithoutReadingSettledFiles()
{
    RenderPipeline pipeline;
    QVERIFY(pipeline.render(overlay(0, "prd"), {}).has_value());
    for (int i = 0; i < 3; ++i)
        QVERIFY(pipeline.render(overlay(0, "prd"), {}).has_value());
    QCOMPARE(pipeline.renderCount(), quint64(1));
    QCOMPARE(pipeline.inputReadCount(), quint64(0)); // every input is old: stat'ed, not read

    // A file written 1.9 s ago is young when rendered: kept with its bytes, read on each check
    // while it is young; once old and found the same, it is trusted on its signature.
    const QString service = base(0, "service.yaml");
    QVERIFY(test::writeText(service, read(service).replace("port: 80", "port: 8080")));
    {
        QFile f(service);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.setFileTime(QDateTime::currentDateTime().addMSecs(-1900),
                              QFileDevice::FileModificationTime));
    }
    auto out = pipeline.render(overlay(0, "prd"), {});
    QVERIFY(out.has_value());
    QVERIFY((*out)->text.contains("port: 8080"));
    QCOMPARE(pipeline.renderCount(), quint64(2));
    QThread::msleep(200); // now older than the two seconds a signature is trusted after
    for (int i = 0; i < 3; ++i)
        QVERIFY(pipeline.render(overlay(0, "prd"), {}).has_value());
    QCOMPARE(pipeline.renderCount(), quint64(2));
    QCOMPARE(pipeline.inputReadCount(), quint64(1)); // read once, then settled
}

// After an edit the live diff and the services table both render the edited service's
// overlays with the same buffers: each overlay renders once per edit, whichever asks first
// (a render that ended while the other one checked the cache was once run again).
void TestRenderPipeline::everyEditRendersEachOverlayOnceForTheDiffAndTheTable()
{
    auto ws = platform::Workspace::load(m_dir->path());
    QVERIFY2(ws.has_value(), qPrintable(ws ? QString() : ws.error().toString()));
    auto opened = platform::Session::open(*ws);
    QVERIFY2(opened.has_value(), qPrintable(opened ? QString() : opened.error().toString()));
    std::unique_ptr<platform::Session> session = std::move(*opened);
    for (int env = 0; env < 3; ++env)
        QVERIFY(session->values(0, env).error.isEmpty());
    platform::LiveDiff diff(session.get());
    diff.setDebounce(0);
    diff.setService(0);
    diff.computeNow();
    QCOMPARE(diff.results().size(), 3);

    // Service 0's base grows by a ConfigMap of 3,000 keys (its renders take a moment).
    const kustomize::FileOverlay heavy = heavyLayer(3000);
    for (auto it = heavy.files.cbegin(); it != heavy.files.cend(); ++it)
        QVERIFY(session->buffers()->edit(it.key(), **it, QStringLiteral("big")));
    QTRY_VERIFY_WITH_TIMEOUT(!diff.isBusy() && !session->valuesPending(), 30000);
    const QString big = base(0, "big.yaml");
    const quint64 renders = session->renderer()->renderCount();
    constexpr int kEdits = 12;
    for (int i = 0; i < kEdits; ++i) {
        QByteArray text = *heavy.files.value(big);
        text.replace("  key7: value number 7\n", "  key7: edited " + QByteArray::number(i) + '\n');
        QVERIFY(session->buffers()->edit(big, text, QStringLiteral("value")));
        QVERIFY(session->valuesPending());
        QTRY_VERIFY_WITH_TIMEOUT(!diff.isBusy() && !session->valuesPending(), 30000);
        QCOMPARE(diff.results().size(), 3);
        QVERIFY(diff.results().at(2).diff.changed > 0 || diff.results().at(2).diff.added > 0);
    }
    QCOMPARE(session->renderer()->renderCount(), renders + 3 * kEdits);
}

QTEST_GUILESS_MAIN(TestRenderPipeline)
#include "tst_renderpipeline.moc"
