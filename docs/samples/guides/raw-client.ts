import { createSigningMiddleware } from '@ncloud-apigw/client'
import type { paths } from '@ncloud-apigw/types'
import createClient from 'openapi-fetch'

const accessKey = process.env.NCLOUD_ACCESS_KEY_ID
const secretKey = process.env.NCLOUD_SECRET_ACCESS_KEY
if (!accessKey || !secretKey) {
  throw new Error(
    'Set NCLOUD_ACCESS_KEY_ID and NCLOUD_SECRET_ACCESS_KEY ' +
      'to your NCP access key and secret key.',
  )
}

// Your own openapi-fetch client, signed by the same middleware the SDK uses.
const client = createClient<paths>({
  baseUrl: 'https://apigateway.apigw.ntruss.com/api/v1',
})
client.use(createSigningMiddleware({ credentials: { accessKey, secretKey } }))

const { data, error } = await client.GET('/api-keys/{api-key-id}', {
  params: { path: { 'api-key-id': 'cvcohvd2xj' } },
})
console.log(data?.apiKeyName ?? error?.error.message)
