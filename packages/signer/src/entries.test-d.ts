import { expectTypeOf, test } from 'vitest'
import type * as webEntry from './index.js'
import type * as nodeEntry from './node.js'

test('both entries have the same API, so one declaration file serves both', () => {
  expectTypeOf<typeof nodeEntry>().toEqualTypeOf<typeof webEntry>()
})
