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
  readonly #resources: Resources
  readonly #clock: Clock

  constructor(gateway: Gateway, resources: Resources, clock: Clock) {
    this.#gateway = gateway
    this.#resources = resources
    this.#clock = clock
  }

  get url(): string {
    return this.#gateway.url
  }

  get keys(): ReadonlyMap<string, ApiKey> {
    return this.#resources.keys.view
  }

  get products(): ReadonlyMap<string, FakeProduct> {
    return this.#resources.products.view
  }

  get subscriptions(): readonly FakeSubscription[] {
    return this.#resources.products.subscriptions
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
    return this.#resources.keys.seed(fields)
  }

  close(): Promise<void> {
    return this.#gateway.close()
  }

  /** Shown by console.log and test failures: where it listens and what it holds, never a secret. */
  [inspect.custom](): string {
    const { keys, products } = this.#resources
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
  const resources = createResources({ clock, tenantId: randomBytes(16).toString('hex'), defaultAccessKey }, options)
  const gateway = new Gateway(options, { api: resources.api, clock, secrets })
  await gateway.listen(options.port ?? 0, options.host ?? '127.0.0.1')
  return new Fake(gateway, resources, clock)
}
