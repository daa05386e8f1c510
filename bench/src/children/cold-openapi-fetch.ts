// Cold start, the baseline: a fresh Node process imports openapi-fetch alone, creates a client
// that signs with node:crypto in a middleware, and makes the same signed call.
// `node cold-openapi-fetch.js <baseUrl> <id>`
import { createHmac } from 'node:crypto'
import type { paths } from '@ncloud-apigw/types'
import createClient from 'openapi-fetch'

const [baseUrl, id] = process.argv.slice(2) as [string, string]
const accessKey = 'NCPEXAMPLEACCESSKEY1'
const secretKey = 'NCPEXAMPLESECRETKEY000000000000000000001'
const client = createClient<paths>({ baseUrl })
client.use({
  onRequest({ request }) {
    const { pathname, search } = new URL(request.url)
    const timestamp = String(Date.now())
    request.headers.set('x-ncp-apigw-timestamp', timestamp)
    request.headers.set('x-ncp-iam-access-key', accessKey)
    request.headers.set('x-ncp-apigw-signature-v2', createHmac('sha256', secretKey).update(`${request.method} ${pathname}${search}\n${timestamp}\n${accessKey}`).digest('base64'))
    return request
  },
})
const { data } = await client.GET('/api-keys/{api-key-id}', { params: { path: { 'api-key-id': id } } })
if (data?.apiKeyId !== id) throw new Error('wrong answer')
