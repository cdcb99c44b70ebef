#pragma once

#include <QString>

// What one use of KeyValueTable accepts: its wire shape and the API's limits, which the table checks as
// the user types.
struct KeyValueConfig
{
    enum class Shape {
        Map, // {"key": "value", ...}: HyperParameters, Environment
        TagList, // [{"Key": "k", "Value": "v"}, ...]: Tags
    };

    Shape shape = Shape::Map;
    int maxEntries = 100;
    int minKeyLength = 0;
    int maxKeyLength = 256;
    int maxValueLength = 2500;
    QString keyPattern; // matched against the whole key; empty accepts anything
    QString keyPatternHint; // translated: how to explain a key that does not match
    QString valuePattern;
    QString valuePatternHint;
    bool valueTypes = false; // the type column (string, integer, float, boolean, JSON)
    QString noun; // translated, plural: "hyperparameters"
    QString keyPlaceholder;
    QString valuePlaceholder;

    // The API's limits for each use (sagemaker-api-constraints.md).
    static KeyValueConfig hyperParameters(); // HyperParameters: 100 entries, key 256, value 2500, typed
    static KeyValueConfig
    trainingEnvironment(); // CreateTrainingJob Environment: 100, 512/512, variable names
    static KeyValueConfig containerEnvironment(); // a model container's Environment: 100, 1024/1024
    static KeyValueConfig tags(); // Tags: 50, key 1-128, value 0-256, the tag character set
};
