// Run by memory.ts as `node --expose-gc dist/memory-child.js <client|fetch> <baseUrl> <calls> <warmup>`:
// makes the calls one after another and prints the heap used, after a full collection, at every
// thousandth call, as one JSON line.
import { createApiKeyClient } from '@ncloud-apigw/client'
import { credentials } from './loopback.js'
import { API_KEY } from './minimal-server.js'

const [what, baseUrl, callsArg, warmupArg] = process.argv.slice(2)
const gc = (globalThis as { gc?: () => void }).gc
if (!gc || !baseUrl) throw new Error('usage: node --expose-gc memory-child.js <client|fetch> <baseUrl> <calls> <warmup>')

const STEP = 1000
const apigw = createApiKeyClient({ baseUrl, credentials })
const url = `${baseUrl}/api-keys/${API_KEY.apiKeyId}`
const headers = { 'x-ncp-apigw-timestamp': '0', 'x-ncp-iam-access-key': credentials.accessKey, 'x-ncp-apigw-signature-v2': 'unchecked' }
const call = what === 'client' ? () => apigw.getApiKey(API_KEY.apiKeyId) : async () => (await fetch(url, { headers })).json()

function heapUsed(): number {
  // Twice: weak references and finalizers freed by the first pass are collected by the second.
  gc!()
  gc!()
  return process.memoryUsage().heapUsed
}

for (let i = 0; i < Number(warmupArg); i++) await call()
const checkpoints: Array<[calls: number, heapUsed: number]> = [[0, heapUsed()]]
for (let i = 1; i <= Number(callsArg); i++) {
  await call()
  if (i % STEP === 0) checkpoints.push([i, heapUsed()])
}
process.stdout.write(`${JSON.stringify({ checkpoints })}\n`)
