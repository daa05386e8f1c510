import {
  createApiKeyClient,
  createRawClient,
} from '@ncloud-apigw/client'

const raw = createRawClient(createApiKeyClient())

const { error, response } = await raw.PATCH(
  '/products/{product-id}/api-keys/{api-key-id}',
  {
    params: {
      path: {
        'product-id': '***ksk9***',
        'api-key-id': '***fmy2***',
      },
    },
    body: { status: 'ACCEPTED' },
  },
)
if (error) {
  const { errorCode, message } = error.error
  const { status } = response
  throw new Error(
    `HTTP ${status}, NCP error ${errorCode}: ${message}`,
  )
}
console.log(response.status) // 204 No Content, no body
