import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

const alias = { '@shared': resolve(import.meta.dirname, 'src/shared') }

export default defineConfig({
  resolve: { alias },
  test: {
    // node:sqlite is experimental on Node 22 and says so on load; the suites don't need to hear it.
    execArgv: ['--disable-warning=ExperimentalWarning'],
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/support/global-keyring.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        // The renderer's stores and pure helpers, in Node: stores talk to a real core through the contract (test/support/renderer-api.ts).
        resolve: { alias },
        test: {
          name: 'renderer',
          include: ['test/renderer/**/*.test.ts'],
          globalSetup: ['test/support/global-keyring.ts'],
          setupFiles: ['test/support/renderer-setup.ts'],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      {
        // npm run test:stress: the long runs (SIGKILL loop, big fuzz runs, a heavier slowloris).
        resolve: { alias },
        test: {
          name: 'stress',
          include: ['test/stress/**/*.test.ts', 'test/integration/security/**/*.test.ts'],
          globalSetup: ['test/support/global-keyring.ts'],
          environment: 'node',
          testTimeout: 900_000,
          hookTimeout: 60_000,
          env: { SWITCHBOARD_FUZZ_RUNS: '1000', SWITCHBOARD_SLOWLORIS_CLIENTS: '4000', SWITCHBOARD_SLOWLORIS_DELIVERIES: '200', SWITCHBOARD_CRASH_RUNS: '10', SWITCHBOARD_FORWARD_CRASH_RUNS: '20', SWITCHBOARD_FORWARD_OUTAGE_SECONDS: '300' },
        },
      },
    ],
  },
})
