import { describe, expect, it } from 'vitest';
import { describeCheck, evaluateCheck } from './index.js';
import { imageFact, stateWith } from '../testing/facts.js';

const state = stateWith({
  images: [imageFact('aa', 'goals:1.0', 'goals:latest'), imageFact('bb', 'node:latest'), imageFact('cc'), imageFact('dd', 'student/goals:latest')],
  registry: { user: 'student', repos: { 'student/goals': ['latest', '2.0'] } },
});

describe('image', () => {
  it('finds an image by name (latest by default), full reference or ID prefix', () => {
    expect(evaluateCheck({ kind: 'image', ref: 'goals' }, state).pass).toBe(true);
    expect(evaluateCheck({ kind: 'image', ref: 'docker.io/library/node' }, state).pass).toBe(true);
    expect(evaluateCheck({ kind: 'image', ref: 'bb00' }, state).pass).toBe(true);
    expect(evaluateCheck({ kind: 'image', ref: 'goals:2.0' }, state).why).toBe('there is no image goals:2.0 (docker images does not list it)');
  });

  it('compares image IDs with sameIdAs', () => {
    expect(evaluateCheck({ kind: 'image', ref: 'goals:latest', sameIdAs: 'goals:1.0' }, state).pass).toBe(true);
    expect(evaluateCheck({ kind: 'image', ref: 'goals', sameIdAs: 'student/goals' }, state).why).toBe('goals and student/goals are different images');
    expect(describeCheck({ kind: 'image', ref: 'a', sameIdAs: 'b' })).toBe('a and b name the same image ID');
  });
});

describe('imageCount', () => {
  it('counts dangling, tagged or all images', () => {
    expect(evaluateCheck({ kind: 'imageCount', dangling: true, max: 0 }, state)).toEqual({ pass: false, why: 'there is 1 dangling image' });
    expect(evaluateCheck({ kind: 'imageCount', dangling: false, min: 3, max: 3 }, state).pass).toBe(true);
    expect(evaluateCheck({ kind: 'imageCount', max: 0 }, state).why).toBe('there are 4 images');
    expect(evaluateCheck({ kind: 'imageCount', dangling: true, max: 0 }, stateWith({})).pass).toBe(true);
    expect(describeCheck({ kind: 'imageCount', dangling: true, max: 0 })).toBe('there are no dangling images');
  });
});

describe('loggedIn and pushed', () => {
  it('checks the stored login', () => {
    expect(evaluateCheck({ kind: 'loggedIn' }, state).pass).toBe(true);
    expect(evaluateCheck({ kind: 'loggedIn', user: 'other' }, state).why).toBe('you are logged in as student, not other');
    expect(evaluateCheck({ kind: 'loggedIn' }, stateWith({})).why).toBe('you are not logged in (docker login)');
  });

  it('checks pushed repositories and tags', () => {
    expect(evaluateCheck({ kind: 'pushed', repo: 'student/goals', tag: '2.0' }, state).pass).toBe(true);
    expect(evaluateCheck({ kind: 'pushed', repo: 'docker.io/student/goals' }, state).pass).toBe(true);
    expect(evaluateCheck({ kind: 'pushed', repo: 'student/goals', tag: '3.0' }, state).why).toBe('student/goals on Docker Hub has latest, 2.0 but not 3.0');
    expect(evaluateCheck({ kind: 'pushed', repo: 'student/app' }, state).why).toBe('Docker Hub has no repository student/app yet');
  });
});
