import {
  createApiKeyClient,
  createRawClient,
} from '@ncloud-apigw/client'

const raw = createRawClient(createApiKeyClient())

const { data, error, response } =
  await raw.PATCH('/api-keys/{api-key-id}', {
    params: { path: { 'api-key-id': 'cvcohvd2xj' } },
    body: { keyType: 'SECONDARY' },
  })
if (error) {
  const { errorCode, message } = error.error
  const { status } = response
  throw new Error(
    `HTTP ${status}, NCP error ${errorCode}: ${message}`,
  )
}
const { apiKeyId } = data.apiKey
console.log('Regenerated the secondary key of', apiKeyId)
