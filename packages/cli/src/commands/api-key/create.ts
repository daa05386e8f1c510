import type { CommandModule } from '../command.js'
import { keyFields } from './key-fields.js'

export const create = {
  operation: 'createApiKey',
  name: 'create',
  description: 'it starts enabled, with fresh primary and secondary key values',
  flags: [
    { flags: '--name <name>', description: 'name of the API key', field: 'apiKeyName', required: true },
    { flags: '--description <text>', description: 'description', field: 'apiKeyDescription' },
  ],
  examples: ['create --name ci-bot', 'create --name ci-bot --description "deploys" --output table', 'create --name ci-bot --show-secrets | jq -r .primaryKey'],
  async run({ client, options }) {
    const { name, description } = options as { name: string; description?: string }
    const body = { apiKeyName: name, ...(description !== undefined && { apiKeyDescription: description }) }
    return { kind: 'record', value: await client().createApiKey(body), order: keyFields }
  },
} satisfies CommandModule
