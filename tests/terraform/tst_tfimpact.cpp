// The instance impact of edits to the demo's accounts repository (resources/demo/accounts) and
// to small generated modules: adding, removing and renaming developers, flags behind
// for_each ... if, resources iterating over other resources, local modules, moved blocks.
#include "terraform/tfevaluator.h"
#include "terraform/tfimpact.h"

#include "tests/testsupport/testutil.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace kanri::terraform;

namespace {

TfFiles demoAccounts()
{
    auto files =
        readModuleFiles(kanri::test::sourceDir() + QStringLiteral("/resources/demo/accounts"));
    return files ? *files : TfFiles();
}

QStringList lines(const Impact &impact, InstanceChange::Kind kind)
{
    QStringList out;
    for (const InstanceChange &c : impact.changes)
        if (c.kind == kind)
            out << c.address;
    return out;
}

const QByteArray kNewDeveloper = R"(
  aokubo = {
    name    = "Akira Okubo"
    github  = "akira-okubo"
    email   = "aokubo@example.co.jp"
    aws     = true
    datadog = true
  }
)";

// The developers file with `entry` inserted before the map's closing brace.
QByteArray withEntry(QByteArray tfvars, const QByteArray &entry)
{
    const qsizetype close = tfvars.lastIndexOf('}');
    tfvars.insert(close, entry);
    return tfvars;
}

} // namespace

class TestTfImpact : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(!demoAccounts().isEmpty(), "resources/demo/accounts is missing");
    }

    void unchangedDemoHasNoChangesAndEvaluatesEveryForEach()
    {
        const TfFiles files = demoAccounts();
        auto impact = computeImpact(files, files);
        QVERIFY2(impact.has_value(), qPrintable(impact.error().toString()));
        QVERIFY(impact->isEmpty());
        for (const QString &n : impact->notEvaluated)
            QVERIFY2(!n.contains(QStringLiteral("not known offline")), qPrintable(n));
    }

    void addingADeveloperAddsTheInstancesOfTheirFlags()
    {
        const TfFiles before = demoAccounts();
        TfFiles after = before;
        after[QStringLiteral("developers.auto.tfvars")] =
            withEntry(after[QStringLiteral("developers.auto.tfvars")], kNewDeveloper);
        auto impact = computeImpact(before, after);
        QVERIFY2(impact.has_value(), qPrintable(impact.error().toString()));
        const QStringList added = lines(*impact, InstanceChange::Kind::Add);
        const QStringList expected = {
            QStringLiteral("aws_iam_user.developer[\"aokubo\"]"),
            QStringLiteral("aws_iam_user_group_membership.developer[\"aokubo\"]"),
            QStringLiteral("data.slack_user.developer[\"aokubo\"]"), // slack defaults to true
            QStringLiteral("datadog_user.developer[\"aokubo\"]"),
            QStringLiteral("github_membership.developer[\"aokubo\"]"),
        };
        QCOMPARE(added, expected);
        QCOMPARE(impact->toRemove(), 0);
        QCOMPARE(impact->toAdd(), 5);
        QCOMPARE(impact->toUpdate(), 1);
        // Arguments of the new instances are computed, those of the provider are not.
        for (const InstanceChange &c : impact->changes) {
            if (c.address == u"aws_iam_user.developer[\"aokubo\"]") {
                QVERIFY(c.arguments.contains(ArgumentChange{QStringLiteral("name"), QString(),
                                                            QStringLiteral("\"aokubo\"")}));
                QVERIFY(c.arguments.contains(
                    ArgumentChange{QStringLiteral("tags"), QString(),
                                   QStringLiteral("{ email = \"aokubo@example.co.jp\" }")}));
                QCOMPARE(c.file, QStringLiteral("main.tf"));
                QVERIFY(c.line > 0);
            }
            if (c.address == u"aws_iam_user_group_membership.developer[\"aokubo\"]")
                QVERIFY(c.arguments.contains(ArgumentChange{QStringLiteral("user"), QString(),
                                                            QStringLiteral("\"aokubo\"")}));
        }
        // The Slack user group lists the ids of the data source's users: one more, each
        // computed by the provider.
        QCOMPARE(lines(*impact, InstanceChange::Kind::Update),
                 QStringList{QStringLiteral("slack_usergroup.platform_developers")});
        const InstanceChange &group = impact->changes.at(impact->changes.size() - 1);
        QCOMPARE(group.arguments.size(), 1);
        QCOMPARE(group.arguments[0].name, QStringLiteral("users"));
        const QRegularExpression count(
            QStringLiteral("^\\[\\((\\d+) values known after apply\\)\\]$"));
        const auto b = count.match(group.arguments[0].before);
        const auto a = count.match(group.arguments[0].after);
        QVERIFY2(b.hasMatch() && a.hasMatch(), qPrintable(group.arguments[0].after));
        QCOMPARE(a.captured(1).toInt(), b.captured(1).toInt() + 1);
        QCOMPARE(ImpactText::summary(*impact, QStringLiteral("accounts")),
                 QStringLiteral("accounts: 5 to add, 1 to change"));
    }

    void removingADeveloperRemovesEverythingTheyHad()
    {
        const TfFiles after = demoAccounts();
        TfFiles before = after;
        before[QStringLiteral("developers.auto.tfvars")] =
            withEntry(before[QStringLiteral("developers.auto.tfvars")], kNewDeveloper);
        auto impact = computeImpact(before, after);
        QVERIFY(impact.has_value());
        QCOMPARE(impact->toAdd(), 0);
        QCOMPARE(impact->toRemove(), 5);
        QCOMPARE(impact->toUpdate(), 1); // the Slack user group's users
        QVERIFY(lines(*impact, InstanceChange::Kind::Remove)
                    .contains(QStringLiteral("aws_iam_user.developer[\"aokubo\"]")));
    }

    void renamingADeveloperIsRemoveAndAddWithoutMovedBlock()
    {
        const TfFiles before = demoAccounts();
        TfFiles after = before;
        QByteArray &dev = after[QStringLiteral("developers.auto.tfvars")];
        QVERIFY(dev.contains("  lgarcia = {"));
        dev.replace("  lgarcia = {", "  lucia = {");
        auto impact = computeImpact(before, after);
        QVERIFY(impact.has_value());
        QVERIFY(lines(*impact, InstanceChange::Kind::Add)
                    .contains(QStringLiteral("github_membership.developer[\"lucia\"]")));
        QVERIFY(lines(*impact, InstanceChange::Kind::Remove)
                    .contains(QStringLiteral("github_membership.developer[\"lgarcia\"]")));
        QCOMPARE(impact->toMove(), 0);
        QCOMPARE(impact->toAdd(), impact->toRemove());
    }

    void aMovedBlockTurnsTheRenameIntoMoves()
    {
        const TfFiles before = demoAccounts();
        TfFiles after = before;
        after[QStringLiteral("developers.auto.tfvars")].replace("  lgarcia = {", "  lucia = {");
        after[QStringLiteral("moved.tf")] = R"(
moved {
  from = github_membership.developer["lgarcia"]
  to   = github_membership.developer["lucia"]
}
)";
        auto impact = computeImpact(before, after);
        QVERIFY(impact.has_value());
        const InstanceChange *move = nullptr;
        for (const InstanceChange &c : impact->changes)
            if (c.kind == InstanceChange::Kind::Move)
                move = &c;
        QVERIFY(move);
        QCOMPARE(impact->toMove(), 1);
        QCOMPARE(move->previousAddress, QStringLiteral("github_membership.developer[\"lgarcia\"]"));
        QCOMPARE(move->address, QStringLiteral("github_membership.developer[\"lucia\"]"));
        QVERIFY(move->arguments.isEmpty()); // same github login, same role
        QVERIFY(!lines(*impact, InstanceChange::Kind::Add)
                     .contains(QStringLiteral("github_membership.developer[\"lucia\"]")));
        QVERIFY(formatImpactText(*impact, QStringLiteral("accounts"))
                    .contains(QStringLiteral("> github_membership.developer[\"lgarcia\"] moved to "
                                             "github_membership.developer[\"lucia\"]")));
    }

    void togglingAFlagBehindForEachIfAddsOrRemovesOnlyThatInstance()
    {
        const TfFiles before = demoAccounts();
        TfFiles after = before;
        QByteArray &dev = after[QStringLiteral("developers.auto.tfvars")];
        // tmorita has no aws flag (optional(bool, false)): give them one.
        const qsizetype at = dev.indexOf("  tmorita = {");
        QVERIFY(at >= 0);
        dev.insert(dev.indexOf('\n', at) + 1, "    aws = true\n");
        auto impact = computeImpact(before, after);
        QVERIFY(impact.has_value());
        QCOMPARE(
            lines(*impact, InstanceChange::Kind::Add),
            (QStringList{QStringLiteral("aws_iam_user.developer[\"tmorita\"]"),
                         QStringLiteral("aws_iam_user_group_membership.developer[\"tmorita\"]")}));
        QCOMPARE(impact->toRemove(), 0);
        QCOMPARE(impact->toUpdate(), 0);
    }

    void changingAnEmailUpdatesTheArgumentsThatUseIt()
    {
        const TfFiles before = demoAccounts();
        TfFiles after = before;
        QByteArray &dev = after[QStringLiteral("developers.auto.tfvars")];
        QVERIFY(dev.contains("\"lucia.garcia@example.com\""));
        dev.replace("\"lucia.garcia@example.com\"", "\"lgarcia@example.com\"");
        auto impact = computeImpact(before, after);
        QVERIFY(impact.has_value());
        QCOMPARE(impact->toAdd(), 0);
        QCOMPARE(impact->toRemove(), 0);
        const InstanceChange *gke = nullptr;
        for (const InstanceChange &c : impact->changes)
            if (c.address == u"google_project_iam_member.gke_developer[\"lgarcia\"]")
                gke = &c;
        QVERIFY(gke);
        QCOMPARE(gke->kind, InstanceChange::Kind::Update);
        QCOMPARE(gke->arguments,
                 (QList<ArgumentChange>{{QStringLiteral("member"),
                                         QStringLiteral("\"user:lucia.garcia@example.com\""),
                                         QStringLiteral("\"user:lgarcia@example.com\"")}}));
        QVERIFY(formatImpactText(*impact, QStringLiteral("accounts"))
                    .contains(QStringLiteral("    ~ member = \"user:lucia.garcia@example.com\" -> "
                                             "\"user:lgarcia@example.com\"\n")));
    }

    void addingAMicroserviceAddsTheInstancesOfTheLocalModule()
    {
        const TfFiles before = demoAccounts();
        TfFiles after = before;
        QByteArray &pay = after[QStringLiteral("microservices_payments.tf")];
        const qsizetype close = pay.lastIndexOf("  }\n}");
        QVERIFY(close > 0);
        pay.insert(close, R"(
    refund-api = {
      team              = "payments"
      description       = "Refunds."
      namespace         = "refund-api"
      gar_repository    = "refund-api"
      slack_usergroup   = "payments-oncall"
      cloudsql          = true
    }
)");
        auto impact = computeImpact(before, after);
        QVERIFY2(impact.has_value(), qPrintable(impact.error().toString()));
        const QStringList added = lines(*impact, InstanceChange::Kind::Add);
        QVERIFY2(added.contains(QStringLiteral(
                     "module.microservices.google_service_account.service[\"refund-api\"]")),
                 qPrintable(added.join(u'\n')));
        QVERIFY(added.contains(
            QStringLiteral("module.microservices.google_sql_database.service[\"refund-api\"]")));
        // datadog_monitors defaults to true in the module's variable type.
        QVERIFY(added.contains(
            QStringLiteral("module.microservices.datadog_monitor.error_rate[\"refund-api\"]")));
        QVERIFY(!added.contains(
            QStringLiteral("module.microservices.pagerduty_service.service[\"refund-api\"]")));
        for (const InstanceChange &c : impact->changes)
            if (c.address == u"module.microservices.google_sql_database.service[\"refund-api\"]")
                QVERIFY(c.arguments.contains(ArgumentChange{QStringLiteral("name"), QString(),
                                                            QStringLiteral("\"refund_api\"")}));
        QCOMPARE(impact->toRemove(), 0);
    }

    void jsonFormHasTheSummaryAndEveryChange()
    {
        const TfFiles before = demoAccounts();
        TfFiles after = before;
        after[QStringLiteral("developers.auto.tfvars")] =
            withEntry(after[QStringLiteral("developers.auto.tfvars")], kNewDeveloper);
        auto impact = computeImpact(before, after);
        QVERIFY(impact.has_value());
        const QJsonObject json = impactToJson(*impact);
        QCOMPARE(json[QStringLiteral("summary")][QStringLiteral("add")].toInt(), 5);
        QCOMPARE(json[QStringLiteral("summary")][QStringLiteral("update")].toInt(), 1);
        QCOMPARE(json[QStringLiteral("changes")].toArray().size(), 6);
        QCOMPARE(json[QStringLiteral("changes")][0][QStringLiteral("action")].toString(),
                 QStringLiteral("add"));
    }

    void aSyntaxErrorFailsWithItsPosition()
    {
        TfFiles after = demoAccounts();
        after[QStringLiteral("main.tf")] += "\nresource \"x\" {\n";
        auto impact = computeImpact(demoAccounts(), after);
        QVERIFY(!impact.has_value());
        QCOMPARE(impact.error().file, QStringLiteral("main.tf"));
        QVERIFY(impact.error().line > 0);
    }

    void modulesWithForEachAndCountAreFollowed()
    {
        TfFiles before;
        before[QStringLiteral("main.tf")] = R"(
variable "teams" {
  default = { a = 1, b = 2 }
}
module "team" {
  for_each = var.teams
  source   = "./modules/team"
  name     = each.key
  size     = each.value
}
output "seats" {
  value = { for k, m in module.team : k => m.seats }
}
)";
        before[QStringLiteral("modules/team/main.tf")] = R"(
variable "name" { type = string }
variable "size" { type = number }
resource "seat" "s" {
  count = var.size
  label = "${var.name}-${count.index}"
}
output "seats" { value = [for s in seat.s : s.label] }
)";
        TfFiles after = before;
        after[QStringLiteral("main.tf")].replace("{ a = 1, b = 2 }", "{ a = 2, c = 1 }");
        auto impact = computeImpact(before, after);
        QVERIFY2(impact.has_value(), qPrintable(impact.error().toString()));
        QCOMPARE(lines(*impact, InstanceChange::Kind::Add),
                 (QStringList{QStringLiteral("module.team[\"a\"].seat.s[1]"),
                              QStringLiteral("module.team[\"c\"].seat.s[0]")}));
        QCOMPARE(lines(*impact, InstanceChange::Kind::Remove),
                 (QStringList{QStringLiteral("module.team[\"b\"].seat.s[0]"),
                              QStringLiteral("module.team[\"b\"].seat.s[1]")}));
        for (const InstanceChange &c : impact->changes)
            if (c.address == u"module.team[\"c\"].seat.s[0]") {
                QVERIFY(c.arguments.contains(
                    ArgumentChange{QStringLiteral("label"), QString(), QStringLiteral("\"c-0\"")}));
                QCOMPARE(c.file, QStringLiteral("modules/team/main.tf"));
            }
        QVERIFY(impact->notEvaluated.isEmpty());
    }

    void aMovedModuleMovesEveryInstanceInside()
    {
        TfFiles before;
        before[QStringLiteral("main.tf")] = "module \"old\" {\n  source = \"./m\"\n}\n";
        before[QStringLiteral("m/main.tf")] = "resource \"r\" \"x\" {\n  count = 2\n}\n";
        TfFiles after = before;
        after[QStringLiteral("main.tf")] =
            "module \"new\" {\n  source = \"./m\"\n}\nmoved {\n  from = module.old\n  to   = "
            "module.new\n}\n";
        auto impact = computeImpact(before, after);
        QVERIFY(impact.has_value());
        QCOMPARE(impact->toMove(), 2);
        QCOMPARE(impact->toAdd() + impact->toRemove(), 0);
        QCOMPARE(impact->changes[0].previousAddress, QStringLiteral("module.old.r.x[0]"));
        QCOMPARE(impact->changes[0].address, QStringLiteral("module.new.r.x[0]"));
    }

    void whatCannotBeListedIsReportedAndLeftOut()
    {
        TfFiles before;
        before[QStringLiteral("main.tf")] = R"(
resource "aws_vpc" "main" {}
resource "aws_subnet" "by_vpc" {
  for_each = toset([aws_vpc.main.id])
  vpc_id   = each.key
}
module "remote" {
  source = "terraform-aws-modules/vpc/aws"
}
resource "aws_instance" "bad" {
  for_each = ["a", "b"]
}
resource "x" "y" {
  name = formatdate("YYYY", "2024-01-01T00:00:00Z")
}
)";
        TfFiles after = before;
        after[QStringLiteral("main.tf")] += "resource \"x\" \"z\" {}\n";
        auto impact = computeImpact(before, after);
        QVERIFY(impact.has_value());
        QCOMPARE(lines(*impact, InstanceChange::Kind::Add), QStringList{QStringLiteral("x.z")});
        const QString notes = impact->notEvaluated.join(u'\n');
        QVERIFY2(notes.contains(QStringLiteral("main.tf:3:1: the instances of aws_subnet.by_vpc "
                                               "are not known offline")),
                 qPrintable(notes));
        QVERIFY2(notes.contains(QStringLiteral("module.remote comes from "
                                               "\"terraform-aws-modules/vpc/aws\"")),
                 qPrintable(notes));
        QVERIFY2(notes.contains(QStringLiteral("for_each supports maps and sets of strings")),
                 qPrintable(notes));
        QVERIFY2(notes.contains(QStringLiteral("main.tf:14:10: the function formatdate is not "
                                               "evaluated offline")),
                 qPrintable(notes));
    }

    // Generated accounts files: random developers with random flags; the impact of a random
    // edit must be exactly what the flags say, resource by resource.
    void generatedDevelopersGiveExactlyTheFlaggedInstances()
    {
        const TfFiles base = demoAccounts();
        const QStringList flags = {QStringLiteral("aws"), QStringLiteral("gcp"),
                                   QStringLiteral("datadog"), QStringLiteral("pagerduty"),
                                   QStringLiteral("slack")};
        QRandomGenerator rng(23);
        struct Dev
        {
            QString id;
            QMap<QString, bool> on;
        };
        auto generate = [&](int n) {
            QList<Dev> devs;
            for (int i = 0; i < n; ++i) {
                Dev d;
                d.id = QStringLiteral("dev%1").arg(rng.bounded(60));
                if (std::any_of(devs.begin(), devs.end(),
                                [&](const Dev &o) { return o.id == d.id; }))
                    continue;
                for (const QString &f : flags)
                    d.on[f] = rng.bounded(2) == 1;
                devs << d;
            }
            return devs;
        };
        auto file = [&](const QList<Dev> &devs) {
            QByteArray t = "developers = {\n";
            for (const Dev &d : devs) {
                t += "  " + d.id.toUtf8() + " = {\n    name = \"N " + d.id.toUtf8() +
                     "\"\n    github = \"gh-" + d.id.toUtf8() + "\"\n    email = \"" +
                     d.id.toUtf8() + "@example.com\"\n";
                for (const QString &f : flags)
                    // slack defaults to true: leave it out when on, half of the time
                    if (!(f == u"slack" && d.on[f] && d.id.size() % 2 == 0))
                        t += "    " + f.toUtf8() + " = " + (d.on[f] ? "true" : "false") + "\n";
                t += "  }\n";
            }
            return t + "}\n";
        };
        const QMap<QString, QStringList> resourcesOf = {
            {QStringLiteral("aws"),
             {QStringLiteral("aws_iam_user.developer"),
              QStringLiteral("aws_iam_user_group_membership.developer")}},
            {QStringLiteral("gcp"),
             {QStringLiteral("google_project_iam_member.gke_developer"),
              QStringLiteral("google_project_iam_member.viewer")}},
            {QStringLiteral("datadog"), {QStringLiteral("datadog_user.developer")}},
            {QStringLiteral("pagerduty"), {QStringLiteral("pagerduty_user.developer")}},
            {QStringLiteral("slack"), {QStringLiteral("data.slack_user.developer")}},
        };
        auto expected = [&](const QList<Dev> &devs) {
            QSet<QString> out;
            for (const Dev &d : devs) {
                out.insert(QStringLiteral("github_membership.developer[\"%1\"]").arg(d.id));
                for (const QString &f : flags)
                    if (d.on[f])
                        for (const QString &r : resourcesOf[f])
                            out.insert(QStringLiteral("%1[\"%2\"]").arg(r, d.id));
            }
            return out;
        };
        for (int round = 0; round < 6; ++round) {
            const QList<Dev> a = generate(12), b = generate(12);
            TfFiles before = base, after = base;
            before[QStringLiteral("developers.auto.tfvars")] = file(a);
            after[QStringLiteral("developers.auto.tfvars")] = file(b);
            auto impact = computeImpact(before, after);
            QVERIFY2(impact.has_value(), qPrintable(impact.error().toString()));
            const QSet<QString> ea = expected(a), eb = expected(b);
            QSet<QString> added(eb), removed(ea);
            added.subtract(ea);
            removed.subtract(eb);
            const QStringList gotAdded = lines(*impact, InstanceChange::Kind::Add);
            const QStringList gotRemoved = lines(*impact, InstanceChange::Kind::Remove);
            QCOMPARE(QSet<QString>(gotAdded.begin(), gotAdded.end()), added);
            QCOMPARE(QSet<QString>(gotRemoved.begin(), gotRemoved.end()), removed);
        }
    }

    void cancellingStopsTheEvaluation()
    {
        std::atomic_bool cancel = true;
        TfFiles files;
        files[QStringLiteral("main.tf")] =
            "locals {\n  big = [for a in range(100000) : [for b in range(1000) : a * b]]\n}\n"
            "resource \"x\" \"y\" {\n  count = length(local.big)\n}\n";
        auto impact = computeImpact(files, files, &cancel);
        QVERIFY(!impact.has_value());
        QCOMPARE(impact.error().code, kanri::Error::Code::Cancelled);
    }
};

QTEST_GUILESS_MAIN(TestTfImpact)
#include "tst_tfimpact.moc"
