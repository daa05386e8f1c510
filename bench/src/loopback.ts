import { signRequest } from '@ncloud-apigw/signer'
import { createApiKeyClient } from '@ncloud-apigw/client'
import { type Comparison, compare, type Effort } from './compare.js'
import { API_KEY, startMinimalServer } from './minimal-server.js'

export const CONCURRENCY = 64
export const credentials = { accessKey: 'NCPEXAMPLEACCESSKEY1', secretKey: 'NCPEXAMPLESECRETKEY000000000000000000001' }

/**
 * A full `getApiKey` (validate, sign, send, read, parse, unwrap) against a raw `fetch` of the
 * same URL with headers computed once beforehand, both reading the JSON answer; sequential
 * calls, and batches of 64 concurrent calls.
 */
export async function loopbackComparisons(effort: Effort): Promise<Comparison[]> {
  const server = await startMinimalServer()
  try {
    const apigw = createApiKeyClient({ baseUrl: server.baseUrl, credentials })
    const url = `${server.baseUrl}/api-keys/${API_KEY.apiKeyId}`
    const headers: Record<string, string> = { ...(await signRequest({ method: 'GET', url, ...credentials })) }
    const raw = async () => (await fetch(url, { headers })).json() as Promise<typeof API_KEY>
    const client = () => apigw.getApiKey(API_KEY.apiKeyId)
    if ((await client()).primaryKey !== (await raw()).primaryKey) throw new Error('the client and raw fetch disagree')

    const sequential = await compare('loopback-sequential', ['fetch, precomputed headers', raw], ['apigw.getApiKey(id)', client], effort)
    const batch = (call: () => Promise<unknown>) => () => Promise.all(Array.from({ length: CONCURRENCY }, call))
    const concurrent = await compare(
      'loopback-concurrent',
      [`${CONCURRENCY} × fetch, precomputed headers`, batch(raw)],
      [`${CONCURRENCY} × apigw.getApiKey(id)`, batch(client)],
      effort,
    )
    return [sequential, concurrent]
  } finally {
    await server.close()
  }
}
