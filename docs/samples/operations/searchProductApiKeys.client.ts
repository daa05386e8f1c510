import { createApiKeyClient } from '@ncloud-apigw/client'

const apigw = createApiKeyClient()

// The keys of your product, with their key values: secrets,
// never printed here. Only reads, so retried like a read.
// The answer's apiKeyPage is unwrapped: one page.
const page = await apigw.searchProductApiKeys(
  '***ksk9***',
  { statusSet: ['ACCEPTED'], limit: 1 },
)
console.log(`${page.content.length} of ${page.total} keys`)

// Every key still waiting for your approval.
const waiting = apigw.paginateSearchProductApiKeys(
  '***ksk9***',
  { statusSet: ['REQUEST'] },
)
for await (const key of waiting) {
  console.log(key.apiKeyId, key.apiKeyName, key.regTime)
}
