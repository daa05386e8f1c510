import createClient from 'openapi-fetch';
import { apiErrorFrom } from './api-error.js';
import { createClock } from './clock.js';
import { NcpApiError, NcpValidationError } from './errors.js';
import { operations } from './generated/limits.js';
import { isIdempotent, isRetryableStatus } from './retry.js';
import { PlainRequest } from './plain-request.js';
import { sites } from './sites.js';
import { sleep } from './sleep.js';
import { createTransport } from './transport.js';
import { validateApiKeyId, validateBody } from './validate.js';
const decoder = new TextDecoder();
function positive(field, value, fallback) {
    if (value === undefined)
        return fallback;
    if (!(value > 0 && Number.isSafeInteger(value)))
        throw new NcpValidationError(field, 'a positive integer');
    return value;
}
export function createApiKeyClientWith(defaults, options) {
    const { credentials, site = 'public' } = defaults(options);
    if (!options.baseUrl && !Object.hasOwn(sites, site))
        throw new NcpValidationError('site', `one of ${Object.keys(sites).join(', ')}`);
    const transport = createTransport({
        fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
        credentials,
        clock: createClock(options.now ?? Date.now),
        timeoutMs: positive('timeoutMs', options.timeoutMs, 30_000),
        maxAttempts: positive('maxAttempts', options.maxAttempts, 3),
        random: options.random ?? Math.random,
        sleep: options.sleep ?? sleep,
        logger: options.logger,
    });
    const raw = createClient({
        baseUrl: options.baseUrl ?? sites[site],
        fetch: (request) => transport(request),
    });
    /** One operation: validated from the spec, sent through the transport, answered with the API key. */
    async function call(operation, apiKeyId, body, { signal } = {}) {
        const { method, path, parameters } = operations[operation];
        if ('api-key-id' in parameters)
            validateApiKeyId(operation, apiKeyId);
        validateBody(operation, body);
        const context = { operation };
        const { response } = await raw.request(method.toLowerCase(), path, {
            params: { path: { 'api-key-id': apiKeyId } },
            body: body,
            parseAs: 'stream',
            signal: signal ?? null,
            fetch: (request, init) => transport(request, init, context),
            // openapi-fetch takes a Request class per call at run time; its types list it for the client only.
            Request: PlainRequest,
        });
        // The transport hands the body over in the context (see CallContext). Parsed here rather
        // than by openapi-fetch, whose SyntaxError would quote the body: a successful body holds the
        // key's secret values.
        const text = decoder.decode(context.body);
        let parsed;
        try {
            parsed = JSON.parse(text);
        }
        catch { }
        const { status } = response;
        if (!response.ok)
            throw apiErrorFrom(operation, response, parsed ?? text, isRetryableStatus(status) && isIdempotent(method));
        // Only getApiKey's answer is not wrapped in { apiKey }.
        const key = operation === 'getApiKey' ? parsed : parsed?.apiKey;
        if (typeof key?.apiKeyId !== 'string') {
            throw new NcpApiError({ operation, status, traceId: response.headers.get('x-ncp-trace-id') ?? undefined, retryable: false }, parsed ? 'with a body that is not the documented API key' : 'with a body that is not JSON');
        }
        return key;
    }
    return {
        raw,
        createApiKey: (body, options) => call('createApiKey', undefined, body, options),
        getApiKey: (apiKeyId, options) => call('getApiKey', apiKeyId, undefined, options),
        updateApiKey: (apiKeyId, body, options) => call('updateApiKey', apiKeyId, body, options),
        regenerateApiKey: (apiKeyId, keyType, options) => call('regenerateApiKey', apiKeyId, { keyType }, options),
    };
}
