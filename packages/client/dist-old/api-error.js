import { NcpApiError } from './errors.js';
/**
 * The NcpApiError for a non-2xx answer. `body` is the parsed JSON (NCP's `{"error": {...}}`)
 * when it was JSON, else the text (an HTML page, a truncated body, nothing).
 */
export function apiErrorFrom(operation, response, body, retryable) {
    const fields = { operation, status: response.status, traceId: response.headers.get('x-ncp-trace-id') ?? undefined, retryable };
    const error = body?.error;
    const code = error?.errorCode;
    if (typeof code === 'string' || typeof code === 'number') {
        const text = (value) => (typeof value === 'string' ? value : undefined);
        return new NcpApiError({ ...fields, errorCode: String(code), errorMessage: text(error.message), details: text(error.details) });
    }
    const text = (typeof body === 'string' ? body : body === undefined ? '' : JSON.stringify(body)).replace(/\s+/g, ' ').trim();
    return new NcpApiError({ ...fields, excerpt: text.length > 200 ? `${text.slice(0, 200)}…` : text }, text ? undefined : 'with an empty body');
}
