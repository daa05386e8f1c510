import { createApiKeyClient } from '@ncloud-apigw/client'

const apigw = createApiKeyClient()

// The stages the key is subscribed to through one product.
// The answer's apiKeyRelations is unwrapped: one page.
const page = await apigw.listApiKeySubscriptions(
  '*****vg079',
  { productId: '*****n0bk', offset: 0, limit: 20 },
)
const { content, total } = page
console.log(`${content.length} of ${total} stages`)

// Every stage of one API, page after page, with the key's
// usage plan and today's calls there.
const stages = apigw.paginateApiKeySubscriptions(
  '*****vg079',
  { productId: '*****n0bk', apiId: '***51hs***' },
)
for await (const stage of stages) {
  const { stageName, usagePlanName, dayCallCount } = stage
  console.log(stageName, usagePlanName, dayCallCount)
}
