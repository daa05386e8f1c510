import {
  createApiKeyClient,
  type ApiKey,
  NcpApiError,
  NcpNetworkError,
  NcpTimeoutError,
  NcpValidationError,
} from '@ncloud-apigw/client'

const apigw = createApiKeyClient({
  maxAttempts: 5, // attempts per call, where a retry is safe (see the table)
  timeoutMs: 10_000, // per attempt
  // One line per attempt, answer and retry; never given a secret.
  logger: { debug: (message, meta) => console.debug(message, meta) },
})

try {
  await apigw.getApiKey('cvcohvd2xj', { signal: AbortSignal.timeout(60_000) })
} catch (error) {
  if (error instanceof NcpValidationError) {
    console.error(`Nothing was sent: ${error.field} must be ${error.limit}`)
  } else if (error instanceof NcpApiError) {
    // e.g. 404, '300', 'Not Found Exception'; quote traceId to NCP support.
    const { status, errorCode, errorMessage, traceId, retryable } = error
    console.error(status, errorCode, errorMessage, traceId, retryable)
  } else if (error instanceof NcpTimeoutError) {
    console.error(`No answer in ${error.timeoutMs} ms, ${error.attempts} tries`)
  } else if (error instanceof NcpNetworkError) {
    console.error(`No connection after ${error.attempts} tries`, error.cause)
  } else {
    throw error
  }
}

// A create that got no answer, or a 5xx, may still have made the key. Look
// for it by name before sending it again. NCP does not say whether the
// filter matches exactly, so compare apiKeyName yourself. This relies on
// your key names being unique.
export async function createOnce(apiKeyName: string): Promise<ApiKey> {
  try {
    return await apigw.createApiKey({ apiKeyName })
  } catch (error) {
    const maybeCreated =
      error instanceof NcpNetworkError || // NcpTimeoutError included
      (error instanceof NcpApiError && error.status >= 500)
    if (!maybeCreated) throw error
    for await (const key of apigw.paginateApiKeys({ apiKeyName })) {
      if (key.apiKeyName === apiKeyName) return apigw.getApiKey(key.apiKeyId)
    }
    return apigw.createApiKey({ apiKeyName })
  }
}
