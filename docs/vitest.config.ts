import { defineConfig } from 'vitest/config'
import { testDefaults } from '../scripts/vitest-defaults.js'

export default defineConfig({
  test: {
    // samples/guides/*.test.ts are guide samples that run for real against the packages they show.
    include: ['src/**/*.test.ts', 'samples/**/*.test.ts'],
    ...testDefaults(),
  },
})
