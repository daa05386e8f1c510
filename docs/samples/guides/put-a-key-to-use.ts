import type { ApiKey, ApiKeyClient } from '@ncloud-apigw/client'

/** The product to call, a stage of it, and a plan. */
export interface Target {
  productId: string
  stageId: string
  /** One of the usage plans associated with the stage. */
  usagePlanId: string
  /** An API of the stage: its invoke URL and path. */
  url: string
}

/**
 * `you` is a client of your account, `publisher` one of
 * the product's publisher (the same, for your own
 * product).
 */
export async function putKeyToUse(
  you: ApiKeyClient,
  publisher: ApiKeyClient,
  { productId, stageId, usagePlanId, url }: Target,
): Promise<{ key: ApiKey; answer: Response }> {
  // 1. Create a key.
  const key = await you.createApiKey({
    apiKeyName: 'orders-app',
    apiKeyDescription: 'Calls the orders API',
  })

  // 2. Subscribe it to the product.
  await you.subscribeApiKey(key.apiKeyId, { productId })

  // 3. Read its status there: NCP does not say which
  // status a subscription starts in. REQUEST waits for
  // the publisher, who approves it.
  let status
  for await (const product of you.paginateApiKeyProducts(
    key.apiKeyId,
  )) {
    if (product.productId === productId) {
      status = product.status
    }
  }
  if (status === 'REQUEST') {
    await publisher.updateProductApiKeyStatus(
      productId,
      key.apiKeyId,
      { status: 'ACCEPTED' },
    )
  }

  // 4. The publisher gives the key a usage plan on a
  // stage, one of the stage's plans.
  await publisher.updateApiKeyUsagePlan(
    productId,
    key.apiKeyId,
    stageId,
    { usagePlanId },
  )

  // 5. The stages the key is subscribed to, with its
  // plan on each.
  for await (const stage of you.paginateApiKeySubscriptions(
    key.apiKeyId,
    { productId },
  )) {
    console.log(stage.stageName, stage.usagePlanName)
  }

  // 6. Call the product's API with the key. Its value is
  // a secret: send it, never log it.
  const answer = await fetch(url, {
    headers: { 'x-ncp-apigw-api-key': key.primaryKey },
  })
  return { key, answer }
}
