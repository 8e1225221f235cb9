// Kanri's HCL engine against HashiCorp's HCL 2.14.1 on every file of
// ../shared/conformance/hcl/files (hcldiff.h says what is compared).
#include "hcldiff.h"

#include <QTest>

using namespace kanri;
using namespace kanri::test::hcldiff;

namespace {

QString corpusDir()
{
    return test::sharedSubdir(QStringLiteral("conformance/hcl/files"));
}

} // namespace

class TestHclDiffCorpus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyCorpusFileAgrees();
};

void TestHclDiffCorpus::everyCorpusFileAgrees()
{
    const QDir dir(corpusDir());
    QStringList files;
    for (const QString &f : dir.entryList(QDir::Files, QDir::Name))
        if (!f.endsWith(QLatin1String(".expect.json")))
            files.append(dir.filePath(f));
    QVERIFY(files.size() >= 30);
    QString error;
    const QList<OracleResult> results = runOracle(files, &error);
    QVERIFY2(!results.isEmpty(), qPrintable(error));
    QStringList failures;
    int accepted = 0, values = 0;
    for (qsizetype i = 0; i < files.size(); ++i) {
        const QStringList problems = compare(files[i], test::readAll(files[i]), results[i]);
        if (!problems.isEmpty())
            failures << QFileInfo(files[i]).fileName() + QStringLiteral(":\n  ") +
                            problems.join(QStringLiteral("\n  "));
        accepted += results[i].ok ? 1 : 0;
        values += int(results[i].values.size());
    }
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u'\n')));
    qInfo("%lld corpus files (%d accepted), %d typed values compared", qlonglong(files.size()),
          accepted, values);
}

KANRI_TEST_MAIN_IF(TestHclDiffCorpus, QCoreApplication,
                   !kanri::test::hcldiff::oracle().isEmpty() && !corpusDir().isEmpty(),
                   "needs HashiCorp's HCL (golang-go, golang-github-hashicorp-hcl-v2-dev) and "
                   "../shared/conformance/hcl (KANRI_SHARED)")
#include "tst_hcldiffcorpus.moc"
