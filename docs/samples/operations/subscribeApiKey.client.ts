import { createApiKeyClient } from '@ncloud-apigw/client'

const apigw = createApiKeyClient()

// Resolves with nothing. Not repeated once it may have
// reached NCP: what a second subscribe answers is not
// documented.
await apigw.subscribeApiKey('*****vg079', {
  productId: '*****xn0bk',
})

// NCP does not say which status the key starts in: read it.
for await (const product of apigw.paginateApiKeyProducts(
  '*****vg079',
)) {
  if (product.productId === '*****xn0bk') {
    console.log('Subscribed:', product.status)
  }
}
