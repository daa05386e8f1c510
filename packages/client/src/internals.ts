import type { ApiKeyClient } from './options.js'
import type { Send } from './exchange.js'

/**
 * What `createRawClient` needs of a client and the client does not show: its transport and
 * limits. Kept beside the client rather than on it, so the typed raw client costs nothing to a
 * program that never imports it.
 */
export interface ClientInternals {
  baseUrl: string
  send: Send
  timeoutMs: number
  maxAttempts: number
}

export const internals = new WeakMap<ApiKeyClient, ClientInternals>()
