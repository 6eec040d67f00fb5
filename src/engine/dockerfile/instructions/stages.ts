import { DockerfileParseError } from '../errors.js';
import type { ParseResult } from '../parser/types.js';
import { parseInstruction } from './parse.js';
import type { ArgInstruction, ParsedInstructions, Stage } from './types.js';

/**
 * BuildKit's instructions.Parse: typed instructions grouped into stages,
 * ARGs before the first FROM kept as meta args. Errors are
 * DockerfileParseErrors worded exactly as BuildKit's
 * (`dockerfile parse error on line N: ...`).
 */
export function parseInstructions(result: ParseResult): ParsedInstructions {
  const metaArgs: ArgInstruction[] = [];
  const stages: Stage[] = [];
  for (const node of result.ast.children) {
    let cmd;
    try {
      cmd = parseInstruction(node);
    } catch (err) {
      const message = `dockerfile parse error on line ${node.startLine}: ${(err as Error).message}`;
      throw new DockerfileParseError(message, node.startLine, node.endLine);
    }
    if (cmd.kind === 'FROM') {
      stages.push(cmd);
      continue;
    }
    if (stages.length === 0) {
      if (cmd.kind === 'ARG') {
        metaArgs.push(cmd);
        continue;
      }
      throw new DockerfileParseError('no build stage in current context', node.startLine, node.endLine);
    }
    stages[stages.length - 1].commands.push(cmd);
  }
  return { metaArgs, stages };
}

/** dockerfile2llb's check, for a Dockerfile holding only ARGs. */
export function assertHasStages(parsed: ParsedInstructions): void {
  if (parsed.stages.length === 0) throw new DockerfileParseError('dockerfile contains no stages to build', 0);
}
