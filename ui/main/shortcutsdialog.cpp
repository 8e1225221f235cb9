#include "ui/main/shortcutsdialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QSet>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace kanri::ui {

namespace {

// An action's text as a person reads it: without the mnemonic marks and the trailing "…".
QString plainText(const QAction *action)
{
    QString text = action->text();
    text.replace(QLatin1String("&&"), QStringLiteral("\x01"));
    text.remove(QLatin1Char('&'));
    text.replace(QStringLiteral("\x01"), QStringLiteral("&"));
    if (text.endsWith(QChar(0x2026)))
        text.chop(1);
    return text.trimmed();
}

void collectMenu(const QMenu *menu, const QString &path, QList<ShortcutEntry> &out,
                 QSet<const QAction *> &seen)
{
    for (QAction *action : menu->actions()) {
        if (action->isSeparator() || seen.contains(action))
            continue;
        seen.insert(action);
        const QString name = path + QStringLiteral(" ▸ ") + plainText(action);
        if (QMenu *sub = action->menu())
            collectMenu(sub, name, out, seen);
        else if (!action->shortcuts().isEmpty())
            out << ShortcutEntry{name, action->shortcuts()};
    }
}

} // namespace

QList<ShortcutEntry> windowShortcuts(const QMainWindow *window)
{
    QList<ShortcutEntry> out;
    QSet<const QAction *> seen;
    for (QAction *top : window->menuBar()->actions()) {
        if (QMenu *menu = top->menu())
            collectMenu(menu, plainText(top), out, seen);
    }
    for (const QAction *action : window->findChildren<QAction *>()) {
        if (!seen.contains(action) && !action->shortcuts().isEmpty()) {
            seen.insert(action);
            out << ShortcutEntry{plainText(action), action->shortcuts()};
        }
    }
    return out;
}

ShortcutsDialog::ShortcutsDialog(const QList<ShortcutEntry> &entries, QWidget *parent)
    : QDialog(parent)
    , m_list(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard Shortcuts"));
    resize(520, 560);
    m_list->setColumnCount(2);
    m_list->setHeaderLabels({tr("Action"), tr("Shortcut")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->header()->setStretchLastSection(false);
    for (const ShortcutEntry &entry : entries) {
        QStringList keys;
        for (const QKeySequence &k : entry.keys)
            keys << k.toString(QKeySequence::NativeText);
        auto *item = new QTreeWidgetItem(m_list, {entry.action, keys.join(QStringLiteral(", "))});
        item->setToolTip(0, entry.action);
    }
    m_list->resizeColumnToContents(1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_list);
    layout->addWidget(buttons);
}

} // namespace kanri::ui
