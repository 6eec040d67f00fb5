import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DockerfileParseError, dumpAst, parseDockerfile, parseInstructions } from './index.js';

const nasty = fc.constantFrom('\\', '`', '#', '"', "'", '[', ']', '<<', '<<-', '\n', '\r\n', ' ', '\t', '--', '=', '$', '{', '}', 'RUN ', 'FROM ', 'COPY ', 'ENV ', 'ONBUILD ', 'EOF', '# escape=`\n');
const dockerfileish = fc.array(fc.oneof(nasty, fc.string({ maxLength: 6 })), { maxLength: 40 }).map((parts) => parts.join(''));

describe('parser properties', () => {
  it('any input either parses or throws DockerfileParseError', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), dockerfileish), (text) => {
        try {
          const result = parseDockerfile(text);
          dumpAst(result.ast);
        } catch (err) {
          if (!(err instanceof DockerfileParseError)) throw err;
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('instruction parsing either succeeds or throws DockerfileParseError', () => {
    fc.assert(
      fc.property(dockerfileish, (text) => {
        let result;
        try {
          result = parseDockerfile(text);
        } catch {
          return;
        }
        try {
          parseInstructions(result);
        } catch (err) {
          if (!(err instanceof DockerfileParseError)) throw err;
        }
      }),
      { numRuns: 2000 },
    );
  });

  const instruction = fc.oneof(
    fc.constant('RUN echo hi'),
    fc.constant('RUN apt-get update && \\\n    apt-get install -y curl'),
    fc.constant('COPY --chown=1:1 a b /dst/'),
    fc.constant('ENV A=1 B="two words"'),
    fc.constant('CMD ["node", "app.js"]'),
    fc.constant('RUN <<EOF\necho one\necho two\nEOF'),
    fc.constant('COPY <<A <<B /x\na\nA\nb\nB'),
    fc.constant('# a comment'),
    fc.constant(''),
    fc.constant('LABEL a=b \\\n\n  c=d'),
    fc.constant('WORKDIR /app'),
  );

  it('generated valid Dockerfiles: line numbers are monotonic and within the file', () => {
    fc.assert(
      fc.property(fc.array(instruction, { maxLength: 15 }), (body) => {
        const text = ['FROM alpine', ...body].join('\n') + '\n';
        const lineCount = text.split('\n').length - 1;
        const { ast } = parseDockerfile(text);
        let previousEnd = 0;
        for (const child of ast.children) {
          expect(child.startLine).toBeGreaterThan(previousEnd);
          expect(child.endLine).toBeGreaterThanOrEqual(child.startLine);
          expect(child.endLine).toBeLessThanOrEqual(lineCount);
          previousEnd = child.endLine;
        }
        expect(ast.startLine).toBe(1);
        expect(ast.endLine).toBe(previousEnd);
        const parsed = parseInstructions(parseDockerfile(text));
        expect(parsed.stages).toHaveLength(1);
      }),
      { numRuns: 500 },
    );
  });
});
