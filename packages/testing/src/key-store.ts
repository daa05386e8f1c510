import type { ApiKey, CreateApiKeyRequest, KeyType, UpdateApiKeyRequest } from '@ncloud-apigw/types'

export interface KeyStoreOptions {
  /** The server's clock, in ms since the epoch. */
  readonly now: () => number
  /** `n` random bytes. */
  readonly randomBytes: (n: number) => Uint8Array
  /** The NCP account every key belongs to. */
  readonly tenantId: string
  /** Who is recorded as `modifier` on keys that are seeded rather than changed by a request. */
  readonly defaultModifier: string
}

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789'
const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/**
 * The API keys of one fake API Gateway, in memory. Every change stores a new frozen object, so
 * a key handed out earlier is a snapshot that never changes under the caller. Operations are
 * synchronous, so concurrent requests cannot interleave inside one.
 */
export class KeyStore {
  readonly #keys = new Map<string, ApiKey>()
  readonly #options: KeyStoreOptions
  readonly #view: ReadonlyMap<string, ApiKey>

  constructor(options: KeyStoreOptions) {
    this.#options = options
    const keys = this.#keys
    // A read-only view: unlike the Map itself, a cast cannot make it writable.
    this.#view = {
      get size() {
        return keys.size
      },
      get: (id) => keys.get(id),
      has: (id) => keys.has(id),
      keys: () => keys.keys(),
      values: () => keys.values(),
      entries: () => keys.entries(),
      forEach: (fn, thisArg) => keys.forEach((v, k) => fn.call(thisArg, v, k, this.#view)),
      [Symbol.iterator]: () => keys[Symbol.iterator](),
    }
  }

  /** The stored keys by id, read-only and live. */
  get view(): ReadonlyMap<string, ApiKey> {
    return this.#view
  }

  get(id: string): ApiKey | undefined {
    return this.#keys.get(id)
  }

  has(id: string): boolean {
    return this.#keys.has(id)
  }

  /** Every key, oldest first: a key keeps its place when it changes. */
  all(): IterableIterator<ApiKey> {
    return this.#keys.values()
  }

  /** Removes a key; `false` when there was none. */
  delete(id: string): boolean {
    return this.#keys.delete(id)
  }

  create(input: CreateApiKeyRequest, modifier: string): ApiKey {
    return this.#store(undefined, {
      apiKeyId: this.#newId(),
      tenantId: this.#options.tenantId,
      apiKeyName: input.apiKeyName,
      ...(input.apiKeyDescription === undefined ? {} : { apiKeyDescription: input.apiKeyDescription }),
      primaryKey: this.#newKeyValue(),
      secondaryKey: this.#newKeyValue(),
      modifier,
      isEnabled: true,
      domainCode: 'PUB',
    })
  }

  /** PUT replaces the editable state: a description left out is removed. */
  update(id: string, input: UpdateApiKeyRequest, modifier: string): ApiKey | undefined {
    const current = this.#keys.get(id)
    if (current === undefined) return undefined
    const { apiKeyDescription: _dropped, ...rest } = current
    return this.#store(current, {
      ...rest,
      apiKeyName: input.apiKeyName,
      ...(input.apiKeyDescription === undefined ? {} : { apiKeyDescription: input.apiKeyDescription }),
      isEnabled: input.isEnabled,
      modifier,
    })
  }

  /** Replaces only the requested value; the other stays valid. */
  regenerate(id: string, keyType: KeyType, modifier: string): ApiKey | undefined {
    const current = this.#keys.get(id)
    if (current === undefined) return undefined
    const field = keyType === 'PRIMARY' ? 'primaryKey' : 'secondaryKey'
    return this.#store(current, { ...current, [field]: this.#newKeyValue(), modifier })
  }

  /** Stores a key as given, filling in what is missing as `create` would. */
  seed(fields: Partial<ApiKey> = {}): ApiKey {
    if (fields.apiKeyId !== undefined && (typeof fields.apiKeyId !== 'string' || fields.apiKeyId === '')) {
      throw new TypeError('seedKey: apiKeyId must be a non-empty string')
    }
    if (fields.apiKeyId !== undefined && this.#keys.has(fields.apiKeyId)) {
      throw new RangeError(`seedKey: a key with apiKeyId ${JSON.stringify(fields.apiKeyId)} already exists`)
    }
    const key: ApiKey = {
      apiKeyId: this.#newId(),
      tenantId: this.#options.tenantId,
      apiKeyName: 'seeded-key',
      primaryKey: this.#newKeyValue(),
      secondaryKey: this.#newKeyValue(),
      modifier: this.#options.defaultModifier,
      isEnabled: true,
      modTime: this.#isoTime(this.#options.now()),
      domainCode: 'PUB',
      ...fields,
    }
    return this.#put(key)
  }

  #store(previous: ApiKey | undefined, next: Omit<ApiKey, 'modTime'>): ApiKey {
    let time = this.#options.now()
    // modTime changes on every change, even two changes within one millisecond.
    const before = previous === undefined ? NaN : Date.parse(previous.modTime)
    if (Number.isFinite(before)) time = Math.max(time, before + 1)
    return this.#put({ ...next, modTime: this.#isoTime(time) })
  }

  /** Stores a frozen copy with the fields in the spec's order, as NCP's examples show them. */
  #put(key: ApiKey): ApiKey {
    const { apiKeyId, tenantId, apiKeyName, apiKeyDescription, primaryKey, secondaryKey, modifier, isEnabled, modTime, domainCode, ...rest } = key
    const ordered = Object.freeze({
      apiKeyId,
      tenantId,
      apiKeyName,
      ...(apiKeyDescription === undefined ? {} : { apiKeyDescription }),
      primaryKey,
      secondaryKey,
      modifier,
      isEnabled,
      modTime,
      domainCode,
      ...rest,
    })
    this.#keys.set(apiKeyId, ordered)
    return ordered
  }

  #isoTime(ms: number): string {
    return new Date(ms).toISOString()
  }

  #random(alphabet: string, length: number): string {
    // The modulo bias is irrelevant for a fake: these need to be unique and unguessable enough for tests.
    return Array.from(this.#options.randomBytes(length), (b) => alphabet[b % alphabet.length]).join('')
  }

  #newId(): string {
    let id: string
    do id = this.#random(ID_ALPHABET, 10)
    while (this.#keys.has(id))
    return id
  }

  #newKeyValue(): string {
    return this.#random(KEY_ALPHABET, 40)
  }
}
