#include "renderer.h"
#include "testutil.h"
#include "yamlvalue.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QtTest>

using namespace kanri::kustomize;
using kanri::yaml::Value;

namespace {

using kanri::test::readAll;

Value readCase(const QString &dir)
{
    auto docs = kanri::yaml::parseDocuments(readAll(dir + QStringLiteral("/case.yaml")));
    if (!docs || docs->empty())
        return Value::map();
    return docs->front();
}

QStringList strings(const Value *v)
{
    QStringList out;
    if (v && v->isSeq())
        for (const Value &i : v->items)
            out << QString::fromStdString(i.text);
    return out;
}

RenderOptions optionsFrom(const QStringList &args)
{
    RenderOptions o;
    for (qsizetype i = 0; i + 1 < args.size(); ++i) {
        if (args[i] == QLatin1String("--reorder") && args[i + 1] == QLatin1String("none"))
            o.reorder = ReorderMode::None;
        if (args[i] == QLatin1String("--load-restrictor") &&
            args[i + 1] == QLatin1String("LoadRestrictionsNone"))
            o.loadRestrictor = LoadRestrictor::None;
    }
    return o;
}

// Cases Kanri does not reproduce yet, each with the reason. A case listed here that starts
// passing makes the test fail (XPASS), so the list stays honest.
const QHash<QString, QString> &knownFailures()
{
    static const QHash<QString, QString> k = {
#include "knownfailures.inc"
    };
    return k;
}

} // namespace

// Runs every case of ../shared/conformance/kustomize: cases/ must print kubectl's output byte
// for byte (also in the default order when the case has expected_default.yaml), errors/ must
// fail with a message containing the expected text.
class TestKustomizeCorpus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void corpus_data()
    {
        QTest::addColumn<QString>("dir");
        QTest::addColumn<bool>("isError");
        const QString shared = kanri::test::sharedDir();
        if (shared.isEmpty())
            return;
        const QString root = shared + QStringLiteral("/conformance/kustomize");
        for (const char *sub : {"cases", "errors"}) {
            QDir d(root + QLatin1Char('/') + QLatin1String(sub));
            for (const QString &c : d.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
                const QString name =
                    QStringLiteral("%1/%2 renders as kubectl does").arg(QLatin1String(sub), c);
                QTest::newRow(qPrintable(name))
                    << d.filePath(c) << (QLatin1String(sub) == QLatin1String("errors"));
            }
        }
    }

    void corpus()
    {
        QFETCH(QString, dir);
        QFETCH(bool, isError);
        const Value meta = readCase(dir);
        const QString id = QDir(dir).dirName();
        const QString reason = knownFailures().value(id);
        const QStringList args = strings(meta.get("kubectl_args"));
        const QString buildDir = QDir::cleanPath(dir + QLatin1Char('/') +
                                                 QString::fromStdString(meta.str({"build_dir"})));
        Renderer renderer;
        auto out = renderer.render(buildDir, optionsFrom(args));
        // Debugging aid: KANRI_KUSTOMIZE_DUMP=DIR writes what Kanri printed for each case.
        if (const QString dump = qEnvironmentVariable("KANRI_KUSTOMIZE_DUMP"); !dump.isEmpty()) {
            QFile f(dump + QLatin1Char('/') + id + QStringLiteral(".out"));
            if (f.open(QIODevice::WriteOnly))
                f.write(out ? out->text : out.error().toString().toUtf8());
        }
        // One verdict per case, so a known failure is one expected failure.
        bool ok = true;
        QString why;
        if (!isError) {
            if (!out) {
                ok = false;
                why = out.error().toString();
            } else if (out->text != readAll(dir + QStringLiteral("/expected.yaml"))) {
                ok = false;
                why = QStringLiteral("output differs from expected.yaml");
            } else if (const std::string def = meta.str({"expected_default_file"}); !def.empty()) {
                QStringList a2 = args;
                const qsizetype i = a2.indexOf(QStringLiteral("--reorder"));
                if (i >= 0)
                    a2.remove(i, 2);
                auto out2 = renderer.render(buildDir, optionsFrom(a2));
                if (!out2 ||
                    out2->text != readAll(dir + QLatin1Char('/') + QString::fromStdString(def))) {
                    ok = false;
                    why = QStringLiteral("default-order output differs");
                }
            }
        } else if (out) {
            ok = false;
            why = QStringLiteral("the build should fail");
        } else {
            QString message = out.error().message;
            if (meta.get("error_paths"))
                message.replace(dir + QLatin1Char('/'), QStringLiteral("/"))
                    .replace(dir, QStringLiteral("/"));
            QStringList expected = strings(meta.get("expected_errors"));
            if (expected.isEmpty())
                expected << QString::fromStdString(meta.str({"expected_error"}));
            const bool regexp = meta.str({"expected_error_match"}) == "regexp";
            for (const QString &e : expected) {
                const bool found =
                    regexp ? QRegularExpression(e).match(message).hasMatch() : message.contains(e);
                if (!found) {
                    ok = false;
                    why = QStringLiteral("expected \"%1\" in \"%2\"").arg(e, message);
                }
            }
        }
        if (!reason.isEmpty())
            QEXPECT_FAIL("", qPrintable(reason), Continue);
        QVERIFY2(ok, qPrintable(why));
    }
};

KANRI_TEST_MAIN_IF(
    TestKustomizeCorpus, QCoreApplication,
    !kanri::test::sharedSubdir(QStringLiteral("conformance/kustomize")).isEmpty(),
    "../shared/conformance/kustomize (KANRI_SHARED) is absent: the corpus cannot run")
#include "tst_kustomizecorpus.moc"
