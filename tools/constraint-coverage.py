#!/usr/bin/env python3
"""Counts the field paths of the two create requests the constraints resource checks, by constraint kind.

Reads resources/api/sagemaker-shapes.json (what ShapeWalker applies) and expands CreateTrainingJobRequest and
CreateModelInput into field paths as the reference tables write them: members joined by '.', list elements
as '[]', map keys and values as '{key}' and '{value}'. Every path is type-checked; the other columns count
the paths that carry that constraint.

Usage: tools/constraint-coverage.py [--paths]   (--paths also lists every path with its checks)
"""

import json
import os
import sys

ROOTS = [("CreateTrainingJob", "CreateTrainingJobRequest"), ("CreateModel", "CreateModelInput")]
KINDS = ["type", "required", "length", "count", "value", "pattern", "enum"]


def expand(shapes, name, path, required, out, stack):
    shape = shapes[name]
    checks = {"type"}
    if required:
        checks.add("required")
    bounded = "min" in shape or "max" in shape
    if bounded:
        checks.add({"string": "length", "list": "count", "map": "count"}.get(shape["type"], "value"))
    if "pattern" in shape:
        checks.add("pattern")
    if "enum" in shape:
        checks.add("enum")
    if path:
        out.append((path, shape["type"], checks))
    if name in stack:  # recursive shapes would expand forever; none are reachable today
        return
    stack = stack + [name]
    if shape["type"] == "structure":
        for m in shape["members"]:
            expand(shapes, m["shape"], (path + "." if path else "") + m["name"], m.get("required", False), out, stack)
    elif shape["type"] == "list":
        expand(shapes, shape["member"], path + "[]", False, out, stack)
    elif shape["type"] == "map":
        expand(shapes, shape["key"], path + "{key}", False, out, stack)
        expand(shapes, shape["value"], path + "{value}", False, out, stack)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "..", "resources", "api", "sagemaker-shapes.json"), encoding="utf-8") as f:
        resource = json.load(f)
    shapes = resource["shapes"]
    print(f"constraints resource: API {resource['source']['apiVersion']}, botocore {resource['source']['botocoreVersion']}")
    print(f"{'request':28} {'paths':>5} " + " ".join(f"{k:>8}" for k in KINDS) + f" {'beyond type':>11}")
    for operation, root in ROOTS:
        paths = []
        expand(shapes, root, "", False, paths, [])
        counts = {k: sum(1 for _, _, c in paths if k in c) for k in KINDS}
        beyond = sum(1 for _, _, c in paths if c - {"type"})
        print(f"{root:28} {len(paths):>5} " + " ".join(f"{counts[k]:>8}" for k in KINDS) + f" {beyond:>11}")
        if "--paths" in sys.argv:
            for p, t, c in paths:
                print(f"    {p}  ({t}: {', '.join(k for k in KINDS if k in c)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
