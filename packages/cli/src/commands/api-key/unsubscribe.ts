import { quoteId } from '../../text.js'
import type { CommandModule } from '../command.js'

export const unsubscribe = {
  operation: 'unsubscribeApiKey',
  name: 'unsubscribe',
  description: "callers sending the key's values are refused by the product's APIs from then on",
  flags: [{ flags: '--product <product-id>', description: 'the product to unsubscribe the key from', field: 'productId', required: true }],
  confirms: true,
  examples: ['unsubscribe ab12cd34ef --product p1x2y3z4w5 --yes', 'unsubscribe ab12cd34ef --product p1x2y3z4w5'],
  notes: 'Prints {"apiKeyId": "...", "productId": "...", "unsubscribed": true} as JSON, a line saying so as a table.',
  async run({ client, args: [id], options, confirm }) {
    const productId = options.product as string
    // Made first, so missing credentials fail before the question is asked.
    const apigw = client()
    await confirm({
      refusal: `unsubscribe ends the access of the API key ${quoteId(id!)} to the product ${quoteId(productId)}`,
      question: `Unsubscribe the API key ${quoteId(id!)} from the product ${quoteId(productId)}? Callers sending its values will be refused by the product's APIs.`,
    })
    await apigw.unsubscribeApiKey(id!, { productId })
    return {
      kind: 'done',
      json: { apiKeyId: id, productId, unsubscribed: true },
      text: `Unsubscribed the API key ${quoteId(id!)} from the product ${quoteId(productId)}.`,
    }
  },
} satisfies CommandModule
