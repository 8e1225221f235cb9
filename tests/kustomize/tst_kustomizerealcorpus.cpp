#include "corpusrunner.h"

using namespace kanri::test::kustomizecorpus;

// Runs every build of ../shared/conformance/kustomize-real (kustomize trees of public projects,
// with kustomize v5.5.0's output): cases/ must print expected.yaml byte for byte with the case's
// kubectl_args, errors/ must fail with kustomize's message (the case folder's path removed, as
// the corpus writes it).
class TestKustomizeRealCorpus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void corpus_data()
    {
        addRows(kanri::test::sharedSubdir(QStringLiteral("conformance/kustomize-real")));
    }

    void corpus()
    {
        QFETCH(QString, dir);
        QFETCH(bool, isError);
        const QString why = checkCase(m_renderer, dir, isError, ErrorPaths::Relative);
        QVERIFY2(why.isEmpty(), qPrintable(why));
    }

private:
    kanri::kustomize::Renderer m_renderer;
};

KANRI_TEST_MAIN_IF(
    TestKustomizeRealCorpus, QCoreApplication,
    !kanri::test::sharedSubdir(QStringLiteral("conformance/kustomize-real")).isEmpty(),
    "../shared/conformance/kustomize-real (KANRI_SHARED) is absent: the corpus cannot run")
#include "tst_kustomizerealcorpus.moc"
