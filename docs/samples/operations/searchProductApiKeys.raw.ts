import {
  createApiKeyClient,
  createRawClient,
} from '@ncloud-apigw/client'

const raw = createRawClient(createApiKeyClient())

const { data, error, response } = await raw.POST(
  '/products/{product-id}/api-keys/search',
  {
    params: { path: { 'product-id': '***ksk9***' } },
    body: { limit: 1, statusSet: ['ACCEPTED'] },
  },
)
if (error) {
  const { errorCode, message } = error.error
  const { status } = response
  throw new Error(
    `HTTP ${status}, NCP error ${errorCode}: ${message}`,
  )
}
// The page is wrapped in apiKeyPage; its items hold key
// values, so print only their IDs.
const { content, total } = data.apiKeyPage
console.log(total, content.map((key) => key.apiKeyId))
