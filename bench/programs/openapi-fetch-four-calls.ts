// The baseline: openapi-fetch alone making the four raw calls (no signing, validation or retries).
import type { paths } from '@ncloud-apigw/types'
import createClient from 'openapi-fetch'

const raw = createClient<paths>({ baseUrl: '/api/v1' })
const created = await raw.POST('/api-keys', { body: { apiKeyName: 'ci-bot', apiKeyDescription: 'deploys' } })
const id = created.data!.apiKey.apiKeyId
const path = { 'api-key-id': id }
await raw.GET('/api-keys/{api-key-id}', { params: { path } })
await raw.PUT('/api-keys/{api-key-id}', { params: { path }, body: { apiKeyName: 'ci-bot', isEnabled: false } })
await raw.PATCH('/api-keys/{api-key-id}', { params: { path }, body: { keyType: 'SECONDARY' } })
