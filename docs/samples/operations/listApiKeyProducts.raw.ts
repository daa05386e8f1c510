import {
  createApiKeyClient,
  createRawClient,
} from '@ncloud-apigw/client'

const raw = createRawClient(createApiKeyClient())

const { data, error, response } =
  await raw.GET('/api-keys/{api-key-id}/products', {
    params: {
      path: { 'api-key-id': '*****vg079' },
      query: { offset: 0, limit: 20 },
    },
  })
if (error) {
  const { errorCode, message } = error.error
  const { status } = response
  throw new Error(
    `HTTP ${status}, NCP error ${errorCode}: ${message}`,
  )
}
for (const product of data.apiKeyRelateProductDtos) {
  console.log(product.productId, product.status)
}
