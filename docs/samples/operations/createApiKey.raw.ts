import { createApiKeyClient } from '@ncloud-apigw/client'

// The typed openapi-fetch client underneath: same signing and retries, documented shapes.
const { raw } = createApiKeyClient()

const { data, error, response } = await raw.POST('/api-keys', {
  body: { apiKeyName: 'ci-bot', apiKeyDescription: 'Deploys from CI' },
})
if (error) throw new Error(`HTTP ${response.status}, NCP error ${error.error.errorCode}: ${error.error.message}`)
console.log(data.apiKey.apiKeyId) // create, update and regenerate wrap the key in `apiKey`
