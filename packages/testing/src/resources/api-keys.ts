// The API keys of one fake: their state, and the handlers of the operations on a key's own life.
import { randomBytes, randomUUID } from 'node:crypto'
import { operations, problems, problemText, type Schema } from '@ncloud-apigw/operations'
import type { ApiKey, ApiKeySummary, CreateApiKeyRequest, KeyType, UpdateApiKeyRequest } from '@ncloud-apigw/types'
import type { Clock } from '../clock.js'
import type { Handler, PathParamOwner } from '../handler.js'
import { pageOf } from './page.js'
import { readonlyView } from './readonly-view.js'

/** What every resource of one fake shares. */
export interface ResourceContext {
  readonly clock: Clock
  /** The NCP account every key and product belongs to. */
  readonly tenantId: string
  /** The access key whose user is recorded as `modifier` on keys seeded rather than changed by a request. */
  readonly defaultAccessKey: string
}

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789'
const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

function random(alphabet: string, length: number): string {
  // The modulo bias is irrelevant for a fake: these need to be unique and unguessable enough for tests.
  return Array.from(randomBytes(length), (b) => alphabet[b % alphabet.length]).join('')
}

/** A key as a list shows it: NCP's list page shows no `primaryKey` or `secondaryKey`. */
function summary({ primaryKey: _primary, secondaryKey: _secondary, ...rest }: ApiKey): ApiKeySummary {
  return rest
}

/** A frozen copy with the fields in the spec's order, as NCP's examples show them. */
function frozen(key: ApiKey): ApiKey {
  const { apiKeyId, tenantId, apiKeyName, apiKeyDescription, primaryKey, secondaryKey, modifier, isEnabled, modTime, domainCode, ...rest } = key
  const description = apiKeyDescription === undefined ? {} : { apiKeyDescription }
  return Object.freeze({ apiKeyId, tenantId, apiKeyName, ...description, primaryKey, secondaryKey, modifier, isEnabled, modTime, domainCode, ...rest })
}

/**
 * The API keys of one fake, in memory, oldest first. Every change stores a new frozen object, so
 * a key handed out earlier is a snapshot that never changes under the caller. Changes are
 * synchronous, so concurrent requests cannot interleave inside one.
 */
export class ApiKeys {
  readonly #keys = new Map<string, ApiKey>()
  readonly #modifiers = new Map<string, string>()
  readonly #deleted: ((apiKeyId: string) => void)[] = []
  readonly #context: ResourceContext
  /** The stored keys by id, read-only and live. */
  readonly view = readonlyView(this.#keys)
  /** `api-key-id` names a stored key. */
  readonly owner: PathParamOwner = { noun: 'API key', exists: (id) => this.#keys.has(id) }

  constructor(context: ResourceContext) {
    this.#context = context
  }

  get(id: string): ApiKey | undefined {
    return this.#keys.get(id)
  }

  /** Calls `listener` with the id of each key deleted from now on (its relations go with it). */
  onDelete(listener: (apiKeyId: string) => void): void {
    this.#deleted.push(listener)
  }

  /** Stores a key as given, filling in what is missing as create would; refuses one the API could not answer. */
  seed(fields: Partial<ApiKey> = {}, where = 'seedKey'): ApiKey {
    if (fields.apiKeyId !== undefined && (typeof fields.apiKeyId !== 'string' || fields.apiKeyId === '')) {
      throw new TypeError(`${where}: apiKeyId must be a non-empty string`)
    }
    if (fields.apiKeyId !== undefined && this.#keys.has(fields.apiKeyId)) {
      throw new RangeError(`${where}: a key with apiKeyId ${JSON.stringify(fields.apiKeyId)} already exists`)
    }
    const key: ApiKey = {
      apiKeyId: this.#newId(),
      tenantId: this.#context.tenantId,
      apiKeyName: 'seeded-key',
      primaryKey: random(KEY_ALPHABET, 40),
      secondaryKey: random(KEY_ALPHABET, 40),
      modifier: this.#modifierFor(this.#context.defaultAccessKey),
      isEnabled: true,
      modTime: this.#context.clock.isoAfter(),
      domainCode: 'PUB',
      ...fields,
    }
    const broken = problems(operations.getApiKey.response as Schema, key).map(problemText)
    if (broken.length > 0) throw new TypeError(`${where}: ${broken.join('; ')}`)
    return this.#put(key)
  }

  #put(key: ApiKey): ApiKey {
    const stored = frozen(key)
    this.#keys.set(stored.apiKeyId, stored)
    return stored
  }

  /** A change to a stored key: `modTime` always moves forward, `modifier` is the caller. */
  #change(id: string, accessKey: string, change: (key: ApiKey) => ApiKey): ApiKey {
    const current = this.#keys.get(id) as ApiKey
    return this.#put({ ...change(current), modifier: this.#modifierFor(accessKey), modTime: this.#context.clock.isoAfter(current.modTime) })
  }

  /** A stable, plausible user id per access key, shown as `modifier` on the keys it changes. */
  #modifierFor(accessKey: string): string {
    let modifier = this.#modifiers.get(accessKey)
    if (modifier === undefined) {
      modifier = randomUUID()
      this.#modifiers.set(accessKey, modifier)
    }
    return modifier
  }

  #newId(): string {
    let id: string
    do id = random(ID_ALPHABET, 10)
    while (this.#keys.has(id))
    return id
  }

  #create(input: CreateApiKeyRequest, accessKey: string): ApiKey {
    return this.#put({
      apiKeyId: this.#newId(),
      tenantId: this.#context.tenantId,
      apiKeyName: input.apiKeyName,
      ...(input.apiKeyDescription === undefined ? {} : { apiKeyDescription: input.apiKeyDescription }),
      primaryKey: random(KEY_ALPHABET, 40),
      secondaryKey: random(KEY_ALPHABET, 40),
      modifier: this.#modifierFor(accessKey),
      isEnabled: true,
      modTime: this.#context.clock.isoAfter(),
      domainCode: 'PUB',
    })
  }

  /** PUT replaces the editable state: a description left out is removed. */
  #update(id: string, input: UpdateApiKeyRequest, accessKey: string): ApiKey {
    return this.#change(id, accessKey, ({ apiKeyDescription: _dropped, ...rest }) => ({
      ...rest,
      apiKeyName: input.apiKeyName,
      ...(input.apiKeyDescription === undefined ? {} : { apiKeyDescription: input.apiKeyDescription }),
      isEnabled: input.isEnabled,
    }))
  }

  /** Replaces only the requested value; the other stays valid. */
  #regenerate(id: string, keyType: KeyType, accessKey: string): ApiKey {
    const field = keyType === 'PRIMARY' ? 'primaryKey' : 'secondaryKey'
    return this.#change(id, accessKey, (key) => ({ ...key, [field]: random(KEY_ALPHABET, 40) }))
  }

  #delete(id: string): void {
    this.#keys.delete(id)
    for (const listener of this.#deleted) listener(id)
  }

  /** The operations on a key's own life. Path parameters are checked to exist before a handler runs. */
  readonly handlers = {
    /**
     * Keys oldest first (NCP does not document an order). `apiKeyName` matches as a case-sensitive
     * substring, the broadest reading of NCP's undocumented match, so code tested here cannot come
     * to rely on a narrower one. `total` counts the keys that match, across pages; `initialCount`,
     * which NCP does not describe, is taken to be the number of keys before the filter.
     */
    listApiKeys: ({ query: { offset, limit, apiKeyName = '' } }) => {
      const all = [...this.#keys.values()]
      const matching = all.filter((key) => key.apiKeyName.includes(apiKeyName))
      return { apiKeys: pageOf(matching, offset, limit).map(summary), total: matching.length, initialCount: all.length }
    },
    createApiKey: ({ body, accessKey }) => ({ apiKey: this.#create(body, accessKey) }),
    getApiKey: ({ params }) => this.#keys.get(params['api-key-id']) as ApiKey,
    updateApiKey: ({ params, body, accessKey }) => ({ apiKey: this.#update(params['api-key-id'], body, accessKey) }),
    deleteApiKey: ({ params }) => this.#delete(params['api-key-id']),
    regenerateApiKey: ({ params, body, accessKey }) => ({ apiKey: this.#regenerate(params['api-key-id'], body.keyType, accessKey) }),
  } satisfies { readonly [Id in 'listApiKeys' | 'createApiKey' | 'getApiKey' | 'updateApiKey' | 'deleteApiKey' | 'regenerateApiKey']: Handler<Id> }
}
