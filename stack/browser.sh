#!/usr/bin/env bash
# The headless browser the dashboard's browser test (serving-layer DashboardIT) drives: Debian's
# chromium and chromium-driver, installed with apt-get when /usr/bin/chromium or
# /usr/bin/chromedriver is missing. Idempotent: a machine that has both changes nothing.
#
#   bash stack/browser.sh [--help]
#
# Needs root (apt-get). The machine reaches Debian's package mirror but nothing else on the
# internet, so the browser comes from Debian rather than from a browser vendor's download.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

CHROMIUM=/usr/bin/chromium
CHROMEDRIVER=/usr/bin/chromedriver

usage() {
  cat <<USAGE
Usage: bash stack/browser.sh

Installs Debian's chromium and chromium-driver (apt-get) when $CHROMIUM or
$CHROMEDRIVER is missing, then prints both paths and versions. Runs as root; does
nothing when both are already there.
USAGE
}

case "${1:-}" in
  -h | --help) usage && exit 0 ;;
  "") ;;
  *) usage >&2 && die "unknown argument '$1'" ;;
esac

# True when apt has package lists that know chromium-driver; a fresh machine (or image) has none.
apt_lists_know_chromium_driver() {
  apt-cache show chromium-driver >/dev/null 2>&1
}

install_browser() {
  command -v apt-get >/dev/null || die "apt-get not found: install chromium and its chromedriver by hand so that $CHROMIUM and $CHROMEDRIVER exist"
  [ "$(id -u)" -eq 0 ] || die "installing chromium needs root: run 'sudo bash stack/browser.sh'"
  export DEBIAN_FRONTEND=noninteractive
  if apt_lists_know_chromium_driver; then
    info "apt package lists already know chromium-driver: no apt-get update needed"
  else
    step "apt-get update (the package lists do not know chromium-driver yet)"
    apt-get update
  fi
  step "apt-get install -y chromium chromium-driver (a few hundred MB with its fonts on a fresh machine)"
  # apt's own progress output (one line per package fetched and set up) stays visible.
  if ! apt-get install -y chromium chromium-driver; then
    # Lists that are present but old name package versions the mirror no longer has.
    step "the install failed; apt-get update, then one more try"
    apt-get update
    apt-get install -y chromium chromium-driver
  fi
}

if [ -x "$CHROMIUM" ] && [ -x "$CHROMEDRIVER" ]; then
  step "headless browser already installed"
else
  install_browser
  [ -x "$CHROMIUM" ] || die "apt-get finished but $CHROMIUM is still missing"
  [ -x "$CHROMEDRIVER" ] || die "apt-get finished but $CHROMEDRIVER is still missing"
fi
info "chromium:     $CHROMIUM ($("$CHROMIUM" --version 2>/dev/null || echo 'version unknown'))"
info "chromedriver: $CHROMEDRIVER ($("$CHROMEDRIVER" --version 2>/dev/null || echo 'version unknown'))"
