import { NcpCredentialsError } from './errors.js'
import type { Credentials, CredentialsProvider } from './options.js'

/** Credentials from an object or a provider, checked so that a bad provider fails clearly. */
export async function resolveCredentials(source: Credentials | CredentialsProvider): Promise<Credentials> {
  const credentials = typeof source === 'function' ? await source() : source
  if (!credentials || typeof credentials.accessKey !== 'string' || !credentials.accessKey || typeof credentials.secretKey !== 'string' || !credentials.secretKey) {
    throw new NcpCredentialsError('The credentials given lack an accessKey or a secretKey (both non-empty strings).', [
      'the credentials option',
    ])
  }
  return credentials
}
