import type { CommandModule } from '../command.js'
import { pageFlags, readPage } from '../paging.js'

export const subscriptions = {
  operation: 'listApiKeySubscriptions',
  name: 'subscriptions',
  description: "the stages of the product's APIs the key may call, with its usage plan and call counts on each",
  flags: [
    { flags: '--product <product-id>', description: 'the product whose stages to list', field: 'productId', required: true },
    { flags: '--api <api-id>', description: 'only the stages of this API', field: 'apiId' },
    { flags: '--stage <stage-id>', description: 'only this stage', field: 'stageId' },
    ...pageFlags('stages'),
  ],
  examples: ['subscriptions ab12cd34ef --product p1x2y3z4w5 --output table', 'subscriptions ab12cd34ef --product p1x2y3z4w5 --api a1b2c3d4e5 --all'],
  notes: 'As JSON: the page as the API answers it, {"content": [...], "total": n}; with --all, every stage.',
  run(input) {
    const client = input.client()
    const [id] = input.args as [string]
    const { product, api, stage } = input.options as { product: string; api?: string; stage?: string }
    const query = { productId: product, ...(api !== undefined && { apiId: api }), ...(stage !== undefined && { stageId: stage }) }
    return readPage(
      input,
      'listApiKeySubscriptions',
      { columns: ['apiId', 'apiName', 'stageId', 'stageName', 'usagePlanId', 'usagePlanName', 'dayCallCount', 'monthCallCount'], noun: ['stage', 'stages'] },
      { one: (window) => client.listApiKeySubscriptions(id, { ...query, ...window }), every: () => client.paginateApiKeySubscriptions(id, query) },
    )
  },
} satisfies CommandModule
