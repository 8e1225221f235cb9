#include "ui/main/tableview.h"

#include <QFocusEvent>
#include <QKeyEvent>

namespace kanri::ui {

namespace {

// A key that is (or would be) a shortcut: a combination with Ctrl, Alt or Meta, or a function
// key other than F2 (the edit key).
bool isShortcutKey(const QKeyEvent *event)
{
    if (event->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier))
        return true;
    const int key = event->key();
    return key >= Qt::Key_F1 && key <= Qt::Key_F35 && key != Qt::Key_F2;
}

bool isNavigationKey(const QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Up:
    case Qt::Key_Down:
    case Qt::Key_Left:
    case Qt::Key_Right:
    case Qt::Key_PageUp:
    case Qt::Key_PageDown:
    case Qt::Key_Home:
    case Qt::Key_End:
    case Qt::Key_Tab:
    case Qt::Key_Backtab:
        return true;
    default:
        return false;
    }
}

} // namespace

TableView::TableView(QWidget *parent)
    : QTableView(parent)
{
    setEditTriggers(DoubleClicked | EditKeyPressed | AnyKeyPressed);
}

bool TableView::edit(const QModelIndex &index, EditTrigger trigger, QEvent *event)
{
    if (trigger == AnyKeyPressed && !m_typingEdits)
        return false; // QAbstractItemView searches the rows with the text instead
    return QTableView::edit(index, trigger, event);
}

bool TableView::event(QEvent *event)
{
    // Every key press is offered as a possible shortcut first; a shortcut that matches never
    // arrives as a key press.
    if (event->type() == QEvent::ShortcutOverride && isShortcutKey(static_cast<QKeyEvent *>(event)))
        m_typingEdits = false;
    return QTableView::event(event);
}

void TableView::keyPressEvent(QKeyEvent *event)
{
    if (isShortcutKey(event)) {
        m_typingEdits = false;
    } else if (isNavigationKey(event)) {
        m_typingEdits = true;
    }
    QTableView::keyPressEvent(event);
}

void TableView::mousePressEvent(QMouseEvent *event)
{
    m_typingEdits = true;
    QTableView::mousePressEvent(event);
}

void TableView::focusInEvent(QFocusEvent *event)
{
    if (event->reason() == Qt::TabFocusReason || event->reason() == Qt::BacktabFocusReason)
        m_typingEdits = true;
    QTableView::focusInEvent(event);
}

} // namespace kanri::ui
