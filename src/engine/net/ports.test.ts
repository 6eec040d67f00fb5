import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EngineError } from '../errors/EngineError.js';
import { parsePortSpecs } from './ports.js';

describe('parsePortSpecs', () => {
  it.each([
    ['80', [{ containerPort: '80/tcp', hostIp: '', hostPort: '' }]],
    ['8080:80', [{ containerPort: '80/tcp', hostIp: '', hostPort: '8080' }]],
    ['127.0.0.1:8080:80', [{ containerPort: '80/tcp', hostIp: '127.0.0.1', hostPort: '8080' }]],
    ['127.0.0.1::80', [{ containerPort: '80/tcp', hostIp: '127.0.0.1', hostPort: '' }]],
    ['53:53/udp', [{ containerPort: '53/udp', hostIp: '', hostPort: '53' }]],
    ['80/TCP', [{ containerPort: '80/tcp', hostIp: '', hostPort: '' }]],
    ['[::1]:8080:80', [{ containerPort: '80/tcp', hostIp: '::1', hostPort: '8080' }]],
    ['::1:8080:80', [{ containerPort: '80/tcp', hostIp: '::1', hostPort: '8080' }]],
    ['3000:80/', [{ containerPort: '80/tcp', hostIp: '', hostPort: '3000' }]],
    [
      '8000-8001:9000-9001',
      [
        { containerPort: '9000/tcp', hostIp: '', hostPort: '8000' },
        { containerPort: '9001/tcp', hostIp: '', hostPort: '8001' },
      ],
    ],
    ['8000-8010:80', [{ containerPort: '80/tcp', hostIp: '', hostPort: '8000-8010' }]],
  ])('%s', (spec, expected) => {
    expect(parsePortSpecs(spec)).toEqual(expected);
  });

  it.each([
    ['abc', 'invalid containerPort: abc'],
    ['3000:abc', 'invalid containerPort: abc'],
    ['99999:80', 'invalid hostPort: 99999'],
    ['80/foo', 'invalid proto: foo'],
    ['3000:', 'no port specified: 3000:<empty>'],
    ['1.2.3:80:80', 'invalid IP address: 1.2.3'],
    ['localhost:80:80', 'invalid IP address: localhost'],
    ['80-81:90-92', 'invalid ranges specified for container and host Ports: 90-92 and 80-81'],
    ['90-80', 'invalid containerPort: 90-80'],
    ['65536', 'invalid containerPort: 65536'],
  ])('%s → %s', (spec, message) => {
    expect(() => parsePortSpecs(spec)).toThrow(new EngineError(message, 'invalidParameter'));
  });

  it('throws nothing but EngineError for arbitrary input', () => {
    const alphabet = fc.constantFrom(...'0123456789:/-[].abcfx'.split(''));
    fc.assert(
      fc.property(fc.string({ unit: alphabet, maxLength: 24 }), (spec) => {
        try {
          const out = parsePortSpecs(spec);
          expect(out.length).toBeGreaterThan(0);
        } catch (error) {
          expect(error).toBeInstanceOf(EngineError);
        }
      }),
    );
  });
});
