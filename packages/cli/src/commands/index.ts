import type { OperationId } from '@ncloud-apigw/operations'
import { create } from './api-key/create.js'
import { remove } from './api-key/delete.js'
import { disable } from './api-key/disable.js'
import { enable } from './api-key/enable.js'
import { get } from './api-key/get.js'
import { list } from './api-key/list.js'
import { products } from './api-key/products.js'
import { regenerate } from './api-key/regenerate.js'
import { search } from './api-key/search.js'
import { subscribe } from './api-key/subscribe.js'
import { subscriptions } from './api-key/subscriptions.js'
import { unsubscribe } from './api-key/unsubscribe.js'
import { update } from './api-key/update.js'
import type { CommandModule } from './command.js'
import { apiKeys } from './product/api-keys.js'
import { approve } from './product/approve.js'
import { reject } from './product/reject.js'
import { usagePlan } from './product/usage-plan.js'

/**
 * The commands of each operation of the spec: the one place that lists them. The `satisfies`
 * clause makes an operation added to the spec (and so to the generated table) a compile error
 * here, naming the operation, until it has a command; commands.test.ts checks that each command
 * calls the operation it is listed under, and that every request field has a flag.
 */
export const commandsByOperation = {
  listApiKeys: [list],
  createApiKey: [create],
  searchApiKeys: [search],
  getApiKey: [get],
  updateApiKey: [update, enable, disable],
  deleteApiKey: [remove],
  regenerateApiKey: [regenerate],
  listApiKeyProducts: [products],
  subscribeApiKey: [subscribe],
  unsubscribeApiKey: [unsubscribe],
  listApiKeySubscriptions: [subscriptions],
  searchProductApiKeys: [apiKeys],
  updateProductApiKeyStatus: [approve, reject],
  updateApiKeyUsagePlan: [usagePlan],
} as const satisfies Record<OperationId, readonly [CommandModule, ...CommandModule[]]>
