#include "items/findingsmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace kanri;
using platform::Finding;
using platform::Severity;

class TestFindingsModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsColumnsAndRoles();
    void updates_data();
    void updates();
    void keepsRowsThatStay();
    void countsAndRules();
};

namespace {

Finding finding(const QString &rule, const QString &file, int line,
                Severity severity = Severity::Warning)
{
    Finding f;
    f.rule = rule;
    f.severity = severity;
    f.message = rule + QStringLiteral(" at ") + file;
    f.hint = QStringLiteral("fix it");
    f.repository = QStringLiteral("/ws/manifests");
    f.path = file;
    f.file = QStringLiteral("manifests/") + file;
    f.line = line;
    f.column = 3;
    f.service = QStringLiteral("svc");
    return f;
}

// Findings named by letter, in the order given: "a" → rule/a at a.yaml:1.
QList<Finding> letters(const QString &names)
{
    QList<Finding> out;
    for (const QChar c : names)
        out << finding(QStringLiteral("rule/") + c, QString(c) + QStringLiteral(".yaml"), 1);
    return out;
}

QString rows(const items::FindingsModel &model)
{
    QString out;
    for (int r = 0; r < model.rowCount(); ++r)
        out += model.index(r, items::FindingsModel::RuleColumn).data().toString().mid(5);
    return out;
}

} // namespace

void TestFindingsModel::showsColumnsAndRoles()
{
    items::FindingsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFindings({finding(QStringLiteral("k8s/deprecated-api"),
                               QStringLiteral("base/pdb.yaml"), 7, Severity::Error)});
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.columnCount(), int(items::FindingsModel::ColumnCount));
    const QModelIndex first = model.index(0, 0);
    QCOMPARE(first.data().toString(), QStringLiteral("error"));
    QCOMPARE(model.index(0, items::FindingsModel::LocationColumn).data().toString(),
             QStringLiteral("manifests/base/pdb.yaml:7"));
    QCOMPARE(first.data(items::FindingsModel::AbsoluteFileRole).toString(),
             QStringLiteral("/ws/manifests/base/pdb.yaml"));
    QCOMPARE(first.data(items::FindingsModel::LineRole).toInt(), 7);
    QCOMPARE(first.data(items::FindingsModel::ColumnRole).toInt(), 3);
    QCOMPARE(first.data(items::FindingsModel::SeverityRole).toInt(), int(Severity::Error));
    QVERIFY(first.data(Qt::ToolTipRole).toString().contains(QStringLiteral("fix it")));
    QCOMPARE(model.headerData(items::FindingsModel::RuleColumn, Qt::Horizontal).toString(),
             QStringLiteral("Rule"));
}

void TestFindingsModel::updates_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");
    QTest::newRow("from nothing to three findings") << ""
                                                    << "abc";
    QTest::newRow("from three findings to nothing") << "abc"
                                                    << "";
    QTest::newRow("one in the middle goes") << "abcd"
                                            << "abd";
    QTest::newRow("two at the ends go") << "abcd"
                                        << "bc";
    QTest::newRow("one is added at the front and one at the back") << "bc"
                                                                   << "abcd";
    QTest::newRow("rows come and go at once") << "acef"
                                              << "abcdf";
    QTest::newRow("the order changes") << "abc"
                                       << "cba";
    QTest::newRow("nothing changes") << "abc"
                                     << "abc";
}

void TestFindingsModel::updates()
{
    QFETCH(QString, before);
    QFETCH(QString, after);
    items::FindingsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFindings(letters(before));
    QCOMPARE(rows(model), before);
    model.setFindings(letters(after));
    QCOMPARE(rows(model), after);
}

void TestFindingsModel::keepsRowsThatStay()
{
    items::FindingsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFindings(letters(QStringLiteral("abc")));
    const QPersistentModelIndex b = model.index(1, 0);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    model.setFindings(letters(QStringLiteral("bcd")));
    QCOMPARE(resets.count(), 0);
    QVERIFY(b.isValid());
    QCOMPARE(b.row(), 0);
    QCOMPARE(b.data(items::FindingsModel::RuleRole).toString(), QStringLiteral("rule/b"));
}

void TestFindingsModel::countsAndRules()
{
    items::FindingsModel model;
    model.setFindings({finding(QStringLiteral("x/one"), QStringLiteral("a"), 1, Severity::Error),
                       finding(QStringLiteral("x/two"), QStringLiteral("b"), 2, Severity::Warning),
                       finding(QStringLiteral("x/one"), QStringLiteral("c"), 3, Severity::Error)});
    QCOMPARE(model.count(Severity::Error), 2);
    QCOMPARE(model.count(Severity::Warning), 1);
    QCOMPARE(model.count(Severity::Info), 0);
    QCOMPARE(model.rules(), (QStringList{QStringLiteral("x/one"), QStringLiteral("x/two")}));
}

QTEST_GUILESS_MAIN(TestFindingsModel)
#include "tst_findingsmodel.moc"
