/** `slipway parse FILE`: the Dockerfile's AST in BuildKit's `Node.Dump()` format. */
import { readFileSync } from 'node:fs';
import { dumpAst, isDockerfileParseError, parseDockerfile } from '../../src/engine/dockerfile/index.js';

export interface ParseOutput {
  readonly stdout: string;
  readonly stderr: string;
  readonly status: number;
}

export function parseCommand(file: string): ParseOutput {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    const reason = code === 'ENOENT' ? 'no such file or directory' : code === 'EISDIR' ? 'is a directory' : String((error as Error).message);
    return { stdout: '', stderr: `slipway: open ${file}: ${reason}\n`, status: 1 };
  }
  try {
    return { stdout: dumpAst(parseDockerfile(text).ast), stderr: '', status: 0 };
  } catch (error) {
    if (isDockerfileParseError(error)) return { stdout: '', stderr: `${error.message}\n`, status: 1 };
    throw error;
  }
}
