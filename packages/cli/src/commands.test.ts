import { operationIds, type OperationId } from '@ncloud-apigw/operations'
import { describe, expect, test } from 'vitest'
import { type CommandDefinition, commands } from './commands.js'

describe('commands', () => {
  test('one command per operation of the spec, in its order, each with its own name', () => {
    expect(Object.keys(commands)).toEqual(operationIds)
    const names = operationIds.map((id) => commands[id].name)
    expect(new Set(names).size).toBe(names.length)
    expect(names).toEqual(['list', 'create', 'get', 'update', 'delete', 'regenerate'])
  })

  test('a map lacking an operation does not compile (checked by the lint task)', () => {
    const { deleteApiKey: _left, ...partial } = commands
    // @ts-expect-error deleteApiKey is missing
    const incomplete = partial satisfies Record<OperationId, CommandDefinition>
    expect(Object.keys(incomplete)).not.toContain('deleteApiKey')
  })
})
