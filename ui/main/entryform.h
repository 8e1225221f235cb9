#pragma once

#include <QPersistentModelIndex>
#include <QPointer>
#include <QWidget>

class QAbstractItemModel;
class QFormLayout;
class QLabel;

namespace kanri::ui {

// One entry of a map variable (a developer, a microservice) as a form: a row of a table model
// whose columns are the schema's fields, each with the editor its type asks for — a check box
// for bool, a number field for number, a comma-separated line for lists and sets, a line for
// the rest. Required fields are starred and marked while empty. Edits go back through the
// model (so they are undo commands like a table edit); the form follows the model.
//
// The model gives each cell's type with `typeRole` ("bool", "number", "string",
// "list(string)", ..., or "expression" for a cell holding HCL source text, which gets a line
// edit in italics whatever the column's type) and whether it is required with `requiredRole`.
class EntryForm : public QWidget
{
    Q_OBJECT

public:
    EntryForm(int typeRole, int requiredRole, QWidget *parent = nullptr);

    void setModel(QAbstractItemModel *model);
    // The row shown (an index of any column of it); an invalid index clears the form.
    void setRow(const QModelIndex &index);
    int row() const { return m_row.isValid() ? m_row.row() : -1; }

    // The editor of a column, for tests.
    QWidget *editor(int column) const;

private:
    void rebuild();
    void refresh();
    void commit(int column);

    int m_typeRole;
    int m_requiredRole;
    QPointer<QAbstractItemModel> m_model;
    QPersistentModelIndex m_row;
    QLabel *m_title;
    QFormLayout *m_form;
    QList<QWidget *> m_editors; // per column; nullptr for none
    QStringList m_types;        // per column: the type each editor was made for
    bool m_refreshing = false;
};

} // namespace kanri::ui
