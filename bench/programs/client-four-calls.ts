// The four calls through @ncloud-apigw/client's browser entry: signed, validated, retried.
import { createApiKeyClient } from '@ncloud-apigw/client'

const apigw = createApiKeyClient({
  credentials: { accessKey: 'NCPEXAMPLEACCESSKEY1', secretKey: 'NCPEXAMPLESECRETKEY000000000000000000001' },
  baseUrl: '/api/v1',
})
const key = await apigw.createApiKey({ apiKeyName: 'ci-bot', apiKeyDescription: 'deploys' })
await apigw.getApiKey(key.apiKeyId)
await apigw.updateApiKey(key.apiKeyId, { apiKeyName: 'ci-bot', isEnabled: false })
await apigw.regenerateApiKey(key.apiKeyId, 'SECONDARY')
