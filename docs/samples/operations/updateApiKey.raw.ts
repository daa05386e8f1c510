import { createApiKeyClient } from '@ncloud-apigw/client'

const { raw } = createApiKeyClient()

const { data, error, response } = await raw.PUT('/api-keys/{api-key-id}', {
  params: { path: { 'api-key-id': 'cvcohvd2xj' } },
  body: { apiKeyName: 'ci-bot', apiKeyDescription: 'Paused', isEnabled: false },
})
if (error) throw new Error(`HTTP ${response.status}, NCP error ${error.error.errorCode}: ${error.error.message}`)
console.log(data.apiKey.isEnabled)
