// `update`, `enable` and `disable`: the commands of one operation, which sets a key's name, state
// and description together.
import { type ApiKey, type ApiKeyClient, NcpValidationError, type UpdateApiKeyRequest } from '@ncloud-apigw/client'
import { operations, problems, type Schema } from '@ncloud-apigw/operations'
import type { CommandModule } from '../command.js'
import { readKey } from './get.js'
import { keyFields } from './key-fields.js'

/** What `update`, `enable` and `disable` change; the rest is kept. */
export type KeyChanges = Partial<UpdateApiKeyRequest>

/**
 * Changes only the given fields of an API key. The API sets name, state and description together
 * (`PUT`), so the key is read first and its other fields written back as they were: a change made
 * by someone else between the read and the write is overwritten (the API has no condition to
 * guard it). When all three are given nothing is read. A given field the spec refuses is refused
 * before the read, as the write would refuse it.
 */
export async function writeKey(client: ApiKeyClient, id: string, changes: KeyChanges): Promise<ApiKey> {
  const rules = operations.updateApiKey.body.properties as Readonly<Record<string, Schema>>
  for (const [field, value] of Object.entries(changes)) {
    const [problem] = problems(rules[field]!, value, field)
    if (problem) throw new NcpValidationError(problem, 'updateApiKey')
  }
  const { apiKeyName, isEnabled, apiKeyDescription } = changes
  const current = apiKeyName !== undefined && isEnabled !== undefined && apiKeyDescription !== undefined ? undefined : await readKey(client, id)
  const description = apiKeyDescription ?? current?.apiKeyDescription
  return client.updateApiKey(id, {
    apiKeyName: apiKeyName ?? current!.apiKeyName,
    isEnabled: isEnabled ?? current!.isEnabled,
    ...(description !== undefined && { apiKeyDescription: description }),
  })
}

export const update = {
  operation: 'updateApiKey',
  name: 'update',
  description: 'change the name, the description or the state of an API key, keeping what is not given',
  flags: [
    { flags: '--name <name>', description: 'new name of the API key', field: 'apiKeyName' },
    { flags: '--description <text>', description: "new description ('' removes it)", field: 'apiKeyDescription' },
    { flags: '--enabled', description: 'enable the key', field: 'isEnabled', conflicts: ['disabled'] },
    { flags: '--disabled', description: 'disable the key: calls sending its values are refused', field: 'isEnabled', conflicts: ['enabled'] },
  ],
  examples: ['update ab12cd34ef --name ci-bot', 'update ab12cd34ef --disabled', 'update ab12cd34ef --description "deploys" --enabled'],
  notes: `Give at least one of --name, --description, --enabled and --disabled. The API sets name,
state and description together, so update reads the key first and writes back what is not given:
a change someone else makes between the read and the write is lost. With all three given,
nothing is read.`,
  async run({ client, args: [id], options, usage }) {
    const { name, description, enabled, disabled } = options as { name?: string; description?: string; enabled?: boolean; disabled?: boolean }
    const changes: KeyChanges = {
      ...(name !== undefined && { apiKeyName: name }),
      ...(description !== undefined && { apiKeyDescription: description }),
      ...((enabled || disabled) && { isEnabled: !!enabled }),
    }
    if (Object.keys(changes).length === 0) usage('nothing to change: pass --name, --description, --enabled or --disabled')
    return { kind: 'record', value: await writeKey(client(), id!, changes), order: keyFields }
  },
} satisfies CommandModule

export const enable = {
  operation: 'updateApiKey',
  name: 'enable',
  summary: 'Enable an API key',
  description: 'calls sending its values are accepted again; its name and description are kept',
  flags: [],
  // The state; the name and description as the key had them.
  sets: ['isEnabled', 'apiKeyName', 'apiKeyDescription'],
  examples: ['enable ab12cd34ef'],
  notes: 'Reads the key, then writes it back enabled (see update for what that means when others change it too).',
  async run({ client, args: [id] }) {
    return { kind: 'record', value: await writeKey(client(), id!, { isEnabled: true }), order: keyFields }
  },
} satisfies CommandModule

export const disable = {
  operation: 'updateApiKey',
  name: 'disable',
  summary: 'Disable an API key',
  description: 'calls sending its values are refused until it is enabled again; its name and description are kept',
  flags: [],
  // The state; the name and description as the key had them.
  sets: ['isEnabled', 'apiKeyName', 'apiKeyDescription'],
  examples: ['disable ab12cd34ef'],
  notes: 'Reads the key, then writes it back disabled (see update for what that means when others change it too).',
  async run({ client, args: [id] }) {
    return { kind: 'record', value: await writeKey(client(), id!, { isEnabled: false }), order: keyFields }
  },
} satisfies CommandModule
