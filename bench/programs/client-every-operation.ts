// The same four calls through a client of every operation (createApiKeyClient): what a program
// carries when it does not name the operations it uses. No baseUrl: the public site.
import { createApiKeyClient } from '@ncloud-apigw/client'

const apigw = createApiKeyClient({
  credentials: { accessKey: 'NCPEXAMPLEACCESSKEY1', secretKey: 'NCPEXAMPLESECRETKEY000000000000000000001' },
})
const key = await apigw.createApiKey({ apiKeyName: 'ci-bot', apiKeyDescription: 'deploys' })
await apigw.getApiKey(key.apiKeyId)
await apigw.updateApiKey(key.apiKeyId, { apiKeyName: 'ci-bot', isEnabled: false })
await apigw.regenerateApiKey(key.apiKeyId, 'SECONDARY')
