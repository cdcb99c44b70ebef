#!/usr/bin/env bash
# Installs what SageDesk needs to build, run and test on Debian 12, and nothing that is already there.
set -euo pipefail

packages=(
    build-essential cmake ninja-build ccache pkg-config
    qt6-base-dev qt6-charts-dev libqt6sql6-sqlite qt6-httpserver-dev qt6-websockets-dev
    qt6-svg-dev qt6-tools-dev qt6-l10n-tools qt6-qpa-plugins libqt6svg6 libssl-dev
    xvfb x11-apps imagemagick desktop-file-utils appstream file dpkg-dev
)

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if [ ${#missing[@]} -gt 0 ]; then
    echo "install-deps: installing ${missing[*]}"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# moto_server (the local sandbox and the integration tests' API peer) and the AWS CLI (the peer that must
# accept our exported JSON) come from pip on the image; Debian's packages are the fallback.
if ! command -v moto_server >/dev/null || ! command -v aws >/dev/null; then
    echo "install-deps: moto_server or aws missing; trying Debian's python3-moto and awscli"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq python3-moto python3-flask python3-flask-cors awscli || true
fi
command -v moto_server >/dev/null || { echo "install-deps: moto_server not found on PATH; tests need it" >&2; exit 1; }
command -v aws >/dev/null || { echo "install-deps: aws (the AWS CLI) not found on PATH; tests need it" >&2; exit 1; }
