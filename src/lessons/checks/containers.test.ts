import { describe, expect, it } from 'vitest';
import { describeCheck, evaluateCheck, type Check } from './index.js';
import { containerFact, stateWith } from '../testing/facts.js';

const goals = containerFact({
  name: 'goals-app',
  image: 'goals',
  imageTags: ['goals:latest', 'goals:1.0'],
  imageId: 'sha256:' + 'b'.repeat(64),
  ports: [{ host: 3000, container: 80, protocol: 'tcp' }],
});
const exited = containerFact({ name: 'old', image: 'node', imageTags: ['node:latest'], state: 'exited', exitCode: 137 });
const state = stateWith({ containers: [goals, exited] });

const run = (check: Check) => evaluateCheck(check, state);

describe('container', () => {
  it('matches on image (any of its tags or the typed reference), name, state and ports together', () => {
    expect(run({ kind: 'container', image: 'goals:1.0', state: 'running', publishes: { host: 3000, container: 80 } }).pass).toBe(true);
    expect(run({ kind: 'container', image: 'goals:latest', name: 'goals-app' }).pass).toBe(true);
    expect(run({ kind: 'container', image: 'bbbbbbbbbbbb' }).pass).toBe(true);
  });

  it('fails with the difference of the closest candidate', () => {
    expect(run({ kind: 'container', image: 'goals', publishes: { host: 8080, container: 80 } })).toEqual({ pass: false, why: 'container goals-app publishes 3000 → 80' });
    expect(run({ kind: 'container', name: 'web' }).why).toBe('no container is named web');
    expect(run({ kind: 'container', image: 'python' }).why).toBe('no container was created from python');
    expect(run({ kind: 'container', name: 'old', state: 'running' }).why).toBe('container old is exited');
  });

  it('checks exit codes, and stopped means created or exited', () => {
    expect(run({ kind: 'container', name: 'old', exitCode: 137 }).pass).toBe(true);
    expect(run({ kind: 'container', name: 'old', exitCode: 0 }).why).toBe('container old exited with code 137');
    expect(run({ kind: 'container', name: 'goals-app', exitCode: 0 }).why).toBe('container goals-app is running');
    expect(run({ kind: 'container', name: 'old', state: 'stopped' }).pass).toBe(true);
  });

  it('checks attached, --rm, -t and -i', () => {
    const s = stateWith({ containers: [containerFact({ name: 'a', attached: true, autoRemove: true, tty: true, openStdin: false })] });
    expect(evaluateCheck({ kind: 'container', name: 'a', attached: true, autoRemove: true, tty: true }, s).pass).toBe(true);
    expect(evaluateCheck({ kind: 'container', name: 'a', attached: false }, s).why).toBe('container a is attached');
    expect(evaluateCheck({ kind: 'container', name: 'a', autoRemove: false }, s).why).toBe('container a was started with --rm');
    expect(evaluateCheck({ kind: 'container', name: 'a', interactive: true }, s).why).toBe('container a has no open stdin (no -i)');
  });

  it('matches the image of the last successful build', () => {
    const built = stateWith({ containers: [goals], lastBuild: { succeeded: true, imageId: goals.imageId, canceled: false, tags: [], steps: [] } });
    expect(evaluateCheck({ kind: 'container', fromLastBuild: true }, built).pass).toBe(true);
    expect(evaluateCheck({ kind: 'container', fromLastBuild: true }, state).why).toBe('there is no successful build yet');
    const other = stateWith({ containers: [goals], lastBuild: { succeeded: true, imageId: 'sha256:' + 'c'.repeat(64), canceled: false, tags: [], steps: [] } });
    expect(evaluateCheck({ kind: 'container', fromLastBuild: true }, other).why).toBe('no container was created from the image you built last');
  });

  it('says there are none when the list is empty', () => {
    expect(evaluateCheck({ kind: 'container' }, stateWith({})).why).toMatch(/no containers at all/);
  });

  it('describes the whole sentence', () => {
    expect(describeCheck({ kind: 'container', state: 'running', image: 'goals:latest', publishes: { host: 3000, container: 80 } })).toBe(
      'a running container from goals:latest that publishes host 3000 → 80 exists',
    );
  });
});

describe('containerCount', () => {
  it('counts matching containers within bounds', () => {
    expect(run({ kind: 'containerCount', state: 'running', max: 0 }).why).toBe('there is 1 matching container');
    expect(run({ kind: 'containerCount', min: 2 }).pass).toBe(true);
    expect(run({ kind: 'containerCount', image: 'node', state: 'stopped', min: 1, max: 1 }).pass).toBe(true);
    expect(run({ kind: 'containerCount', image: 'python' }).pass).toBe(false);
  });

  it('reads "no running containers" for max 0', () => {
    expect(describeCheck({ kind: 'containerCount', state: 'running', max: 0 })).toBe('no running container(s) exist');
  });
});
