/**
 * The TypeScript view of the API Key API, generated from the bundled spec at build time:
 * `paths`, `components` and `operations` by openapi-typescript, and a named alias for every
 * schema, every operation's query and every inline request body (scripts/generate-aliases.mjs).
 */
import type { components } from './generated/openapi.js'

export type { paths, components, operations, webhooks, $defs } from './generated/openapi.js'
export type * from './generated/aliases.js'

/** NCP's error body: `{ error: { errorCode, message, details? } }` (the `NcpError` schema). */
export type NcpErrorBody = components['schemas']['NcpError']
