#pragma once

#include "ui/widgets/keyvalueconfig.h"
#include "ui/widgets/keyvaluetext.h"
#include "ui/widgets/specfieldeditor.h"

#include <QList>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QToolButton;
class QVBoxLayout;

// Rows of key and value, for hyperparameters, environment variables and tags; each use brings its own limits.
// With value types on, each row has a type (string, integer, float, boolean, JSON): the value is checked
// as the user types and written as the string the API needs. Paste key=value lines or a JSON object to
// fill it. Duplicate keys, entries over the limit and values that break the limits are marked in place.
//
// Children, per row n (from 0): "key_n", "type_n", "value_n", "remove_n"; and "addEntry", "pasteEntries",
// "entryCount", "tableProblems", "pasteStatus".
class KeyValueTable : public SpecFieldEditor
{
    Q_OBJECT

public:
    using Config = KeyValueConfig;
    using Shape = KeyValueConfig::Shape;

    explicit KeyValueTable(const Config &config, const QString &pathPrefix, QWidget *parent = nullptr);

    const Config &config() const { return m_config; }

    int rowCount() const { return int(m_rows.size()); }
    QString key(int row) const;
    QString value(int row) const;
    KeyValueText::ValueType valueType(int row) const;
    // Appends a row; the type is guessed from value when types are on and none is given. Does not emit
    // changed().
    void appendRow(
        const QString &key, const QString &value, std::optional<KeyValueText::ValueType> type = std::nullopt);

    // Fills the table from pasted text (see KeyValueText::parse): keys already present get the new value,
    // others are appended. Returns how many entries were taken; emits changed() when any were.
    int pasteText(const QString &text);

    QJsonValue toJson() const override;
    void setJson(const QJsonValue &value) override;
    void showDiagnostics(const Diagnostics &diagnostics) override;
    bool focusPath(const QString &path) override;
    Diagnostics inputDiagnostics() const override;

protected:
    // Ctrl+V of several lines or a JSON object in a key field fills the table, as the Paste button does.
    bool eventFilter(QObject *watched, QEvent *event) override;

public slots:
    // Adds an empty row and focuses its key.
    void addRow();
    void removeRow(int row);
    void pasteFromClipboard();

private:
    struct Row
    {
        QWidget *container = nullptr;
        QLineEdit *key = nullptr;
        QComboBox *type = nullptr;
        QLineEdit *value = nullptr;
        QToolButton *remove = nullptr;
    };
    struct RowMarks
    {
        Diagnostics key;
        Diagnostics value;
    };

    Row createRow();
    void clearRows();
    bool isBlank(int row) const;
    // Row index of each entry toJson() writes (blank rows are skipped), so paths like Tags[2] find their row.
    QList<int> entryRows() const;
    int rowOfEntry(int entry) const;
    QList<int> rowsWithKey(const QString &key) const;
    KeyValueText::Checked checkedValue(int row) const;
    QList<RowMarks> localMarks() const;
    void refresh();
    void renumberRows();
    void updateTabOrder();
    void userEdited();

    Config m_config;
    QList<Row> m_rows;
    QWidget *m_header;
    QVBoxLayout *m_rowsLayout;
    QLabel *m_emptyLabel;
    QPushButton *m_addButton;
    QPushButton *m_pasteButton;
    QLabel *m_count;
    QLabel *m_problems;
    QLabel *m_pasteStatus;
    Diagnostics m_diagnostics; // from the validator, paths relative to pathPrefix()
};
