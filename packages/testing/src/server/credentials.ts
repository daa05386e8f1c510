import type { Credentials } from '../types.js'

/**
 * The credentials a fake API Gateway accepts when none are given. Obviously fake, published on
 * purpose: they work only against this fake server.
 */
export const TEST_CREDENTIALS: Credentials = Object.freeze({
  accessKey: 'NCPFAKEACCESSKEY0001',
  secretKey: 'NCPFAKESECRETKEY000000000000000000000001',
})

/** One pair or several, as the options accept them, as a map from access key to secret key. */
export function credentialMap(credentials: Credentials | readonly Credentials[] | undefined): Map<string, string> {
  const list: readonly Credentials[] =
    credentials === undefined ? [TEST_CREDENTIALS] : 'accessKey' in credentials ? [credentials] : credentials
  if (list.length === 0) throw new RangeError('credentials: give at least one { accessKey, secretKey } pair')
  const map = new Map<string, string>()
  for (const [i, c] of list.entries()) {
    if (typeof c?.accessKey !== 'string' || c.accessKey === '' || typeof c.secretKey !== 'string' || c.secretKey === '') {
      throw new TypeError(`credentials[${i}]: accessKey and secretKey must be non-empty strings`)
    }
    map.set(c.accessKey, c.secretKey)
  }
  return map
}
