import { defineConfig } from 'vitest/config'
import { testDefaults } from '../../scripts/vitest-defaults.js'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    exclude: ['src/live/**'],
    globalSetup: ['src/global-setup.ts'],
    ...testDefaults(),
  },
})
