#!/usr/bin/env bash
# Installs what is missing, builds everything twice (core and CLI alone, proving core links no GUI module;
# then the whole program) with warnings as errors, and runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
export QT_QPA_PLATFORM=offscreen
# The two builds share compiled core files through ccache (paths relative to the checkout).
export CCACHE_BASEDIR="$PWD"
# Benchmarks only have to run in CI; the dashboard one measures a smaller account (see its source).
export SAGEDESK_BENCH_JOBS=2000

cmake --preset ci-core
cmake --build --preset ci-core
ctest --preset ci-core -L core

cmake --preset ci
cmake --build --preset ci
ctest --preset ci
