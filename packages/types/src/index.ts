/**
 * The TypeScript view of the API Key API. `paths`, `components` and `operations` are generated
 * from the bundled spec by openapi-typescript at build time; the aliases below name the shapes
 * that users write most often.
 */
import type { components } from './generated/openapi.js'

export type { paths, components, operations, webhooks, $defs } from './generated/openapi.js'

type Schemas = components['schemas']

/** An API key as the API returns it. */
export type ApiKey = Schemas['ApiKey']
/** `{ apiKey: ApiKey }`: the body of create, update and regenerate responses. */
export type ApiKeyResponse = Schemas['ApiKeyResponse']
/** Body of `POST /api-keys`. */
export type CreateApiKeyRequest = Schemas['CreateApiKeyRequest']
/** Body of `PUT /api-keys/{api-key-id}`. */
export type UpdateApiKeyRequest = Schemas['UpdateApiKeyRequest']
/** Body of `PATCH /api-keys/{api-key-id}`. */
export type RegenerateApiKeyRequest = Schemas['RegenerateApiKeyRequest']
/** `'PRIMARY' | 'SECONDARY'`. */
export type KeyType = Schemas['KeyType']
/** NCP's error body: `{ error: { errorCode, message, details? } }`. */
export type NcpErrorBody = Schemas['NcpError']
