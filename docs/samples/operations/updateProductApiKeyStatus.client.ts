import { createApiKeyClient } from '@ncloud-apigw/client'

const apigw = createApiKeyClient()

// The product's publisher approves a key on the product:
// ACCEPTED, or REJECTED to deny it. Resolves with nothing.
// Idempotent, so retried like a read.
await apigw.updateProductApiKeyStatus(
  '***ksk9***',
  '***fmy2***',
  { status: 'ACCEPTED' },
)
console.log('Approved ***fmy2*** on ***ksk9***')
