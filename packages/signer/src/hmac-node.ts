import { createHmac } from 'node:crypto'

/** HMAC-SHA256 with node:crypto: synchronous and about twenty times cheaper than Web Crypto on Node. */
export function hmacSha256Base64(secretKey: string, message: string): string {
  return createHmac('sha256', secretKey).update(message).digest('base64')
}
