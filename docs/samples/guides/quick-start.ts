import { createApiKeyClient, type ApiKey } from '@ncloud-apigw/client'

// Credentials: NCLOUD_ACCESS_KEY_ID and NCLOUD_SECRET_ACCESS_KEY, or ~/.ncloud/configure.
const apigw = createApiKeyClient()

const key: ApiKey = await apigw.createApiKey({ apiKeyName: 'ci-bot', apiKeyDescription: 'Deploys from CI' })
const fetched = await apigw.getApiKey(key.apiKeyId)
await apigw.updateApiKey(key.apiKeyId, { apiKeyName: fetched.apiKeyName, isEnabled: false })
await apigw.regenerateApiKey(key.apiKeyId, 'SECONDARY')
