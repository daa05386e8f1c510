/**
 * `@ncloud-apigw/client` for browsers, Deno, Bun and edge workers (the `default` export
 * condition): no `node:` imports, so credentials are given explicitly or by an async provider.
 * Node resolves to `node.ts`, which has the same API and adds the environment and
 * `~/.ncloud/configure` credentials chain, proxies from the environment and a User-Agent.
 */
import { operations } from '@ncloud-apigw/operations'
import { createApiKeyClientWith, type ResolveDefaults } from './client.js'
import { NcpCredentialsError } from './errors.js'
import type { ApiKeyClient, ApiKeyClientFor, ApiKeyClientOptions, FindNcpCredentialsOptions, FoundCredentials, OperationEntry } from './options.js'

export * from './exports.js'

const browserDefaults: ResolveDefaults = ({ credentials }) => {
  if (!credentials) throw new NcpCredentialsError('No NCP credentials: pass the credentials option.', ['the credentials option (the only source outside Node)'])
  return { credentials }
}

/** A client for every operation: a method each, and a paginator for each that answers a page. */
export function createApiKeyClient(options: ApiKeyClientOptions = {}): ApiKeyClient {
  return createApiKeyClientWith(browserDefaults, options, Object.values(operations))
}

/**
 * A client for the operations named (their entries, from `@ncloud-apigw/client/operations`), with
 * the same methods as `createApiKeyClient`'s for those: a bundler leaves the others out of a
 * program that uses only these: `createApiKeyClientFor([...the entries of the operations it calls])`.
 */
export function createApiKeyClientFor<const E extends readonly OperationEntry[]>(entries: E, options: ApiKeyClientOptions = {}): ApiKeyClientFor<E> {
  return createApiKeyClientWith(browserDefaults, options, entries) as ApiKeyClientFor<E>
}

/** Node only: outside Node there is no environment or `~/.ncloud/configure` to read, so this throws `NcpCredentialsError`. */
export function findNcpCredentials(_options?: FindNcpCredentialsOptions): FoundCredentials {
  throw new NcpCredentialsError('No NCP credentials outside Node: pass the credentials option.', ['nothing (only Node reads the environment and ~/.ncloud/configure)'])
}
