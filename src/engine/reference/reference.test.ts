import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EngineError } from '../errors/EngineError.js';
import { canonicalString, familiarString, fullImageId, idPrefix, normalizeTagged, parseReference, withDefaultTag } from './reference.js';

describe('parseReference', () => {
  it.each([
    ['node', 'docker.io/library/node', 'node'],
    ['node:22-alpine', 'docker.io/library/node:22-alpine', 'node:22-alpine'],
    ['student/app:v1', 'docker.io/student/app:v1', 'student/app:v1'],
    ['docker.io/library/nginx:latest', 'docker.io/library/nginx:latest', 'nginx:latest'],
    ['index.docker.io/library/nginx', 'docker.io/library/nginx', 'nginx'],
    ['localhost/app', 'localhost/app', 'localhost/app'],
    ['localhost:5000/team/app:1.0', 'localhost:5000/team/app:1.0', 'localhost:5000/team/app:1.0'],
    ['ghcr.io/owner/tool', 'ghcr.io/owner/tool', 'ghcr.io/owner/tool'],
    ['library/node', 'docker.io/library/node', 'node'],
    ['a/b/c', 'docker.io/a/b/c', 'a/b/c'],
    ['my-app__x.y', 'docker.io/library/my-app__x.y', 'my-app__x.y'],
    [
      'node@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
      'docker.io/library/node@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
      'node@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
    ],
  ])('%s', (input, canonical, familiar) => {
    const ref = parseReference(input);
    expect(canonicalString(ref)).toBe(canonical);
    expect(familiarString(ref)).toBe(familiar);
  });

  it.each([
    ['MyApp', 'invalid reference format: repository name (library/MyApp) must be lowercase'],
    ['student/MyApp:v1', 'invalid reference format: repository name (student/MyApp) must be lowercase'],
    ['nginx:', 'invalid reference format'],
    ['my image', 'invalid reference format'],
    ['', 'invalid reference format'],
    ['-app', 'invalid reference format'],
    ['app:-x', 'invalid reference format'],
    ['a//b', 'invalid reference format'],
    [`x:${'t'.repeat(129)}`, 'invalid reference format'],
    [
      '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
      'invalid repository name (0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef), cannot specify 64-byte hexadecimal strings',
    ],
  ])('rejects %j', (input, message) => {
    expect(() => parseReference(input)).toThrow(new EngineError(message, 'invalidParameter'));
    try {
      parseReference(input);
    } catch (e) {
      expect(e).toBeInstanceOf(EngineError);
      expect((e as EngineError).message).toBe(message);
    }
  });

  it('adds :latest only when there is no tag and no digest', () => {
    expect(normalizeTagged('node')).toBe('node:latest');
    expect(normalizeTagged('docker.io/student/app')).toBe('student/app:latest');
    expect(familiarString(withDefaultTag(parseReference('node:22')))).toBe('node:22');
  });

  it('recognises image IDs', () => {
    const hex = 'ab'.repeat(32);
    expect(fullImageId(hex)).toBe(`sha256:${hex}`);
    expect(fullImageId(`sha256:${hex}`)).toBe(`sha256:${hex}`);
    expect(fullImageId('abc')).toBeUndefined();
    expect(idPrefix('sha256:abc')).toBe('abc');
    expect(idPrefix('node')).toBeUndefined();
  });
});

describe('reference properties', () => {
  const component = fc.stringMatching(/^[a-z0-9]+(?:(?:[_.]|__|-+)[a-z0-9]+)*$/).filter((s) => s.length <= 30);
  const tag = fc.stringMatching(/^[\w][\w.-]{0,20}$/);
  const domain = fc.constantFrom(undefined, 'docker.io', 'localhost:5000', 'ghcr.io', 'registry.example.com');

  // A dotted first component reads as a domain, in Docker too, so the familiar form would not round-trip.
  const first = component.filter((s) => !s.includes('.'));

  it('parse(format(ref)) round-trips', () => {
    fc.assert(
      fc.property(domain, first, fc.array(component, { maxLength: 2 }), fc.option(tag, { nil: undefined }), (d, head, tail, t) => {
        const parts = [head, ...tail];
        const text = `${d ? `${d}/` : ''}${parts.join('/')}${t !== undefined ? `:${t}` : ''}`;
        const ref = parseReference(text);
        expect(parseReference(familiarString(ref))).toEqual(ref);
        expect(parseReference(canonicalString(ref))).toEqual(ref);
      }),
    );
  });

  it('never throws anything but EngineError', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (s) => {
        try {
          parseReference(s);
        } catch (e) {
          expect(e).toBeInstanceOf(EngineError);
        }
      }),
    );
  });
});
