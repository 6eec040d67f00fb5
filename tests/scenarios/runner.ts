/**
 * Scenario replays: a `.script` file is typed, line by line, into a headless
 * session exactly as `slipway` does with piped stdin, under a virtual clock
 * and seeded IDs, so the transcript is the same on every run.
 *
 * Lines starting with `#!` are directives for the runner, not typed:
 *   #! workspace node-app     load tests/fixtures/node-app into ~/app
 */
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { compose, createSession, transcriptTiming } from '../../bin/lib/headless.js';
import { TranscriptRecorder, runTranscript } from '../../src/worker/session/transcript.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

export interface ScenarioResult {
  readonly transcript: string;
  readonly status: number;
}

export async function runScenario(script: string): Promise<ScenarioResult> {
  const lines = script.replace(/\n$/, '').split('\n');
  let workspace: string | undefined;
  const typed: string[] = [];
  for (const line of lines) {
    const directive = /^#!\s*(\w+)\s*(.*)$/.exec(line);
    if (!directive) {
      typed.push(line);
      continue;
    }
    if (directive[1] === 'workspace') workspace = join(FIXTURES, directive[2].trim());
    else throw new Error(`unknown scenario directive: ${line}`);
  }
  const parts = compose({ workspace, virtualClock: true });
  const recorder = new TranscriptRecorder();
  const session = createSession(parts, recorder.write, { transcript: true, columns: 80, rows: 24 });
  session.start();
  let transcript = '';
  const status = await runTranscript(session, recorder, typed, { ...transcriptTiming(parts.clock), emit: (text) => (transcript += text) });
  return { transcript, status };
}
