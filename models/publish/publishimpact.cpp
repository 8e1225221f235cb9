#include "publish/publishimpact.h"

#include "platform/session.h"
#include "platform/tfimpactlive.h"

#include <QCoreApplication>
#include <QDir>

namespace kanri::platform {

namespace {

// lupdate files an unqualified tr() outside a class under the namespace.
QString tr(const char *text)
{
    return QCoreApplication::translate("kanri::platform", text);
}

QString heading(const QString &label)
{
    return tr("**Terraform impact (%1, evaluated offline by Kanri):**").arg(label);
}

QString line(const terraform::InstanceChange &c)
{
    using Kind = terraform::InstanceChange::Kind;
    switch (c.kind) {
    case Kind::Add:
        return QStringLiteral("+ ") + c.address;
    case Kind::Remove:
        return QStringLiteral("- ") + c.address;
    case Kind::Move:
        return QStringLiteral("! ") + tr("%1 moved to %2").arg(c.previousAddress, c.address);
    case Kind::Update: {
        // The changed arguments by name: their values (a list of every member, ARNs known only
        // after apply) can be longer than the rest of the body; the window shows them.
        QStringList lines{QStringLiteral("! ") + c.address};
        for (const terraform::ArgumentChange &a : c.arguments)
            lines << QStringLiteral("    ~ ") + a.name;
        return lines.join(QLatin1Char('\n'));
    }
    }
    return {};
}

} // namespace

QString impactMarkdown(const terraform::Impact &impact, const QString &label, int cap)
{
    QString out =
        heading(label) + QStringLiteral("\n\n") + terraform::ImpactText::summary(impact, label);
    if (!impact.changes.isEmpty()) {
        QStringList lines;
        const int shown = int(std::min<qsizetype>(cap, impact.changes.size()));
        for (int i = 0; i < shown; ++i)
            lines << line(impact.changes.at(i));
        // A ```diff block: GitHub colours + and - lines, and "!" lines as changed.
        out += QStringLiteral("\n\n```diff\n") + lines.join(QLatin1Char('\n')) +
               QStringLiteral("\n```");
        if (impact.changes.size() > shown)
            out += QStringLiteral("\n") + tr("and %1 more").arg(impact.changes.size() - shown);
    }
    if (!impact.notEvaluated.isEmpty()) {
        QStringList notes;
        for (const QString &n : impact.notEvaluated)
            notes << QStringLiteral("- `%1`").arg(n);
        out += QStringLiteral("\n\n") +
               tr("Not evaluated offline (their instances are not listed):") + QLatin1Char('\n') +
               notes.join(QLatin1Char('\n'));
    }
    return out;
}

QString impactFailureMarkdown(const QString &label, const QString &message)
{
    return heading(label) + QStringLiteral("\n\n") +
           tr("The Terraform files could not be evaluated: `%1`").arg(message);
}

bool PlanImpactJob::touchesTerraform() const
{
    const QString prefix = root + QLatin1Char('/');
    for (auto it = after.cbegin(); it != after.cend(); ++it) {
        if (!root.isEmpty() && it.key().startsWith(prefix) && isTerraformFile(it.key()))
            return true;
    }
    return false;
}

Result<std::optional<terraform::Impact>> PlanImpactJob::run(const std::atomic_bool *cancel) const
{
    if (!touchesTerraform())
        return std::optional<terraform::Impact>();
    return changeImpact(root, layer, before, after, cancel);
}

PlanImpactJob planImpactJob(Session &session, const WizardPlan &plan)
{
    PlanImpactJob job;
    const Catalog &catalog = session.catalog();
    job.root = catalog.accountsRoot.isEmpty() ? QString() : QDir::cleanPath(catalog.accountsRoot);
    const RepositorySpec *spec = catalog.workspace.repository(RepositoryRole::Accounts);
    job.label = spec ? spec->name : QDir(job.root).dirName();
    job.layer = session.buffers()->overlay();
    for (const PlannedFile &f : plan.files) {
        job.before.insert(QDir::cleanPath(f.path), f.before);
        job.after.insert(QDir::cleanPath(f.path), f.after);
    }
    return job;
}

QString planImpactSection(Session &session, const WizardPlan &plan, const QString &repository,
                          const QString &repositoryPath)
{
    const PlanImpactJob job = planImpactJob(session, plan);
    if (job.root.isEmpty() || QDir::cleanPath(repositoryPath) != job.root)
        return {};
    auto impact = job.run();
    if (!impact)
        return impactFailureMarkdown(repository, impact.error().toString());
    return *impact ? impactMarkdown(**impact, repository) : QString();
}

QString revisionImpactSection(const QString &repositoryPath, const QString &repository,
                              const QString &base, const QString &head)
{
    auto impact = revisionImpact(repositoryPath, base, head);
    if (!impact)
        return impactFailureMarkdown(repository, impact.error().toString());
    return *impact ? impactMarkdown(**impact, repository) : QString();
}

} // namespace kanri::platform
