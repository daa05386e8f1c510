import { quoteId } from '../../text.js'
import type { CommandModule } from '../command.js'

export const subscribe = {
  operation: 'subscribeApiKey',
  name: 'subscribe',
  description: "a public product accepts the key at once, a protected one once its publisher approves it (see the key's products)",
  flags: [{ flags: '--product <product-id>', description: 'the product to subscribe the key to', field: 'productId', required: true }],
  examples: ['subscribe ab12cd34ef --product p1x2y3z4w5', 'subscribe ab12cd34ef --product p1x2y3z4w5 && ncloud-apigw api-key products ab12cd34ef'],
  notes: 'Prints {"apiKeyId": "...", "productId": "...", "subscribed": true} as JSON, a line saying so as a table.',
  async run({ client, args: [id], options }) {
    const productId = options.product as string
    await client().subscribeApiKey(id!, { productId })
    return {
      kind: 'done',
      json: { apiKeyId: id, productId, subscribed: true },
      text: `Subscribed the API key ${quoteId(id!)} to the product ${quoteId(productId)}; its status there: ncloud-apigw api-key products ${quoteId(id!)}.`,
    }
  },
} satisfies CommandModule
