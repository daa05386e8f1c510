import { createApiKeyClient } from '@ncloud-apigw/client'

const { raw } = createApiKeyClient()

const { data, error, response } = await raw.PATCH('/api-keys/{api-key-id}', {
  params: { path: { 'api-key-id': 'cvcohvd2xj' } },
  body: { keyType: 'SECONDARY' },
})
if (error) throw new Error(`HTTP ${response.status}, NCP error ${error.error.errorCode}: ${error.error.message}`)
console.log('Regenerated the secondary key of', data.apiKey.apiKeyId)
