import {
  createApiKeyClient,
  NcpApiError,
  NcpNetworkError,
  NcpTimeoutError,
  NcpValidationError,
} from '@ncloud-apigw/client'

const apigw = createApiKeyClient({
  maxAttempts: 5, // getApiKey and updateApiKey only: create and regenerate are sent once
  timeoutMs: 10_000, // per attempt
  logger: { debug: (message, meta) => console.debug(message, meta) }, // never given a secret
})

try {
  await apigw.getApiKey('cvcohvd2xj', { signal: AbortSignal.timeout(60_000) })
} catch (error) {
  if (error instanceof NcpValidationError) {
    console.error(`Nothing was sent: ${error.field} must be ${error.limit}`)
  } else if (error instanceof NcpApiError) {
    // e.g. 404, '300', 'Not Found Exception'; quote traceId to NCP support.
    console.error(error.status, error.errorCode, error.errorMessage, error.traceId, error.retryable)
  } else if (error instanceof NcpTimeoutError) {
    console.error(`No answer within ${error.timeoutMs} ms, ${error.attempts} attempts`)
  } else if (error instanceof NcpNetworkError) {
    console.error(`No connection after ${error.attempts} attempts`, error.cause)
  } else {
    throw error
  }
}
