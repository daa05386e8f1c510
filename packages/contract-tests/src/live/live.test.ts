import { createApiKeyClient } from '@ncloud-apigw/client'
import { expect, inject, test } from 'vitest'
import { runContractFlow } from '../contract-flow.js'
import { violationRecorder } from '../violations.js'

test(`NCP's API Gateway (${inject('liveSite')} site) answers the whole flow as the spec says`, async () => {
  const recorder = violationRecorder()
  // Credentials from the client's chain; requests go through Prism to the real site.
  const apigw = createApiKeyClient({ baseUrl: inject('liveProxyUrl'), fetch: recorder.fetch })
  const steps = await runContractFlow(apigw, {
    onStep: ({ call }) => console.log(`  ✓ ${call}`),
  })
  // The key's life, every step of it; putting it to use needs a product of the account's (see start.ts).
  expect(steps.map((s) => s.operation)).toEqual(expect.arrayContaining(['createApiKey', 'getApiKey', 'listApiKeys', 'updateApiKey', 'regenerateApiKey', 'deleteApiKey']))
  expect(recorder.violations).toEqual([])
  // runContractFlow deletes the key it creates, also when a step fails in between.
  console.log(`\nThe flow's key is deleted; nothing is left in the account.`)
}, 120_000)
