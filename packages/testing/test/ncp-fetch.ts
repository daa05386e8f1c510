// Test-only NCP client: plain fetch, signed with node:crypto written here, independently of the
// package under test, so a bug in the fake's verifier cannot be mirrored by the tests.
import { createHmac } from 'node:crypto'
import { request as httpRequest } from 'node:http'

export interface TestCredentials {
  readonly accessKey: string
  readonly secretKey: string
}

export function signature(secretKey: string, method: string, pathWithQuery: string, timestamp: string, accessKey: string): string {
  return createHmac('sha256', secretKey).update(`${method} ${pathWithQuery}\n${timestamp}\n${accessKey}`).digest('base64')
}

export function signedHeaders(
  method: string,
  url: string,
  credentials: TestCredentials,
  timestamp = String(Date.now()),
): Record<string, string> {
  const { pathname, search } = new URL(url)
  return {
    'x-ncp-apigw-timestamp': timestamp,
    'x-ncp-iam-access-key': credentials.accessKey,
    'x-ncp-apigw-signature-v2': signature(credentials.secretKey, method, pathname + search, timestamp, credentials.accessKey),
  }
}

export interface CallOptions {
  readonly body?: unknown
  readonly timestamp?: string
  readonly headers?: Record<string, string>
  readonly signal?: AbortSignal
}

/** A signed fetch of `base + path`, JSON body when given. */
export function ncpFetch(
  base: string,
  credentials: TestCredentials,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<Response> {
  const url = base + path
  return fetch(url, {
    method,
    headers: {
      ...signedHeaders(method, url, credentials, options.timestamp),
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...options.headers,
    },
    ...(options.body === undefined ? {} : { body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body) }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  })
}

export interface RawResponse {
  readonly status: number
  readonly headers: Record<string, string | string[] | undefined>
  readonly body: string
}

/**
 * Sends a request with node:http, whose request target goes on the wire byte for byte as given
 * (fetch normalises URLs first), signed over exactly that target.
 */
export function rawRequest(
  base: string,
  credentials: TestCredentials,
  method: string,
  pathWithQuery: string,
  options: { body?: string; headers?: Record<string, string> } = {},
): Promise<RawResponse> {
  const { hostname, port } = new URL(base)
  const timestamp = String(Date.now())
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: hostname,
        port,
        method,
        path: pathWithQuery,
        headers: {
          'x-ncp-apigw-timestamp': timestamp,
          'x-ncp-iam-access-key': credentials.accessKey,
          'x-ncp-apigw-signature-v2': signature(credentials.secretKey, method, pathWithQuery, timestamp, credentials.accessKey),
          ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...options.headers,
        },
      },
      (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (body += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}
