#pragma once

#include "ui/widgets/specfieldeditor.h"

#include <optional>

class QLabel;
class QLineEdit;

// A duration in seconds, typed the way people say it: "90m", "6h", "2d", "1h30m", "1.5h" or plain seconds.
// The result is shown in words beside the field ("1 hour 30 minutes"); text that is not a duration is marked.
class DurationEdit : public SpecFieldEditor
{
    Q_OBJECT

public:
    // pathPrefix is the member this duration is, e.g. "StoppingCondition.MaxRuntimeInSeconds".
    explicit DurationEdit(const QString &pathPrefix = QString(), QWidget *parent = nullptr);

    // Nothing while the field is empty or does not hold a duration.
    std::optional<int> seconds() const;
    // Shows seconds in the shortest form ("1h30m"); nothing empties the field. Does not emit changed().
    void setSeconds(std::optional<int> seconds);
    // Empty counts as acceptable; only text that is not a duration is not.
    bool hasAcceptableInput() const;

    // Accepts units d/h/m/s (also "day", "hours", "min", "sec", ...), largest first, each at most once;
    // a bare number is seconds. Nothing for anything else, for negative values and beyond INT_MAX.
    static std::optional<int> parse(const QString &text);
    static QString toText(int seconds);
    static QString toWords(int seconds);

    QJsonValue toJson() const override;
    void setJson(const QJsonValue &value) override;
    void showDiagnostics(const Diagnostics &diagnostics) override;
    bool focusPath(const QString &path) override;
    Diagnostics inputDiagnostics() const override;

private:
    void updateFeedback();

    QLineEdit *m_input;
    QLabel *m_words;
    Diagnostics m_diagnostics;
};
