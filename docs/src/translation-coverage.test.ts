import { describe, expect, test } from 'vitest'
import { loadOverlay, loadSpec } from '../test/load.js'
import { languages } from './languages.mjs'
import { applyOverlay, type Overlay } from './overlay.mjs'
import { checkTranslation, codeOf, translatableText } from './translation-coverage.mjs'

const translated = languages.filter((language) => language.overlay !== undefined)

describe.each(translated)('the $name translation ($overlay)', ({ overlay: file }) => {
  const name = `i18n/${file}`

  test('translates every title, summary and description of the spec, once, and nothing else', () => {
    expect(checkTranslation(loadSpec(), loadOverlay(file!), name)).toEqual([])
  })

  test('replaces every English text when applied', () => {
    const spec = loadSpec()
    const english = translatableText(spec)
    const result = translatableText(applyOverlay(spec, loadOverlay(file!)))
    const unchanged = [...english].filter(([pointer, { text }]) => result.get(pointer)?.text === text).map(([pointer]) => pointer)
    // A few texts are the same in every language: names, not prose.
    expect(unchanged.filter((pointer) => !pointer.endsWith('/GetApiKeyResponse/summary'))).toEqual([])
  })

  test('reports a description added to the spec without a translation', () => {
    const spec = loadSpec()
    spec.components.schemas.ApiKeySummary.properties.createdAt = { type: 'string', description: 'When the API key was created.' }
    spec.paths['/api-keys'].post.requestBody.description = 'The key to create'
    expect(checkTranslation(spec, loadOverlay(file!), name)).toEqual([
      `${name}: no translation for /paths/~1api-keys/post/requestBody/description ("The key to create"); ` +
        `add an action with target $.paths['/api-keys'].post.requestBody and update.description`,
      `${name}: no translation for /components/schemas/ApiKeySummary/properties/createdAt/description ("When the API key was created."); ` +
        'add an action with target $.components.schemas.ApiKeySummary.properties.createdAt and update.description',
    ])
  })

  test('reports an action whose target the spec no longer has', () => {
    const spec = loadSpec()
    delete spec.components.examples.EndpointTimeout
    const problems = checkTranslation(spec, loadOverlay(file!), name)
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(/target \$\.components\.examples\.EndpointTimeout\): matches nothing in the spec/)
  })

  test('reports a translation of text the spec no longer has', () => {
    const spec = loadSpec()
    delete spec.components.schemas.ApiKeySummary.properties.modifier.description
    expect(checkTranslation(spec, loadOverlay(file!), name)).toEqual([
      expect.stringMatching(/sets \/components\/schemas\/ApiKeySummary\/properties\/modifier\/description, which is not text of the English spec/),
    ])
  })
})

describe('checkTranslation', () => {
  const spec = {
    info: { title: 'API', description: 'Send `isEnabled` as:\n\n```json\n{"isEnabled": true}\n```\n' },
    components: { schemas: { Key: { description: 'A key', properties: { id: { description: 'Its ID' } } } } },
  }
  const overlay = (actions: Overlay['actions']): Overlay => ({ overlay: '1.0.0', info: { title: 'ko', version: '1' }, actions })

  test('accepts a complete translation', () => {
    const complete = overlay([
      { target: '$.info', update: { title: 'API', description: '`isEnabled`를 보냅니다.\n\n```json\n{"isEnabled": true}\n```\n' } },
      { target: '$.components.schemas.Key', update: { description: '키', properties: { id: { description: 'ID' } } } },
    ])
    expect(checkTranslation(spec, complete, 'ko')).toEqual([])
  })

  test('reports code that the translation lost or changed', () => {
    const lossy = overlay([
      { target: '$.info', update: { title: 'API', description: '활성화 여부를 보냅니다.\n\n```json\n{"isEnabled": 1}\n```\n' } },
      { target: '$.components.schemas.Key', update: { description: '키', properties: { id: { description: 'ID' } } } },
    ])
    expect(checkTranslation(spec, lossy, 'ko')).toEqual([
      'ko action 1 (target $.info): the translation of /info/description lacks the code "{\\"isEnabled\\": true}" that the English has',
      'ko action 1 (target $.info): the translation of /info/description lacks the code "isEnabled" that the English has',
    ])
  })

  test('reports text translated twice, a removal and an empty translation', () => {
    const messy = overlay([
      { target: '$.info', update: { title: '', description: '`isEnabled`\n```json\n{"isEnabled": true}\n```' } },
      { target: '$.components.schemas.Key', update: { description: '키', properties: { id: { description: 'ID' } } } },
      { target: '$.components.schemas.Key.properties.id', update: { description: '아이디' } },
      { target: '$.components.schemas.Key', remove: true },
    ])
    expect(checkTranslation(spec, messy, 'ko')).toEqual([
      'ko action 1 (target $.info): the translation of /info/title is not a non-empty string',
      'ko action 3 (target $.components.schemas.Key.properties.id): translates /components/schemas/Key/properties/id/description again (action 2 already does)',
      'ko action 4 (target $.components.schemas.Key): a translation only updates text; remove it or give it an update',
      'ko: no translation for /info/title ("API"); add an action with target $.info and update.title',
    ])
  })

  test('does not ask for translations of example values, enums or extensions', () => {
    const withData = {
      info: { title: 'T', 'x-signature-v2-examples': [{ summary: 'data', description: 'data' }] },
      components: {
        schemas: { S: { type: 'string', enum: ['description'], examples: ['a description'], default: 'summary' } },
        examples: { E: { summary: 'S', value: { description: 'payload' } } },
      },
    }
    expect([...translatableText(withData).keys()]).toEqual(['/info/title', '/components/examples/E/summary'])
  })
})

describe('codeOf', () => {
  test('returns fenced blocks and inline code spans', () => {
    expect(codeOf('Use `a` and `b c`.\n\n```\nx = 1\n```\n\nThen `d`.')).toEqual(['x = 1', 'a', 'b c', 'd'])
  })
})

describe('the Japanese translation', () => {
  test('has no space or line break between two Japanese characters, as wrapping a line would leave', () => {
    const japanese = /[\u3040-\u30ff\u3400-\u9fff\uff00-\uffef]/u
    const strings = JSON.stringify(loadOverlay('ja.overlay.yaml').actions)
    const gaps = [...strings.matchAll(/(.)(?: |\\n)(.)/gu)].filter(([, before, after]) => japanese.test(before!) && japanese.test(after!))
    expect(gaps.map(([gap]) => gap)).toEqual([])
  })
})

describe('operation names', () => {
  // The titles of NCP's own reference pages for these operations (the seed pages, NCP's Korean
  // and Japanese editions, and the pages the spec's x-ncp-pages and the research notes list),
  // which the translations must use. NCP's Korean unsubscribe page is titled "product 구독 해제";
  // the translation capitalises Product as NCP's other titles do (docs/README.md says so).
  const ncpTitles = {
    ko: {
      createApiKey: 'API Key 생성',
      getApiKey: 'API Key 상세 조회',
      regenerateApiKey: 'API Key 재생성',
      deleteApiKey: 'API Key 삭제',
      searchApiKeys: 'API Key 검색',
      listApiKeyProducts: 'API Key가 연결된 Product 조회',
      subscribeApiKey: 'Product 구독',
      unsubscribeApiKey: 'Product 구독 해제',
      listApiKeySubscriptions: 'API Key 구독 조회',
      searchProductApiKeys: 'API Key 목록 조회',
      updateProductApiKeyStatus: 'API Key 상태 변경',
      updateApiKeyUsagePlan: 'Usage Plan 변경',
    },
    ja: {
      createApiKey: 'API Keyの作成',
      getApiKey: 'API Keyの詳細照会',
      updateApiKey: 'API Keyの変更',
      regenerateApiKey: 'API Keyの再作成',
      searchApiKeys: 'API Keyの検索',
      listApiKeyProducts: 'API Keyが関連付けられた Productの照会',
      subscribeApiKey: 'Productのサブスクリプション',
      listApiKeySubscriptions: 'API Keyサブスクリプションの照会',
      searchProductApiKeys: 'API Keyリストの照会',
      updateProductApiKeyStatus: 'API Keyの状態変更',
      updateApiKeyUsagePlan: 'Usage Planの変更',
    },
  }

  // Operations whose page NCP publishes in no edition of that language, as far as could be found:
  // these names are the project's own (docs/README.md says so).
  const ownTitles = {
    ko: { updateApiKey: 'API Key 변경', listApiKeys: 'API Key 목록' },
    ja: { listApiKeys: 'API Keyの一覧照会', deleteApiKey: 'API Keyの削除', unsubscribeApiKey: 'Productのサブスクリプション解除' },
  }
  const summariesOf = (code: string) => {
    const spec: any = applyOverlay(loadSpec(), loadOverlay(`${code}.overlay.yaml`))
    return Object.fromEntries(
      Object.values(spec.paths).flatMap((item: any) =>
        Object.values(item)
          .filter((op: any) => op?.operationId)
          .map((op: any) => [op.operationId, op.summary]),
      ),
    )
  }

  test.each(Object.entries(ncpTitles))('%s summaries are the titles of NCP pages', (code, titles) => {
    expect(summariesOf(code)).toMatchObject(titles)
  })

  test.each(Object.entries(ownTitles))('%s names every other operation, each differently', (code, titles) => {
    const summaries = summariesOf(code)
    expect(summaries).toMatchObject(titles)
    expect(Object.keys(summaries).sort()).toEqual(Object.keys({ ...ncpTitles[code as 'ko' | 'ja'], ...titles }).sort())
    expect(new Set(Object.values(summaries)).size).toBe(Object.keys(summaries).length)
  })
})
