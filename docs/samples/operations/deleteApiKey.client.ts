import { createApiKeyClient } from '@ncloud-apigw/client'

const apigw = createApiKeyClient()

// Resolves with nothing. Idempotent, so retried like a
// read; a 404 after an attempt that got no answer means
// that attempt deleted the key, so the call succeeds. A
// 404 on the first attempt is an NcpApiError.
await apigw.deleteApiKey('cvcohvd2xj')
console.log(
  'Deleted; callers sending its values are ' +
    'refused from now on',
)
