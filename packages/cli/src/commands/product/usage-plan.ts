import { quoteId } from '../../text.js'
import type { CommandModule } from '../command.js'

export const usagePlan = {
  operation: 'updateApiKeyUsagePlan',
  name: 'usage-plan',
  description: "one of the usage plans associated with the stage; it limits the key's calls there",
  flags: [{ flags: '--plan <usage-plan-id>', description: 'the usage plan to give the key on the stage', field: 'usagePlanId', required: true }],
  examples: ['usage-plan p1x2y3z4w5 ab12cd34ef s1t2a3g4e5 --plan u1p2l3a4n5'],
  notes: 'Prints {"productId": "...", "apiKeyId": "...", "stageId": "...", "usagePlanId": "..."} as JSON, a line saying so as a table.',
  async run({ client, args: [productId, apiKeyId, stageId], options }) {
    const usagePlanId = options.plan as string
    await client().updateApiKeyUsagePlan(productId!, apiKeyId!, stageId!, { usagePlanId })
    return {
      kind: 'done',
      json: { productId, apiKeyId, stageId, usagePlanId },
      text: `The API key ${quoteId(apiKeyId!)} has the usage plan ${quoteId(usagePlanId)} on the stage ${quoteId(stageId!)} of the product ${quoteId(productId!)}.`,
    }
  },
} satisfies CommandModule
