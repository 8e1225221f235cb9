// The live Terraform impact of the session's accounts edits (TfImpactLive): HEAD against the
// working tree with the unsaved buffers, on the demo workspace; the layering it and the wizards
// use; and a file that does not parse.

#include "platform/demoworkspace.h"
#include "platform/session.h"
#include "platform/tfimpactlive.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace kanri;
using terraform::InstanceChange;

class TestTfImpactLive : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void layeredReplacesAddsAndRemovesFilesBelowTheRoot();
    void tickingAwsForADeveloperAddsHerIamUser();
    void anUnsavedFileThatDoesNotParseIsAnErrorWithItsPlace();
    void editsOutsideTerraformFilesLeaveNothingToShow();

private:
    int row(const QString &key) const;

    QTemporaryDir m_tmp;
    int m_case = 0;
    std::unique_ptr<platform::Session> m_session;
};

void TestTfImpactLive::init()
{
    QStandardPaths::setTestModeEnabled(true);
    auto ws = platform::materialiseDemo(QStringLiteral(":/demo"),
                                        m_tmp.filePath(QStringLiteral("ws%1").arg(++m_case)));
    QVERIFY2(ws.has_value(), qPrintable(ws ? QString() : ws.error().toString()));
    auto session = platform::Session::open(*ws);
    QVERIFY2(session.has_value(), qPrintable(session ? QString() : session.error().toString()));
    m_session = std::move(*session);
}

void TestTfImpactLive::cleanup()
{
    m_session.reset();
}

int TestTfImpactLive::row(const QString &key) const
{
    const auto &developers = m_session->catalog().developers;
    for (int i = 0; i < developers.size(); ++i) {
        if (developers.at(i).key == key)
            return i;
    }
    return -1;
}

void TestTfImpactLive::layeredReplacesAddsAndRemovesFilesBelowTheRoot()
{
    const terraform::TfFiles files{{QStringLiteral("main.tf"), "a"},
                                   {QStringLiteral("old.tf"), "b"}};
    const platform::FileLayer layer{
        {QStringLiteral("/r/main.tf"), QByteArray("A")},
        {QStringLiteral("/r/old.tf"), std::nullopt},
        {QStringLiteral("/r/modules/x/new.tfvars"), QByteArray("c")},
        {QStringLiteral("/r/README.md"), QByteArray("not terraform")},
        {QStringLiteral("/r/.terraform/modules/m/main.tf"), QByteArray("hidden")},
        {QStringLiteral("/other/main.tf"), QByteArray("elsewhere")},
    };
    const terraform::TfFiles out = platform::layered(files, QStringLiteral("/r"), layer);
    const terraform::TfFiles expected{{QStringLiteral("main.tf"), "A"},
                                      {QStringLiteral("modules/x/new.tfvars"), "c"}};
    QCOMPARE(out, expected);
}

void TestTfImpactLive::tickingAwsForADeveloperAddsHerIamUser()
{
    platform::TfImpactLive live(m_session.get());
    live.setDebounce(0);
    live.computeNow();
    QCOMPARE(live.state(), platform::TfImpactLive::State::Unchanged);
    QCOMPARE(live.label(), QStringLiteral("accounts"));

    const int lgarcia = row(QStringLiteral("lgarcia"));
    QVERIFY(lgarcia >= 0);
    QSignalSpy updated(&live, &platform::TfImpactLive::updated);
    QVERIFY(m_session->setDeveloperField(lgarcia, QStringLiteral("aws"), QJsonValue(true)));
    QVERIFY(live.isBusy()); // the edit scheduled an evaluation
    QVERIFY(updated.wait(20000));
    QCOMPARE(live.state(), platform::TfImpactLive::State::Ready);
    const terraform::Impact &impact = live.impact();
    QStringList added;
    for (const InstanceChange &c : impact.changes) {
        QCOMPARE(c.kind, InstanceChange::Kind::Add);
        added << c.address;
    }
    QVERIFY2(added.contains(QStringLiteral("aws_iam_user.developer[\"lgarcia\"]")),
             qPrintable(added.join(QLatin1Char('\n'))));
    QVERIFY(impact.toAdd() >= 1);
    QCOMPARE(impact.toRemove(), 0);
    QVERIFY2(terraform::ImpactText::summary(impact, live.label())
                 .startsWith(QStringLiteral("accounts: %1 to add").arg(impact.toAdd())),
             qPrintable(terraform::ImpactText::summary(impact, live.label())));

    // Saving keeps the impact (HEAD is still the base); undoing the edit back to HEAD's bytes
    // over the saved file leaves nothing.
    const int toAdd = impact.toAdd();
    QVERIFY(m_session->save());
    live.computeNow();
    QCOMPARE(live.state(), platform::TfImpactLive::State::Ready);
    QCOMPARE(live.impact().toAdd(), toAdd);
    m_session->buffers()->undoStack()->undo();
    live.computeNow();
    QCOMPARE(live.state(), platform::TfImpactLive::State::Unchanged);
    m_session->revert();
}

void TestTfImpactLive::anUnsavedFileThatDoesNotParseIsAnErrorWithItsPlace()
{
    platform::TfImpactLive live(m_session.get());
    const QString file = m_session->catalog().accountsRoot + QStringLiteral("/main.tf");
    auto bytes = m_session->buffers()->read(file);
    QVERIFY(bytes.has_value());
    QVERIFY(m_session->buffers()->edit(file, *bytes + "\nresource \"x\" \"y\" {\n  a = \n",
                                       QStringLiteral("break")));
    live.computeNow();
    QCOMPARE(live.state(), platform::TfImpactLive::State::Failed);
    QVERIFY2(live.error().contains(QStringLiteral("main.tf:")), qPrintable(live.error()));
    m_session->buffers()->undoStack()->undo();
    live.computeNow();
    QCOMPARE(live.state(), platform::TfImpactLive::State::Unchanged);
}

void TestTfImpactLive::editsOutsideTerraformFilesLeaveNothingToShow()
{
    platform::TfImpactLive live(m_session.get());
    live.setDebounce(0);
    live.computeNow(); // the first evaluation, scheduled when it was made
    const QString readme = m_session->catalog().accountsRoot + QStringLiteral("/README.md");
    QVERIFY(m_session->buffers()->edit(readme, "changed\n", QStringLiteral("readme")));
    QVERIFY(!live.isBusy()); // not even scheduled
    live.computeNow();
    QCOMPARE(live.state(), platform::TfImpactLive::State::Unchanged);
}

QTEST_GUILESS_MAIN(TestTfImpactLive)
#include "tst_tfimpactlive.moc"
