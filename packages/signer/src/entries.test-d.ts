import { expectTypeOf, test } from 'vitest'
import { signRequest, type SignatureHeaders } from './index.js'
import type * as webEntry from './index.js'
import type * as nodeEntry from './node.js'

/** What `fetch` and `new Headers()` take (undici's `HeadersInit`; lib.dom's on the web). */
type HeadersInit = NonNullable<RequestInit['headers']>

test('both entries have the same API, so one declaration file serves both', () => {
  expectTypeOf<typeof nodeEntry>().toEqualTypeOf<typeof webEntry>()
})

test("signRequest's headers go to fetch, Headers and a Record<string, string> as they are", async () => {
  const url = 'https://apigateway.apigw.ntruss.com/api/v1/api-keys/cvcohvd2xj'
  const headers = await signRequest({ method: 'GET', url, accessKey: 'access', secretKey: 'secret' })
  // Each line failed to compile while SignatureHeaders was an interface (TS2769, TS2345, TS2322:
  // "Index signature for type 'string' is missing in type 'SignatureHeaders'").
  void fetch(url, { headers })
  void new Headers(headers)
  const record: Record<string, string> = headers
  const init: HeadersInit = headers
  expectTypeOf(headers).toExtend<Record<string, string>>()
  expectTypeOf(headers).toExtend<HeadersInit>()
  void record
  void init
})

test('the named headers stay typed', () => {
  expectTypeOf<SignatureHeaders['x-ncp-apigw-timestamp']>().toEqualTypeOf<string>()
  expectTypeOf<SignatureHeaders['x-ncp-iam-access-key']>().toEqualTypeOf<string>()
  expectTypeOf<SignatureHeaders['x-ncp-apigw-signature-v2']>().toEqualTypeOf<string>()
  expectTypeOf<SignatureHeaders>().toHaveProperty('x-ncp-apigw-signature-v2')
})
