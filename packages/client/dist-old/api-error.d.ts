import { NcpApiError } from './errors.js';
/**
 * The NcpApiError for a non-2xx answer. `body` is the parsed JSON (NCP's `{"error": {...}}`)
 * when it was JSON, else the text (an HTML page, a truncated body, nothing).
 */
export declare function apiErrorFrom(operation: string, response: Response, body: unknown, retryable: boolean): NcpApiError;
