import { createHmac } from 'node:crypto'
import { signRequest } from '@ncloud-apigw/signer'
import { createApiKeyClient } from '@ncloud-apigw/client'
import { type Comparison, compare, type Effort } from './compare.js'
import { API_KEY, startMinimalServer } from './minimal-server.js'

export const CONCURRENCY = 64
/** The throughput row's batch: this many calls in flight at once. */
export const THROUGHPUT_BATCH = 1000
export const credentials = { accessKey: 'NCPEXAMPLEACCESSKEY1', secretKey: 'NCPEXAMPLESECRETKEY000000000000000000001' }
/** The client's default per-attempt timeout, which the floor arms as well. */
const TIMEOUT_MS = 30_000

/**
 * The floor of a signed, bounded call, written by hand as a careful caller would: a fresh
 * timestamp and signature (node:crypto, as the client's Node entry signs), an AbortController
 * and a timer for the attempt, `fetch`, and `.json()`. No validation, retries or typed errors.
 */
export function floorCall(url: string): () => Promise<unknown> {
  const { pathname } = new URL(url)
  const { accessKey, secretKey } = credentials
  return async () => {
    const timestamp = String(Date.now())
    const signature = createHmac('sha256', secretKey).update(`GET ${pathname}\n${timestamp}\n${accessKey}`).digest('base64')
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(), TIMEOUT_MS)
    try {
      const response = await fetch(url, {
        headers: { 'x-ncp-apigw-timestamp': timestamp, 'x-ncp-iam-access-key': accessKey, 'x-ncp-apigw-signature-v2': signature },
        signal: controller.signal,
      })
      return await response.json()
    } finally {
      clearTimeout(timer)
    }
  }
}

/**
 * A full `getApiKey` (validate, sign, send, read, parse, check, unwrap) against a bare `fetch`
 * of the same URL with headers computed once beforehand and `.json()`: sequential calls and
 * batches of 64 concurrent calls; against the hand-written floor (`floorCall`), sequential; and
 * batches of 1,000 concurrent calls, as calls per second.
 */
export async function loopbackComparisons(effort: Effort): Promise<Comparison[]> {
  const server = await startMinimalServer()
  try {
    const apigw = createApiKeyClient({ baseUrl: server.baseUrl, credentials })
    const url = `${server.baseUrl}/api-keys/${API_KEY.apiKeyId}`
    const headers: Record<string, string> = { ...(await signRequest({ method: 'GET', url, ...credentials })) }
    const raw = async () => (await fetch(url, { headers })).json() as Promise<typeof API_KEY>
    const floor = floorCall(url)
    const client = () => apigw.getApiKey(API_KEY.apiKeyId)
    for (const other of [raw, floor]) {
      if ((await client()).primaryKey !== ((await other()) as typeof API_KEY).primaryKey) throw new Error('the client and its baselines disagree')
    }
    const batch = (size: number, call: () => Promise<unknown>) => () => Promise.all(Array.from({ length: size }, call))

    const sequential = await compare('loopback-sequential', ['fetch, precomputed headers', raw], ['apigw.getApiKey(id)', client], effort)
    const concurrent = await compare(
      'loopback-concurrent',
      [`${CONCURRENCY} × fetch, precomputed headers`, batch(CONCURRENCY, raw)],
      [`${CONCURRENCY} × apigw.getApiKey(id)`, batch(CONCURRENCY, client)],
      effort,
    )
    const floored = await compare('loopback-floor', ['hand-written fetch, fresh signature, per-attempt timer', floor], ['apigw.getApiKey(id)', client], effort)
    const throughput = await compare(
      'loopback-throughput',
      [`${THROUGHPUT_BATCH} × fetch, precomputed headers`, batch(THROUGHPUT_BATCH, raw)],
      [`${THROUGHPUT_BATCH} × apigw.getApiKey(id)`, batch(THROUGHPUT_BATCH, client)],
      effort,
    )
    return [sequential, concurrent, floored, throughput]
  } finally {
    await server.close()
  }
}
