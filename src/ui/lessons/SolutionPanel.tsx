/**
 * "Show solution": a diff of each solution file against the student's file
 * (nothing is written), the commands with the author's notes, a replay into
 * the active terminal, and "Apply files" behind a confirmation: the only
 * path that overwrites the student's work.
 */
import { useRef, useState } from 'react';
import type { SolutionFileView, SolutionView } from '../../worker/lessonProtocol.js';
import { useAppStore } from '../../store/index.js';
import { lineDiff, sameLines } from './lineDiff.js';
import { replayLines } from './terminalTyping.js';
import { Md } from './Md.js';

const SIGN = { same: ' ', added: '+', removed: '-' } as const;

function FileDiff({ file }: { file: SolutionFileView }) {
  const unchanged = file.current !== null && sameLines(file.current, file.solution);
  const state = file.current === null ? 'new file' : unchanged ? 'same as yours' : 'differs from yours';
  return (
    <div className="solution-file" data-file={file.path}>
      <h4>
        <code>{file.path}</code> <span className="muted">({state})</span>
      </h4>
      {unchanged ? null : (
        <pre className="diff" aria-label={`Changes to ${file.path}: lines with - are yours, lines with + are the solution's`}>
          <span className="diff-body">
            {lineDiff(file.current ?? '', file.solution).map((line, i) => (
              <span key={i} className={`diff-line diff-${line.kind}`}>
                {SIGN[line.kind]} {line.text}
                {'\n'}
              </span>
            ))}
          </span>
        </pre>
      )}
    </div>
  );
}

export function SolutionPanel({ solution }: { solution: SolutionView }) {
  const { closeSolution, applySolutionFiles } = useAppStore.getState();
  const [typing, setTyping] = useState<number | undefined>(undefined);
  const [message, setMessage] = useState('');
  const abort = useRef<AbortController | null>(null);
  const changed = solution.files.filter((f) => f.current === null || !sameLines(f.current, f.solution));

  const replay = async (): Promise<void> => {
    const controller = new AbortController();
    abort.current = controller;
    setMessage('');
    await replayLines(solution.commands, { signal: controller.signal, onLine: (i) => setTyping(i) });
    setTyping(undefined);
    setMessage(controller.signal.aborted ? 'Replay stopped.' : 'Replay finished.');
    abort.current = null;
  };
  const apply = async (): Promise<void> => {
    const names = changed.map((f) => f.path).join(', ');
    if (!window.confirm(`Overwrite ${names} with the solution's version? Your changes to ${changed.length === 1 ? 'this file' : 'these files'} will be lost.`)) return;
    const result = await applySolutionFiles();
    setMessage(result.ok ? 'The solution files were written.' : result.error);
  };

  return (
    <section className="solution" aria-labelledby="solution-heading">
      <div className="solution-head">
        <h2 id="solution-heading">Solution</h2>
        <button type="button" onClick={closeSolution}>
          Hide solution
        </button>
      </div>
      <p className="muted">Showing the solution changes nothing: your files stay as they are.</p>
      {solution.files.length > 0 ? (
        <>
          <h3>Files</h3>
          {solution.files.map((file) => (
            <FileDiff key={file.path} file={file} />
          ))}
        </>
      ) : null}
      <h3>Commands</h3>
      <ol className="solution-commands">
        {solution.commands.map((command, i) => (
          <li key={i} className={typing === i ? 'typing' : undefined}>
            {i === solution.filesAfter && solution.files.length > 0 && solution.filesAfter > 0 ? <div className="muted">(then the files above are changed)</div> : null}
            <code>{command}</code>
          </li>
        ))}
      </ol>
      {solution.notes ? <Md text={solution.notes} className="solution-notes" /> : null}
      <div className="solution-actions">
        {typing === undefined ? (
          <button type="button" onClick={() => void replay()}>
            Replay in terminal
          </button>
        ) : (
          <button type="button" onClick={() => abort.current?.abort()}>
            Stop replay ({typing + 1}/{solution.commands.length})
          </button>
        )}
        {changed.length > 0 ? (
          <button type="button" onClick={() => void apply()}>
            Apply files…
          </button>
        ) : null}
        <span role="status" className="muted">
          {message}
        </span>
      </div>
    </section>
  );
}
