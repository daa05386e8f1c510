#!/usr/bin/env node
// Writes the version of the package in the working directory as a TypeScript module, for the
// User-Agent a package sends: read at build time, so no bundle carries its package.json.
//
//   node ../../scripts/generate-version.mjs src/generated/version.ts
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'

const out = process.argv[2]
if (!out) {
  console.error('usage: generate-version.mjs <output.ts>')
  process.exit(2)
}
const { name, version } = JSON.parse(readFileSync('package.json', 'utf8'))
mkdirSync(dirname(out), { recursive: true })
writeFileSync(out, `// Generated from package.json by scripts/generate-version.mjs. Do not edit.\n/** ${name}'s version. */\nexport const version = ${JSON.stringify(version)}\n`)
