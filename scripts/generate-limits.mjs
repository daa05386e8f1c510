#!/usr/bin/env node
// Writes the request constraints of the bundled spec (lengths, enums, required fields, types)
// as a TypeScript module, so that packages which validate requests at run time take their
// limits from the spec instead of re-typing them. Used by each such package's `generate` task:
//
//   node ../../scripts/generate-limits.mjs src/generated/limits.ts
import { deref, methods, spec, writeGenerated } from './bundled-spec.mjs'

/** The constraints of one schema that a validator acts on; nothing descriptive. */
function constraints(schema, required) {
  const s = deref(schema)
  const picked = { type: s.type, required }
  for (const key of ['minLength', 'maxLength', 'enum']) if (s[key] !== undefined) picked[key] = s[key]
  return picked
}

const operations = {}
for (const [path, rawItem] of Object.entries(spec.paths)) {
  const item = deref(rawItem)
  for (const method of methods) {
    const op = item[method]
    if (!op) continue
    const parameters = {}
    for (const p of [...(item.parameters ?? []), ...(op.parameters ?? [])].map(deref)) {
      parameters[p.name] = { in: p.in, ...constraints(p.schema, p.required === true) }
    }
    const entry = { method: method.toUpperCase(), path, parameters }
    const bodySchema = op.requestBody && deref(deref(op.requestBody).content['application/json'].schema)
    if (bodySchema) {
      const required = new Set(bodySchema.required ?? [])
      entry.body = {
        additionalProperties: bodySchema.additionalProperties !== false,
        properties: Object.fromEntries(
          Object.entries(bodySchema.properties).map(([name, s]) => [name, constraints(s, required.has(name))]),
        ),
      }
    }
    operations[op.operationId] = entry
  }
}

const source = `// Generated from spec/dist/openapi.json by scripts/generate-limits.mjs. Do not edit.
export const operations = ${JSON.stringify(operations, null, 2)} as const

export type OperationId = keyof typeof operations
`
writeGenerated('generate-limits.mjs', source)
