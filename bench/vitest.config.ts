import { defineConfig } from 'vitest/config'
import { testDefaults } from '../scripts/vitest-defaults.js'

export default defineConfig({
  // The quick run still starts servers, child processes and three esbuild builds.
  test: { include: ['src/**/*.test.ts'], ...testDefaults({ testTimeout: 300_000 }) },
})
