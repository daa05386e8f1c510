import { defineConfig } from 'vitest/config'

export default defineConfig({
  // Generous: the OpenAPI validator compiles its schemas on first use, slow on a loaded machine.
  test: { include: ['test/**/*.test.ts'], testTimeout: 120_000 },
})
