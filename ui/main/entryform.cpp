#include "ui/main/entryform.h"

#include <QAbstractItemModel>
#include <QCheckBox>
#include <QDoubleValidator>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace kanri::ui {

EntryForm::EntryForm(int typeRole, int requiredRole, QWidget *parent)
    : QWidget(parent)
    , m_typeRole(typeRole)
    , m_requiredRole(requiredRole)
    , m_title(new QLabel)
    , m_form(new QFormLayout)
{
    m_title->setTextFormat(Qt::PlainText);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addLayout(m_form);
    layout->addStretch(1);
    setAccessibleName(tr("Entry form"));
    rebuild();
}

void EntryForm::setModel(QAbstractItemModel *model)
{
    if (m_model)
        m_model->disconnect(this);
    m_model = model;
    m_row = QPersistentModelIndex();
    if (model) {
        connect(model, &QAbstractItemModel::dataChanged, this, &EntryForm::refresh);
        connect(model, &QAbstractItemModel::modelReset, this, &EntryForm::rebuild);
        connect(model, &QAbstractItemModel::headerDataChanged, this, &EntryForm::rebuild);
        connect(model, &QAbstractItemModel::columnsInserted, this, &EntryForm::rebuild);
        connect(model, &QAbstractItemModel::columnsRemoved, this, &EntryForm::rebuild);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &EntryForm::refresh);
    }
    rebuild();
}

void EntryForm::setRow(const QModelIndex &index)
{
    m_row = index.isValid() && index.model() == m_model
                ? QPersistentModelIndex(index.siblingAtColumn(0))
                : QPersistentModelIndex();
    rebuild();
}

QWidget *EntryForm::editor(int column) const
{
    return m_editors.value(column);
}

void EntryForm::rebuild()
{
    while (m_form->rowCount() > 0)
        m_form->removeRow(0);
    m_editors.clear();
    m_types.clear();
    if (!m_model || !m_row.isValid()) {
        m_title->setText(tr("Select an entry to edit it here."));
        return;
    }
    for (int c = 0; c < m_model->columnCount(); ++c) {
        const QModelIndex index = m_model->index(m_row.row(), c);
        const QString type = index.data(m_typeRole).toString();
        QString label = m_model->headerData(c, Qt::Horizontal).toString();
        if (index.data(m_requiredRole).toBool())
            label += QStringLiteral(" *");
        QWidget *editor = nullptr;
        if (type == QLatin1String("expression")) {
            // HCL source text (a reference, a call...), whatever the field's type: never a
            // check box, never quoted
            auto *line = new QLineEdit;
            QFont italic = line->font();
            italic.setItalic(true);
            line->setFont(italic);
            line->setPlaceholderText(tr("HCL expression"));
            connect(line, &QLineEdit::editingFinished, this, [this, c] { commit(c); });
            editor = line;
        } else if (type == QLatin1String("bool")) {
            auto *box = new QCheckBox;
            connect(box, &QCheckBox::toggled, this, [this, c] { commit(c); });
            editor = box;
        } else {
            auto *line = new QLineEdit;
            if (type == QLatin1String("number"))
                line->setValidator(new QDoubleValidator(line));
            else if (type.startsWith(QLatin1String("list")) ||
                     type.startsWith(QLatin1String("set")))
                line->setPlaceholderText(tr("comma-separated"));
            if (index.data(m_requiredRole).toBool())
                line->setPlaceholderText(tr("required"));
            connect(line, &QLineEdit::editingFinished, this, [this, c] { commit(c); });
            editor = line;
        }
        editor->setAccessibleName(label);
        editor->setEnabled(index.flags() & (Qt::ItemIsEditable | Qt::ItemIsUserCheckable));
        m_form->addRow(label, editor);
        m_editors.append(editor);
        m_types.append(type);
    }
    refresh();
}

void EntryForm::refresh()
{
    if (!m_model || !m_row.isValid()) {
        if (!m_editors.isEmpty())
            rebuild();
        return;
    }
    const int row = m_row.row();
    // A cell that became an expression (or stopped being one) needs another kind of editor.
    for (int c = 0; c < m_types.size(); ++c) {
        if (m_model->index(row, c).data(m_typeRole).toString() != m_types.at(c)) {
            // later: this may run inside a signal of the editor that is about to go
            QMetaObject::invokeMethod(this, &EntryForm::rebuild, Qt::QueuedConnection);
            return;
        }
    }
    m_refreshing = true;
    m_title->setText(m_model->index(row, 0).data().toString());
    for (int c = 0; c < m_editors.size(); ++c) {
        const QModelIndex index = m_model->index(row, c);
        if (auto *box = qobject_cast<QCheckBox *>(m_editors.at(c))) {
            box->setChecked(index.data(Qt::CheckStateRole).toInt() == Qt::Checked);
        } else if (auto *line = qobject_cast<QLineEdit *>(m_editors.at(c))) {
            const QString text = index.data(Qt::EditRole).toString();
            if (line->text() != text)
                line->setText(text);
            line->setToolTip(index.data(Qt::ToolTipRole).toString());
        }
    }
    m_refreshing = false;
}

void EntryForm::commit(int column)
{
    if (m_refreshing || !m_model || !m_row.isValid())
        return;
    const QModelIndex index = m_model->index(m_row.row(), column);
    if (auto *box = qobject_cast<QCheckBox *>(m_editors.value(column))) {
        const int state = box->isChecked() ? Qt::Checked : Qt::Unchecked;
        if (index.data(Qt::CheckStateRole).toInt() != state &&
            !m_model->setData(index, state, Qt::CheckStateRole))
            refresh(); // refused: show what the model has
    } else if (auto *line = qobject_cast<QLineEdit *>(m_editors.value(column))) {
        if (index.data(Qt::EditRole).toString() != line->text() &&
            !m_model->setData(index, line->text(), Qt::EditRole))
            line->setStyleSheet(QStringLiteral("QLineEdit { border: 1px solid #c33; }"));
        else
            line->setStyleSheet({});
    }
}

} // namespace kanri::ui
