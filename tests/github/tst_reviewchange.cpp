// The Terraform half of a review: map entries compared field by field, in sentences.

#include "review/reviewchange.h"

#include <QTest>

using kanri::platform::TerraformChange;

class tst_ReviewChange : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void terraformMapsAreComparedFieldByField()
    {
        const QByteArray before = "developers = {\n"
                                  "  alice = { email = \"a@x.io\" }\n"
                                  "  bob = { email = \"b@x.io\", pagerduty = true }\n"
                                  "  carol = { email = \"c@x.io\" }\n"
                                  "}\n";
        const QByteArray after = "developers = {\n"
                                 "  alice = { email = \"a@x.io\", pagerduty = true }\n"
                                 "  bob = { email = \"bob@x.io\" }\n"
                                 "  dave = { email = \"d@x.io\" }\n"
                                 "}\n";
        const QList<TerraformChange> changes = kanri::platform::terraformChanges(
            QStringLiteral("developers.auto.tfvars"), before, after);
        QStringList sentences;
        for (const TerraformChange &c : changes) {
            QCOMPARE(c.file, QStringLiteral("developers.auto.tfvars"));
            QCOMPARE(c.map, QStringLiteral("developers"));
            sentences.append(c.sentence);
        }
        QVERIFY2(sentences.contains(QStringLiteral("alice gains pagerduty")),
                 qPrintable(sentences.join(QLatin1Char('|'))));
        QVERIFY(sentences.contains(QStringLiteral("bob loses pagerduty")));
        QVERIFY(sentences.contains(
            QStringLiteral("bob: email changed from \"b@x.io\" to \"bob@x.io\"")));
        QVERIFY(sentences.contains(QStringLiteral("carol removed")));
        QVERIFY(sentences.contains(QStringLiteral("dave added (email)")));
        QCOMPARE(sentences.size(), 5);
    }

    void aNewFileAddsEveryEntry()
    {
        const auto changes = kanri::platform::terraformChanges(
            QStringLiteral("x.tfvars"), std::nullopt, QByteArray("m = {\n  a = { f = 1 }\n}\n"));
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes[0].kind, TerraformChange::Kind::EntryAdded);
        QCOMPARE(changes[0].key, QStringLiteral("a"));
    }
};

QTEST_GUILESS_MAIN(tst_ReviewChange)
#include "tst_reviewchange.moc"
