/**
 * The TypeScript view of the API Key API. `paths`, `components` and `operations` are generated
 * from the bundled spec by openapi-typescript at build time; the aliases below name the shapes
 * that users write most often.
 */
import type { components, operations } from './generated/openapi.js'

export type { paths, components, operations, webhooks, $defs } from './generated/openapi.js'

type Schemas = components['schemas']
/** One object type for an intersection, so editors show the fields instead of `A & B`. */
type Flat<T> = { [K in keyof T]: T[K] } & {}

/** An API key as the API returns it, with its primary and secondary values. */
export type ApiKey = Flat<Schemas['ApiKey']>
/** An API key as a list shows it: its values may be absent. */
export type ApiKeySummary = Schemas['ApiKeySummary']
/** `{ apiKeys, total, initialCount }`: one page of `GET /api-keys`. */
export type ApiKeyPage = Schemas['ApiKeyPage']
/** The query of `GET /api-keys`: `offset`, `limit`, `apiKeyName`, all optional. */
export type ListApiKeysQuery = NonNullable<operations['listApiKeys']['parameters']['query']>
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
