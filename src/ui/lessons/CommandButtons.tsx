/**
 * Clickable commands from the lesson text: "Run" types the command into the
 * active terminal (as if typed, so it counts for the checks), "Copy" puts it
 * on the clipboard.
 */
import { useState } from 'react';
import { typeIntoTerminal } from './terminalTyping.js';

function RunCopy({ command }: { command: string }) {
  const [note, setNote] = useState('');
  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(command);
      setNote('Copied');
    } catch {
      setNote('Copy failed: select the text instead');
    }
  };
  return (
    <span className="run-actions">
      <button type="button" className="run" aria-label={`Run ${command} in the terminal`} title="Type it into the active terminal" onClick={() => void typeIntoTerminal(command)}>
        Run
      </button>
      <button type="button" className="copy" aria-label={`Copy ${command}`} onClick={() => void copy()}>
        Copy
      </button>
      <span className="run-note" role="status">
        {note}
      </span>
    </span>
  );
}

/** The command with a `$ ` prompt (not part of what is run or copied), and its buttons. */
function PromptedCommand({ command }: { command: string }) {
  return (
    <>
      <code>
        <span className="run-prompt" aria-hidden="true">
          ${' '}
        </span>
        {command}
      </code>
      <RunCopy command={command} />
    </>
  );
}

/** A ```sh run block: one row per command. */
export function CommandBlock({ commands }: { commands: readonly string[] }) {
  return (
    <div className="run-block" role="group" aria-label="Commands to run">
      {commands.map((command, i) => (
        <div className="run-line" key={`${i}:${command}`}>
          <PromptedCommand command={command} />
        </div>
      ))}
    </div>
  );
}

/** Inline `$ cmd`. */
export function InlineCommand({ command }: { command: string }) {
  return (
    <span className="run-inline">
      <PromptedCommand command={command} />
    </span>
  );
}
