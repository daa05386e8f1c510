import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Two shared cores: Chromium and the TypeScript compiler get room, and no test asserts speed.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
})
