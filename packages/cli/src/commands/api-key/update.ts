import type { CommandModule } from '../command.js'
import { keyFields } from './key-fields.js'
import { type KeyChanges, writeKey } from './write-key.js'

export const update: CommandModule = {
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
}
