// Cold start, ours: a fresh Node process imports @ncloud-apigw/client (its Node entry, as
// published), creates a client and makes one signed getApiKey call. `node cold-client.js <baseUrl> <id>`
import { createApiKeyClient } from '@ncloud-apigw/client'

const [baseUrl, id] = process.argv.slice(2) as [string, string]
const apigw = createApiKeyClient({ baseUrl, credentials: { accessKey: 'NCPEXAMPLEACCESSKEY1', secretKey: 'NCPEXAMPLESECRETKEY000000000000000000001' } })
const key = await apigw.getApiKey(id)
if (key.apiKeyId !== id) throw new Error('wrong answer')
