import { quoteId } from '../../text.js'
import type { CommandModule } from '../command.js'

export const remove = {
  operation: 'deleteApiKey',
  name: 'delete',
  description: 'callers still sending its values are refused, and it cannot be undone',
  flags: [],
  confirms: true,
  examples: ['delete ab12cd34ef --yes', 'delete ab12cd34ef', 'delete ab12cd34ef --yes --output json'],
  notes: 'Prints {"apiKeyId": "...", "deleted": true} as JSON, a line saying so as a table.',
  async run({ client, args: [id], confirm }) {
    // Made first, so missing credentials fail before the question is asked.
    const apigw = client()
    await confirm({
      refusal: `delete removes the API key ${quoteId(id!)} for good`,
      question: `Delete the API key ${quoteId(id!)}? Callers still sending its values will be refused, and it cannot be undone.`,
    })
    await apigw.deleteApiKey(id!)
    return { kind: 'done', json: { apiKeyId: id, deleted: true }, text: `Deleted the API key ${quoteId(id!)}.` }
  },
} satisfies CommandModule
