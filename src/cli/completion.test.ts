import { describe, expect, it } from 'vitest';
import { dockerCompletions } from './completion.js';
import { makeRig } from './testing/harness.js';

describe('dockerCompletions', () => {
  it('completes commands, flags, container names and image refs', async () => {
    const rig = makeRig();
    await rig.docker(['run', '-d', '--name', 'webapp', 'busybox', 'sleep', '100']);
    const engine = rig.engine;
    expect(await dockerCompletions(['r'], engine)).toEqual(['restart', 'rm', 'rmi', 'run']);
    expect(await dockerCompletions(['container', 'l'], engine)).toEqual(['list', 'logs', 'ls']);
    expect(await dockerCompletions(['run', '--na'], engine)).toEqual(['--name']);
    expect(await dockerCompletions(['stop', 'we'], engine)).toEqual(['webapp']);
    expect(await dockerCompletions(['rmi', 'bu'], engine)).toEqual(['busybox', 'busybox:latest']);
    expect(await dockerCompletions(['run', '-d', 'bu'], engine)).toEqual(['busybox', 'busybox:latest']);
    expect(await dockerCompletions(['nosuch', ''], engine)).toEqual([]);
  });
});
