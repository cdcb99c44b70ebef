#!/usr/bin/env bash
# Installs what is missing, builds SageDesk and starts it. Without AWS credentials it starts the local
# sandbox (moto_server on a loopback port) so there is something to click on.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --target sagedesk sagedesk-cli

has_credentials() {
    [ -n "${AWS_ACCESS_KEY_ID:-}" ] && return 0
    [ -n "${AWS_PROFILE:-}" ] && return 0
    for f in "${AWS_SHARED_CREDENTIALS_FILE:-$HOME/.aws/credentials}" "${AWS_CONFIG_FILE:-$HOME/.aws/config}"; do
        [ -s "$f" ] && return 0
    done
    return 1
}

args=()
has_credentials || args+=(--sandbox)
exec build/release/app/sagedesk "${args[@]}" "$@"
