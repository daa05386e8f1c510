import { createApiKeyClient } from '@ncloud-apigw/client'

// Credentials: NCLOUD_ACCESS_KEY_ID and
// NCLOUD_SECRET_ACCESS_KEY, or ~/.ncloud/configure.
const apigw = createApiKeyClient()

// Checked against the spec before sending. Not repeated
// once it may have reached NCP, so never a duplicate key.
const key = await apigw.createApiKey({
  apiKeyName: 'ci-bot',
  apiKeyDescription: 'Deploys from CI',
})
console.log(key.apiKeyId, key.isEnabled)
