import type { OperationId } from '@ncloud-apigw/operations'
import { create } from './api-key/create.js'
import { remove } from './api-key/delete.js'
import { get } from './api-key/get.js'
import { list } from './api-key/list.js'
import { products } from './api-key/products.js'
import { regenerate } from './api-key/regenerate.js'
import { search } from './api-key/search.js'
import { subscribe } from './api-key/subscribe.js'
import { subscriptions } from './api-key/subscriptions.js'
import { unsubscribe } from './api-key/unsubscribe.js'
import { disable, enable, update } from './api-key/update.js'
import type { CommandModule } from './command.js'
import { apiKeys } from './product/api-keys.js'
import { approve } from './product/approve.js'
import { reject } from './product/reject.js'
import { usagePlan } from './product/usage-plan.js'

/**
 * Every command, in the order of their operations in the spec: the one place that lists them.
 * Each names its own operation (`operation`); one operation may have several (`update`,
 * `enable`, `disable`).
 */
export const commandModules = [list, create, search, get, update, enable, disable, remove, regenerate, products, subscribe, unsubscribe, subscriptions, apiKeys, approve, reject, usagePlan] as const satisfies readonly CommandModule[]

/**
 * An operation of the spec (and so of the generated table) with no command is a compile error
 * here, naming the operation: "Property 'copyApiKey' is missing".
 */
const everyOperationHasACommand: Record<Exclude<OperationId, (typeof commandModules)[number]['operation']>, never> = {}
void everyOperationHasACommand
