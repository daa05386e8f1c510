import type { CommandModule } from '../command.js'
import { keyFields } from './key-fields.js'

export const get: CommandModule = {
  operation: 'getApiKey',
  name: 'get',
  description: 'with its key values (masked unless --show-secrets)',
  flags: [],
  examples: ['get ab12cd34ef', 'get ab12cd34ef --output json | jq .isEnabled', 'get ab12cd34ef --show-secrets --profile prod'],
  async run({ client, args: [id] }) {
    return { kind: 'record', value: await client().getApiKey(id!), order: keyFields }
  },
}
