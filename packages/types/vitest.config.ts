import { defineConfig } from 'vitest/config'
import { testDefaults } from '../../scripts/vitest-defaults.js'

// This package's tests are type assertions only (src/**/*.test-d.ts), checked by vitest's typecheck.
export default defineConfig({
  test: { typecheck: { enabled: true, only: true, include: ['src/**/*.test-d.ts'], tsconfig: './tsconfig.json' }, ...testDefaults() },
})
