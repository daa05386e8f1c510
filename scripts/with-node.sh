#!/usr/bin/env bash
# Runs a command with another Node first on the PATH: the npm registry's `node` package at the
# version given, fetched by npx into npm's cache (the machine's own Node is left as it is). pnpm,
# turbo and every task they start then run on that Node.
#
#   scripts/with-node.sh 24.21.0 pnpm test
set -euo pipefail
version="$1"
shift
# --prefer-offline: a version already in npm's cache is used without asking the registry again.
binary="$(cd "${TMPDIR:-/tmp}" && npx --yes --prefer-offline --package "node@$version" node -p process.execPath)"
bin="$(mktemp -d)"
trap 'rm -rf "$bin"' EXIT
ln -s "$binary" "$bin/node"
PATH="$bin:$PATH" "$@"
