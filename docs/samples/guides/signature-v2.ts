import { createHmac } from 'node:crypto'

/** The three NCP signature v2 headers for one request, with nothing but node:crypto. */
export function signatureV2Headers(method: string, url: string, accessKey: string, secretKey: string, now = Date.now()) {
  // fetch sends the URL as the WHATWG URL parser writes it, so sign that same form.
  const { pathname, search } = new URL(url)
  const timestamp = String(now)
  const stringToSign = `${method.toUpperCase()} ${pathname}${search}\n${timestamp}\n${accessKey}`
  return {
    'x-ncp-apigw-timestamp': timestamp,
    'x-ncp-iam-access-key': accessKey,
    'x-ncp-apigw-signature-v2': createHmac('sha256', secretKey).update(stringToSign).digest('base64'),
  }
}
