import { createApiKeyClient } from '@ncloud-apigw/client'

const apigw = createApiKeyClient()

// Product, key, stage, then the plan: one of the usage
// plans associated with the stage. Resolves with nothing.
// Idempotent, so retried like a read.
await apigw.updateApiKeyUsagePlan(
  '***ksk9***',
  '***fmy2***',
  '***5ei7***',
  { usagePlanId: '***9rpm***' },
)
console.log('***fmy2*** now has plan ***9rpm***')
