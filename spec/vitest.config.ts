import { defineConfig } from 'vitest/config'
import { testDefaults } from '../scripts/vitest-defaults.js'

export default defineConfig({
  test: { include: ['test/**/*.test.ts'], ...testDefaults() },
})
