// One project per pipeline step. They are run one after the other as separate vitest invocations
// (scripts/contracts.ts), never together: the verifications read the pact the consumer step wrote.
import './src/env.ts';
import { defineConfig } from 'vitest/config';
import { sharedWorkers, sourceConditions } from '../../vitest.shared.ts';
import { consumerPactDir } from './src/paths.ts';

// The pipeline hands every step the same fresh temporary directory in ATLAS_PACT_DIR. Run alone,
// the consumer writes into .test-results/pacts (emptied first by its global setup), and the other
// steps read the committed contracts/.
const telemetryOff = { PACT_DO_NOT_TRACK: 'true', DO_NOT_TRACK: '1' };
const env = process.env.ATLAS_PACT_DIR ? { ...telemetryOff, ATLAS_PACT_DIR: process.env.ATLAS_PACT_DIR } : telemetryOff;
const consumerEnv = { ...env, ATLAS_PACT_DIR: consumerPactDir() };

export default defineConfig({
  ...sourceConditions,
  test: {
    ...sharedWorkers,
    projects: [
      {
        extends: true,
        test: {
          name: 'consumer',
          include: ['test/consumer/**/*.test.ts'],
          globalSetup: ['test/consumer/global-setup.ts'],
          env: consumerEnv,
        },
      },
      {
        extends: true,
        test: { name: 'verify-mocks', include: ['test/verify/mocks.verify.test.ts'], env, testTimeout: 60_000 },
      },
      {
        extends: true,
        test: {
          name: 'verify-prism',
          include: ['test/verify/prism.verify.test.ts'],
          env,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      { extends: true, test: { name: 'compare', include: ['test/compare/**/*.test.ts'], env } },
      { extends: true, test: { name: 'tooling', include: ['test/tooling/**/*.test.ts'], env } },
    ],
  },
});
