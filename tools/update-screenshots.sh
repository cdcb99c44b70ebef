#!/usr/bin/env bash
# Regenerates the screenshots committed under resources/screenshots/ (the README shows them; the AppStream
# metainfo links dashboard.png, training-job-form.png and model-form.png) from the GUI tests that render
# them, so a picture never shows a window the code no longer draws.
#
#     tools/update-screenshots.sh [BUILD_DIR]        # default build/dev (configured with the dev preset)
#
# Needs moto_server on PATH (the VPC pickers' picture is filled from it). Runs the tests offscreen with
# SAGEDESK_BINARY_DIR pointing at a temporary folder, so nothing in the build tree is overwritten. PNGs are
# shrunk with optipng when it is installed (apt-get install optipng), else with ImageMagick's convert.
set -euo pipefail
cd "$(dirname "$0")/.."
source_dir=$PWD
build_dir=${1:-build/dev}

if [ ! -f "$build_dir/CMakeCache.txt" ]; then
    if [ "$build_dir" = build/dev ]; then
        cmake --preset dev >/dev/null
    else
        echo "update-screenshots: $build_dir is not a configured build directory" >&2
        exit 2
    fi
fi

# test executable, test function, picture it renders, name under resources/screenshots/
shots=(
    "tst_dashboardpages screenshot app-dashboard dashboard"
    "tst_dashboard screenshot dashboard-failed-job job-failed"
    "tst_trainingjobform screenshots trainingjobform-1-top training-job-form"
    "tst_trainingjobform screenshots trainingjobform-3-scrolled training-job-resources"
    "tst_trainingjobform screenshots trainingjobform-8-review review-vpc-findings"
    "tst_modelform screenshots modelform-1-top model-form"
    "tst_charts screenshots chart-timeline job-timeline"
    "tst_charts screenshots chart-fleet fleet-timeline"
    "tst_mainwindow renderScreenshots connectiondialog connection-dialog"
    "tst_vpcpickers controllerAgainstMoto vpcpickers-moto vpc-pickers"
)

declare -A runs=() # "executable function" → 1, each run once
targets=()
for shot in "${shots[@]}"; do
    read -r test function _ _ <<<"$shot"
    [ -n "${runs["$test $function"]:-}" ] && continue
    runs["$test $function"]=1
    [[ " ${targets[*]} " == *" $test "* ]] || targets+=("$test")
done
cmake --build "$build_dir" -j2 --target "${targets[@]}"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for run in "${!runs[@]}"; do
    read -r test function <<<"$run"
    executable=$(find "$build_dir/tests" -type f -name "$test" -perm -u+x | head -n 1)
    [ -n "$executable" ] || { echo "update-screenshots: $test was not built" >&2; exit 1; }
    echo "update-screenshots: $test $function"
    # The environment CTest gives every test (tests/CMakeLists.txt), the binary dir being the temporary one.
    if ! (cd "$work" && env QT_QPA_PLATFORM=offscreen AWS_EC2_METADATA_DISABLED=true \
        SAGEDESK_SOURCE_DIR="$source_dir" SAGEDESK_BINARY_DIR="$work" \
        "$source_dir/$executable" "$function" >"$work/$test-$function.log" 2>&1); then
        cat "$work/$test-$function.log" >&2
        echo "update-screenshots: $test $function failed" >&2
        exit 1
    fi
done

mkdir -p resources/screenshots
for shot in "${shots[@]}"; do
    read -r _ _ rendered name <<<"$shot"
    from="$work/screenshots/$rendered.png"
    to="resources/screenshots/$name.png"
    [ -f "$from" ] || { echo "update-screenshots: no $rendered.png was rendered" >&2; exit 1; }
    if command -v optipng >/dev/null; then
        cp "$from" "$to"
        optipng -quiet -o2 -strip all "$to"
    elif command -v convert >/dev/null; then
        convert "$from" -strip -define png:compression-level=9 "$to"
    else
        cp "$from" "$to"
    fi
    echo "$to  $(($(stat -c %s "$to") / 1024)) KiB"
done
