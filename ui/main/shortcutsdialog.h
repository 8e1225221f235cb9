#pragma once

#include <QDialog>
#include <QKeySequence>
#include <QList>

class QMainWindow;
class QTreeWidget;

namespace kanri::ui {

struct ShortcutEntry
{
    QString action; // "Repository ▸ Push", as the menus name it
    QList<QKeySequence> keys;
};

// Every action of the window that has a shortcut: those in its menu bar first, in menu order
// and named by their menu path, then the others (tool bars, panels) by their text.
QList<ShortcutEntry> windowShortcuts(const QMainWindow *window);

// Help ▸ Keyboard Shortcuts: the list above, made when it opens.
class ShortcutsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ShortcutsDialog(const QList<ShortcutEntry> &entries, QWidget *parent = nullptr);

    QTreeWidget *list() const { return m_list; }

private:
    QTreeWidget *m_list;
};

} // namespace kanri::ui
