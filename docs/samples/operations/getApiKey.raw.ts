import { createApiKeyClient } from '@ncloud-apigw/client'

const { raw } = createApiKeyClient()

const { data, error, response } = await raw.GET('/api-keys/{api-key-id}', {
  params: { path: { 'api-key-id': 'cvcohvd2xj' } },
})
if (error) throw new Error(`HTTP ${response.status}, NCP error ${error.error.errorCode}: ${error.error.message}`)
console.log(data.apiKeyName, data.isEnabled) // get returns the key itself, not wrapped
