// kanri tf impact end to end: the default workspace's accounts repository (the demo, made by
// the first start), an edit in its working tree, the text and JSON reports, a base ref, and
// bad usage and broken files refused with their exit codes. Starts kanri 7 times.
#include "tests/testsupport/testutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

class TestTfImpactCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_binary = kanri::test::kanriBinary();
        QVERIFY2(!m_binary.isEmpty(), "KANRI_BINARY is not set (run through ctest)");
        QVERIFY(m_tmp.isValid());
        qputenv("HOME", m_tmp.path().toUtf8());
        qputenv("XDG_CONFIG_HOME", (m_tmp.path() + QStringLiteral("/config")).toUtf8());
        qputenv("XDG_DATA_HOME", (m_tmp.path() + QStringLiteral("/data")).toUtf8());
    }

    void aCleanWorkingTreeHasNoChange()
    {
        const auto r = kanri({QStringLiteral("tf"), QStringLiteral("impact")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("accounts: no change to instances\n"));
        m_accounts = m_tmp.path() + QStringLiteral("/data/Kanri/kanri/workspaces/demo/accounts");
        QVERIFY2(QFileInfo::exists(m_accounts + QStringLiteral("/developers.auto.tfvars")),
                 qPrintable(m_accounts));
    }

    void anEditedWorkingTreeListsTheInstances()
    {
        const QString file = m_accounts + QStringLiteral("/developers.auto.tfvars");
        QByteArray text = kanri::test::readAll(file);
        QVERIFY(!text.isEmpty());
        text.insert(text.lastIndexOf('}'), "\n  aokubo = {\n    name   = \"Akira Okubo\"\n"
                                           "    github = \"akira-okubo\"\n"
                                           "    email  = \"aokubo@example.co.jp\"\n"
                                           "    aws    = true\n  }\n");
        QVERIFY(kanri::test::writeFile(file, text));
        const auto r = kanri({QStringLiteral("tf"), QStringLiteral("impact")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("+ aws_iam_user.developer[\"aokubo\"]\n"), r.out.constData());
        QVERIFY(r.out.contains("+ github_membership.developer[\"aokubo\"]\n"));
        QVERIFY(r.out.endsWith("accounts: 4 to add, 1 to change\n"));

        const auto j = kanri({QStringLiteral("tf"), QStringLiteral("impact"), m_accounts,
                              QStringLiteral("--format=json")});
        QCOMPARE(j.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(j.out).object();
        QCOMPARE(o[QStringLiteral("summary")][QStringLiteral("add")].toInt(), 4);
        QCOMPARE(o[QStringLiteral("changes")].toArray().size(), 5);
    }

    void anUnknownBaseRefIsAnError()
    {
        const auto r = kanri({QStringLiteral("tf"), QStringLiteral("impact"),
                              QStringLiteral("--base"), QStringLiteral("no-such-branch")});
        QVERIFY(r.exitCode != 0);
        QVERIFY(!r.err.isEmpty());
    }

    void badUsageExitsTwo()
    {
        auto r = kanri({QStringLiteral("tf"), QStringLiteral("impact"), QStringLiteral("--format"),
                        QStringLiteral("yaml")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("--format is text or json"));
        r = kanri({QStringLiteral("tf"), QStringLiteral("impact"), QStringLiteral("a"),
                   QStringLiteral("b")});
        QCOMPARE(r.exitCode, 2);
    }

    void aSyntaxErrorIsReportedWithItsPosition()
    {
        const QString file = m_accounts + QStringLiteral("/broken.tf");
        QVERIFY(kanri::test::writeFile(file, "locals {\n  a = [1,\n}\n"));
        const auto r = kanri({QStringLiteral("tf"), QStringLiteral("impact"), m_accounts});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("broken.tf:3:1: error: "), r.err.constData());
        QFile::remove(file);
    }

private:
    kanri::test::ProcessResult kanri(const QStringList &args)
    {
        return kanri::test::run(m_binary, args, m_tmp.path());
    }

    QString m_binary;
    QString m_accounts;
    QTemporaryDir m_tmp;
};

QTEST_GUILESS_MAIN(TestTfImpactCli)
#include "tst_tfimpactcli.moc"
