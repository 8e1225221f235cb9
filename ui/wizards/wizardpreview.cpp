#include "ui/wizards/wizardpreview.h"

#include "ui/diff/diffhighlighter.h"
#include "ui/diff/tfimpactview.h"

#include <QFontDatabase>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QVBoxLayout>

namespace kanri::ui {

WizardPreview::WizardPreview(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_notes = new QLabel(this);
    m_notes->setWordWrap(true);
    m_notes->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_notes);
    m_tfImpact = new TfImpactView(this);
    layout->addWidget(m_tfImpact);
    auto *split = new QSplitter(Qt::Horizontal, this);
    m_files = new QListWidget(split);
    m_diff = new QPlainTextEdit(split);
    m_diff->setReadOnly(true);
    m_diff->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_diff->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    new DiffHighlighter(m_diff->document());
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    layout->addWidget(split, 1);
    connect(m_files, &QListWidget::currentRowChanged, this, &WizardPreview::showFile);
}

void WizardPreview::setPlan(const platform::WizardPlan &plan)
{
    m_plan = plan;
    m_notes->setText(plan.notes.join(QLatin1Char('\n')));
    m_notes->setVisible(!plan.notes.isEmpty());
    m_files->clear();
    for (const platform::PlannedFile &f : plan.files)
        m_files->addItem((f.isNew() ? tr("new      ") : tr("changed  ")) + f.display);
    if (!plan.files.isEmpty())
        m_files->setCurrentRow(0);
    else
        m_diff->clear();
    Q_EMIT planShown(plan);
}

void WizardPreview::setError(const QString &message)
{
    m_plan = {};
    m_files->clear();
    m_notes->setText(message);
    m_notes->setVisible(true);
    m_diff->clear();
    m_tfImpact->clear();
}

void WizardPreview::showFile(int row)
{
    if (row < 0 || row >= m_plan.files.size()) {
        m_diff->clear();
        return;
    }
    m_diff->setPlainText(QString::fromUtf8(platform::planDiff(m_plan.files.at(row))));
}

} // namespace kanri::ui
