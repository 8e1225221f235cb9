#include "corpusrunner.h"

using namespace kanri::test::kustomizecorpus;

// Runs every case of ../shared/conformance/kustomize (derived from kustomize's own tests):
// cases/ must print kubectl's output byte for byte (also in the default order when the case
// has expected_default.yaml), errors/ must fail with a message containing the expected text.
class TestKustomizeCorpus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void corpus_data()
    {
        addRows(kanri::test::sharedSubdir(QStringLiteral("conformance/kustomize")));
    }

    void corpus()
    {
        QFETCH(QString, dir);
        QFETCH(bool, isError);
        const QString why = checkCase(m_renderer, dir, isError, ErrorPaths::RootedWhenMarked);
        QVERIFY2(why.isEmpty(), qPrintable(why));
    }

private:
    kanri::kustomize::Renderer m_renderer; // one cache for all cases, as the application has
};

KANRI_TEST_MAIN_IF(
    TestKustomizeCorpus, QCoreApplication,
    !kanri::test::sharedSubdir(QStringLiteral("conformance/kustomize")).isEmpty(),
    "../shared/conformance/kustomize (KANRI_SHARED) is absent: the corpus cannot run")
#include "tst_kustomizecorpus.moc"
