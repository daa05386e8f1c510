import {
  createApiKeyClient,
  createRawClient,
} from '@ncloud-apigw/client'

const raw = createRawClient(createApiKeyClient())

const { error, response } = await raw.POST(
  '/api-keys/{api-key-id}/unsubscribe',
  {
    params: { path: { 'api-key-id': '*****vg079' } },
    body: { productId: '*****xn0bk' },
  },
)
if (error) {
  const { errorCode, message } = error.error
  const { status } = response
  throw new Error(
    `HTTP ${status}, NCP error ${errorCode}: ${message}`,
  )
}
console.log(response.status) // 200, no body
