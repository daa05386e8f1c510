// What the generators in this folder share: the bundled spec, a `$ref` resolver, the HTTP
// methods the spec may use, and how a generated module is written.
//
//   node <generator>.mjs <output.ts> [spec.json]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The bundled spec, or the one given as a generator's second argument (a test's edited copy). */
export const spec = JSON.parse(readFileSync(process.argv[3] ?? fileURLToPath(new URL('../spec/dist/openapi.json', import.meta.url)), 'utf8'))

export const methods = ['get', 'put', 'post', 'delete', 'patch']

/** Follows local `$ref`s (`#/components/...`) to the node they name. */
export function deref(node) {
  while (node && typeof node.$ref === 'string') {
    node = node.$ref
      .slice(2)
      .split('/')
      .map((p) => p.replaceAll('~1', '/').replaceAll('~0', '~'))
      .reduce((at, key) => at[key], spec)
  }
  return node
}

/**
 * Writes `source` to the path given as the script's argument, relative to the working directory,
 * or to `sibling`, a file beside it, for a generator that writes more than one.
 */
export function writeGenerated(script, source, sibling) {
  const out = process.argv[2]
  if (!out) {
    console.error(`usage: ${script} <output.ts>`)
    process.exit(2)
  }
  const target = sibling === undefined ? resolve(process.cwd(), out) : resolve(dirname(resolve(process.cwd(), out)), sibling)
  mkdirSync(dirname(target), { recursive: true })
  writeFileSync(target, source)
}

/** A JSDoc block of `lines` for generated code, at `indent`; a comment end in the text is escaped, so it cannot close the block. */
export const jsDoc = (/** @type {string[]} */ lines, indent = '') =>
  `${indent}/**\n${lines.map((line) => `${indent} *${line ? ` ${line.replaceAll('*/', '*\\/')}` : ''}`).join('\n')}\n${indent} */\n`
