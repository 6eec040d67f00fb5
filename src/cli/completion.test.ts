import { describe, expect, it } from 'vitest';
import { dockerCompletions } from './completion.js';
import { makeRig } from './testing/harness.js';

describe('dockerCompletions', () => {
  it('completes commands, flags, container names and image refs', async () => {
    const rig = makeRig();
    await rig.docker(['run', '-d', '--name', 'webapp', 'busybox', 'sleep', '100']);
    const engine = rig.engine;
    expect(dockerCompletions(['r'], engine)).toEqual(['restart', 'rm', 'rmi', 'run']);
    expect(dockerCompletions(['container', 'l'], engine)).toEqual(['list', 'logs', 'ls']);
    expect(dockerCompletions(['run', '--na'], engine)).toEqual(['--name']);
    expect(dockerCompletions(['stop', 'we'], engine)).toEqual(['webapp']);
    expect(dockerCompletions(['rmi', 'bu'], engine)).toEqual(['busybox', 'busybox:latest']);
    expect(dockerCompletions(['run', '-d', 'bu'], engine)).toEqual(['busybox', 'busybox:latest']);
    expect(dockerCompletions(['nosuch', ''], engine)).toEqual([]);
  });
});
