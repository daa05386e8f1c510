import { operations } from '@ncloud-apigw/operations'
import type { CommandModule } from '../command.js'
import { pageFlags, readPage } from '../paging.js'

const { statusSet } = operations.searchApiKeys.body.properties

export const search = {
  operation: 'searchApiKeys',
  name: 'search',
  description: 'your keys with their status on one product: REQUEST waits for approval, ACCEPTED may call its APIs',
  flags: [
    { flags: '--product <product-id>', description: 'the product whose relation to each key to show', field: 'productId', required: true },
    { flags: '--name <text>', description: 'only keys whose name matches this text (as the API matches it)', field: 'apiKeyName' },
    { flags: '--status <status...>', description: 'only keys with one of these statuses on the product', field: 'statusSet', choices: statusSet.items.enum },
    ...pageFlags('keys'),
  ],
  examples: ['search --product p1x2y3z4w5 --status REQUEST --output table', "search --product p1x2y3z4w5 --all | jq -r '.apiKeys[].apiKeyId'"],
  notes: 'As JSON: the page as the API answers it, {"apiKeys": [...], "total": n}; with --all, every matching key.',
  run(input) {
    const client = input.client()
    const { product, name, status } = input.options as { product: string; name?: string; status?: (typeof statusSet.items.enum)[number][] }
    const body = { productId: product, ...(name !== undefined && { apiKeyName: name }), ...(status !== undefined && { statusSet: status }) }
    return readPage(
      input,
      'searchApiKeys',
      { columns: ['apiKeyId', 'apiKeyName', 'status', 'apiKeyDescription'], noun: ['API key', 'API keys'] },
      { one: (window) => client.searchApiKeys({ ...body, ...window }), every: () => client.paginateSearchApiKeys(body) },
    )
  },
} satisfies CommandModule
