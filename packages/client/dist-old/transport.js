import { NcpNetworkError, NcpTimeoutError } from './errors.js';
import { PlainRequest } from './plain-request.js';
import { backoffDelay, isIdempotent, isRetryableStatus, MAX_RETRY_AFTER_MS, retryAfterDelay } from './retry.js';
import { signatureHeaders } from './signing.js';
/**
 * The `fetch` beneath openapi-fetch's middleware chain: it signs every attempt afresh (fresh
 * timestamp, learned clock offset), bounds each attempt with its own timeout, retries idempotent
 * requests on transient failures, and re-signs once after a clock-skew refusal. The answer's
 * body is read inside the attempt, so the timeout and the retries cover it too.
 */
// fetch's own error says only "fetch failed"; the reason (ECONNREFUSED, a reset...) is its cause.
function reason(error) {
    const { message, cause } = (error ?? {});
    return cause?.message ? `${message}: ${cause.message}` : String(message);
}
export function createTransport(config) {
    const { clock, logger, timeoutMs } = config;
    return async (request, requestInitExt, context) => {
        const { method, url, headers } = request;
        const signal = request.signal ?? undefined;
        const operation = context?.operation;
        const idempotent = isIdempotent(method);
        const init = {
            ...requestInitExt,
            method,
            headers,
            redirect: request.redirect ?? 'follow',
            // A Request's body is a one-use stream: read it once so every attempt can send it.
            body: (request instanceof PlainRequest ? request.body : request.body && (await request.arrayBuffer())) ?? null,
        };
        let budget = config.maxAttempts;
        let skewCorrected = false;
        for (let attempt = 1;; attempt++) {
            const retry = async (reason, delayMs) => {
                logger?.debug('ncp retry', { operation, attempt, reason, delayMs });
                await config.sleep(delayMs, signal);
            };
            const signed = await signatureHeaders(method, url, config.credentials, clock.now);
            for (const name in signed)
                headers.set(name, signed[name]);
            logger?.debug('ncp request', { operation, method, url, attempt });
            // A fresh signal per attempt: the caller's signal or this attempt's timeout aborts it.
            // Checked here, with no await before the listener, so no abort can slip in between.
            signal?.throwIfAborted();
            const controller = new AbortController();
            const abort = () => controller.abort(signal?.reason);
            let timedOut = false;
            const timer = setTimeout(() => {
                timedOut = true;
                controller.abort();
            }, timeoutMs);
            signal?.addEventListener('abort', abort);
            let response;
            let body;
            try {
                response = await config.fetch(url, { ...init, signal: controller.signal });
                body = await response.arrayBuffer();
            }
            catch (cause) {
                signal?.throwIfAborted();
                const fields = { operation, attempts: attempt };
                const what = `${operation ?? method} attempt ${attempt}`;
                const error = timedOut
                    ? new NcpTimeoutError(`${what} timed out after ${timeoutMs} ms; raise timeoutMs if the network is slow.`, { ...fields, timeoutMs }, cause)
                    : new NcpNetworkError(`${what} got no answer (${reason(cause)}); check the network and the base URL.`, fields, cause);
                if (!idempotent || attempt >= budget)
                    throw error;
                await retry(error.name, backoffDelay(attempt, config.random));
                continue;
            }
            finally {
                clearTimeout(timer);
                signal?.removeEventListener('abort', abort);
            }
            const { status } = response;
            const answerHeaders = response.headers;
            logger?.debug('ncp response', { operation, status, attempt, traceId: answerHeaders.get('x-ncp-trace-id') });
            // A refused timestamp: learn the server's clock from its Date header and sign once more.
            // Safe for every operation, since the request was refused before it did anything.
            if (status === 401 && !skewCorrected && clock.correct(+signed['x-ncp-apigw-timestamp'], answerHeaders.get('date'))) {
                skewCorrected = true;
                budget++;
                logger?.debug('ncp clock corrected', { operation, offsetMs: clock.offset() });
                continue;
            }
            if (idempotent && isRetryableStatus(status) && attempt < budget) {
                const retryAfter = retryAfterDelay(answerHeaders.get('retry-after'), clock.now());
                if (!(retryAfter > MAX_RETRY_AFTER_MS)) {
                    await retry(status, retryAfter ?? backoffDelay(attempt, config.random));
                    continue;
                }
            }
            if (!context)
                return new Response(body.byteLength ? body : null, { status, statusText: response.statusText, headers: answerHeaders });
            // The call parses context.body itself and, on success, asks openapi-fetch for the body as a
            // stream, which it hands back unread; the spent answer serves. A failure needs a readable body.
            context.body = body;
            return response.ok ? response : new Response(null, { status, statusText: response.statusText, headers: answerHeaders });
        }
    };
}
