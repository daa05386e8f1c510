import {
  createApiKeyClient,
  createRawClient,
} from '@ncloud-apigw/client'

// The typed openapi-fetch client of the spec, sending
// through the client: same signing and retries, the
// documented shapes.
const raw = createRawClient(createApiKeyClient())

const { data, error, response } =
  await raw.POST('/api-keys', {
    body: {
      apiKeyName: 'ci-bot',
      apiKeyDescription: 'Deploys from CI',
    },
  })
if (error) {
  const { errorCode, message } = error.error
  const { status } = response
  throw new Error(
    `HTTP ${status}, NCP error ${errorCode}: ${message}`,
  )
}
// create, update and regenerate wrap the key in `apiKey`
console.log(response.status, data.apiKey.apiKeyId)
