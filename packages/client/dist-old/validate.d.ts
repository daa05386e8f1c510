import { type OperationId } from './generated/limits.js';
/** Holds a request body to the spec's constraints (generated from it at build time). */
export declare function validateBody(operation: OperationId, body: unknown): void;
/**
 * Holds the `api-key-id` path parameter to the spec, and refuses what could not arrive as the
 * one path segment it names: `.` and `..` (URL resolution removes them) and text that cannot be
 * percent-encoded (lone surrogates).
 */
export declare function validateApiKeyId(operation: OperationId, apiKeyId: unknown): void;
