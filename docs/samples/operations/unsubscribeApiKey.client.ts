import { createApiKeyClient } from '@ncloud-apigw/client'

const apigw = createApiKeyClient()

// Resolves with nothing; the key and the product are no
// longer related. Not repeated once it may have reached
// NCP: what a second unsubscribe answers is not documented.
await apigw.unsubscribeApiKey('*****vg079', {
  productId: '*****xn0bk',
})
console.log('Unsubscribed from *****xn0bk')
