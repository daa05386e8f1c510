import { createApiKeyClient } from '@ncloud-apigw/client'

const apigw = createApiKeyClient()

// One page. The items carry no key values: get a key to
// read them.
const page = await apigw.listApiKeys({
  offset: 0,
  limit: 20,
})
console.log(`${page.apiKeys.length} of ${page.total} keys`)

// Every key, page after page. NCP does not say whether the
// name filter is exact, so compare the name yourself.
const keys = apigw.paginateApiKeys({ apiKeyName: 'ci-bot' })
for await (const key of keys) {
  if (key.apiKeyName === 'ci-bot') {
    console.log(key.apiKeyId, key.isEnabled)
  }
}
