import { createApiKeyClient } from '@ncloud-apigw/client'

const apigw = createApiKeyClient()

// Not retried: a repeat would rotate the key twice. Move callers to the primary key first.
const key = await apigw.regenerateApiKey('cvcohvd2xj', 'SECONDARY')
console.log('Regenerated the secondary key of', key.apiKeyId)
