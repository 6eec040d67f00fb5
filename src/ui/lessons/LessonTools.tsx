/** Undo of the last command's engine changes, and progress export / import for instructors. */
import { useRef, useState, type ChangeEvent } from 'react';
import { useAppStore } from '../../store/index.js';

export function UndoButton() {
  const undo = useAppStore((s) => s.undo);
  const undoLast = useAppStore((s) => s.undoLast);
  const [message, setMessage] = useState('');
  const run = async (): Promise<void> => {
    const result = await undoLast();
    setMessage(result.ok ? result.value : result.error);
  };
  return (
    <span className="undo">
      <button type="button" disabled={!undo.available} onClick={() => void run()} title="Revert the engine (containers, images) to before the last command">
        {undo.available && undo.command ? (
          <>
            Undo <code>{undo.command}</code>
          </>
        ) : (
          'Undo'
        )}
      </button>
      <span role="status" className="muted undo-note">
        {message}
      </span>
    </span>
  );
}

export function ProgressTransfer() {
  const { exportProgress, importProgress } = useAppStore.getState();
  const picker = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<{ readonly text: string; readonly error: boolean } | undefined>(undefined);

  const download = async (): Promise<void> => {
    const json = await exportProgress();
    const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'slipway-progress.json';
    link.click();
    URL.revokeObjectURL(url);
    setMessage({ text: 'Progress saved as slipway-progress.json.', error: false });
  };
  const upload = async (event: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const result = await importProgress(await file.text());
    if (result.ok) setMessage({ text: `Imported progress for ${result.value} lesson${result.value === 1 ? '' : 's'}.`, error: false });
    else setMessage({ text: `${file.name}: ${result.error}`, error: true });
  };

  return (
    <section className="progress-transfer" aria-labelledby="progress-heading">
      <h2 id="progress-heading">Progress</h2>
      <p className="muted">Save your progress as a file (for your instructor, or another browser), or load one.</p>
      <div className="row">
        <button type="button" onClick={() => void download()}>
          Export progress
        </button>
        <button type="button" onClick={() => picker.current?.click()}>
          Import progress…
        </button>
        <input ref={picker} type="file" accept=".json,application/json" hidden onChange={(e) => void upload(e)} aria-label="Progress file to import" />
      </div>
      {message ? (
        <p className={message.error ? 'error' : 'muted'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      ) : null}
    </section>
  );
}
