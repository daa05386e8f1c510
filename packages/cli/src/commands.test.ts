import { type OperationId, operationIds, operations, type Schema } from '@ncloud-apigw/operations'
import { describe, expect, test } from 'vitest'
import { fieldFlags, longFlag } from './attach.js'
import { operationHelp } from './generated/help.js'
import { commandModules } from './program.js'

/** The commands of an operation. */
const commandsOf = (id: OperationId) => commandModules.filter((module) => module.operation === id)

/** Every field a request of the operation can carry: its path parameters, query parameters and body fields. */
function requestFields(id: OperationId): string[] {
  const op = operations[id] as { pathParams: Record<string, Schema>; query: Record<string, Schema>; body?: Schema }
  return [...Object.keys(op.pathParams), ...Object.keys(op.query), ...Object.keys(op.body?.properties ?? {})]
}

describe('commands', () => {
  test("every operation of the spec has its commands, in the spec's order", () => {
    expect(operationIds.filter((id) => commandsOf(id).length === 0)).toEqual([])
    expect([...new Set(commandModules.map((module) => module.operation))]).toEqual(operationIds)
  })

  test('a command list lacking an operation does not compile (checked by the lint task)', () => {
    const partial = commandModules.filter((module) => module.operation !== 'subscribeApiKey').map((module) => module.operation)
    type Lacking = Exclude<(typeof commandModules)[number]['operation'], 'subscribeApiKey'>
    // @ts-expect-error subscribeApiKey is missing
    const incomplete: Record<Exclude<OperationId, Lacking>, never> = {}
    expect(partial).not.toContain('subscribeApiKey')
    void incomplete
  })

  test('in each group, every command has a name of its own', () => {
    const names = commandModules.map((module) => `${operationHelp[module.operation].group} ${module.name}`)
    expect(new Set(names).size).toBe(names.length)
  })

  test.each(operationIds)('%s: every field its requests carry is set by a flag, an argument or the command itself', (id) => {
    for (const module of commandsOf(id)) {
      const set = new Set([...fieldFlags(module).keys(), ...(module.sets ?? [])])
      const missing = requestFields(id).filter((field) => !set.has(field))
      expect({ command: module.name, missing }).toEqual({ command: module.name, missing: [] })
    }
  })

  test.each(operationIds)('%s: each flag sets a field the operation has, or none', (id) => {
    const fields = new Set(requestFields(id))
    for (const module of commandsOf(id)) {
      for (const flag of module.flags) if (flag.field !== undefined) expect({ flag: longFlag(flag.flags), known: fields.has(flag.field) }).toEqual({ flag: longFlag(flag.flags), known: true })
    }
  })

  test('a command of an operation answering a page takes --all, --limit and --offset; no other does', () => {
    for (const module of commandModules) {
      const flags = module.flags.map((flag) => longFlag(flag.flags))
      const paged = operations[module.operation].page !== undefined
      expect({ command: module.name, paged: ['--all', '--limit', '--offset'].every((flag) => flags.includes(flag)) }).toEqual({ command: module.name, paged })
    }
  })
})
