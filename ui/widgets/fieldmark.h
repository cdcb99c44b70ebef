#pragma once

#include "core/api/diagnostic.h"

#include <QColor>
#include <QIcon>
#include <QString>
#include <utility>

class QWidget;

// How every editor widget shows diagnostics on one of its fields: a tinted background, an icon inside line
// edits, and the messages as the tooltip (the field's own tooltip stays underneath them).
namespace FieldMark {

QIcon icon(Diagnostic::Severity severity);
// A transparent icon of the same size, so unmarked list rows line up with marked ones.
QIcon blankIcon();
// Text colour for list and table items that carry a mark.
QColor textColor(Diagnostic::Severity severity);
Diagnostic::Severity worst(const Diagnostics &diagnostics);
// The validator writes messages as clauses ("is required"); shown alone they start with a capital.
QString sentence(const QString &message);
// One line per message, errors first.
QString messageText(const Diagnostics &diagnostics);

// Rich text for the label beside a single field: text (plain), then the messages in their severity's colour.
QString annotatedHtml(const QString &text, const Diagnostics &diagnostics);

// A list of messages for a label beside a group of fields: each line with its severity icon and, when
// given, where it points ("Row 2", "Subnet 3").
QString problemListHtml(const QList<std::pair<QString, Diagnostic>> &problems);

// Marks field with diagnostics; an empty list removes the mark.
void mark(QWidget *field, const Diagnostics &diagnostics);
void clear(QWidget *field);
bool isMarked(const QWidget *field);

} // namespace FieldMark
