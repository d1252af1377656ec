import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Tests must pass on a slow, shared machine: generous timeouts, and no test asserts a duration.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    // Test files share their worker's module graph instead of importing valuepack afresh
    // (zod's schema, yaml, the renderers) once each: about a quarter of the suite's CPU time.
    // It holds because no test mocks a module or changes process state it does not restore;
    // main() forgets its inputs on every run (docs/architecture.md, "Tests").
    isolate: false,
    // Vitest 4 left alone runs one worker on this 2-core machine; many files wait on child
    // processes (tmux, signals, chromium, capped heaps), so a worker per core overlaps them.
    maxWorkers: availableParallelism(),
  },
});
