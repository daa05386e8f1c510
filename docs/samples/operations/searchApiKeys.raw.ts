import {
  createApiKeyClient,
  createRawClient,
} from '@ncloud-apigw/client'

const raw = createRawClient(createApiKeyClient())

const { data, error, response } =
  await raw.POST('/api-keys/search', {
    body: {
      productId: '*****xn0bk',
      apiKeyName: 'apiKey-***',
      statusSet: ['REQUEST'],
      offset: 6,
      limit: 1,
    },
  })
if (error) {
  const { errorCode, message } = error.error
  const { status } = response
  throw new Error(
    `HTTP ${status}, NCP error ${errorCode}: ${message}`,
  )
}
const statuses = data.apiKeys.map((key) => key.status)
console.log(data.total, statuses)
