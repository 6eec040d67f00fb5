import { describe, expect, it } from 'vitest';
import { readDockerfile } from './readDockerfile.js';

describe('readDockerfile', () => {
  it('joins continuations keeping inner whitespace, skipping comments and empty lines', () => {
    const [from, run] = readDockerfile('FROM node\nRUN apt-get update \\\n# note\n\n    && apt-get install -y curl\n');
    expect(from.display).toBe('FROM node');
    expect(run).toMatchObject({ keyword: 'RUN', rest: 'apt-get update     && apt-get install -y curl', startLine: 2, endLine: 5 });
  });

  it('extracts flags and exec-form JSON; invalid JSON stays shell form', () => {
    const [copy, cmd, bad] = readDockerfile('COPY --chown=node:node --from=build /a /b\nCMD ["node", "app.js"]\nCMD [node app.js]\n');
    expect(copy.flags).toEqual(['--chown=node:node', '--from=build']);
    expect(copy.rest).toBe('/a /b');
    expect(cmd.json).toEqual(['node', 'app.js']);
    expect(bad.json).toBeUndefined();
  });

  it('reads heredocs, with <<- stripping tabs', () => {
    const [run] = readDockerfile('RUN <<-EOF\n\techo hi\n\tEOF\nCMD x\n');
    expect(run.heredocs).toEqual([{ name: 'EOF', content: 'echo hi\n', expand: true }]);
    expect(run.endLine).toBe(3);
  });

  it('honours the escape directive', () => {
    const [run] = readDockerfile('# escape=`\nRUN dir `\n  c:\\\n');
    expect(run.rest).toBe('dir   c:\\');
  });

  it('suggests the closest instruction, keeping the user\'s case', () => {
    expect(() => readDockerfile('FORM node')).toThrow('dockerfile parse error on line 1: unknown instruction: FORM (did you mean FROM?)');
    expect(() => readDockerfile('\nworkdri /app')).toThrow('dockerfile parse error on line 2: unknown instruction: workdri (did you mean workdir?)');
    expect(() => readDockerfile('BANANA x')).toThrow(/unknown instruction: BANANA$/);
  });
});
