#pragma once

#include <QTableView>

namespace kanri::ui {

// A table whose cells start editing when the user types into the selected one, the way a
// spreadsheet does, but only after a deliberate choice of the cell: a click, the arrow or page
// keys, Tab. A key combination with Ctrl, Alt or Meta, or a function key (a shortcut, bound
// or not) stops it until the next such choice, so text typed after a shortcut that did not do
// what the user expected (or that opened nothing) never overwrites a cell; it searches the
// rows instead. Double-click and F2 always edit.
class TableView : public QTableView
{
    Q_OBJECT

public:
    explicit TableView(QWidget *parent = nullptr);
    using QTableView::edit;

    // Keeps the first column in view while the others scroll sideways (Qt's "frozen column"
    // example): an overlay table over it that shares the model, the selection and the delegate
    // and scrolls vertically with this one. Call after the model and the delegate are set.
    void setFirstColumnFrozen(bool frozen);
    QTableView *frozenColumn() const { return m_frozen; }
    void scrollTo(const QModelIndex &index, ScrollHint hint = EnsureVisible) override;

    // Whether typing would start editing the current cell now.
    bool typingEdits() const { return m_typingEdits; }
    bool isEditing() const { return state() == EditingState; }

protected:
    bool edit(const QModelIndex &index, EditTrigger trigger, QEvent *event) override;
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    QModelIndex moveCursor(CursorAction cursorAction, Qt::KeyboardModifiers modifiers) override;
    void updateGeometries() override;

private:
    void updateFrozenGeometry();

    bool m_typingEdits = false;
    QTableView *m_frozen = nullptr;
};

} // namespace kanri::ui
