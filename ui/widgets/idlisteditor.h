#pragma once

#include "core/api/diagnostic.h"

#include <QWidget>
#include <optional>

class QCompleter;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

// One list of AWS resource IDs (security groups or subnets) inside VpcEditor: add, remove, edit in place,
// paste many at once; IDs that are malformed, repeated, over the limit or unknown to the account are marked
// on their row with an icon and a tooltip that says why.
//
// Children, with name "securityGroup" for example: "securityGroupList", "securityGroupInput",
// "addSecurityGroup", "removeSecurityGroup", "pasteSecurityGroups", "securityGroupCount",
// "securityGroupProblems".
class IdListEditor : public QWidget
{
    Q_OBJECT

public:
    struct Config
    {
        QString name; // "securityGroup": the stem of the children's object names
        QString title; // translated, "Security groups"
        QString noun; // translated, "security group"
        QString idPrefix; // "sg-": real IDs are this and 8 or 17 lowercase hex digits
        int maxCount = 5;
    };

    explicit IdListEditor(const Config &config, QWidget *parent = nullptr);

    QStringList ids() const;
    // Does not emit changed().
    void setIds(const QStringList &ids);
    // Adds every ID in text (separated by commas, semicolons, spaces or newlines); returns how many.
    int addIds(const QString &text);
    static QStringList splitIds(const QString &text);

    // The IDs that exist in the account; the others get a warning. Nothing: not known, no warning.
    void setKnownIds(const std::optional<QStringList> &ids);

    // What the widget sees on its own, per ID (code "malformedId", "duplicateId", "pattern", "maxLength",
    // "maxCount", "notInAccount"); paths are empty.
    QList<Diagnostics> localProblems() const;
    // The validator's diagnostics: perId[i] for ids()[i], general for the list as a whole.
    void setDiagnostics(const QList<Diagnostics> &perId, const Diagnostics &general);

    void focusId(int index);
    void focusInput();
    // For VpcEditor's tab order: the first and last child in the chain.
    QWidget *firstInTabOrder() const;
    QWidget *lastInTabOrder() const;

signals:
    void changed();

private:
    void addFromInput();
    void removeSelected();
    void pasteFromClipboard();
    void refresh();

    Config m_config;
    QLabel *m_title;
    QLabel *m_count;
    QListWidget *m_list;
    QLineEdit *m_input;
    QPushButton *m_add;
    QPushButton *m_remove;
    QPushButton *m_paste;
    QLabel *m_problems;
    QCompleter *m_completer = nullptr;
    std::optional<QStringList> m_knownIds;
    QList<Diagnostics> m_diagnosticsPerId;
    Diagnostics m_generalDiagnostics;
    bool m_refreshing = false;
};
