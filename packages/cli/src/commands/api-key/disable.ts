import type { CommandModule } from '../command.js'
import { keyFields } from './key-fields.js'
import { writeKey } from './write-key.js'

export const disable: CommandModule = {
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
}
