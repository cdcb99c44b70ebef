#pragma once

#include "core/api/diagnostic.h"
#include "core/api/speckind.h"

#include <QJsonObject>
#include <QSet>

class FieldBindings;

// What a create form shows about its document, from the core validator and the widgets' own checks.
namespace FormDiagnostics {

// Every diagnostic of document, in reading order (the order of the fields that own them; what no field
// shows last): the validator's, with its generic pattern message replaced by the field's hint and left out
// where a widget says the same more precisely (or where a rule about the enclosing structure says more
// than a list's "0 entries"), then the widgets' own.
Diagnostics collect(SpecKind kind, const QJsonObject &document, const FieldBindings &fields);

// The diagnostics to mark on the fields: those about what is missing ("required", empty lists, ...) only on
// fields the user has left (fieldsLeft) unless markEverything; everything else as it comes.
Diagnostics marks(const Diagnostics &diagnostics, const FieldBindings &fields, const QSet<int> &fieldsLeft,
    bool markEverything);

} // namespace FormDiagnostics
