/**
 * The errors the client throws. Each has a stable `name` (minifiers rename classes), typed
 * fields, and a message that says what to do next. None holds a secret: no secret key, no
 * signature, no request headers and no API key values, so logging or serialising one is safe.
 */
export class NcpError extends Error {
    name = 'NcpError';
    constructor(message, fields, cause) {
        super(message, cause === undefined ? undefined : { cause });
        Object.assign(this, fields);
    }
    /** Name (an own field), message and the typed fields; a cause is reduced to its name and message. */
    toJSON() {
        const { cause } = this;
        return {
            ...this,
            message: this.message,
            ...(cause !== undefined && { cause: cause instanceof Error ? { name: cause.name, message: cause.message } : String(cause) }),
        };
    }
}
const hints = {
    401: 'Check the access key, the secret key and their permissions.',
    404: 'Check the API key ID.',
    429: 'Slow down and retry later.',
};
/** The API answered with a non-2xx status, or with a body the client could not use. */
export class NcpApiError extends NcpError {
    name = 'NcpApiError';
    /** `problem` says what was wrong with a body that carried no NCP error. */
    constructor(fields, problem = 'with a body that is not an NCP error') {
        const { operation, status, errorCode, details, traceId, excerpt } = fields;
        super(`${operation} failed: HTTP ${status} ${errorCode === undefined
            ? problem + (excerpt ? ` (${JSON.stringify(excerpt)})` : '')
            : `${fields.errorMessage} (errorCode ${errorCode})${details ? `: ${details}` : ''}`}. ${hints[status] ?? (status < 500 ? '' : 'Retry later.')}${traceId ? ` Trace ID: ${traceId}.` : ''}`.trimEnd(), fields);
    }
}
/** The request got no HTTP answer: DNS, refused or reset connection, TLS, CORS... */
export class NcpNetworkError extends NcpError {
    name = 'NcpNetworkError';
}
/** An attempt took longer than `timeoutMs`, answer included. */
export class NcpTimeoutError extends NcpNetworkError {
    name = 'NcpTimeoutError';
}
/** Bad input, refused before anything was sent. */
export class NcpValidationError extends NcpError {
    name = 'NcpValidationError';
    constructor(field, limit, operation, length) {
        super(`${field} must be ${limit}${length === undefined ? '' : `, got ${length}`}${operation ? ` (${operation})` : ''}; nothing was sent.`, {
            operation,
            field,
            limit,
            length,
        });
    }
}
/** No usable credentials. `searched` lists every place looked in and what was found there. */
export class NcpCredentialsError extends NcpError {
    name = 'NcpCredentialsError';
    constructor(message, searched) {
        super(`${message} Looked in: ${searched.join('; ')}.`, { searched });
    }
}
