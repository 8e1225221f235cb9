#include "ui/wizards/wizardoffboarddeveloper.h"

#include "ui/wizards/wizardpreview.h"

#include <QComboBox>
#include <QCompleter>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace kanri::ui {

class OffboardWizard::ReferencesPageWidget : public QWizardPage
{
public:
    explicit ReferencesPageWidget(OffboardWizard *wizard)
        : m_wizard(wizard)
    {}
    void initializePage() override { m_wizard->prepareReferences(); }
    bool isComplete() const override { return m_wizard->m_plan.has_value(); }
    void changed() { Q_EMIT completeChanged(); }

private:
    OffboardWizard *m_wizard;
};

OffboardWizard::OffboardWizard(const platform::Catalog &catalog, Planner planner, QWidget *parent)
    : QWizard(parent)
    , m_planner(std::move(planner))
{
    setWindowTitle(tr("Offboard developer"));
    setObjectName(QStringLiteral("offboardWizard"));
    setOption(QWizard::NoBackButtonOnStartPage);
    resize(900, 640);

    auto *choose = new QWizardPage(this);
    choose->setTitle(tr("Who is leaving?"));
    choose->setSubTitle(tr("Deleting the developers map entry closes the person's accounts when "
                           "the pull request is merged. Kanri also looks for every other place "
                           "that names them."));
    auto *form = new QFormLayout(choose);
    m_developer = new QComboBox(choose);
    m_developer->setEditable(true);
    m_developer->setInsertPolicy(QComboBox::NoInsert);
    m_developer->completer()->setFilterMode(Qt::MatchContains);
    m_developer->completer()->setCompletionMode(QCompleter::PopupCompletion);
    for (const platform::MapEntryRef &d : catalog.developers) {
        const QString name = d.fields.value(QStringLiteral("name")).toString();
        const QString github = d.fields.value(QStringLiteral("github")).toString();
        m_developer->addItem(QStringLiteral("%1 — %2 (%3)").arg(d.key, name, github), d.key);
    }
    m_developer->setCurrentIndex(-1);
    form->addRow(tr("&Developer:"), m_developer);
    setPage(ChoosePage, choose);

    auto *refs = new ReferencesPageWidget(this);
    refs->setTitle(tr("Everywhere they appear"));
    refs->setSubTitle(tr("Finish removes all of these as one unsaved edit, which you can undo."));
    auto *layout = new QVBoxLayout(refs);
    m_summary = new QLabel(refs);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    auto *split = new QSplitter(Qt::Vertical, refs);
    m_references = new QTreeWidget(split);
    m_references->setRootIsDecorated(false);
    m_references->setHeaderLabels({tr("Where"), tr("What"), tr("Change")});
    m_references->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_preview = new WizardPreview(split);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);
    setPage(ReferencesPage, refs);
}

void OffboardWizard::setDeveloper(const QString &key)
{
    m_developer->setCurrentIndex(m_developer->findData(key));
}

QString OffboardWizard::developer() const
{
    // The typed text when it names an entry exactly ("key" or the full item text).
    const int typed = m_developer->findText(m_developer->currentText());
    if (typed >= 0)
        return m_developer->itemData(typed).toString();
    const int byKey = m_developer->findData(m_developer->currentText().trimmed());
    if (byKey >= 0)
        return m_developer->itemData(byKey).toString();
    return m_developer->currentData().toString();
}

void OffboardWizard::prepareReferences()
{
    m_references->clear();
    const QString key = developer();
    auto plan = m_planner(key);
    if (!plan) {
        m_plan.reset();
        m_summary->setText(plan.error().message);
        m_preview->setError(QString());
        static_cast<ReferencesPageWidget *>(page(ReferencesPage))->changed();
        return;
    }
    m_plan = *plan;
    m_summary->setText(tr("%n place(s) name %1.", nullptr, int(plan->references.size())).arg(key));
    for (const platform::DeveloperReference &r : plan->references) {
        auto *item = new QTreeWidgetItem(m_references);
        item->setText(0, QStringLiteral("%1:%2").arg(r.display).arg(r.line));
        item->setText(1, r.what);
        item->setText(2, r.action);
    }
    m_preview->setPlan(plan->plan);
    static_cast<ReferencesPageWidget *>(page(ReferencesPage))->changed();
}

} // namespace kanri::ui
