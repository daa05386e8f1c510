/**
 * `@ncloud-apigw/client` for browsers, Deno, Bun and edge workers (the `default` export
 * condition): no `node:` imports, so credentials are given explicitly or by an async provider.
 * Node resolves to `node.ts`, which has the same API and adds the environment and
 * `~/.ncloud/configure` credentials chain, proxies from the environment and a User-Agent.
 */
import { createApiKeyClientWith } from './client.js'
import { NcpCredentialsError } from './errors.js'
import type { ApiKeyClient, ApiKeyClientOptions, FindNcpCredentialsOptions, FoundCredentials } from './options.js'

export * from './exports.js'

/** A client for the API Key operations. */
export function createApiKeyClient(options: ApiKeyClientOptions = {}): ApiKeyClient {
  return createApiKeyClientWith(({ credentials }) => {
    if (!credentials) throw new NcpCredentialsError('No NCP credentials: pass the credentials option.', ['the credentials option (the only source outside Node)'])
    return { credentials }
  }, options)
}

/** Node only: outside Node there is no environment or `~/.ncloud/configure` to read, so this throws `NcpCredentialsError`. */
export function findNcpCredentials(_options?: FindNcpCredentialsOptions): FoundCredentials {
  throw new NcpCredentialsError('No NCP credentials outside Node: pass the credentials option.', ['nothing (only Node reads the environment and ~/.ncloud/configure)'])
}
