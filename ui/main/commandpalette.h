#pragma once

#include "items/palettemodel.h"

#include <QFrame>
#include <QPointer>

class QLabel;
class QLineEdit;
class QListView;

namespace kanri::ui {

// The command palette (Ctrl+K; Ctrl+P for files only), as Qt Creator's locator: a line edit
// over a ranked list, floating at the top of the window it belongs to. Typing filters the
// list (items::PaletteModel); Up, Down, Page Up and Page Down move in it while the focus stays
// in the line edit; Enter or a click picks an entry; Esc, or the focus going elsewhere, closes
// it. Closing by Esc or by picking gives the focus back to the widget that had it.
// It shows what it is given: the window collects the entries.
class CommandPalette : public QFrame
{
    Q_OBJECT

public:
    explicit CommandPalette(QWidget *window);

    void open(QList<items::PaletteEntry> entries, items::PaletteModel::Scope scope);
    // Hides the palette; with ReturnFocus::Yes, the focus goes back where it was at open().
    enum class ReturnFocus { No, Yes };
    void dismiss(ReturnFocus returnFocus = ReturnFocus::Yes);

    items::PaletteModel *model() const { return m_model; }
    QLineEdit *lineEdit() const { return m_edit; }
    QListView *list() const { return m_list; }
    QLabel *noMatchesLabel() const { return m_noMatches; }

Q_SIGNALS:
    // An entry was picked; the palette is closed and the focus given back by then.
    void activated(const kanri::items::PaletteEntry &entry);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void place();
    void patternChanged(const QString &text);
    void activate(const QModelIndex &index);
    void focusMoved(QWidget *now);

    items::PaletteModel *m_model = nullptr;
    QLineEdit *m_edit = nullptr;
    QListView *m_list = nullptr;
    QLabel *m_noMatches = nullptr;
    QPointer<QWidget> m_returnFocus;
};

} // namespace kanri::ui
