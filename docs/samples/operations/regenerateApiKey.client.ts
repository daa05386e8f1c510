import { createApiKeyClient } from '@ncloud-apigw/client'

const apigw = createApiKeyClient()

// Not repeated once it may have reached NCP: a repeat
// would rotate the key twice. Move callers to the primary
// key first.
const key = await apigw.regenerateApiKey(
  'cvcohvd2xj',
  'SECONDARY',
)
const { apiKeyId } = key
console.log('Regenerated the secondary key of', apiKeyId)
