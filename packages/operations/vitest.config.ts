import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // The machine is shared by several builds at once: generous limits, never timed assertions.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
})
