#!/usr/bin/env node
// Writes the error responses the spec documents (status, NCP errorCode, message) as a TypeScript
// module, so that the fake answers exactly the pairs the spec promises and never re-types one.
// Read from each operation's non-2xx responses and their named examples, in the spec's order.
//
//   node scripts/generate-errors.mjs src/generated/errors.ts
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const out = process.argv[2]
if (!out) {
  console.error('usage: generate-errors.mjs <output.ts>')
  process.exit(2)
}

const specPath = fileURLToPath(new URL('../../../spec/dist/openapi.json', import.meta.url))
const spec = JSON.parse(readFileSync(specPath, 'utf8'))

function deref(node) {
  while (node && typeof node.$ref === 'string') {
    node = node.$ref
      .slice(2)
      .split('/')
      .map((p) => p.replaceAll('~1', '/').replaceAll('~0', '~'))
      .reduce((at, key) => at[key], spec)
  }
  return node
}

const errors = []
const seen = new Set()
for (const rawItem of Object.values(spec.paths)) {
  const item = deref(rawItem)
  for (const method of ['get', 'put', 'post', 'delete', 'patch']) {
    for (const [status, rawResponse] of Object.entries(item[method]?.responses ?? {})) {
      if (status.startsWith('2')) continue
      const examples = deref(rawResponse).content?.['application/json']?.examples ?? {}
      for (const example of Object.values(examples)) {
        const error = deref(example).value?.error
        if (!error) throw new Error(`response ${status} of ${method} has an example without an error body`)
        const key = `${status}/${error.errorCode}`
        if (seen.has(key)) continue
        seen.add(key)
        errors.push({ status: Number(status), errorCode: String(error.errorCode), message: error.message })
      }
    }
  }
}
if (errors.length === 0) throw new Error('the spec documents no error responses')

const source = `// Generated from spec/dist/openapi.json by packages/testing/scripts/generate-errors.mjs. Do not edit.
/** Every error response the spec documents, in the spec's order: the first of a status is its default. */
export const documentedErrors = ${JSON.stringify(errors, null, 2)} as const
`
const target = resolve(process.cwd(), out)
mkdirSync(dirname(target), { recursive: true })
writeFileSync(target, source)
