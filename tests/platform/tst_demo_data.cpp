// The demo platform under resources/demo: the accounts repository has the developers and the
// microservices the issue asks for, laid out per team; the manifests repository has a base and
// three overlays per microservice, and every overlay and platform component renders with
// kubectl (the rendering oracle). The deliberate rule breaks are exactly where the README says.

#include "tests/testsupport/testutil.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

namespace {

QString demoDir()
{
    return kanri::test::sourceDir() + QStringLiteral("/resources/demo");
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

// Directories under manifests/ that kustomize must render, relative to manifests/.
QStringList renderableDirs()
{
    const QDir manifests(demoDir() + QStringLiteral("/manifests"));
    QStringList dirs;
    const QStringList services = QDir(manifests.filePath(QStringLiteral("services")))
                                     .entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString &service : services) {
        const QString overlays = QStringLiteral("services/%1/overlays").arg(service);
        const QStringList envs = QDir(manifests.filePath(overlays))
                                     .entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        for (const QString &env : envs)
            dirs << overlays + QLatin1Char('/') + env;
    }
    const QStringList platform = QDir(manifests.filePath(QStringLiteral("platform")))
                                     .entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString &component : platform)
        dirs << QStringLiteral("platform/") + component;
    dirs << QStringLiteral("argocd/applications");
    return dirs;
}

// Keys of the literal maps `<name> = {` at the given indentation.
QStringList mapKeys(const QByteArray &text, int indent)
{
    const QRegularExpression entry(QStringLiteral("^ {%1}([a-z][a-z0-9-]*) += \\{$").arg(indent),
                                   QRegularExpression::MultilineOption);
    QStringList keys;
    auto it = entry.globalMatch(QString::fromUtf8(text));
    while (it.hasNext())
        keys << it.next().captured(1);
    return keys;
}

} // namespace

class TestDemoData : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void developersMapHasAtLeastThirtyEntries();
    void microservicesLiveInTheirTeamsFiles();
    void everyMicroserviceHasABaseAndThreeOverlays();
    void codeownersGiveEachTeamItsOwnFiles();
    void directoryRendersWithKubectl_data();
    void directoryRendersWithKubectl();
    void ruleBreakIsWhereTheReadmeSays_data();
    void ruleBreakIsWhereTheReadmeSays();
    void onlyTheDevOverlayOfImageResizerUsesLatest();

private:
    QStringList m_services; // from the accounts repository
    QMap<QString, QString> m_teamOf;
};

void TestDemoData::initTestCase()
{
    QVERIFY2(!kanri::test::sourceDir().isEmpty(), "KANRI_SOURCE_DIR is not set (run via ctest)");
    QVERIFY2(QDir(demoDir()).exists(), qPrintable(demoDir()));

    const QDir accounts(demoDir() + QStringLiteral("/accounts"));
    const QStringList teamFiles =
        accounts.entryList({QStringLiteral("microservices_*.tf")}, QDir::Files, QDir::Name);
    for (const QString &file : teamFiles) {
        const QString team = file.mid(14).chopped(3); // microservices_<team>.tf
        for (const QString &service : mapKeys(readAll(accounts.filePath(file)), 4)) {
            m_services << service;
            m_teamOf.insert(service, team);
        }
    }
}

void TestDemoData::developersMapHasAtLeastThirtyEntries()
{
    const QByteArray text = readAll(demoDir() + QStringLiteral("/accounts/developers.auto.tfvars"));
    QVERIFY(text.startsWith("#"));
    QVERIFY(text.contains("\ndevelopers = {\n"));
    const QStringList ids = mapKeys(text, 2);
    QVERIFY2(ids.size() >= 30, qPrintable(QString::number(ids.size())));
    QCOMPARE(QSet<QString>(ids.begin(), ids.end()).size(), ids.size());
    QCOMPARE(text.count("    github "), ids.size());
    QCOMPARE(text.count("    email "), ids.size());
    QVERIFY(text.count("github_approver = true") >= 3);

    const QByteArray variables = readAll(demoDir() + QStringLiteral("/accounts/variables.tf"));
    QVERIFY(variables.contains("variable \"developers\" {"));
    QVERIFY(variables.contains("type = map(object({"));
    QVERIFY(variables.contains("optional(bool, false)"));
}

void TestDemoData::microservicesLiveInTheirTeamsFiles()
{
    QVERIFY2(m_services.size() >= 10, qPrintable(m_services.join(u' ')));
    QCOMPARE(QSet<QString>(m_teamOf.cbegin(), m_teamOf.cend()).size(), 5);

    const QDir accounts(demoDir() + QStringLiteral("/accounts"));
    for (auto it = m_teamOf.cbegin(); it != m_teamOf.cend(); ++it) {
        const QByteArray text =
            readAll(accounts.filePath(QStringLiteral("microservices_%1.tf").arg(it.value())));
        // Every entry in a team's file names that team (alignment varies per entry).
        const QRegularExpression team(QStringLiteral("^ +team += \"([a-z-]+)\"$"),
                                      QRegularExpression::MultilineOption);
        auto matches = team.globalMatch(QString::fromUtf8(text));
        while (matches.hasNext())
            QCOMPARE(matches.next().captured(1), it.value());
        const QRegularExpression ns(QStringLiteral("^ +namespace += \"%1\"$").arg(it.key()),
                                    QRegularExpression::MultilineOption);
        QVERIFY2(ns.match(QString::fromUtf8(text)).hasMatch(),
                 qPrintable(it.key() + QStringLiteral(": the namespace must equal the name")));
    }

    const QByteArray merged = readAll(accounts.filePath(QStringLiteral("microservices.tf")));
    for (const QString &team : QSet<QString>(m_teamOf.cbegin(), m_teamOf.cend()))
        QVERIFY2(merged.contains(QStringLiteral("local.microservices_%1,").arg(team).toUtf8()),
                 qPrintable(team));
    const QByteArray schema =
        readAll(accounts.filePath(QStringLiteral("modules/microservices/variables.tf")));
    QVERIFY(schema.contains("variable \"microservices\" {"));
}

void TestDemoData::everyMicroserviceHasABaseAndThreeOverlays()
{
    const QDir services(demoDir() + QStringLiteral("/manifests/services"));
    QCOMPARE(services.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name).size(),
             m_services.size());
    for (const QString &service : std::as_const(m_services)) {
        for (const QString &dir : {QStringLiteral("base"), QStringLiteral("overlays/dev"),
                                   QStringLiteral("overlays/stg"), QStringLiteral("overlays/prd")})
            QVERIFY2(QFile::exists(services.filePath(service + u'/' + dir +
                                                     QStringLiteral("/kustomization.yaml"))),
                     qPrintable(service + u'/' + dir));
        for (const QString &env :
             {QStringLiteral("dev"), QStringLiteral("stg"), QStringLiteral("prd")}) {
            const QByteArray overlay = readAll(services.filePath(
                QStringLiteral("%1/overlays/%2/kustomization.yaml").arg(service, env)));
            QVERIFY2(overlay.contains(QStringLiteral("\nnamespace: %1\n").arg(service).toUtf8()),
                     qPrintable(service + u'/' + env));
            QVERIFY(QFile::exists(
                demoDir() +
                QStringLiteral("/manifests/argocd/applications/%1-%2.yaml").arg(service, env)));
        }
    }
}

void TestDemoData::codeownersGiveEachTeamItsOwnFiles()
{
    const QByteArray accounts = readAll(demoDir() + QStringLiteral("/accounts/.github/CODEOWNERS"));
    const QByteArray manifests =
        readAll(demoDir() + QStringLiteral("/manifests/.github/CODEOWNERS"));
    QVERIFY(accounts.contains("\n*  ") || accounts.contains("\n* "));
    QVERIFY(accounts.contains("@demo-org/sre"));
    QVERIFY(manifests.contains("@demo-org/sre"));
    for (auto it = m_teamOf.cbegin(); it != m_teamOf.cend(); ++it) {
        const QRegularExpression teamFile(
            QStringLiteral("^/microservices_%1\\.tf +@demo-org/%1$").arg(it.value()),
            QRegularExpression::MultilineOption);
        QVERIFY2(teamFile.match(QString::fromUtf8(accounts)).hasMatch(), qPrintable(it.value()));
        const QRegularExpression folder(
            QStringLiteral("^/services/%1/ +@demo-org/%2$").arg(it.key(), it.value()),
            QRegularExpression::MultilineOption);
        QVERIFY2(folder.match(QString::fromUtf8(manifests)).hasMatch(), qPrintable(it.key()));
    }
}

void TestDemoData::directoryRendersWithKubectl_data()
{
    QTest::addColumn<QString>("dir");
    const QStringList dirs = renderableDirs();
    for (const QString &dir : dirs)
        QTest::newRow(qPrintable(dir + QStringLiteral(" renders with kubectl kustomize"))) << dir;
}

void TestDemoData::directoryRendersWithKubectl()
{
    QFETCH(QString, dir);
    const QString kubectl = kanri::test::kubectl();
    if (kubectl.isEmpty())
        QSKIP("kubectl is not installed: the demo overlays are not rendered");

    const auto result = kanri::test::run(kubectl, {QStringLiteral("kustomize"), dir},
                                         demoDir() + QStringLiteral("/manifests"));
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QVERIFY(result.out.startsWith("apiVersion: "));
    if (dir.startsWith(QStringLiteral("services/"))) {
        const QString service = dir.section(u'/', 1, 1);
        const QByteArray ns = QStringLiteral("  namespace: %1\n").arg(service).toUtf8();
        QCOMPARE(result.out.count("\nkind: Deployment\n"), 1);
        QCOMPARE(result.out.count("\nkind: HorizontalPodAutoscaler\n"), 1);
        QCOMPARE(result.out.count(ns), result.out.count("\n---\n") + 1);
    }
}

void TestDemoData::ruleBreakIsWhereTheReadmeSays_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("text");
    QTest::newRow("a removed apiVersion is in the ledger-worker base")
        << QStringLiteral("manifests/services/ledger-worker/base/pdb.yaml") << 1
        << QStringLiteral("apiVersion: policy/v1beta1");
    QTest::newRow("a far too large CPU request is in the recommendation prd overlay")
        << QStringLiteral("manifests/services/recommendation/overlays/prd/deployment-patch.yaml")
        << 19 << QStringLiteral("              cpu: \"48\"");
    QTest::newRow("an Ingress is in the campaign-api prd overlay")
        << QStringLiteral("manifests/services/campaign-api/overlays/prd/ingress.yaml") << 3
        << QStringLiteral("kind: Ingress");
    QTest::newRow("an image tagged latest is in the image-resizer dev overlay")
        << QStringLiteral("manifests/services/image-resizer/overlays/dev/kustomization.yaml") << 16
        << QStringLiteral("    newTag: latest");
}

void TestDemoData::ruleBreakIsWhereTheReadmeSays()
{
    QFETCH(QString, file);
    QFETCH(int, line);
    QFETCH(QString, text);
    const QList<QByteArray> lines = readAll(demoDir() + u'/' + file).split('\n');
    QVERIFY2(lines.size() >= line, qPrintable(file));
    QCOMPARE(QString::fromUtf8(lines.at(line - 1)), text);
    const QByteArray readme = readAll(demoDir() + QStringLiteral("/README.md"));
    QVERIFY2(readme.contains(QStringLiteral("`%1:%2`").arg(file).arg(line).toUtf8()),
             qPrintable(file));
}

void TestDemoData::onlyTheDevOverlayOfImageResizerUsesLatest()
{
    const QDir manifests(demoDir() + QStringLiteral("/manifests"));
    int latest = 0;
    QDirIterator it(manifests.path(), {QStringLiteral("*.yaml")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QByteArray text = readAll(path);
        if (text.contains(":latest") || text.contains("newTag: latest")) {
            QCOMPARE(manifests.relativeFilePath(path),
                     QStringLiteral("services/image-resizer/overlays/dev/kustomization.yaml"));
            ++latest;
        }
    }
    QCOMPARE(latest, 1);
}

QTEST_GUILESS_MAIN(TestDemoData)
#include "tst_demo_data.moc"
