import { type OperationId, operationIds, operations, type Schema } from '@ncloud-apigw/operations'
import { describe, expect, test } from 'vitest'
import { fieldFlags, longFlag } from './attach.js'
import type { CommandModule } from './commands/command.js'
import { commandsByOperation } from './commands/index.js'
import { operationHelp } from './generated/help.js'
import { commandModules } from './program.js'

/** Every field a request of the operation can carry: its path parameters, query parameters and body fields. */
function requestFields(id: OperationId): string[] {
  const op = operations[id] as { pathParams: Record<string, Schema>; query: Record<string, Schema>; body?: Schema }
  return [...Object.keys(op.pathParams), ...Object.keys(op.query), ...Object.keys(op.body?.properties ?? {})]
}

describe('commands', () => {
  test('every operation of the spec has its commands, listed in the spec\'s order, each calling it', () => {
    expect(Object.keys(commandsByOperation)).toEqual(operationIds)
    for (const id of operationIds) {
      expect(commandsByOperation[id].length, id).toBeGreaterThan(0)
      for (const module of commandsByOperation[id]) expect({ id, operation: module.operation }).toEqual({ id, operation: id })
    }
  })

  test('a map lacking an operation does not compile (checked by the lint task)', () => {
    const { subscribeApiKey: _left, ...partial } = commandsByOperation
    // @ts-expect-error subscribeApiKey is missing
    const incomplete = partial satisfies Record<OperationId, readonly CommandModule[]>
    expect(Object.keys(incomplete)).not.toContain('subscribeApiKey')
  })

  test('in each group, every command has a name of its own', () => {
    const names = commandModules.map((module) => `${operationHelp[module.operation].group} ${module.name}`)
    expect(new Set(names).size).toBe(names.length)
  })

  test.each(operationIds)('%s: every field its requests carry is set by a flag, an argument or the command itself', (id) => {
    for (const module of commandsByOperation[id]) {
      const set = new Set([...fieldFlags(module).keys(), ...(module.sets ?? [])])
      const missing = requestFields(id).filter((field) => !set.has(field))
      expect({ command: module.name, missing }).toEqual({ command: module.name, missing: [] })
    }
  })

  test.each(operationIds)('%s: each flag sets a field the operation has, or none', (id) => {
    const fields = new Set(requestFields(id))
    for (const module of commandsByOperation[id]) {
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
