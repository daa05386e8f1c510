import { operations } from '@ncloud-apigw/operations'
import type { CommandModule } from '../command.js'
import { pageFlags, readPage } from '../paging.js'

const { statusSet } = operations.searchProductApiKeys.body.properties

export const apiKeys = {
  operation: 'searchProductApiKeys',
  name: 'api-keys',
  description: 'the keys related to one of your products, with their status on it and their key values (masked unless --show-secrets)',
  flags: [
    { flags: '--key-value <value>', description: 'only the key with this primary or secondary key value (a secret: it shows in your shell history)', field: 'apiKeyValue' },
    { flags: '--api-key <api-key-id>', description: 'only the key with this ID', field: 'apiKeyId' },
    { flags: '--status <status...>', description: 'only keys with one of these statuses on the product', field: 'statusSet', choices: statusSet.items.enum },
    ...pageFlags('keys'),
  ],
  examples: ['api-keys p1x2y3z4w5 --status REQUEST --output table', "api-keys p1x2y3z4w5 --all | jq -r '.content[] | select(.status == \"REQUEST\") | .apiKeyId'"],
  notes: 'As JSON: the page as the API answers it, {"content": [...], "total": n}; with --all, every matching key.',
  run(input) {
    const client = input.client()
    const [productId] = input.args as [string]
    const { keyValue, apiKey, status } = input.options as { keyValue?: string; apiKey?: string; status?: (typeof statusSet.items.enum)[number][] }
    const body = { ...(keyValue !== undefined && { apiKeyValue: keyValue }), ...(apiKey !== undefined && { apiKeyId: apiKey }), ...(status !== undefined && { statusSet: status }) }
    return readPage(
      input,
      'searchProductApiKeys',
      { columns: ['apiKeyId', 'apiKeyName', 'status', 'primaryKey', 'secondaryKey', 'modTime'], noun: ['API key', 'API keys'] },
      { one: (window) => client.searchProductApiKeys(productId, { ...body, ...window }), every: () => client.paginateSearchProductApiKeys(productId, body) },
    )
  },
} satisfies CommandModule
