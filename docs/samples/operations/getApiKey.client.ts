import {
  createApiKeyClient,
  NcpApiError,
} from '@ncloud-apigw/client'

const apigw = createApiKeyClient()

try {
  // Retried on network errors, 429, 502, 503 and 504.
  const key = await apigw.getApiKey('cvcohvd2xj')
  console.log(key.apiKeyName, key.isEnabled, key.modTime)
} catch (error) {
  const notFound =
    error instanceof NcpApiError && error.status === 404
  if (!notFound) throw error
  console.log('No API key with that ID')
}
