import { defineConfig } from 'vitest/config'
import { testDefaults } from '../../scripts/vitest-defaults.js'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    globalSetup: ['src/global-setup.ts'],
    // npm installs, TypeScript compiles, other Node versions and a browser: limits far above
    // their time, and never an assertion on time.
    ...testDefaults({ testTimeout: 180_000, hookTimeout: 300_000 }),
  },
})
