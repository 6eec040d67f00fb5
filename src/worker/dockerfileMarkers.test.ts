import { describe, expect, it } from 'vitest';
import { dockerfileMarkers } from './dockerfileMarkers.js';

describe('dockerfileMarkers', () => {
  it('reports build checks as warnings with their BuildKit rule names', () => {
    const markers = dockerfileMarkers('FROM node\nWORKDIR app\nCMD node server.js\n');
    const rules = markers.filter((m) => m.severity === 'warning').map((m) => `${m.source}@${m.startLine}`);
    expect(rules).toContain('WorkdirRelativePath@2');
    expect(rules).toContain('JSONArgsRecommended@3');
    const json = markers.find((m) => m.source === 'JSONArgsRecommended');
    expect(json?.message).toBe('JSONArgsRecommended: JSON arguments recommended for CMD to prevent unintended behavior related to OS signals');
  });

  it('turns a refused Dockerfile into an error marker on its line, in the build’s words', () => {
    const markers = dockerfileMarkers('FROM node\nEXPOSE\n');
    const error = markers.find((m) => m.severity === 'error');
    expect(error).toBeDefined();
    expect(error?.startLine).toBe(2);
    expect(error?.message).toMatch(/EXPOSE/i);
  });

  it('hints when the whole context is copied before the dependency install', () => {
    const bad = dockerfileMarkers('FROM node\nWORKDIR /app\nCOPY . /app\nRUN npm install\nCMD ["node", "server.js"]\n');
    expect(bad.filter((m) => m.source === 'slipway').map((m) => [m.severity, m.startLine])).toEqual([['info', 3]]);
    const good = dockerfileMarkers('FROM node\nWORKDIR /app\nCOPY package.json /app\nRUN npm install\nCOPY . /app\nCMD ["node", "server.js"]\n');
    expect(good.filter((m) => m.source === 'slipway')).toEqual([]);
  });

  it('has nothing to say about a clean Dockerfile', () => {
    expect(dockerfileMarkers('FROM node\nWORKDIR /app\nCOPY package.json .\nRUN npm install\nCOPY . .\nCMD ["node", "server.js"]\n')).toEqual([]);
  });
});
