import {
  createApiKeyClient,
  createRawClient,
} from '@ncloud-apigw/client'

const raw = createRawClient(createApiKeyClient())

// The path, in two pieces to fit this panel; `as const`
// keeps it the one path of the spec's types.
const path =
  `/products/{product-id}/api-keys/{api-key-id}${
    '/stages/{stage-id}'
  }` as const
const { error, response } = await raw.PUT(path, {
  params: {
    path: {
      'product-id': '***ksk9***',
      'api-key-id': '***fmy2***',
      'stage-id': '***5ei7***',
    },
  },
  body: { usagePlanId: '***9rpm***' },
})
if (error) {
  const { errorCode, message } = error.error
  const { status } = response
  throw new Error(
    `HTTP ${status}, NCP error ${errorCode}: ${message}`,
  )
}
console.log(response.status) // 204 No Content, no body
