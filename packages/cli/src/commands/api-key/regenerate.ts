import type { KeyType } from '@ncloud-apigw/client'
import { quoteId } from '../../text.js'
import type { CommandModule } from '../command.js'
import { keyFields } from './key-fields.js'

export const regenerate = {
  operation: 'regenerateApiKey',
  name: 'regenerate',
  description: 'callers still sending the old value are refused',
  flags: [
    { flags: '--primary', description: 'regenerate primaryKey', field: 'keyType', conflicts: ['secondary'] },
    { flags: '--secondary', description: 'regenerate secondaryKey', field: 'keyType', conflicts: ['primary'] },
  ],
  confirms: true,
  examples: ['regenerate ab12cd34ef --secondary --yes', 'regenerate ab12cd34ef --primary', 'regenerate ab12cd34ef --secondary --yes --show-secrets --output json'],
  notes: `One of --primary and --secondary is required. Rotate without downtime: move callers to the
secondary key, regenerate the primary, move them back, then regenerate the secondary.`,
  async run({ client, args: [id], oneOf, confirm }) {
    const keyType = oneOf<KeyType>({ primary: 'PRIMARY', secondary: 'SECONDARY' })
    // Made first, so missing credentials fail before the question is asked.
    const apigw = client()
    await confirm({
      refusal: `regenerate invalidates the current ${keyType} key of ${quoteId(id!)}`,
      question: `Regenerate the ${keyType} key of API key ${quoteId(id!)}? Callers still sending the current value will be refused.`,
    })
    return { kind: 'record', value: await apigw.regenerateApiKey(id!, keyType), order: keyFields }
  },
} satisfies CommandModule
