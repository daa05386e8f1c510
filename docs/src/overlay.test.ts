import { describe, expect, test } from 'vitest'
import { applyOverlay, type Overlay } from './overlay.mjs'

const overlay = (actions: Overlay['actions']): Overlay => ({ overlay: '1.0.0', info: { title: 't', version: '1' }, actions })

describe('applyOverlay', () => {
  const document = {
    info: { title: 'API', description: 'English', version: '1' },
    tags: [{ name: 'a', description: 'A' }, { name: 'b', description: 'B' }],
    paths: { '/things/{id}': { get: { summary: 'Get', responses: { '200': { description: 'OK' } } } } },
  }

  test('merges an update into every object the target selects, recursively', () => {
    const result: any = applyOverlay(
      document,
      overlay([
        { target: '$.info', update: { description: '설명' } },
        { target: "$.paths['/things/{id}'].get", update: { summary: '조회', responses: { '200': { description: '성공' } } } },
        { target: '$.tags[*]', update: { 'x-seen': true } },
      ]),
    )
    expect(result.info).toEqual({ title: 'API', description: '설명', version: '1' })
    expect(result.paths['/things/{id}'].get).toEqual({ summary: '조회', responses: { '200': { description: '성공' } } })
    expect(result.tags).toEqual([
      { name: 'a', description: 'A', 'x-seen': true },
      { name: 'b', description: 'B', 'x-seen': true },
    ])
  })

  test('selects by filter expression', () => {
    const result: any = applyOverlay(document, overlay([{ target: "$.tags[?@.name == 'b']", update: { description: '비' } }]))
    expect(result.tags.map((t: { description: string }) => t.description)).toEqual(['A', '비'])
  })

  test('appends an update to a selected array and removes what remove selects', () => {
    const result: any = applyOverlay(
      document,
      overlay([
        { target: '$.tags', update: { name: 'c' } },
        { target: "$.tags[?@.name == 'a']", remove: true },
      ]),
    )
    expect(result.tags.map((t: { name: string }) => t.name)).toEqual(['b', 'c'])
  })

  test('applies actions in order, each seeing the result of the ones before', () => {
    const result: any = applyOverlay(
      document,
      overlay([
        { target: '$.tags', update: { name: 'c', description: 'C' } },
        { target: "$.tags[?@.name == 'c']", update: { description: '씨' } },
      ]),
    )
    expect(result.tags.at(-1)).toEqual({ name: 'c', description: '씨' })
  })

  test('leaves the input document unchanged', () => {
    const before = structuredClone(document)
    applyOverlay(document, overlay([{ target: '$.info', update: { title: '바뀜' } }]))
    expect(document).toEqual(before)
  })

  test('refuses to merge an object into a string', () => {
    expect(() => applyOverlay(document, overlay([{ target: '$.info.title', update: { x: 1 } }]))).toThrow(
      /action 1 \(\$\.info\.title\) updates a string with an object/,
    )
  })

  test('refuses an Overlay version other than 1.0.x', () => {
    expect(() => applyOverlay(document, { ...overlay([]), overlay: '2.0.0' })).toThrow(/Unsupported Overlay version "2\.0\.0"/)
  })
})
