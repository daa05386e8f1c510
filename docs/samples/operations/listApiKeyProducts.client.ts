import { createApiKeyClient } from '@ncloud-apigw/client'

const apigw = createApiKeyClient()

// One page of the products the key is related to.
const page = await apigw.listApiKeyProducts('*****vg079', {
  offset: 0,
  limit: 20,
})
const products = page.apiKeyRelateProductDtos
console.log(`${products.length} of ${page.total} products`)

// Every product, page after page, with the key's status
// on it: ACCEPTED (approved), REQUEST (requested)...
for await (const product of apigw.paginateApiKeyProducts(
  '*****vg079',
)) {
  console.log(product.productName, product.status)
}
