/** File tree, open-file tabs and the editor, which loads only after the terminal is up. */
import { lazy, Suspense, useEffect, useState } from 'react';
import { useAppShallow, useAppStore } from '../store/index.js';
import { FileTree } from './FileTree.js';

const EditorPane = lazy(() => import('./editor/EditorPane.js'));

/** Waits for the first terminal to be answered, so Monaco never delays it. */
function useAfterTerminal(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = (): void => {
      if (performance.getEntriesByName('terminal-ready').length > 0) setReady(true);
      else timer = setTimeout(check, 50);
    };
    check();
    return () => clearTimeout(timer);
  }, []);
  return ready;
}

export function EditorArea() {
  const openFiles = useAppShallow((s) => s.openFiles);
  const active = useAppStore((s) => s.activeFile);
  const entries = useAppStore((s) => s.entries);
  const { openFile, closeFile } = useAppStore.getState();
  const ready = useAfterTerminal();

  // A first visit opens the Dockerfile.
  useEffect(() => {
    const state = useAppStore.getState();
    if (state.openFiles.length === 0 && entries.some((e) => e.path === 'Dockerfile')) openFile('Dockerfile');
  }, [entries, openFile]);

  return (
    <section className="pane editor-area" aria-label="Editor">
      <FileTree />
      <div className="editor-column">
        <div className="tabbar" role="tablist" aria-label="Open files">
          {openFiles.map((f) => (
            <div key={f} className={`tab ${f === active ? 'active' : ''}`}>
              <button role="tab" aria-selected={f === active} className="tab-label" onClick={() => openFile(f)}>
                {f}
              </button>
              <button className="tab-close" aria-label={`Close ${f}`} onClick={() => closeFile(f)}>
                ×
              </button>
            </div>
          ))}
        </div>
        {ready ? (
          <Suspense fallback={<div className="editor-host loading">Loading editor…</div>}>
            <EditorPane />
          </Suspense>
        ) : (
          <div className="editor-host loading">Loading editor…</div>
        )}
      </div>
    </section>
  );
}
