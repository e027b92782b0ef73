import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/db/**/*.test.ts', 'test/electron/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    setupFiles: ['test/setup.ts'],
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
