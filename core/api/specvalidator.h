#pragma once

#include "core/api/diagnostic.h"
#include "core/api/speckind.h"

#include <QJsonObject>

// Validates a spec against its create request: the constraints walker over the whole document, then the
// cross-field rules. Where a rule reports an error at a path, the walker's generic pattern error at that
// path is dropped (the rule says the same thing more precisely). Diagnostics come in document order, the
// rules' after the walker's.
Diagnostics validateSpec(SpecKind kind, const QJsonObject &spec);
