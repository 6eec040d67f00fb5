import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { makeRig } from '../testing/harness.js';

const WORDS = [
  'run', 'create', 'start', 'stop', 'kill', 'restart', 'rm', 'ps', 'logs', 'attach', 'exec', 'cp', 'inspect', 'images', 'rmi', 'tag',
  'container', 'image', 'ls', 'prune', 'history', 'version', 'info', 'logout',
  // No -i/-t/-f: an interactive container or `logs -f` would legitimately wait forever.
  '-a', '-q', '--force', '-d', '--rm', '--name', 'web', '-p', '8080:80', '80', '--format', '{{.ID}}', '{{json .}}', 'table {{.Names}}',
  'busybox', 'hello-world', 'nosuch', 'web:/tmp', '/tmp', 'echo', 'hi', '--', '-', '-s', 'SIGTERM', '-t', '0', 'x:y',
];

describe('docker CLI fuzzing against a real engine', () => {
  it('property: any argv resolves to an exit code without throwing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 4 }), async (commands) => {
        const rig = makeRig();
        for (const argv of commands) {
          const code = await rig.docker(argv);
          expect(Number.isInteger(code) && code >= 0 && code < 256).toBe(true);
        }
        expect(rig.engine.system.checkInvariants()).toEqual([]);
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});
