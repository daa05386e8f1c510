import { signRequest } from '@ncloud-apigw/signer';
import { NcpCredentialsError } from './errors.js';
/**
 * The one way this package signs: both the client's retry loop (before every attempt) and the
 * exported middleware call it. A provider is called each time, so rotated credentials are used.
 */
export async function signatureHeaders(method, url, credentials, now) {
    const { accessKey, secretKey } = (typeof credentials === 'function' ? await credentials() : credentials) ?? {};
    if (!accessKey || !secretKey)
        throw new NcpCredentialsError('The credentials lack an accessKey or a secretKey.', ['the credentials option']);
    return signRequest({ method, url, accessKey, secretKey, now });
}
/**
 * openapi-fetch middleware that adds NCP signature v2 headers, for the raw client of this or any
 * other NCP API. It signs once per call; the client from `createApiKeyClient` instead signs
 * every attempt inside its retry loop, so use that for retries and clock-skew correction.
 */
export function createSigningMiddleware({ credentials, now = Date.now }) {
    return {
        async onRequest({ request }) {
            const headers = await signatureHeaders(request.method, request.url, credentials, now);
            for (const [name, value] of Object.entries(headers))
                request.headers.set(name, value);
            return request;
        },
    };
}
