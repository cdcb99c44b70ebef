#pragma once

#include "core/store/documentkind.h"

#include <QDateTime>
#include <QString>

// An autosaved form document. document is the JSON request text exactly as the form produced it; the store
// never parses or reformats it.
struct Draft
{
    enum class State { Unsent, Submitted };

    QString id; // chosen by the form, e.g. DraftStore::newId()
    DocumentKind kind = DocumentKind::TrainingJob;
    QString title; // the job or model name, for the "restore drafts" list
    QString document;
    QDateTime created; // stamped by the store on the first save
    QDateTime updated; // stamped by the store on every save that changed something
    State state = State::Unsent;
    // For a clone: the request of the job or model it was cloned from (JSON text) and that one's name, so a
    // restored draft's review still lists what changed. Empty for a draft that is not a clone.
    QString original;
    QString originalName;

    friend bool operator==(const Draft &, const Draft &) = default;
};
