/**
 * `@ncloud-apigw/client/operations`: each operation's entry, named by its operationId, for
 * `createApiKeyClientFor` — a client of only the operations a program uses, so that a bundler
 * leaves the others out:
 *
 *   import { createApiKeyClientFor } from '@ncloud-apigw/client'
 *   import { createApiKey, getApiKey } from '@ncloud-apigw/client/operations'
 *   const apigw = createApiKeyClientFor([createApiKey, getApiKey])
 */
export * from '@ncloud-apigw/operations/entries'
