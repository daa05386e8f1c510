import { createApiKeyClient, type ApiKey } from '@ncloud-apigw/client'

// Credentials: NCLOUD_ACCESS_KEY_ID and NCLOUD_SECRET_ACCESS_KEY,
// or ~/.ncloud/configure.
const apigw = createApiKeyClient()

const key: ApiKey = await apigw.createApiKey({
  apiKeyName: 'ci-bot',
  apiKeyDescription: 'Deploys from CI',
})
const page = await apigw.listApiKeys({ apiKeyName: 'ci-bot' })
console.log(`${page.total} keys named like ci-bot`)
const fetched = await apigw.getApiKey(key.apiKeyId)
await apigw.updateApiKey(key.apiKeyId, {
  apiKeyName: fetched.apiKeyName,
  isEnabled: false,
})
await apigw.regenerateApiKey(key.apiKeyId, 'SECONDARY')
await apigw.deleteApiKey(key.apiKeyId)
