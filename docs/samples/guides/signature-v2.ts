import { createHmac } from 'node:crypto'

/** The three NCP signature v2 headers of a request, with only node:crypto. */
export function signatureV2Headers(
  method: string,
  url: string,
  accessKey: string,
  secretKey: string,
  now = Date.now(),
) {
  // fetch sends the URL as the WHATWG URL parser writes it: sign that form,
  // the query included, in the order sent.
  const { pathname, search } = new URL(url)
  const timestamp = String(now)
  const stringToSign =
    `${method.toUpperCase()} ${pathname}${search}\n${timestamp}\n${accessKey}`
  const signature = createHmac('sha256', secretKey)
    .update(stringToSign)
    .digest('base64')
  return {
    'x-ncp-apigw-timestamp': timestamp,
    'x-ncp-iam-access-key': accessKey,
    'x-ncp-apigw-signature-v2': signature,
  }
}
