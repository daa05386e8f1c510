import { createApiKeyClient } from '@ncloud-apigw/client'

const apigw = createApiKeyClient()

// Your keys with their status on one product. Only reads,
// though sent with POST, so retried like a read.
const page = await apigw.searchApiKeys({
  productId: '*****xn0bk',
  apiKeyName: 'apiKey-***',
  statusSet: ['REQUEST'],
  offset: 6,
  limit: 1,
})
console.log(`${page.apiKeys.length} of ${page.total} keys`)

// Every key still waiting for the publisher's approval,
// page after page.
const waiting = apigw.paginateSearchApiKeys({
  productId: '*****xn0bk',
  statusSet: ['REQUEST'],
})
for await (const key of waiting) {
  console.log(key.apiKeyId, key.apiKeyName, key.status)
}
