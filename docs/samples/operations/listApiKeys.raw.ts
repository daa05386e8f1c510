import {
  createApiKeyClient,
  createRawClient,
} from '@ncloud-apigw/client'

const raw = createRawClient(createApiKeyClient())

const { data, error, response } =
  await raw.GET('/api-keys', {
    params: {
      query: { offset: 0, limit: 20, apiKeyName: 'ci-bot' },
    },
  })
if (error) {
  const { errorCode, message } = error.error
  const { status } = response
  throw new Error(
    `HTTP ${status}, NCP error ${errorCode}: ${message}`,
  )
}
const names = data.apiKeys.map((key) => key.apiKeyName)
console.log(data.total, names)
