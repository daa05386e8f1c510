#!/usr/bin/env node
// @ts-check
// The root scripts' one way to run turbo: with its telemetry off, and with the Node version in
// every task's hash (turbo.json's globalEnv), so that the same tree on another Node (Node 24, as
// .ci/run runs it) is built and tested anew instead of replayed from the cache of the first.
//
//   node scripts/turbo.mjs run build [turbo options]
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

// The workspace's own turbo, whether or not a package manager put node_modules/.bin on the PATH.
const bin = fileURLToPath(new URL('../node_modules/.bin/turbo', import.meta.url))
const turbo = spawnSync(bin, process.argv.slice(2), {
  stdio: 'inherit',
  env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', NODE_RUNTIME_VERSION: process.version },
})
if (turbo.error) throw turbo.error
process.exit(turbo.status ?? 1)
