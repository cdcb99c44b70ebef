#!/usr/bin/env python3
"""Generates resources/api/sagemaker-shapes.json from botocore's SageMaker service model.

The output holds every shape reachable from the input and output shapes of the operations SageDesk uses,
with exactly the facts the validator and the JSON codec need: type, members in model order with their
required flags, min/max, pattern, enum, list member, map key/value. Documentation is dropped.

Usage:
  tools/gen-shapes.py [--model PATH] [--output PATH]   write the resource
  tools/gen-shapes.py --check [--model PATH] [--output PATH]
      compare the checked-in resource with a fresh generation; exit 0 when equal, 1 when not,
      77 (CTest's skip code) when botocore or the same botocore version is not available.

Standard library only: botocore is located with importlib but never imported.
"""

import argparse
import gzip
import importlib.util
import json
import os
import re
import sys

OPERATIONS = [
    "CreateModel", "DescribeModel", "ListModels", "DeleteModel",
    "CreateTrainingJob", "DescribeTrainingJob", "ListTrainingJobs", "StopTrainingJob", "ListTags",
]
MODEL_RELATIVE = os.path.join("data", "sagemaker", "2017-07-24", "service-2.json.gz")
SKIP = 77


def find_botocore():
    """Returns (package directory, version) of the installed botocore, or (None, None)."""
    spec = importlib.util.find_spec("botocore")
    if spec is None or not spec.submodule_search_locations:
        return None, None
    package_dir = list(spec.submodule_search_locations)[0]
    version = None
    try:
        with open(os.path.join(package_dir, "__init__.py"), encoding="utf-8") as f:
            match = re.search(r"^__version__\s*=\s*['\"]([^'\"]+)['\"]", f.read(), re.M)
            version = match.group(1) if match else None
    except OSError:
        pass
    return package_dir, version


def reachable_shapes(shapes, roots):
    seen = set()
    stack = list(roots)
    while stack:
        name = stack.pop()
        if name in seen:
            continue
        seen.add(name)
        shape = shapes[name]
        for member in shape.get("members", {}).values():
            stack.append(member["shape"])
        for key in ("member", "key", "value"):
            if key in shape:
                stack.append(shape[key]["shape"])
    return seen


def compact_shape(shape):
    out = {"type": shape["type"]}
    if shape["type"] == "structure":
        required = set(shape.get("required", []))
        members = []
        for name, member in shape.get("members", {}).items():  # dict order is the model's order
            entry = {"name": name, "shape": member["shape"]}
            if name in required:
                entry["required"] = True
            members.append(entry)
        out["members"] = members
    for key in ("member", "key", "value"):
        if key in shape:
            out[key] = shape[key]["shape"]
    for key in ("min", "max", "pattern", "enum", "timestampFormat"):
        if key in shape:
            out[key] = shape[key]
    return out


def dumps(value):
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


def render(model, botocore_version):
    shapes = model["shapes"]
    operations = {}
    roots = []
    for op in OPERATIONS:
        entry = {}
        for key in ("input", "output"):
            if key in model["operations"][op]:
                entry[key] = model["operations"][op][key]["shape"]
                roots.append(entry[key])
        operations[op] = entry
    names = sorted(reachable_shapes(shapes, roots))

    metadata = model["metadata"]
    source = {
        "apiVersion": metadata["apiVersion"],
        "uid": metadata.get("uid", ""),
        "protocol": metadata.get("protocol", ""),
        "targetPrefix": metadata.get("targetPrefix", ""),
        "signingName": metadata.get("signingName", ""),
        "botocoreVersion": botocore_version or "",
    }
    # One shape per line, and one member per line inside structures: compact, yet a model update shows up
    # as a readable diff.
    lines = ["{",
             '  "generator": "tools/gen-shapes.py",',
             '  "source": ' + dumps(source) + ",",
             '  "operations": {']
    lines.append(",\n".join("    " + dumps(op) + ": " + dumps(operations[op]) for op in OPERATIONS))
    lines.append("  },")
    lines.append('  "shapes": {')
    rendered = []
    for name in names:
        shape = compact_shape(shapes[name])
        if shape["type"] == "structure":
            members = shape.pop("members")
            head = dumps(shape)[:-1]  # drop the closing brace; members follow
            body = ",\n".join("      " + dumps(m) for m in members)
            text = "    " + dumps(name) + ": " + head + ', "members": [\n' + body + "\n    ]}"
            if not members:
                text = "    " + dumps(name) + ": " + head + ', "members": []}'
        else:
            text = "    " + dumps(name) + ": " + dumps(shape)
        rendered.append(text)
    lines.append(",\n".join(rendered))
    lines.append("  }")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", help="path to sagemaker/2017-07-24/service-2.json.gz (default: installed botocore)")
    parser.add_argument("--output", default=os.path.join(here, "..", "resources", "api", "sagemaker-shapes.json"))
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args()

    version = None
    model_path = args.model
    if model_path is None:
        package_dir, version = find_botocore()
        if package_dir is None:
            print("gen-shapes: botocore is not installed; nothing to compare against (skipped)")
            return SKIP if args.check else 2
        model_path = os.path.join(package_dir, MODEL_RELATIVE)
    if not os.path.exists(model_path):
        print(f"gen-shapes: {model_path} does not exist (skipped)")
        return SKIP if args.check else 2

    with gzip.open(model_path, "rt", encoding="utf-8") as f:
        model = json.load(f)
    text = render(model, version)

    if not args.check:
        with open(args.output, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        return 0

    try:
        with open(args.output, encoding="utf-8") as f:
            current = f.read()
    except OSError as e:
        print(f"gen-shapes: cannot read {args.output}: {e}")
        return 1
    recorded = json.loads(current).get("source", {}).get("botocoreVersion", "")
    if version and recorded and version != recorded:
        print(f"gen-shapes: installed botocore is {version}, the resource was generated from {recorded}; "
              "run tools/gen-shapes.py to update it (skipped)")
        return SKIP
    if current != text:
        print(f"gen-shapes: {args.output} differs from a fresh generation; run tools/gen-shapes.py")
        return 1
    print(f"gen-shapes: {args.output} matches botocore {version or '(given model)'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
