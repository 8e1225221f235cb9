#include "ui/main/tableview.h"

#include <QFocusEvent>
#include <QHeaderView>
#include <QKeyEvent>
#include <QScrollBar>

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

void TableView::setFirstColumnFrozen(bool frozen)
{
    if (!frozen) {
        delete m_frozen;
        m_frozen = nullptr;
        return;
    }
    if (m_frozen || !model())
        return;
    m_frozen = new QTableView(this);
    m_frozen->setObjectName(QStringLiteral("frozenColumn"));
    m_frozen->setModel(model());
    m_frozen->setSelectionModel(selectionModel());
    m_frozen->setItemDelegate(itemDelegate());
    // It never edits: the delegate's editors are this table's.
    disconnect(itemDelegate(), &QAbstractItemDelegate::commitData, m_frozen, nullptr);
    disconnect(itemDelegate(), &QAbstractItemDelegate::closeEditor, m_frozen, nullptr);
    m_frozen->setFocusPolicy(Qt::NoFocus);
    m_frozen->setEditTriggers(NoEditTriggers);
    m_frozen->setAlternatingRowColors(alternatingRowColors());
    m_frozen->setSelectionBehavior(selectionBehavior());
    m_frozen->setSelectionMode(selectionMode());
    m_frozen->setWordWrap(wordWrap());
    m_frozen->setTextElideMode(textElideMode());
    m_frozen->verticalHeader()->hide();
    m_frozen->verticalHeader()->setDefaultSectionSize(verticalHeader()->defaultSectionSize());
    m_frozen->horizontalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_frozen->horizontalHeader()->setHighlightSections(false);
    m_frozen->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_frozen->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_frozen->setVerticalScrollMode(ScrollPerPixel);
    setVerticalScrollMode(ScrollPerPixel);
    setHorizontalScrollMode(ScrollPerPixel);
    m_frozen->setAccessibleName(accessibleName());
    for (int c = 1; c < model()->columnCount(); ++c)
        m_frozen->setColumnHidden(c, true);
    m_frozen->setColumnWidth(0, columnWidth(0));
    viewport()->stackUnder(m_frozen);

    connect(horizontalHeader(), &QHeaderView::sectionResized, m_frozen,
            [this](int section, int, int size) {
                if (section == 0) {
                    m_frozen->setColumnWidth(0, size);
                    updateFrozenGeometry();
                }
            });
    connect(verticalHeader(), &QHeaderView::sectionResized, m_frozen,
            [this](int section, int, int size) { m_frozen->setRowHeight(section, size); });
    connect(m_frozen->verticalScrollBar(), &QAbstractSlider::valueChanged, verticalScrollBar(),
            &QAbstractSlider::setValue);
    connect(verticalScrollBar(), &QAbstractSlider::valueChanged, m_frozen->verticalScrollBar(),
            &QAbstractSlider::setValue);
    // Columns added later (a reset) stay hidden in the overlay.
    connect(model(), &QAbstractItemModel::columnsInserted, m_frozen, [this] {
        for (int c = 1; c < model()->columnCount(); ++c)
            m_frozen->setColumnHidden(c, true);
    });
    connect(model(), &QAbstractItemModel::modelReset, m_frozen, [this] {
        for (int c = 1; c < model()->columnCount(); ++c)
            m_frozen->setColumnHidden(c, true);
        m_frozen->setColumnWidth(0, columnWidth(0));
    });
    // Sorting by the frozen column from its own header.
    m_frozen->horizontalHeader()->setSortIndicatorShown(isSortingEnabled());
    m_frozen->horizontalHeader()->setSectionsClickable(isSortingEnabled());
    connect(m_frozen->horizontalHeader(), &QHeaderView::sectionClicked, this, [this](int section) {
        const bool ascending = horizontalHeader()->sortIndicatorSection() != section ||
                               horizontalHeader()->sortIndicatorOrder() == Qt::DescendingOrder;
        sortByColumn(section, ascending ? Qt::AscendingOrder : Qt::DescendingOrder);
    });
    connect(horizontalHeader(), &QHeaderView::sortIndicatorChanged, m_frozen,
            [this](int section, Qt::SortOrder order) {
                m_frozen->horizontalHeader()->setSortIndicator(section, order);
            });
    updateFrozenGeometry();
    m_frozen->show();
}

void TableView::resizeEvent(QResizeEvent *event)
{
    QTableView::resizeEvent(event);
    updateFrozenGeometry();
}

void TableView::updateGeometries()
{
    QTableView::updateGeometries();
    updateFrozenGeometry();
}

void TableView::updateFrozenGeometry()
{
    if (!m_frozen)
        return;
    m_frozen->horizontalHeader()->setFixedHeight(horizontalHeader()->height());
    m_frozen->setGeometry(verticalHeader()->width() + frameWidth(), frameWidth(), columnWidth(0),
                          viewport()->height() + horizontalHeader()->height());
}

QModelIndex TableView::moveCursor(CursorAction cursorAction, Qt::KeyboardModifiers modifiers)
{
    const QModelIndex current = QTableView::moveCursor(cursorAction, modifiers);
    // A cell that would end up under the frozen column scrolls out from under it.
    if (m_frozen && cursorAction == MoveLeft && current.column() > 0 &&
        visualRect(current).topLeft().x() < m_frozen->columnWidth(0)) {
        const int shift = visualRect(current).topLeft().x() - m_frozen->columnWidth(0);
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() + shift);
    }
    return current;
}

void TableView::scrollTo(const QModelIndex &index, ScrollHint hint)
{
    // The frozen column is always in view: only the rows scroll for it.
    if (m_frozen && index.column() == 0) {
        const int x = horizontalScrollBar()->value();
        QTableView::scrollTo(index, hint);
        horizontalScrollBar()->setValue(x);
        return;
    }
    QTableView::scrollTo(index, hint);
    if (m_frozen && index.isValid()) {
        const QRect r = visualRect(index);
        if (r.left() < m_frozen->columnWidth(0))
            horizontalScrollBar()->setValue(horizontalScrollBar()->value() + r.left() -
                                            m_frozen->columnWidth(0));
    }
}

} // namespace kanri::ui
