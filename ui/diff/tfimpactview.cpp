#include "ui/diff/tfimpactview.h"

#include "platform/tfimpactlive.h"
#include "ui/theme/theme.h"

#include <QEvent>
#include <QFontDatabase>
#include <QPlainTextEdit>
#include <QSyntaxHighlighter>
#include <QToolButton>
#include <QVBoxLayout>

namespace kanri::ui {

namespace {

using terraform::InstanceChange;

// + lines on the added background, - on the removed one, ~ and -> in the hunk colour, the
// notes muted; the colours of the theme in use when a line is painted.
class ImpactHighlighter : public QSyntaxHighlighter
{
public:
    using QSyntaxHighlighter::QSyntaxHighlighter;

protected:
    void highlightBlock(const QString &text) override
    {
        const ThemeColours &c = currentThemeColours();
        QTextCharFormat f;
        const QString t = text.trimmed();
        if (previousBlockState() == 1 || t.startsWith(QLatin1Char('#'))) {
            f.setForeground(c.mutedText);
            setCurrentBlockState(1); // the notes run to the end
        } else if (t.startsWith(QLatin1String("+ "))) {
            f.setBackground(c.addedBackground);
        } else if (t.startsWith(QLatin1String("- "))) {
            f.setBackground(c.removedBackground);
        } else if (t.startsWith(QLatin1String("~ ")) || t.startsWith(QLatin1String("-> "))) {
            f.setForeground(c.hunkHeader);
        } else {
            return;
        }
        setFormat(0, int(text.size()), f);
    }
};

QString sign(InstanceChange::Kind kind)
{
    switch (kind) {
    case InstanceChange::Kind::Add:
        return QStringLiteral("+ ");
    case InstanceChange::Kind::Remove:
        return QStringLiteral("- ");
    case InstanceChange::Kind::Move:
        return QStringLiteral("-> ");
    case InstanceChange::Kind::Update:
        return QStringLiteral("~ ");
    }
    return {};
}

QString toggleTip()
{
    return TfImpactView::tr("Show or hide the Terraform instances this change adds, removes "
                            "and updates");
}

} // namespace

TfImpactView::TfImpactView(QWidget *parent)
    : QWidget(parent)
    , m_toggle(new QToolButton)
    , m_details(new QPlainTextEdit)
{
    m_toggle->setCheckable(true);
    m_toggle->setAutoRaise(true);
    m_toggle->setArrowType(Qt::RightArrow);
    m_toggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toggle->setFocusPolicy(Qt::StrongFocus);
    m_toggle->setAccessibleName(tr("Terraform impact"));
    m_toggle->setToolTip(toggleTip());
    m_details->setReadOnly(true);
    m_details->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_details->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_details->setAccessibleName(tr("Terraform instances"));
    m_details->setVisible(false);
    // A few instances in view however small the dock, never more than a screenful of them.
    const int line = m_details->fontMetrics().lineSpacing();
    m_details->setMinimumHeight(line * 5);
    m_details->setMaximumHeight(line * 14);
    m_highlighter = new ImpactHighlighter(m_details->document());
    connect(m_toggle, &QToolButton::toggled, this, &TfImpactView::setExpanded);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_toggle, 0, Qt::AlignLeft);
    layout->addWidget(m_details);
    setVisible(false);
}

QString TfImpactView::listText(const terraform::Impact &impact)
{
    QStringList lines;
    for (const InstanceChange &c : impact.changes) {
        if (c.kind == InstanceChange::Kind::Move)
            lines << sign(c.kind) + tr("%1 moved to %2").arg(c.previousAddress, c.address);
        else
            lines << sign(c.kind) + c.address;
        for (const terraform::ArgumentChange &a : c.arguments) {
            switch (c.kind) {
            case InstanceChange::Kind::Add:
                lines << QStringLiteral("      %1 = %2").arg(a.name, a.after);
                break;
            case InstanceChange::Kind::Remove:
                lines << QStringLiteral("      %1 = %2").arg(a.name, a.before);
                break;
            case InstanceChange::Kind::Update:
            case InstanceChange::Kind::Move:
                lines << QStringLiteral("    ~ %1 = %2 -> %3").arg(a.name, a.before, a.after);
                break;
            }
        }
    }
    if (!impact.notEvaluated.isEmpty()) {
        lines << QStringLiteral("# ") + tr("Not evaluated offline (their instances are not "
                                           "listed):");
        for (const QString &note : impact.notEvaluated)
            lines << QStringLiteral("#   ") + note;
    }
    return lines.join(QLatin1Char('\n'));
}

void TfImpactView::setImpact(const QString &label, const terraform::Impact &impact)
{
    m_failed = false;
    QString summary = terraform::ImpactText::summary(impact, label);
    if (!impact.notEvaluated.isEmpty())
        summary += QStringLiteral(" · ") +
                   tr("%n not evaluated", nullptr, int(impact.notEvaluated.size()));
    m_toggle->setText(summary);
    m_toggle->setToolTip(toggleTip());
    m_details->setPlainText(listText(impact));
    m_toggle->setEnabled(true);
    updateStyle();
    setVisible(true);
}

void TfImpactView::setError(const QString &label, const QString &message)
{
    m_failed = true;
    // The place first: a narrow dock elides the end of the line, never the file:line:col.
    const QString text =
        tr("%1: %2 (the Terraform files could not be evaluated)").arg(label, message);
    m_toggle->setText(text);
    m_toggle->setToolTip(text);
    m_details->setPlainText(message);
    updateStyle();
    setVisible(true);
}

void TfImpactView::setBusy(const QString &label)
{
    m_failed = false;
    m_toggle->setText(tr("%1: evaluating the Terraform instances…").arg(label));
    updateStyle();
    setVisible(true);
}

void TfImpactView::clear()
{
    m_failed = false;
    m_toggle->setText({});
    m_details->clear();
    setVisible(false);
}

void TfImpactView::setOutcome(const QString &label,
                              const Result<std::optional<terraform::Impact>> &outcome)
{
    if (!outcome)
        setError(label, outcome.error().toString());
    else if (!*outcome)
        clear();
    else
        setImpact(label, **outcome);
}

void TfImpactView::follow(platform::TfImpactLive *live)
{
    using State = platform::TfImpactLive::State;
    const auto show = [this, live] {
        switch (live->state()) {
        case State::Unchanged:
            clear();
            break;
        case State::Ready:
            setImpact(live->label(), live->impact());
            break;
        case State::Failed:
            setError(live->label(), live->error());
            break;
        }
    };
    connect(live, &platform::TfImpactLive::updated, this, show);
    show();
}

void TfImpactView::setExpanded(bool expanded)
{
    if (m_toggle->isChecked() != expanded)
        m_toggle->setChecked(expanded); // comes back here through toggled()
    m_toggle->setArrowType(expanded ? Qt::DownArrow : Qt::RightArrow);
    m_details->setVisible(expanded);
}

bool TfImpactView::isExpanded() const
{
    return m_toggle->isChecked();
}

QString TfImpactView::summaryText() const
{
    return m_toggle->text();
}

QString TfImpactView::detailsText() const
{
    return m_details->toPlainText();
}

void TfImpactView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange) {
        updateStyle();
        m_highlighter->rehighlight();
    }
    QWidget::changeEvent(event);
}

void TfImpactView::updateStyle()
{
    m_toggle->setStyleSheet(m_failed ? messageStyleSheet(MessageKind::Error) : QString());
}

} // namespace kanri::ui
