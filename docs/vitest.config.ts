import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    // samples/guides/*.test.ts are guide samples that run for real against the packages they show.
    include: ['src/**/*.test.ts', 'samples/**/*.test.ts'],
    // Two shared cores: Chromium and the TypeScript compiler get room, and no test asserts speed.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
})
