/**
 * The detach-key proxy of an attached TTY client (docker/cli hijack.go
 * setupInput wraps stdin in term.NewEscapeProxy): keys that could start the
 * escape sequence are held back until it is complete or broken. Once it is
 * complete the stream stops for good, so the container process keeps its
 * stdin open and the terminal goes back to the shell.
 */
import type { InputStream } from '../../../os/process.js';

export interface EscapeInput extends InputStream {
  /** Resolves when the escape sequence has been typed. */
  readonly detached: Promise<void>;
}

export function escapeInput(source: InputStream, escape: string): EscapeInput {
  let held = '';
  let detached = false;
  let signalDetach!: () => void;
  const detachedPromise = new Promise<void>((resolve) => (signalDetach = resolve));
  const never = new Promise<string | null>(() => undefined);

  const read = async (): Promise<string | null> => {
    for (;;) {
      if (detached) return never;
      const chunk = await source.read();
      if (detached) return never;
      if (chunk === null) return null;
      let out = '';
      for (const ch of chunk) {
        held += ch;
        if (escape.startsWith(held)) {
          if (held === escape) {
            detached = true;
            signalDetach();
            // Keys typed before the escape in the same chunk still reach the process.
            return out === '' ? never : out;
          }
          continue;
        }
        out += held;
        held = '';
      }
      if (out !== '') return out;
    }
  };
  return { read, detached: detachedPromise };
}
