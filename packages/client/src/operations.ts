/**
 * `@ncloud-apigw/client/operations`: each operation's entry, named by its operationId, for
 * `createApiKeyClientFor` — a client of only the operations a program uses, so that a bundler
 * leaves the others out:
 *
 *   import { createApiKeyClientFor } from '@ncloud-apigw/client'
 *   import * as operations from '@ncloud-apigw/client/operations'
 *   const apigw = createApiKeyClientFor([operations.<id>, ...])   // each operation it calls
 *
 * (the client's README shows a whole program).
 */
export * from '@ncloud-apigw/operations/entries'
