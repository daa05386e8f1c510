import { createSigningMiddleware } from '@ncloud-apigw/client'
import type { paths } from '@ncloud-apigw/types'
import createClient from 'openapi-fetch'

// Your own openapi-fetch client, signed by the same middleware the SDK uses.
const client = createClient<paths>({
  baseUrl: 'https://apigateway.apigw.ntruss.com/api/v1',
})
client.use(
  createSigningMiddleware({
    credentials: () => ({
      accessKey: process.env.NCLOUD_ACCESS_KEY_ID ?? '',
      secretKey: process.env.NCLOUD_SECRET_ACCESS_KEY ?? '',
    }),
  }),
)

const { data, error } = await client.GET('/api-keys/{api-key-id}', {
  params: { path: { 'api-key-id': 'cvcohvd2xj' } },
})
console.log(data?.apiKeyName ?? error?.error.message)
