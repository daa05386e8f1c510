/**
 * The errors the client throws. Each has a stable `name` (minifiers rename classes), typed
 * fields, and a message that says what to do next. None holds a secret: no secret key, no
 * signature, no request headers and no API key values, so logging or serialising one is safe.
 */
export declare class NcpError extends Error {
    name: string;
    /** The operation that failed (`getApiKey`, ...), when known. */
    readonly operation: string | undefined;
    constructor(message: string, fields?: object, cause?: unknown);
    /** Name (an own field), message and the typed fields; a cause is reduced to its name and message. */
    toJSON(): Record<string, unknown>;
}
export interface NcpApiErrorFields {
    operation: string | undefined;
    status: number;
    /** NCP's code (`"200"` for Authentication Failed, ...), always a string; absent when the body was not NCP's. */
    errorCode?: string | undefined;
    /** NCP's message (`"Authentication Failed"`, ...). */
    errorMessage?: string | undefined;
    /** NCP's details, when given. */
    details?: string | undefined;
    /** The `x-ncp-trace-id` response header: quote it to NCP support. */
    traceId?: string | undefined;
    /** Whether the same request may succeed later (429, 502, 503, 504 on getApiKey and updateApiKey). */
    retryable: boolean;
    /** The start of a body that was not NCP's error format (an HTML page from a proxy, ...). */
    excerpt?: string | undefined;
}
/** The API answered with a non-2xx status, or with a body the client could not use. */
export declare class NcpApiError extends NcpError {
    name: string;
    readonly status: number;
    readonly errorCode: string | undefined;
    readonly errorMessage: string | undefined;
    readonly details: string | undefined;
    readonly traceId: string | undefined;
    readonly retryable: boolean;
    readonly excerpt: string | undefined;
    /** `problem` says what was wrong with a body that carried no NCP error. */
    constructor(fields: NcpApiErrorFields, problem?: string);
}
/** The request got no HTTP answer: DNS, refused or reset connection, TLS, CORS... */
export declare class NcpNetworkError extends NcpError {
    name: string;
    /** How many attempts were made, retries included. */
    readonly attempts: number;
}
/** An attempt took longer than `timeoutMs`, answer included. */
export declare class NcpTimeoutError extends NcpNetworkError {
    name: string;
    readonly timeoutMs: number;
}
/** Bad input, refused before anything was sent. */
export declare class NcpValidationError extends NcpError {
    name: string;
    /** The field or option at fault (`apiKeyName`, `api-key-id`, `site`, ...). */
    readonly field: string;
    /** What it must be (`1 to 20 characters`, `one of PRIMARY, SECONDARY`, ...). */
    readonly limit: string;
    /** The value's length in characters, when a length limit was broken. The value itself is never kept. */
    readonly length: number | undefined;
    constructor(field: string, limit: string, operation?: string, length?: number);
}
/** No usable credentials. `searched` lists every place looked in and what was found there. */
export declare class NcpCredentialsError extends NcpError {
    name: string;
    readonly searched: readonly string[];
    constructor(message: string, searched: readonly string[]);
}
