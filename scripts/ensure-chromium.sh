#!/usr/bin/env bash
# Install Debian's chromium for the browser tests when it is missing and apt can be used.
# Never downloads a browser build of its own: Playwright drives /usr/bin/chromium.
set -u
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "No /usr/bin/chromium and no apt-get: the browser tests will be skipped (install Debian's 'chromium' package to run them)."
  exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo -n"
  else
    echo "No /usr/bin/chromium, and installing it needs root: run 'sudo apt-get install chromium' to run the browser tests."
    exit 0
  fi
fi
echo "Installing Debian's chromium for the browser tests..."
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq && $SUDO apt-get install -y -qq chromium >/dev/null \
  || echo "Could not install chromium through apt: the browser tests will be skipped (or fail under CI=true)."
exit 0
