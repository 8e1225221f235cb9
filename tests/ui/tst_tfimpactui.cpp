// The Terraform impact where decisions are made (issue 23), in the window as kanri builds it on
// the demo workspace: the diff panel's line after a developer's flag is ticked and its list on
// expand (by keyboard), the message of a file that does not parse, and the new-developer
// wizard's preview page and the pull request body it proposes, and the review window of a pull
// request that changes the accounts repository's Terraform files.

#include "app/appcontext.h"
#include "app/controllers.h"
#include "app/githubreviewcontroller.h"
#include "app/publishcontroller.h"
#include "app/wizardcontroller.h"
#include "git/gitrepository.h"
#include "items/developersmodel.h"
#include "platform/demoworkspace.h"
#include "platform/session.h"
#include "review/reviewchange.h"
#include "ui/diff/tfimpactview.h"
#include "ui/github/prreviewwidget.h"
#include "ui/main/mainwindow.h"
#include "ui/theme/theme.h"
#include "ui/wizards/wizardnewdeveloper.h"
#include "ui/wizards/wizardpreview.h"
#include "ui/wizards/wizardpublishdialog.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QPlainTextEdit>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace kanri;

class TestTfImpactUi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void tickingAwsShowsTheInstancesItAdds();
    void aFileThatDoesNotParseIsSaidWithItsPlace();
    void newDeveloperWizardShowsAndPublishesTheImpact();
    void reviewWindowShowsTheImpactOfAPullRequestsTerraformChanges();

private:
    void open();
    int developerRow(const QString &key) const;

    QTemporaryDir m_tmp;
    int m_case = 0;
    QString m_ws;
    std::unique_ptr<ui::MainWindow> m_window;
    std::unique_ptr<app::AppContext> m_context;
};

void TestTfImpactUi::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                       m_tmp.filePath(QStringLiteral("settings")));
    QCoreApplication::setOrganizationName(QStringLiteral("KanriTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_tfimpactui"));
}

void TestTfImpactUi::init()
{
    m_ws = m_tmp.filePath(QStringLiteral("case%1/ws").arg(++m_case));
    auto ws = platform::materialiseDemo(QStringLiteral(":/demo"), m_ws);
    QVERIFY2(ws.has_value(), qPrintable(ws ? QString() : ws.error().toString()));
    open();
}

void TestTfImpactUi::cleanup()
{
    if (m_context && m_context->session())
        m_context->session()->revert();
    m_context.reset();
    m_window.reset();
}

void TestTfImpactUi::open()
{
    m_window = std::make_unique<ui::MainWindow>();
    m_context = std::make_unique<app::AppContext>(m_window.get());
    app::installControllers(m_context.get());
    QVERIFY(m_context->load(m_ws));
    m_window->resize(1300, 850);
    m_window->show();
}

int TestTfImpactUi::developerRow(const QString &key) const
{
    const auto &developers = m_context->session()->catalog().developers;
    for (int i = 0; i < developers.size(); ++i) {
        if (developers.at(i).key == key)
            return i;
    }
    return -1;
}

void TestTfImpactUi::tickingAwsShowsTheInstancesItAdds()
{
    ui::TfImpactView *view = m_window->tfImpactView();
    QVERIFY(view);
    QVERIFY(!view->isVisible()); // nothing edited: nothing to say

    // The Developers table's aws check box of lgarcia, as a click sets it.
    QTableView *table = m_window->developersTable();
    QAbstractItemModel *model = table->model();
    int column = -1;
    for (int c = 0; c < model->columnCount(); ++c) {
        if (model->index(0, c).data(items::DevelopersModel::FieldRole).toString() ==
            QLatin1String("aws"))
            column = c;
    }
    QVERIFY(column >= 0);
    int row = -1;
    for (int r = 0; r < model->rowCount(); ++r) {
        if (model->index(r, 0).data().toString() == QLatin1String("lgarcia"))
            row = r;
    }
    QVERIFY(row >= 0);
    QVERIFY(model->setData(model->index(row, column), Qt::Checked, Qt::CheckStateRole));

    QTRY_VERIFY_WITH_TIMEOUT(
        view->isVisible() && view->summaryText().contains(QStringLiteral("to add")), 20000);
    QVERIFY2(view->summaryText().startsWith(QStringLiteral("accounts: ")),
             qPrintable(view->summaryText()));
    QVERIFY(!view->summaryText().contains(QStringLiteral("to remove")));

    // Expanded from the keyboard: the instance list, terraform plan's way.
    auto *details = view->findChild<QPlainTextEdit *>();
    QVERIFY(details);
    QVERIFY(!details->isVisible());
    view->toggleButton()->setFocus();
    QTest::keyClick(view->toggleButton(), Qt::Key_Space);
    QVERIFY(view->isExpanded());
    QVERIFY(details->isVisible());
    QVERIFY2(view->detailsText().contains(QStringLiteral("+ aws_iam_user.developer[\"lgarcia\"]")),
             qPrintable(view->detailsText()));
    // KANRI_GRAB_DIR=DIR: pictures of the expanded list, light and dark, to look at.
    if (const QString grab = qEnvironmentVariable("KANRI_GRAB_DIR"); !grab.isEmpty()) {
        m_window->grab().save(grab + QStringLiteral("/tfimpact-light.png"));
        ui::applyTheme(ui::ThemeChoice::Dark);
        QApplication::processEvents();
        m_window->grab().save(grab + QStringLiteral("/tfimpact-dark.png"));
        ui::applyTheme(ui::ThemeChoice::Light);
    }
    QTest::keyClick(view->toggleButton(), Qt::Key_Space);
    QVERIFY(!details->isVisible());

    // Undone: nothing differs, the line goes.
    m_context->session()->buffers()->undoStack()->undo();
    QTRY_VERIFY_WITH_TIMEOUT(!view->isVisible(), 20000);
}

void TestTfImpactUi::aFileThatDoesNotParseIsSaidWithItsPlace()
{
    platform::Session *session = m_context->session();
    const QString file = session->catalog().accountsRoot + QStringLiteral("/main.tf");
    auto bytes = session->buffers()->read(file);
    QVERIFY(bytes.has_value());
    QVERIFY(session->buffers()->edit(file, *bytes + "\nlocals {\n  broken = (\n}\n",
                                     QStringLiteral("break")));
    ui::TfImpactView *view = m_window->tfImpactView();
    QTRY_VERIFY_WITH_TIMEOUT(
        view->isVisible() && view->summaryText().startsWith(QStringLiteral("accounts: main.tf:")),
        20000);
    QVERIFY2(view->summaryText().contains(QStringLiteral("could not be evaluated")),
             qPrintable(view->summaryText()));
}

void TestTfImpactUi::newDeveloperWizardShowsAndPublishesTheImpact()
{
    auto *wizards = m_context->findChild<app::WizardController *>();
    QVERIFY(wizards);
    // The example the new-developer view fills in, on its preview page.
    auto *wizard = qobject_cast<ui::NewDeveloperWizard *>(
        wizards->newDeveloper(app::WizardController::Show::Preview));
    QVERIFY(wizard && wizard->plan());
    const QString key = wizard->draft().key;
    auto *preview = wizard->findChild<ui::WizardPreview *>();
    QVERIFY(preview);
    const QString membership = QStringLiteral("+ github_membership.developer[\"%1\"]").arg(key);
    QTRY_VERIFY_WITH_TIMEOUT(
        preview->tfImpactView()->summaryText().contains(QStringLiteral("to add")), 20000);
    QVERIFY(preview->tfImpactView()->isVisibleTo(wizard));
    QVERIFY2(preview->tfImpactView()->detailsText().contains(membership),
             qPrintable(preview->tfImpactView()->detailsText()));

    // Accepted: the accounts repository's pull request body lists the instances.
    const platform::WizardPlan plan = *wizard->plan();
    wizard->close();
    wizards->publisher()->offer(
        QStringLiteral("New developer"), plan, [&](const QString &, const QStringList &) {
            return platform::PublishText{QStringLiteral("b"), QStringLiteral("c"),
                                         QStringLiteral("t"), QStringLiteral("body")};
        });
    ui::WizardPublishDialog *dialog = wizards->publisher()->publishDialog();
    QVERIFY(dialog);
    const QList<ui::PublishFields> fields = dialog->fields();
    QCOMPARE(fields.size(), 1);
    QVERIFY2(fields.first().body.contains(QStringLiteral("Terraform impact (accounts")),
             qPrintable(fields.first().body));
    QVERIFY2(fields.first().body.contains(membership), qPrintable(fields.first().body));
    dialog->close();
}

void TestTfImpactUi::reviewWindowShowsTheImpactOfAPullRequestsTerraformChanges()
{
    // A pull request's commit on the accounts repository: lgarcia gets aws, mokada leaves.
    const QString accounts = m_context->session()->catalog().accountsRoot;
    m_context.reset(); // the workspace is only a git repository here
    m_window.reset();
    auto repo = git::Repository::open(accounts);
    QVERIFY(repo.has_value());
    auto base = repo->headCommit();
    QVERIFY(base.has_value());
    QFile file(QDir(accounts).filePath(QStringLiteral("developers.auto.tfvars")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QByteArray text = file.readAll();
    file.close();
    const QByteArray entry = "  lgarcia = {\n";
    const qsizetype at = text.indexOf(entry);
    QVERIFY(at >= 0);
    text.insert(at + entry.size(), "    aws = true\n");
    const qsizetype from = text.indexOf("  mokada = {\n");
    const qsizetype to = text.indexOf("  }\n", from);
    QVERIFY(from >= 0 && to > from);
    text.remove(from, to + 4 - from);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(text);
    file.close();
    QVERIFY(repo->stageAll());
    auto head = repo->commit(QStringLiteral("lgarcia gets aws; mokada leaves"),
                             git::Signature{QStringLiteral("T"), QStringLiteral("t@example.com")});
    QVERIFY(head.has_value());

    // The review the window gets for it (offline, base against head).
    platform::ReviewOptions options;
    options.cacheDir = m_tmp.filePath(QStringLiteral("reviews%1").arg(m_case));
    options.runRules = false;
    auto review = platform::reviewChange(accounts, *base, *head, options);
    QVERIFY2(review.has_value(), qPrintable(review ? QString() : review.error().toString()));

    ui::PrReviewWidget widget;
    widget.show();
    widget.setReview(*review);
    app::showTerraformImpact(&widget, QStringLiteral("accounts"), *review);
    ui::TfImpactView *view = widget.tfImpactView();
    QTRY_VERIFY_WITH_TIMEOUT(view->summaryText().contains(QStringLiteral("to remove")), 20000);
    QVERIFY2(view->summaryText().contains(QStringLiteral("to add")),
             qPrintable(view->summaryText()));
    QVERIFY(view->isVisible());
    const QString list = view->detailsText();
    QVERIFY2(list.contains(QStringLiteral("+ aws_iam_user.developer[\"lgarcia\"]")),
             qPrintable(list));
    QVERIFY2(list.contains(QStringLiteral("- github_membership.developer[\"mokada\"]")),
             qPrintable(list));
}

QTEST_MAIN(TestTfImpactUi)
#include "tst_tfimpactui.moc"
