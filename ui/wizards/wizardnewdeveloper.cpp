#include "ui/wizards/wizardnewdeveloper.h"
#include "ui/theme/theme.h"

#include "ui/wizards/wizardpreview.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QScrollArea>
#include <QStyle>
#include <QVBoxLayout>

namespace kanri::ui {

namespace {

bool isFlag(const hcl::FieldSchema &f)
{
    const QString t = f.type.trimmed();
    return t == QLatin1String("bool") || t.startsWith(QLatin1String("optional(bool"));
}

QLabel *problemLabel(QWidget *parent)
{
    auto *l = new QLabel(parent);
    l->setStyleSheet(messageStyleSheet(MessageKind::Error));
    l->setWordWrap(true);
    return l;
}

} // namespace

// A page whose completeness the wizard decides (validation as typed).
class NewDeveloperWizard::WhoPageWidget : public QWizardPage
{
public:
    explicit WhoPageWidget(NewDeveloperWizard *wizard)
        : m_wizard(wizard)
    {}
    bool isComplete() const override
    {
        return platform::developerDraftProblems(m_wizard->m_catalog, m_wizard->draft()).isEmpty();
    }
    void changed() { Q_EMIT completeChanged(); }

private:
    NewDeveloperWizard *m_wizard;
};

class NewDeveloperWizard::ReviewPageWidget : public QWizardPage
{
public:
    explicit ReviewPageWidget(NewDeveloperWizard *wizard)
        : m_wizard(wizard)
    {}
    void initializePage() override { m_wizard->prepareReview(); }
    bool isComplete() const override { return m_wizard->m_reviewOk; }

private:
    NewDeveloperWizard *m_wizard;
};

NewDeveloperWizard::NewDeveloperWizard(const platform::Catalog &catalog,
                                       QHash<QString, QString> descriptions, Check check,
                                       Planner planner, QWidget *parent)
    : QWizard(parent)
    , m_catalog(catalog)
    , m_descriptions(std::move(descriptions))
    , m_check(std::move(check))
    , m_planner(std::move(planner))
{
    setWindowTitle(tr("New developer"));
    setObjectName(QStringLiteral("newDeveloperWizard"));
    setOption(QWizard::NoBackButtonOnStartPage);
    resize(760, 600);

    // 1. Who.
    auto *who = new WhoPageWidget(this);
    who->setTitle(tr("Who is joining?"));
    who->setSubTitle(tr("The entry goes into the developers map of the accounts repository. "
                        "Merging its pull request creates the accounts."));
    auto *form = new QFormLayout(who);
    m_team = new QComboBox(who);
    m_team->addItem(tr("(no team)"), QString());
    for (const platform::Team &t : m_catalog.teams)
        m_team->addItem(t.name, t.name);
    form->addRow(tr("&Team:"), m_team);
    m_key = new QLineEdit(who);
    m_key->setPlaceholderText(tr("the part of the e-mail address before the @"));
    m_keyProblem = problemLabel(who);
    form->addRow(tr("&Id:"), m_key);
    form->addRow(QString(), m_keyProblem);
    for (const hcl::FieldSchema &f : m_catalog.developerSchema) {
        if (isFlag(f))
            continue;
        auto *edit = new QLineEdit(who);
        edit->setObjectName(f.name);
        edit->setToolTip(m_descriptions.value(f.name));
        edit->setPlaceholderText(m_descriptions.value(f.name));
        m_text.insert(f.name, edit);
        m_problems.insert(f.name, problemLabel(who));
        form->addRow(f.optional ? f.name + QLatin1Char(':') : tr("%1 (required):").arg(f.name),
                     edit);
        form->addRow(QString(), m_problems.value(f.name));
        connect(edit, &QLineEdit::textChanged, this, &NewDeveloperWizard::validate);
    }
    connect(m_key, &QLineEdit::textChanged, this, &NewDeveloperWizard::validate);
    // Fill the id from the e-mail address while the id is untouched.
    if (QLineEdit *email = m_text.value(QStringLiteral("email"))) {
        connect(email, &QLineEdit::textChanged, this, [this](const QString &text) {
            if (m_key->isModified())
                return;
            const QString local = text.section(QLatin1Char('@'), 0, 0).toLower();
            if (!text.contains(QLatin1Char('@')))
                return;
            m_key->setText(local);
        });
    }
    setPage(WhoPage, who);

    // 2. Accounts and rights.
    auto *accounts = new QWizardPage(this);
    accounts->setTitle(tr("Accounts and rights"));
    accounts->setSubTitle(tr("Only what the SRE team declared in the schema can be granted. "
                             "Choosing a team pre-sets what its services need."));
    auto *list = new QVBoxLayout(accounts);
    for (const hcl::FieldSchema &f : m_catalog.developerSchema) {
        if (!isFlag(f))
            continue;
        const QString what = m_descriptions.value(f.name);
        auto *box = new QCheckBox(
            what.isEmpty() ? f.name : QStringLiteral("%1 — %2").arg(f.name, what), accounts);
        box->setObjectName(f.name);
        m_flags.insert(f.name, box);
        list->addWidget(box);
    }
    list->addStretch(1);
    setPage(AccountsPage, accounts);

    // 3. Review.
    auto *review = new ReviewPageWidget(this);
    review->setTitle(tr("What merging grants"));
    review->setSubTitle(tr("Finish adds the entry as an unsaved edit: it shows in the diff, can "
                           "be undone, and is committed with the rest of your change."));
    auto *rl = new QVBoxLayout(review);
    m_grants = new QLabel(review);
    m_grants->setWordWrap(true);
    m_grants->setTextInteractionFlags(Qt::TextSelectableByMouse);
    rl->addWidget(m_grants);
    rl->addWidget(new QLabel(tr("Platform rules:"), review));
    m_findings = new QListWidget(review);
    m_findings->setMaximumHeight(110);
    rl->addWidget(m_findings);
    m_preview = new WizardPreview(review);
    rl->addWidget(m_preview, 1);
    setPage(ReviewPage, review);

    connect(m_team, &QComboBox::currentIndexChanged, this, &NewDeveloperWizard::teamChanged);
    teamChanged();
    validate();
}

void NewDeveloperWizard::teamChanged()
{
    const QJsonObject defaults =
        platform::developerDefaults(m_catalog, m_team->currentData().toString());
    for (auto it = m_flags.cbegin(); it != m_flags.cend(); ++it)
        it.value()->setChecked(defaults.value(it.key()).toBool());
}

platform::DeveloperDraft NewDeveloperWizard::draft() const
{
    platform::DeveloperDraft d;
    d.key = m_key->text().trimmed();
    for (const hcl::FieldSchema &f : m_catalog.developerSchema) {
        if (QCheckBox *box = m_flags.value(f.name)) {
            d.fields.insert(f.name, box->isChecked());
        } else if (QLineEdit *edit = m_text.value(f.name)) {
            const QString text = edit->text().trimmed();
            if (!text.isEmpty() || !f.optional)
                d.fields.insert(f.name, text);
        }
    }
    return d;
}

void NewDeveloperWizard::validate()
{
    const platform::DeveloperDraft d = draft();
    // Say nothing about a field the user has not reached yet.
    m_keyProblem->setText(m_key->text().isEmpty() ? QString()
                                                  : platform::checkDeveloperKey(m_catalog, d.key));
    for (const hcl::FieldSchema &f : m_catalog.developerSchema) {
        QLabel *label = m_problems.value(f.name);
        QLineEdit *edit = m_text.value(f.name);
        if (!label || !edit)
            continue;
        label->setText(edit->text().isEmpty()
                           ? QString()
                           : platform::checkDeveloperField(f, d.fields.value(f.name)));
    }
    static_cast<WhoPageWidget *>(page(WhoPage))->changed();
}

void NewDeveloperWizard::prepareReview()
{
    const platform::DeveloperDraft d = draft();
    const QStringList grants = platform::developerGrants(m_catalog, m_descriptions, d);
    m_grants->setText(grants.isEmpty()
                          ? tr("No account or right.")
                          : QStringLiteral("• ") + grants.join(QStringLiteral("\n• ")));
    m_findings->clear();
    bool blocking = false;
    const QList<platform::Finding> findings = m_check ? m_check(d) : QList<platform::Finding>();
    for (const platform::Finding &f : findings) {
        auto *item =
            new QListWidgetItem(style()->standardIcon(f.severity == platform::Severity::Error
                                                          ? QStyle::SP_MessageBoxCritical
                                                          : QStyle::SP_MessageBoxWarning),
                                QStringLiteral("%1 [%2]").arg(f.message, f.rule), m_findings);
        item->setToolTip(f.hint);
        blocking = blocking || f.severity == platform::Severity::Error;
    }
    if (findings.isEmpty())
        m_findings->addItem(new QListWidgetItem(style()->standardIcon(QStyle::SP_DialogApplyButton),
                                                tr("The entry breaks no platform rule.")));
    auto plan = m_planner(d);
    if (plan) {
        m_plan = *plan;
        m_preview->setPlan(*plan);
    } else {
        m_plan.reset();
        m_preview->setError(plan.error().message);
    }
    m_reviewOk = m_plan.has_value() && !blocking;
    Q_EMIT page(ReviewPage)->completeChanged();
}

} // namespace kanri::ui
