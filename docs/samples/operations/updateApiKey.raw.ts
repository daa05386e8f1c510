import {
  createApiKeyClient,
  createRawClient,
} from '@ncloud-apigw/client'

const raw = createRawClient(createApiKeyClient())

const { data, error, response } =
  await raw.PUT('/api-keys/{api-key-id}', {
    params: { path: { 'api-key-id': 'cvcohvd2xj' } },
    body: {
      apiKeyName: 'ci-bot',
      apiKeyDescription: 'Paused',
      isEnabled: false,
    },
  })
if (error) {
  const { errorCode, message } = error.error
  const { status } = response
  throw new Error(
    `HTTP ${status}, NCP error ${errorCode}: ${message}`,
  )
}
console.log(data.apiKey.isEnabled)
