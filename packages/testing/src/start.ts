import { randomBytes } from 'node:crypto'
import { inspect } from 'node:util'
import type { ApiKey } from '@ncloud-apigw/types'
import { Clock } from './clock.js'
import { createResources, type Resources } from './resources/index.js'
import { credentialMap } from './server/credentials.js'
import { Gateway } from './server/gateway.js'
import type { FakeApiGateway, FakeApiGatewayOptions, FakeProduct, FakeSubscription, Fault, InjectedFault, RecordedRequest } from './types.js'

/** What a test holds: the machinery's controls and the resources' state, side by side. */
class Fake implements FakeApiGateway {
  readonly #gateway: Gateway
  readonly #clock: Clock
  readonly #options: FakeApiGatewayOptions
  readonly #resources: () => Resources
  readonly #reset: () => void

  constructor(gateway: Gateway, holder: { current: Resources; fresh: () => Resources }, clock: Clock, options: FakeApiGatewayOptions) {
    this.#gateway = gateway
    this.#clock = clock
    this.#options = options
    this.#resources = () => holder.current
    this.#reset = () => (holder.current = holder.fresh())
  }

  reset(): void {
    this.#reset()
    this.#gateway.clearFaults()
    this.#gateway.clearRequests()
    this.#clock.setOffset(this.#options.clockOffsetMs ?? 0)
  }

  get url(): string {
    return this.#gateway.url
  }

  get keys(): ReadonlyMap<string, ApiKey> {
    return this.#resources().keys.view
  }

  get products(): ReadonlyMap<string, FakeProduct> {
    return this.#resources().products.view
  }

  get subscriptions(): readonly FakeSubscription[] {
    return this.#resources().products.subscriptions
  }

  get requests(): readonly RecordedRequest[] {
    return this.#gateway.requests
  }

  get clockOffsetMs(): number {
    return this.#clock.offset
  }

  injectFault(fault: Fault): InjectedFault {
    return this.#gateway.injectFault(fault)
  }

  clearFaults(): void {
    this.#gateway.clearFaults()
  }

  waitForRequests(count: number, match?: (request: RecordedRequest) => boolean): Promise<RecordedRequest[]> {
    return this.#gateway.waitForRequests(count, match)
  }

  clearRequests(): void {
    this.#gateway.clearRequests()
  }

  setClockOffset(ms: number): void {
    this.#clock.setOffset(ms)
  }

  seedKey(fields?: Partial<ApiKey>): ApiKey {
    return this.#resources().keys.seed(fields)
  }

  close(): Promise<void> {
    return this.#gateway.close()
  }

  /** Shown by console.log and test failures: where it listens and what it holds, never a secret. */
  [inspect.custom](): string {
    const { keys, products } = this.#resources()
    return `FakeApiGateway { url: '${this.url}', keys: ${keys.view.size}, products: ${products.view.size}, subscriptions: ${products.subscriptions.length}, requests: ${this.#gateway.recorded} }`
  }
}

/**
 * Starts a fake NCP API Gateway (the API Key API) on loopback and resolves once it listens.
 * Always `close()` it, e.g. in `afterAll`/`afterEach`.
 */
export async function startFakeApiGateway(options: FakeApiGatewayOptions = {}): Promise<FakeApiGateway> {
  const clock = new Clock(options.now, options.clockOffsetMs)
  const secrets = credentialMap(options.credentials)
  const defaultAccessKey = secrets.keys().next().value as string
  const tenantId = randomBytes(16).toString('hex')
  const fresh = () => createResources({ clock, tenantId, defaultAccessKey }, options)
  const holder = { current: fresh(), fresh }
  // The machinery serves whichever resources the fake holds now (`reset` replaces them).
  const api = {
    get handlers() {
      return holder.current.api.handlers
    },
    get owners() {
      return holder.current.api.owners
    },
  }
  const gateway = new Gateway(options, { api, clock, secrets })
  await gateway.listen(options.port ?? 0, options.host ?? '127.0.0.1')
  return new Fake(gateway, holder, clock, options)
}
