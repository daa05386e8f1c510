import { createApiKeyClient } from '@ncloud-apigw/client'

const apigw = createApiKeyClient()

// isEnabled and apiKeyName are required: send the current
// name to change only the state. Idempotent, so retried
// like a read.
const key = await apigw.updateApiKey('cvcohvd2xj', {
  apiKeyName: 'ci-bot',
  apiKeyDescription: 'Paused',
  isEnabled: false,
})
console.log(key.apiKeyName, key.isEnabled)
