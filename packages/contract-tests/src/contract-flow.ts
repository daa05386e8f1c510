import { type ApiKey, type ApiKeyClient, NcpApiError } from '@ncloud-apigw/client'
import type { OperationId } from '@ncloud-apigw/operations'

export interface FlowStep {
  /** What was called, as a reader would write it: `createApiKey({ apiKeyName: 'contract-…' })`. */
  call: string
  operation: OperationId
  /** What came back, for a person: key values masked. */
  result: string
}

type Step = (operation: OperationId, call: string, result: string) => void

/** Subscribes the key to the product, approves it if asked, sets a usage plan, lists it every way, unsubscribes. */
async function putToUse(apigw: ApiKeyClient, id: string, { productId, stageId, usagePlanId }: FlowProduct, step: Step, expectThat: (ok: boolean, what: string) => void) {
  await apigw.subscribeApiKey(id, { productId })
  step('subscribeApiKey', `subscribeApiKey('${id}', { productId: '${productId}' })`, `subscribed to ${productId}`)

  const search = await apigw.searchApiKeys({ productId })
  const relation = search.apiKeys.find((key) => key.apiKeyId === id)
  step('searchApiKeys', `searchApiKeys({ productId: '${productId}' })`, `${search.total} keys on ${productId}; this one ${relation?.status ?? 'absent'}`)
  expectThat(relation !== undefined, 'search did not find the subscribed key on the product')

  // A protected product waits for its publisher's approval; a public one has none to give.
  if (relation!.status !== 'ACCEPTED') {
    await apigw.updateProductApiKeyStatus(productId, id, { status: 'ACCEPTED' })
    step('updateProductApiKeyStatus', `updateProductApiKeyStatus('${productId}', '${id}', { status: 'ACCEPTED' })`, `${relation!.status} → ACCEPTED`)
  }

  await apigw.updateApiKeyUsagePlan(productId, id, stageId, { usagePlanId })
  step('updateApiKeyUsagePlan', `updateApiKeyUsagePlan('${productId}', '${id}', '${stageId}', { usagePlanId: '${usagePlanId}' })`, `usage plan ${usagePlanId} on ${stageId}`)

  const products = await apigw.listApiKeyProducts(id)
  const mine = products.apiKeyRelateProductDtos.find((p) => p.productId === productId)
  step('listApiKeyProducts', `listApiKeyProducts('${id}')`, `${products.total} products; ${productId} ${mine?.status ?? 'absent'}`)
  expectThat(mine?.status === 'ACCEPTED', 'the key is not accepted on the product')

  const stages = await apigw.listApiKeySubscriptions(id, { productId })
  const stage = stages.content.find((s) => s.stageId === stageId)
  step('listApiKeySubscriptions', `listApiKeySubscriptions('${id}', { productId: '${productId}' })`, `${stages.total} stages; ${stageId} on ${stage?.usagePlanId ?? 'no plan'}`)
  expectThat(stage?.usagePlanId === usagePlanId, 'the stage does not show the usage plan chosen')

  const keys = await apigw.searchProductApiKeys(productId, { apiKeyId: id })
  step('searchProductApiKeys', `searchProductApiKeys('${productId}', { apiKeyId: '${id}' })`, keys.content.map((k) => `${k.apiKeyId} ${k.status} · primaryKey ${mask(k.primaryKey)}`).join(', '))
  expectThat(keys.content.some((k) => k.apiKeyId === id), "the product's keys do not include this one")

  await apigw.unsubscribeApiKey(id, { productId })
  step('unsubscribeApiKey', `unsubscribeApiKey('${id}', { productId: '${productId}' })`, `unsubscribed from ${productId}`)
}

/** Enough of a key value to tell two apart, never enough to use. */
const mask = (value: string | undefined) => (value === undefined ? 'absent' : `${value.slice(0, 4)}****`)

function describeKey(key: ApiKey): string {
  return [
    `apiKeyId ${key.apiKeyId}`,
    key.isEnabled ? 'enabled' : 'disabled',
    `primaryKey ${mask(key.primaryKey)}`,
    `secondaryKey ${mask(key.secondaryKey)}`,
    `modTime ${key.modTime}`,
  ].join(' · ')
}

/** A product to put the key to use on: one of its stages and a usage plan of that stage. */
export interface FlowProduct {
  productId: string
  stageId: string
  usagePlanId: string
}

/**
 * The whole life of one API key: create, get, list it by name, update (disable), regenerate the
 * secondary key, get again; with a `product`, put it to use: subscribe it, find its status on the
 * product, approve it where the product asks for approval (as its publisher), choose a usage plan
 * on a stage, list its products, its subscribed stages and the product's keys, unsubscribe; then
 * delete it and see it gone. Used by the proxy contract test, by the live contract check against
 * NCP and by `pnpm start`. Checks along the way that each answer is what it should be; Prism, in
 * front, checks each request and response against the spec.
 *
 * Leaves nothing behind: when a step fails after the key was created, the key is deleted before
 * the error is passed on (and the error says whether that worked).
 */
export async function runContractFlow(
  apigw: ApiKeyClient,
  { name = `contract-${Date.now().toString(36)}`, product, onStep = (_: FlowStep) => {} }: { name?: string; product?: FlowProduct; onStep?: (step: FlowStep) => void } = {},
): Promise<FlowStep[]> {
  const steps: FlowStep[] = []
  const step = (operation: OperationId, call: string, result: string) => {
    const done = { call, operation, result }
    steps.push(done)
    onStep(done)
  }
  const expectThat = (ok: boolean, what: string) => {
    if (!ok) throw new Error(`Contract flow: ${what}`)
  }

  const created = await apigw.createApiKey({ apiKeyName: name, apiKeyDescription: 'contract check' })
  step('createApiKey', `createApiKey({ apiKeyName: '${name}', apiKeyDescription: 'contract check' })`, describeKey(created))
  const id = created.apiKeyId
  let deleted = false
  try {
    expectThat(created.apiKeyName === name, 'create did not answer the new key')

    const fetched = await apigw.getApiKey(id)
    step('getApiKey', `getApiKey('${id}')`, describeKey(fetched))
    expectThat(fetched.apiKeyId === id && fetched.primaryKey === created.primaryKey, 'get did not answer the created key')

    const page = await apigw.listApiKeys({ apiKeyName: name })
    // NCP does not say whether the name filter is exact, so the names are compared here.
    const listed = page.apiKeys.filter((key) => key.apiKeyName === name)
    step('listApiKeys', `listApiKeys({ apiKeyName: '${name}' })`, `${page.apiKeys.length} of ${page.total} keys, ${listed.length} named ${name}: ${listed.map((k) => k.apiKeyId).join(', ')}`)
    expectThat(listed.some((key) => key.apiKeyId === id), 'list did not show the created key')

    const updated = await apigw.updateApiKey(id, { apiKeyName: name, isEnabled: false })
    step('updateApiKey', `updateApiKey('${id}', { apiKeyName: '${name}', isEnabled: false })`, describeKey(updated))
    expectThat(updated.isEnabled === false, 'update did not disable the key')

    const regenerated = await apigw.regenerateApiKey(id, 'SECONDARY')
    step('regenerateApiKey', `regenerateApiKey('${id}', 'SECONDARY')`, describeKey(regenerated))
    expectThat(
      regenerated.secondaryKey !== created.secondaryKey && regenerated.primaryKey === created.primaryKey,
      'regenerate did not replace only the secondary key',
    )

    const final = await apigw.getApiKey(id)
    step('getApiKey', `getApiKey('${id}')`, describeKey(final))
    expectThat(final.secondaryKey === regenerated.secondaryKey && final.isEnabled === false, 'get did not see the changes')

    if (product) await putToUse(apigw, id, product, step, expectThat)

    await apigw.deleteApiKey(id)
    deleted = true
    step('deleteApiKey', `deleteApiKey('${id}')`, `deleted ${id}`)

    const gone = await apigw.getApiKey(id).then(
      () => undefined,
      (error: unknown) => error,
    )
    expectThat(gone instanceof NcpApiError && gone.status === 404, 'get still found the deleted key')
    step('getApiKey', `getApiKey('${id}')`, `404 ${(gone as NcpApiError).errorMessage ?? ''}: gone, as it should be`.trim())
    return steps
  } catch (error) {
    if (deleted) throw error
    const cleanup = await apigw.deleteApiKey(id).then(
      () => `the key ${id} it created is deleted`,
      (failure: unknown) => `the key ${id} it created could not be deleted (${(failure as Error).message}); delete it in the NCP console`,
    )
    throw new Error(`${(error as Error).message} (${cleanup})`, { cause: error })
  }
}
