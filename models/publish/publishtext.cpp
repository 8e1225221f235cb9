#include "publish/publishtext.h"

#include "platform/catalog.h"
#include "platform/session.h"

#include <QCoreApplication>
#include <QDir>

namespace kanri::platform {

namespace {

// lupdate files an unqualified tr() outside a class under the namespace.
QString tr(const char *text)
{
    return QCoreApplication::translate("kanri::platform", text);
}

QString bullets(const QStringList &lines)
{
    QStringList out;
    for (const QString &l : lines)
        out << QStringLiteral("- ") + l;
    return out.join(QLatin1Char('\n'));
}

} // namespace

QString branchPart(const QString &text)
{
    QString out;
    for (const QChar c : text.toLower()) {
        if (c.isLetterOrNumber() && c.unicode() < 128)
            out += c;
        else if (!out.endsWith(QLatin1Char('-')))
            out += QLatin1Char('-');
    }
    while (out.endsWith(QLatin1Char('-')))
        out.chop(1);
    while (out.startsWith(QLatin1Char('-')))
        out.remove(0, 1);
    return out.isEmpty() ? QStringLiteral("change") : out;
}

QString fileSummary(const WizardPlan &plan, const QStringList &files)
{
    QStringList lines;
    for (const PlannedFile &f : plan.files) {
        if (!files.contains(QDir::cleanPath(f.path)))
            continue;
        const QByteArray diff = planDiff(f);
        int added = 0, removed = 0;
        for (const QByteArray &line : diff.split('\n')) {
            if (line.startsWith("+++") || line.startsWith("---"))
                continue;
            if (line.startsWith('+'))
                ++added;
            else if (line.startsWith('-'))
                ++removed;
        }
        lines << (f.isNew() ? tr("- `%1` (new, %2 lines)").arg(f.display).arg(added)
                            : tr("- `%1` (+%2 −%3)").arg(f.display).arg(added).arg(removed));
    }
    return lines.join(QLatin1Char('\n'));
}

QStringList developerGrants(Session &session, const DeveloperDraft &draft)
{
    const SourceReader read = sessionReader(session);
    return developerGrants(session.catalog(), developerFieldDescriptions(session.catalog(), read),
                           draft);
}

QString renderedSummary(Session &session, const MicroserviceDraft &draft)
{
    QStringList lines;
    auto working = session.overlayFor(Side::Working);
    for (const QString &env : draft.environments) {
        if (!working)
            break;
        auto out = session.render(QStringLiteral("services/%1/overlays/%2").arg(draft.name, env),
                                  *working);
        if (!out) {
            lines << tr("- %1: does not render: %2").arg(env, out.error().toString());
            continue;
        }
        QStringList objects;
        QString ns;
        for (const kustomize::RenderedResource &r : out->resources) {
            objects << r.kind + QLatin1Char('/') + r.name;
            if (ns.isEmpty())
                ns = r.nameSpace;
        }
        lines << tr("- %1 (namespace %2): %3").arg(env, ns, objects.join(QStringLiteral(", ")));
    }
    if (lines.isEmpty())
        return {};
    return tr("**Rendered (kustomize build):**\n%1").arg(lines.join(QLatin1Char('\n')));
}

QStringList affectedOverlays(const Catalog &catalog, const QStringList &files)
{
    const QDir root(catalog.manifestsRoot);
    QStringList overlays;
    for (const QString &file : files) {
        const QString rel = root.relativeFilePath(file);
        if (catalog.manifestsRoot.isEmpty() || rel.startsWith(QLatin1String("../")))
            continue;
        for (const Service &s : catalog.services) {
            if (!rel.startsWith(s.path + QLatin1Char('/')))
                continue;
            bool inOverlay = false;
            for (const Environment &e : s.environments) {
                if (rel.startsWith(e.overlay + QLatin1Char('/'))) {
                    inOverlay = true;
                    if (!overlays.contains(e.overlay))
                        overlays << e.overlay;
                }
            }
            if (inOverlay)
                continue;
            // A file of the service outside its overlays (its base): every overlay renders it.
            for (const Environment &e : s.environments) {
                if (!overlays.contains(e.overlay))
                    overlays << e.overlay;
            }
        }
    }
    overlays.sort();
    return overlays;
}

QString deploysToText(const QList<argocd::Deployment> &reached)
{
    if (reached.isEmpty())
        return {};
    QStringList parts;
    bool automated = false;
    for (const argocd::Deployment &d : reached) {
        parts << tr("%1 (%2, %3)")
                     .arg(d.cluster, d.application,
                          d.automated ? tr("automated") : tr("manual sync"));
        automated = automated || d.automated;
    }
    QString text = tr("**Deploys to:** %1").arg(parts.join(QStringLiteral(", ")));
    if (automated)
        text += QLatin1Char('\n') +
                tr("Applications with automated sync apply this change when it is merged.");
    return text;
}

PublishText developerText(const DeveloperDraft &draft, const QStringList &grants,
                          const WizardPlan &plan, const QStringList &files)
{
    const QString name = draft.fields.value(QStringLiteral("name")).toString();
    const QString github = draft.fields.value(QStringLiteral("github")).toString();
    const QString who = name.isEmpty() ? draft.key : QStringLiteral("%1 (%2)").arg(name, draft.key);
    PublishText t;
    t.branch = QStringLiteral("kanri/add-developer-") + branchPart(draft.key);
    const QString granted = grants.isEmpty() ? tr("no account or right") : bullets(grants);
    t.commitMessage =
        tr("Add developer %1\n\nMerging grants %2:\n%3\n").arg(draft.key, who, granted);
    t.title = tr("Add developer %1").arg(who);
    QString body = github.isEmpty() ? tr("%1 joins.").arg(who)
                                    : tr("%1 joins; GitHub login @%2.").arg(who, github);
    body += QStringLiteral("\n\n");
    body += grants.isEmpty() ? tr("Merging this grants no account or right.")
                             : tr("**Merging this grants:**\n%1").arg(granted);
    body += QStringLiteral("\n\n") + tr("**Files:**\n%1").arg(fileSummary(plan, files));
    body += QStringLiteral("\n\n") + tr("Opened by Kanri's New developer wizard.");
    t.body = body;
    return t;
}

PublishText microserviceText(const MicroserviceDraft &draft, const WizardPlan &plan,
                             const QString &repository, bool accounts, const QString &rendered,
                             const QStringList &files)
{
    PublishText t;
    t.branch = QStringLiteral("kanri/add-microservice-") + branchPart(draft.name);
    t.commitMessage =
        accounts ? tr("Add microservice %1: its entry in the microservices map\n").arg(draft.name)
                 : tr("Add microservice %1: base, overlays (%2), Argo CD application, "
                      "CODEOWNERS\n")
                       .arg(draft.name, draft.environments.join(QStringLiteral(", ")));
    t.title = tr("Add microservice %1 (%2)").arg(draft.name, repository);
    QString body = tr("Adds the microservice **%1** of team %2: %3")
                       .arg(draft.name, draft.team, draft.description);
    body += QStringLiteral("\n\n") +
            (accounts ? tr("The entry creates the service's accounts (image repository, "
                           "notification channels) when merged and applied.")
                      : tr("Image %1:%2, port %3; requests %4 CPU / %5 memory, limits "
                           "%6 CPU / %7 memory; environments: %8.")
                            .arg(draft.image(), draft.tag)
                            .arg(draft.port)
                            .arg(draft.cpuRequest, draft.memoryRequest, draft.cpuLimit,
                                 draft.memoryLimit, draft.environments.join(QStringLiteral(", "))));
    if (!plan.notes.isEmpty())
        body += QStringLiteral("\n\n") + bullets(plan.notes);
    if (!accounts)
        body += QStringLiteral("\n\n") + rendered;
    body += QStringLiteral("\n\n") + tr("**Files:**\n%1").arg(fileSummary(plan, files));
    body += QStringLiteral("\n\n") +
            tr("Opened by Kanri's New microservice wizard, with a pull request in each "
               "repository.");
    t.body = body;
    return t;
}

PublishText offboardText(const OffboardPlan &offboard, const QStringList &files)
{
    QStringList places;
    for (const DeveloperReference &ref : offboard.references)
        if (files.contains(QDir::cleanPath(ref.path)))
            places << tr("`%1` line %2, %3: %4")
                          .arg(ref.display)
                          .arg(ref.line)
                          .arg(ref.what, ref.action);
    PublishText t;
    t.branch = QStringLiteral("kanri/offboard-") + branchPart(offboard.key);
    t.commitMessage = tr("Offboard developer %1\n\n%2\n").arg(offboard.key, bullets(places));
    t.title = tr("Offboard developer %1").arg(offboard.key);
    t.body = tr("Removes %1 everywhere they appear in this repository; "
                "merging takes their accounts and rights away.\n\n%2\n\n"
                "**Files:**\n%3\n\nOpened by Kanri's Offboard developer "
                "wizard.")
                 .arg(offboard.key, bullets(places), fileSummary(offboard.plan, files));
    return t;
}

} // namespace kanri::platform
