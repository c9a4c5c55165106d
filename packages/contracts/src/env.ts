// Imported first by every entry point (scripts, vitest config, tests). Users may not have set
// these, and Pact's native core reports usage to an analytics endpoint unless told not to;
// Prism's and scarf's telemetry honour DO_NOT_TRACK. Nothing here may leave 127.0.0.1.
process.env.PACT_DO_NOT_TRACK = 'true';
process.env.DO_NOT_TRACK = '1';

/** Pact's own log level (consumer mock server and verifier): warnings and errors only. */
export const PACT_LOG_LEVEL = 'warn' as const;
