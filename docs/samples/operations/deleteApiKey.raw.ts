import {
  createApiKeyClient,
  createRawClient,
} from '@ncloud-apigw/client'

const raw = createRawClient(createApiKeyClient())

const { error, response } =
  await raw.DELETE('/api-keys/{api-key-id}', {
    params: { path: { 'api-key-id': 'cvcohvd2xj' } },
  })
if (error) {
  const { errorCode, message } = error.error
  const { status } = response
  throw new Error(
    `HTTP ${status}, NCP error ${errorCode}: ${message}`,
  )
}
console.log(response.status) // 204 No Content, no body
