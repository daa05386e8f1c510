/**
 * `@ncloud-apigw/client` for Node (the `node` export condition): the browser entry's API, plus
 * credentials from the environment and `~/.ncloud/configure`, the site from `NCLOUD_SITE`,
 * `HTTPS_PROXY`/`HTTP_PROXY`/`NO_PROXY`, and a User-Agent naming the package and Node.
 */
import { operations } from '@ncloud-apigw/operations'
import { createApiKeyClientWith } from './client.js'
import { type FindCredentialsOptions, findCredentials } from './credentials-chain.js'
import { nodeDefaults } from './node-defaults.js'
import type { ApiKeyClient, ApiKeyClientFor, ApiKeyClientOptions, FindNcpCredentialsOptions, FoundCredentials, OperationEntry } from './options.js'

export * from './exports.js'

/** A client for every operation: a method each, and a paginator for each that answers a page. */
export function createApiKeyClient(options: ApiKeyClientOptions = {}): ApiKeyClient {
  return createApiKeyClientWith(nodeDefaults, options, Object.values(operations))
}

/**
 * A client for the operations named (their entries, from `@ncloud-apigw/client/operations`), with
 * the same methods as `createApiKeyClient`'s for those: a bundler leaves the others out of a
 * program that uses only these: `createApiKeyClientFor([...the entries of the operations it calls])`.
 */
export function createApiKeyClientFor<const E extends readonly OperationEntry[]>(entries: E, options: ApiKeyClientOptions = {}): ApiKeyClientFor<E> {
  return createApiKeyClientWith(nodeDefaults, options, entries) as ApiKeyClientFor<E>
}

/**
 * The Node credentials chain on its own: the environment, then `~/.ncloud/configure` (see the
 * README's Credentials), with the site the profile's `ncloud_api_url` names. For a tool that
 * reports where credentials come from, or that names its own way to give them in the error
 * (`hint`, e.g. a CLI's "name a section with --profile"). Throws `NcpCredentialsError`.
 */
export function findNcpCredentials({ profile, hint }: FindNcpCredentialsOptions = {}): FoundCredentials {
  const options: FindCredentialsOptions = hint === undefined ? {} : { optionHint: hint, optionSearched: null }
  return findCredentials(process.env, profile, options)
}
