import { createHmac, webcrypto } from 'node:crypto'
import * as nodeSigner from '@ncloud-apigw/signer'
import { type Comparison, compare, type Effort } from './compare.js'
import { importBuilt } from './entries.js'

// A typical getApiKey request: the string to sign is about 90 bytes.
const input = {
  method: 'GET',
  pathWithQuery: '/api/v1/api-keys/cvcohvd2xj',
  timestamp: '1715065692000',
  accessKey: 'NCPEXAMPLEACCESSKEY1',
  secretKey: 'NCPEXAMPLESECRETKEY000000000000000000001',
}
const message = `${input.method} ${input.pathWithQuery}\n${input.timestamp}\n${input.accessKey}`

/**
 * Each entry of `@ncloud-apigw/signer` against the floor of its primitive: `sign()` of the
 * node:crypto entry against a bare `createHmac` + Base64 of the same string, and `sign()` of the
 * Web Crypto entry against a bare `crypto.subtle.sign` with a key imported beforehand (plus the
 * UTF-8 encoding and Base64 that any caller needs to get the same header value).
 */
export async function signingComparisons(effort: Effort): Promise<Comparison[]> {
  const webSigner = await importBuilt<typeof nodeSigner>('@ncloud-apigw/signer', 'dist/index.js')
  const expected = createHmac('sha256', input.secretKey).update(message).digest('base64')
  // Guard against measuring something that does not sign correctly.
  for (const signer of [nodeSigner, webSigner]) {
    if ((await signer.sign(input)) !== expected) throw new Error('the signer does not reproduce the reference signature')
  }

  const node = await compare(
    'signer-node',
    ['createHmac + base64', () => createHmac('sha256', input.secretKey).update(message).digest('base64')],
    ['sign() (node entry)', () => nodeSigner.sign(input)],
    effort,
  )

  const encoder = new TextEncoder()
  const key = await webcrypto.subtle.importKey('raw', encoder.encode(input.secretKey), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
  const web = await compare(
    'signer-web',
    [
      'crypto.subtle.sign, key imported',
      async () => btoa(String.fromCharCode(...new Uint8Array(await webcrypto.subtle.sign('HMAC', key, encoder.encode(message))))),
    ],
    ['sign() (Web Crypto entry)', () => webSigner.sign(input)],
    effort,
  )
  return [node, web]
}
