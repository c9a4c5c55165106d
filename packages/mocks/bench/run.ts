// `pnpm bench`: both benches of issue 11, one after the other (each prints its figures and sets
// exit code 1 below its target): the cold start first, while this process is still idle.
await import('./cold-start.bench.ts');
await import('./requests.bench.ts');
