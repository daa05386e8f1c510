import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // The quick run still starts servers, a child process and three esbuild builds; the machines are shared.
    testTimeout: 300_000,
  },
})
