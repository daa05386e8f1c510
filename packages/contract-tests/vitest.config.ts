import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    exclude: ['src/live/**'],
    globalSetup: ['src/global-setup.ts'],
    // Prism answers in a few milliseconds, but starting it and two shared cores can be slow.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
})
