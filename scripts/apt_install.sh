#!/usr/bin/env bash
# Installs the Debian packages named as arguments (none: does nothing), with sudo when not root.
set -euo pipefail
[ "$#" -eq 0 ] && exit 0
echo "Installing system packages: $*"
if [ "$(id -u)" = "0" ]; then SUDO=""; else SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@"
