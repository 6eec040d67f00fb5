import { describe, expect, it } from 'vitest';
import { displayablePorts } from './ports.js';

describe('displayablePorts', () => {
  it('shows published IPv4 and IPv6 mappings with brackets', () => {
    expect(
      displayablePorts([
        { privatePort: 80, publicPort: 3000, ip: '::', type: 'tcp' },
        { privatePort: 80, publicPort: 3000, ip: '0.0.0.0', type: 'tcp' },
      ]),
    ).toBe('0.0.0.0:3000->80/tcp, [::]:3000->80/tcp');
  });

  it('collapses consecutive exposed ports into ranges', () => {
    expect(displayablePorts([82, 80, 81].map((p) => ({ privatePort: p, type: 'tcp' })))).toBe('80-82/tcp');
    expect(displayablePorts([{ privatePort: 80, type: 'tcp' }, { privatePort: 443, type: 'tcp' }])).toBe('80/tcp, 443/tcp');
  });

  it('lists same-number mappings first and different host ports last', () => {
    expect(
      displayablePorts([
        { privatePort: 80, publicPort: 8080, ip: '127.0.0.1', type: 'tcp' },
        { privatePort: 82, publicPort: 82, ip: '8.8.8.8', type: 'tcp' },
        { privatePort: 53, type: 'udp' },
      ]),
    ).toBe('53/udp, 8.8.8.8:82->82/tcp, 127.0.0.1:8080->80/tcp');
  });

  it('is empty without ports', () => {
    expect(displayablePorts([])).toBe('');
  });
});
