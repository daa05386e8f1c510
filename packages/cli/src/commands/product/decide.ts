import type { UpdateProductApiKeyStatusRequest } from '@ncloud-apigw/client'
import { quoteId } from '../../text.js'
import type { CommandModule } from '../command.js'

type Decision = UpdateProductApiKeyStatusRequest['status']

/** `approve` and `reject`: one operation, one command per status it can set. */
export function decide(name: string, status: Decision, { summary, done }: { summary: string; done: string }) {
  return {
    operation: 'updateProductApiKeyStatus',
    name,
    summary,
    description: `sets the key's status on the product to ${status}`,
    flags: [],
    sets: ['status'],
    examples: [`${name} p1x2y3z4w5 ab12cd34ef`],
    notes: `Prints {"productId": "...", "apiKeyId": "...", "status": "${status}"} as JSON, a line saying so as a table.`,
    async run({ client, args: [productId, apiKeyId] }) {
      await client().updateProductApiKeyStatus(productId!, apiKeyId!, { status })
      return {
        kind: 'done',
        json: { productId, apiKeyId, status },
        text: `${done} the API key ${quoteId(apiKeyId!)} on the product ${quoteId(productId!)} (status ${status}).`,
      }
    },
  } satisfies CommandModule
}
