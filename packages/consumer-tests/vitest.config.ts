import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    globalSetup: ['src/global-setup.ts'],
    // npm installs, TypeScript compiles, other Node versions and a browser, on a shared 2-core
    // machine: generous limits, and never an assertion on time.
    testTimeout: 180_000,
    hookTimeout: 300_000,
  },
})
