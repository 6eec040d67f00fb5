/**
 * The attached client of run/start -a/attach (docker/cli hijack.go and
 * signals.go): output to our streams, keys to the container's stdin with the
 * Ctrl-P Ctrl-Q escape when it has a TTY, the terminal in raw mode while a
 * TTY is attached, and signals forwarded through the kill API without one
 * (three of them force the client out).
 */
import type { DockerContext } from '../../context.js';
import { SIGNAL_NUMBERS, type SignalName } from '../../../os/process.js';

export type AttachOutcome = { readonly kind: 'exited'; readonly code: number } | { readonly kind: 'detached' } | { readonly kind: 'forced' };

export interface AttachRequest {
  readonly id: string;
  readonly stdin: boolean;
  readonly tty: boolean;
  readonly sigProxy: boolean;
  /** `--detach-keys`, e.g. `ctrl-x,x`; Ctrl-P Ctrl-Q when absent. */
  readonly detachKeys?: string;
  /** Runs after the streams are connected (run and start -a start the container here). */
  readonly afterAttach?: () => Promise<void>;
}

const DEFAULT_DETACH = '\x10\x11';

/** moby/term ToBytes: `ctrl-a`…`ctrl-z`, `ctrl-@`, `ctrl-[`, `ctrl-\\`, `ctrl-]`, `ctrl-^`, `ctrl-_`, or single characters. */
export function parseDetachKeys(spec: string): string {
  let out = '';
  for (const part of spec.split(',')) {
    const key = part.trim().toLowerCase();
    if (key.startsWith('ctrl-') && key.length === 6) {
      const c = key[5];
      if (c >= 'a' && c <= 'z') out += String.fromCharCode(c.charCodeAt(0) - 96);
      else if (c === '@') out += '\x00';
      else if ('[\\]^_'.includes(c)) out += String.fromCharCode(27 + '[\\]^_'.indexOf(c));
      else throw new Error(`invalid detach keys: ${spec}`);
    } else if (part.length === 1) out += part;
    else throw new Error(`invalid detach keys: ${spec}`);
  }
  return out;
}

export async function attachAndWait(req: AttachRequest, ctx: DockerContext): Promise<AttachOutcome> {
  const escape = req.detachKeys ? parseDetachKeys(req.detachKeys) : DEFAULT_DETACH;
  const session = ctx.engine.containers.attach(req.id, {
    stdin: req.stdin,
    stdout: ctx.stdout,
    // A TTY merges both streams into one, which the client writes to stdout.
    stderr: req.tty ? ctx.stdout : ctx.stderr,
  });
  let settle!: (outcome: AttachOutcome) => void;
  const outcome = new Promise<AttachOutcome>((resolve) => (settle = resolve));
  let finished = false;
  const finish = (o: AttachOutcome): void => {
    if (finished) return;
    finished = true;
    settle(o);
  };

  const raw = req.tty && req.stdin && ctx.terminal !== undefined;
  if (raw) ctx.terminal!.setRawMode(true);

  let unsubscribe = (): void => undefined;
  if (!req.tty && req.sigProxy) {
    let terminations = 0;
    unsubscribe = ctx.signals.on((signal: SignalName) => {
      if (finished) return;
      if (signal === 'SIGINT' || signal === 'SIGTERM') {
        terminations++;
        if (terminations >= 3) {
          ctx.stderr.write('got 3 SIGTERM/SIGINTs, forcefully exiting\n');
          session.detach();
          finish({ kind: 'forced' });
          return;
        }
      }
      try {
        ctx.engine.containers.kill(req.id, signal);
      } catch {
        // The container may have exited between the key press and the kill.
      }
    });
  } else if (!raw) {
    // No proxy (run.go turns it off in TTY mode, or --sig-proxy=false) and no raw terminal: the
    // client does not catch Ctrl-C and dies of it; the container keeps running.
    unsubscribe = ctx.signals.on((signal: SignalName) => {
      if (finished || (signal !== 'SIGINT' && signal !== 'SIGTERM' && signal !== 'SIGHUP')) return;
      session.detach();
      finish({ kind: 'exited', code: 128 + SIGNAL_NUMBERS[signal] });
    });
  }

  if (req.stdin) void pumpInput(req.tty, escape, session, ctx, () => finished, () => {
    session.detach();
    finish({ kind: 'detached' });
  });

  try {
    if (req.afterAttach) {
      try {
        await req.afterAttach();
      } catch (error) {
        session.detach();
        throw error;
      }
    }
    void session.done.then(async (code) => {
      if (code === null) finish({ kind: 'detached' });
      else finish({ kind: 'exited', code });
    });
    return await outcome;
  } finally {
    finished = true;
    unsubscribe();
    if (raw) ctx.terminal!.setRawMode(false);
  }
}

async function pumpInput(
  tty: boolean,
  escape: string,
  session: { write(data: string): void; closeStdin(): void },
  ctx: DockerContext,
  isFinished: () => boolean,
  onDetach: () => void,
): Promise<void> {
  // Keys that could start the escape sequence are held back until it is complete or broken.
  let held = '';
  for (;;) {
    const chunk = await ctx.stdin.read();
    if (isFinished()) return;
    if (chunk === null) {
      session.closeStdin();
      return;
    }
    if (!tty) {
      session.write(chunk);
      continue;
    }
    let out = '';
    for (const ch of chunk) {
      held += ch;
      if (escape.startsWith(held)) {
        if (held === escape) {
          if (out) session.write(out);
          onDetach();
          return;
        }
        continue;
      }
      out += held;
      held = '';
    }
    if (out) session.write(out);
  }
}
