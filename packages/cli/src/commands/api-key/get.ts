import type { ApiKey, ApiKeyClient } from '@ncloud-apigw/client'
import type { CommandModule } from '../command.js'
import { keyFields } from './key-fields.js'

/** The key as the API holds it now: what `update`, `enable` and `disable` read before they write. */
export const readKey = (client: ApiKeyClient, id: string): Promise<ApiKey> => client.getApiKey(id)

export const get = {
  operation: 'getApiKey',
  name: 'get',
  description: 'with its key values (masked unless --show-secrets)',
  flags: [],
  examples: ['get ab12cd34ef', 'get ab12cd34ef --output json | jq .isEnabled', 'get ab12cd34ef --show-secrets --profile prod'],
  async run({ client, args: [id] }) {
    return { kind: 'record', value: await readKey(client(), id!), order: keyFields }
  },
} satisfies CommandModule
