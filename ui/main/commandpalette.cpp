#include "ui/main/commandpalette.h"

#include <QApplication>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPainter>
#include <QStyledItemDelegate>
#include <QVBoxLayout>

namespace kanri::ui {

namespace {

// One row: the text with its matched characters in bold, the detail in a muted colour after
// it, and what kind of thing it is at the right.
class PaletteDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const QString text = opt.text;
        opt.text.clear();
        const QWidget *widget = opt.widget;
        QStyle *style = widget ? widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

        const bool selected = opt.state & QStyle::State_Selected;
        const QPalette::ColorGroup group =
            opt.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled;
        const QColor fg =
            opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
        QColor muted = fg;
        muted.setAlphaF(0.7f);
        QRect r = opt.rect.adjusted(6, 0, -6, 0);
        painter->save();
        // The kind, right-aligned.
        const QString kind = index.data(items::PaletteModel::KindNameRole).toString();
        painter->setPen(muted);
        painter->setFont(opt.font);
        const int kindWidth = opt.fontMetrics.horizontalAdvance(kind);
        painter->drawText(r, Qt::AlignVCenter | Qt::AlignRight, kind);
        r.setRight(r.right() - kindWidth - 12);
        // The text, matched characters in bold.
        const auto positions = index.data(items::PaletteModel::PositionsRole).value<QList<int>>();
        QFont bold = opt.font;
        bold.setBold(true);
        int x = r.left();
        int i = 0;
        while (i < text.size() && x < r.right()) {
            const bool matched = positions.contains(i);
            int j = i + 1;
            while (j < text.size() && positions.contains(j) == matched)
                ++j;
            const QString run = text.mid(i, j - i);
            const QFont &font = matched ? bold : opt.font;
            painter->setFont(font);
            painter->setPen(fg);
            const QFontMetrics fm(font);
            painter->drawText(QRect(x, r.top(), r.right() - x, r.height()),
                              Qt::AlignVCenter | Qt::AlignLeft, run);
            x += fm.horizontalAdvance(run);
            i = j;
        }
        // The detail (a shortcut, a team, a description), elided to what is left.
        const QString detail = index.data(items::PaletteModel::DetailRole).toString();
        if (!detail.isEmpty() && x + 24 < r.right()) {
            painter->setFont(opt.font);
            painter->setPen(muted);
            const QRect rest(x + 16, r.top(), r.right() - x - 16, r.height());
            painter->drawText(rest, Qt::AlignVCenter | Qt::AlignLeft,
                              opt.fontMetrics.elidedText(detail, Qt::ElideRight, rest.width()));
        }
        painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QSize size = QStyledItemDelegate::sizeHint(option, index);
        size.setHeight(std::max(size.height(), option.fontMetrics.height() + 8));
        return size;
    }
};

} // namespace

CommandPalette::CommandPalette(QWidget *window)
    : QFrame(window)
    , m_model(new items::PaletteModel(this))
    , m_edit(new QLineEdit)
    , m_list(new QListView)
    , m_noMatches(new QLabel(tr("No matches")))
{
    setObjectName(QStringLiteral("CommandPalette"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setAccessibleName(tr("Command palette"));
    m_edit->setObjectName(QStringLiteral("CommandPaletteEdit"));
    m_edit->setClearButtonEnabled(true);
    m_list->setObjectName(QStringLiteral("CommandPaletteList"));
    m_list->setModel(m_model);
    m_list->setItemDelegate(new PaletteDelegate(m_list));
    m_list->setFocusPolicy(Qt::NoFocus); // the keys stay in the line edit
    m_list->setUniformItemSizes(true);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_noMatches->setAlignment(Qt::AlignCenter);
    m_noMatches->setEnabled(false);
    m_noMatches->hide();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(4);
    layout->addWidget(m_edit);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_noMatches, 1);
    hide();

    m_edit->installEventFilter(this);
    window->installEventFilter(this);
    connect(m_edit, &QLineEdit::textChanged, this, &CommandPalette::patternChanged);
    connect(m_list, &QAbstractItemView::clicked, this, &CommandPalette::activate);
    connect(qApp, &QApplication::focusChanged, this,
            [this](QWidget *, QWidget *now) { focusMoved(now); });
}

void CommandPalette::open(QList<items::PaletteEntry> entries, items::PaletteModel::Scope scope)
{
    if (!isVisible()) {
        QWidget *focus = QApplication::focusWidget();
        m_returnFocus = focus && focus->window() == parentWidget()->window() ? focus : nullptr;
    }
    m_model->setScope(scope);
    m_model->setEntries(std::move(entries));
    m_edit->setPlaceholderText(scope == items::PaletteModel::Scope::FilesOnly
                                   ? tr("Type part of a file's path")
                                   : tr("Type a command, service, developer, team, file or rule"));
    m_edit->clear();
    patternChanged(QString());
    place();
    show();
    raise();
    m_edit->setFocus(Qt::PopupFocusReason);
}

void CommandPalette::dismiss(ReturnFocus returnFocus)
{
    if (!isVisible())
        return;
    const QPointer<QWidget> back = m_returnFocus;
    m_returnFocus = nullptr;
    hide();
    if (returnFocus == ReturnFocus::Yes && back)
        back->setFocus(Qt::PopupFocusReason);
}

void CommandPalette::place()
{
    QWidget *window = parentWidget();
    const int width = std::min(760, window->width() - 40);
    const int height = std::min(440, std::max(160, window->height() * 2 / 3));
    setGeometry((window->width() - width) / 2, std::min(48, window->height() / 10), width, height);
}

void CommandPalette::patternChanged(const QString &text)
{
    m_model->setPattern(text);
    const bool any = m_model->rowCount() > 0;
    m_list->setVisible(any);
    m_noMatches->setVisible(!any);
    if (any)
        m_list->setCurrentIndex(m_model->index(0, 0));
}

void CommandPalette::activate(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const items::PaletteEntry entry = m_model->entry(index.row());
    dismiss(ReturnFocus::Yes);
    Q_EMIT activated(entry);
}

void CommandPalette::focusMoved(QWidget *now)
{
    // A click elsewhere in the window (or another window) closes the palette; the focus stays
    // where the user put it.
    if (isVisible() && now && now != this && !isAncestorOf(now))
        dismiss(ReturnFocus::No);
}

bool CommandPalette::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == parentWidget() && event->type() == QEvent::Resize && isVisible()) {
        place();
        return false;
    }
    if (watched != m_edit || event->type() != QEvent::KeyPress)
        return QFrame::eventFilter(watched, event);
    auto *key = static_cast<QKeyEvent *>(event);
    switch (key->key()) {
    case Qt::Key_Escape:
        dismiss(ReturnFocus::Yes);
        return true;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        activate(m_list->currentIndex());
        return true;
    case Qt::Key_Up:
    case Qt::Key_Down:
    case Qt::Key_PageUp:
    case Qt::Key_PageDown:
        // The list moves; the line edit keeps the focus (and the typed text).
        QApplication::sendEvent(m_list, event);
        return true;
    default:
        return QFrame::eventFilter(watched, event);
    }
}

} // namespace kanri::ui
