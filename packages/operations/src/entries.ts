/**
 * Each operation's entry of the table on its own, exported under its operationId, for a client
 * that names the operations it uses (`createApiKeyClientFor` in @ncloud-apigw/client): a bundler
 * then leaves the others out.
 */
export * from './generated/entries.js'
