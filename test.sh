#!/usr/bin/env bash
# Runs every test. First installs what the tests need when it is missing: PostgreSQL (the server-mode
# contract tests start their own cluster) and Chromium (the UI tests drive /usr/bin/chromium).
set -euo pipefail
cd "$(dirname "$0")"

need=()
command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
[ -x /usr/bin/chromium ] || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "test.sh: installing ${need[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "test.sh: ${need[*]} missing and cannot be installed here; the tests that need them will be skipped" >&2
  fi
fi

dotnet test Storyline.slnx --nologo "$@"
