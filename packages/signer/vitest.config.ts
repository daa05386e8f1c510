import { defineConfig } from 'vitest/config'
import { testDefaults } from '../../scripts/vitest-defaults.js'

// No vitest typecheck: `pnpm lint` compiles src/**/*.test-d.ts with the rest, and an
// expectTypeOf that does not hold is a compile error there.
export default defineConfig({
  test: { include: ['src/**/*.test.ts'], ...testDefaults() },
})
