import type { CommandModule } from '../command.js'
import { pageFlags, readPage } from '../paging.js'

export const products = {
  operation: 'listApiKeyProducts',
  name: 'products',
  description: "the products the key is subscribed to, with its status on each (REQUEST waits for the publisher's approval)",
  flags: pageFlags('products'),
  examples: ['products ab12cd34ef --output table', "products ab12cd34ef --all | jq -r '.apiKeyRelateProductDtos[] | select(.status == \"ACCEPTED\") | .productId'"],
  notes: 'As JSON: the page as the API answers it, {"apiKeyRelateProductDtos": [...], "total": n}; with --all, every product.',
  run(input) {
    const client = input.client()
    const [id] = input.args as [string]
    return readPage(
      input,
      'listApiKeyProducts',
      { columns: ['productId', 'productName', 'status', 'isSelfProduct', 'modTime', 'productDescription'], noun: ['product', 'products'] },
      { one: (window) => client.listApiKeyProducts(id, window), every: () => client.paginateApiKeyProducts(id) },
    )
  },
} satisfies CommandModule
