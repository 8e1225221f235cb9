#include "app/commitauthor.h"

#include "app/appcontext.h"
#include "ui/git/gitauthordialog.h"
#include "ui/main/mainwindow.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace kanri::app {

namespace {

const QString kNameKey = QStringLiteral("git/authorName");
const QString kEmailKey = QStringLiteral("git/authorEmail");

// The login name, the last guess for a name.
QString loginName()
{
    for (const char *variable : {"USER", "LOGNAME", "USERNAME"}) {
        const QString name = qEnvironmentVariable(variable).trimmed();
        if (!name.isEmpty())
            return name;
    }
    return {};
}

// Where `git config --global` writes (see git::setGlobalIdentity), for the question.
QString globalConfigFile()
{
    const QString home = QDir::homePath() + QStringLiteral("/.gitconfig");
    if (QFileInfo::exists(home))
        return home;
    const QString xdgHome = qEnvironmentVariable("XDG_CONFIG_HOME");
    const QString xdg =
        (xdgHome.isEmpty() ? QDir::homePath() + QStringLiteral("/.config") : xdgHome) +
        QStringLiteral("/git/config");
    return QFileInfo::exists(xdg) ? xdg : home;
}

} // namespace

CommitAuthor::CommitAuthor(AppContext *context, QObject *parent)
    : QObject(parent)
    , m_context(context)
{}

ui::GitAuthorDialog *CommitAuthor::dialog() const
{
    return m_dialog;
}

CommitAuthor::Known CommitAuthor::known(const QString &repositoryPath) const
{
    Known known;
    known.author.name = m_context->settings().value(kNameKey).toString().trimmed();
    known.author.email = m_context->settings().value(kEmailKey).toString().trimmed();
    known.fromSettings = !known.author.name.isEmpty() || !known.author.email.isEmpty();
    if (known.author.name.isEmpty() || known.author.email.isEmpty()) {
        git::Signature git;
        if (auto repo = git::Repository::open(repositoryPath))
            git = repo->partialIdentity(git::IdentityRole::Author);
        if (known.author.name.isEmpty())
            known.author.name = git.name;
        if (known.author.email.isEmpty())
            known.author.email = git.email;
    }
    return known;
}

void CommitAuthor::ensure(const QString &repositoryPath, const QString &repositoryName,
                          std::function<void(std::optional<git::Signature>)> then, QWidget *over)
{
    const Known now = known(repositoryPath);
    if (!now.author.name.isEmpty() && !now.author.email.isEmpty()) {
        then(now.author);
        return;
    }
    QWidget *parent = over ? over : m_context->window();
    if (!m_dialog)
        m_dialog = new ui::GitAuthorDialog(parent);
    else if (m_dialog->parentWidget() != parent)
        m_dialog->setParent(parent, m_dialog->windowFlags());
    m_dialog->ask(repositoryName, now.author.name.isEmpty() ? loginName() : now.author.name,
                  now.author.email, QDir::toNativeSeparators(globalConfigFile()));
    connect(
        m_dialog, &QDialog::finished, this,
        [this, then](int result) {
            if (result != QDialog::Accepted || !m_dialog) {
                then(std::nullopt);
                return;
            }
            const git::Signature typed{m_dialog->name(), m_dialog->email()};
            if (m_dialog->store() == ui::GitAuthorDialog::Store::GitGlobalConfig) {
                if (auto stored = git::setGlobalIdentity(typed); !stored) {
                    m_context->reportError(tr("Author"),
                                           tr("Nothing was committed: the name and e-mail "
                                              "could not be written to git's configuration.\n%1")
                                               .arg(stored.error().toString()));
                    then(std::nullopt);
                    return;
                }
            } else {
                QSettings &settings = m_context->settings();
                settings.setValue(kNameKey, typed.name);
                settings.setValue(kEmailKey, typed.email);
                settings.sync();
            }
            then(typed);
        },
        Qt::SingleShotConnection);
    m_dialog->open();
    Q_EMIT asked();
}

} // namespace kanri::app
