import { defineConfig } from 'vitest/config'

// `pnpm contract:live`: the live suite only, against NCP. Not part of `pnpm test`.
export default defineConfig({
  test: {
    include: ['src/live/**/*.test.ts'],
    globalSetup: ['src/live/global-setup.ts'],
    hookTimeout: 60_000,
  },
})
