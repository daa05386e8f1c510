import { createApiKeyClient, type Site, sites } from '@ncloud-apigw/client'
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
  expect(steps).toHaveLength(5)
  expect(recorder.violations).toEqual([])
  const site = inject('liveSite') as Site
  console.log(
    `\nCreated API key ${steps[0]!.key.apiKeyId} on ${sites[site]} and left it disabled. ` +
      'API Gateway keys cannot be deleted with these four operations: delete it in the NCP console.',
  )
}, 120_000)
