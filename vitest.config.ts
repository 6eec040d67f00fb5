import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts', 'bin/**/*.test.ts'],
    testTimeout: 20_000,
  },
});
