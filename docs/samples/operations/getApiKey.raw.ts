import {
  createApiKeyClient,
  createRawClient,
} from '@ncloud-apigw/client'

const raw = createRawClient(createApiKeyClient())

const { data, error, response } =
  await raw.GET('/api-keys/{api-key-id}', {
    params: { path: { 'api-key-id': 'cvcohvd2xj' } },
  })
if (error) {
  const { errorCode, message } = error.error
  const { status } = response
  throw new Error(
    `HTTP ${status}, NCP error ${errorCode}: ${message}`,
  )
}
// get answers the key itself, not wrapped
console.log(data.apiKeyName, data.isEnabled)
