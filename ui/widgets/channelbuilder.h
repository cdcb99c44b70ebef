#pragma once

#include "ui/widgets/specfieldeditor.h"

#include <QJsonObject>
#include <QList>

class ChannelEditor;
class QLabel;
class QListWidget;
class QStackedWidget;
class QToolButton;

// InputDataConfig: the channels in a list on the left (add, duplicate, move up and down, remove; at most 20),
// the selected channel's fields on the right (ChannelEditor). Reads and writes the wire-shape array and keeps
// the members of each channel object it does not show.
//
// Keyboard: in the list, Insert adds, Delete removes, Alt+Up / Alt+Down move the channel. Children:
// "channelList", "addChannel", "duplicateChannel", "moveChannelUp", "moveChannelDown", "removeChannel",
// "channelCount", "channelsProblems", "noChannelHint", and ChannelEditor's fields.
class ChannelBuilder : public SpecFieldEditor
{
    Q_OBJECT

public:
    static constexpr int maxChannels = 20;

    explicit ChannelBuilder(
        const QString &pathPrefix = QStringLiteral("InputDataConfig"), QWidget *parent = nullptr);

    // The algorithm's TrainingInputMode, which channels without their own InputMode read in.
    void setAlgorithmInputMode(const QString &mode);

    int channelCount() const { return int(m_channels.size()); }
    QJsonObject channel(int index) const { return m_channels.value(index); }
    int currentChannel() const;
    void setCurrentChannel(int index);

    QJsonValue toJson() const override; // the array, or Undefined without channels
    void setJson(const QJsonValue &value) override;
    void showDiagnostics(const Diagnostics &diagnostics) override;
    bool focusPath(const QString &path) override;

public slots:
    // Each edits the list and emits changed().
    void addChannel();
    void duplicateChannel();
    void removeChannel();
    void moveChannelUp();
    void moveChannelDown();

private:
    void insertChannel(int index, const QJsonObject &channel);
    void moveChannel(int from, int to);
    QString unusedName(const QString &base) const;
    void updateItem(int index);
    void showCurrent();
    void refreshButtons();
    void refreshDiagnostics();

    QList<QJsonObject> m_channels;
    QString m_algorithmInputMode;
    QList<Diagnostics> m_diagnosticsPerChannel; // paths relative to the channel
    Diagnostics m_generalDiagnostics;

    QListWidget *m_list;
    QToolButton *m_add;
    QToolButton *m_duplicate;
    QToolButton *m_up;
    QToolButton *m_down;
    QToolButton *m_remove;
    QLabel *m_count;
    QLabel *m_problems;
    QStackedWidget *m_stack;
    QLabel *m_emptyHint;
    ChannelEditor *m_editor;
};
