import type { StringToSignInput } from './types.js'

/**
 * The string NCP signature v2 signs: `METHOD pathWithQuery`, the timestamp and the access key,
 * joined by `\n` with no trailing newline.
 */
export function stringToSign({ method, pathWithQuery, timestamp, accessKey }: StringToSignInput): string {
  return `${method.toUpperCase()} ${pathWithQuery}\n${timestamp}\n${accessKey}`
}
