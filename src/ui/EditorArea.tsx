/** File tree, open-file tabs and the editor, which loads only after the terminal is up. */
import { lazy, Suspense, useEffect } from 'react';
import { useAfterFirstCommand } from './deferred.js';
import { useAppShallow, useAppStore } from '../store/index.js';
import { FileTree } from './FileTree.js';

const EditorPane = lazy(() => import('./editor/EditorPane.js'));

/**
 * Monaco is 850 kB gzipped: it loads once the first command has been answered,
 * or shortly after the terminal is ready if nobody types, so it never competes
 * with the first command.
 */
const IDLE_MS = 1500;

export function EditorArea() {
  const openFiles = useAppShallow((s) => s.openFiles);
  const active = useAppStore((s) => s.activeFile);
  const entries = useAppStore((s) => s.entries);
  const { openFile, closeFile } = useAppStore.getState();
  const ready = useAfterFirstCommand(IDLE_MS);

  // A first visit opens the Dockerfile.
  useEffect(() => {
    const state = useAppStore.getState();
    if (state.openFiles.length === 0 && entries.some((e) => e.path === 'Dockerfile')) openFile('Dockerfile');
  }, [entries, openFile]);

  return (
    <section className="pane editor-area" aria-label="Editor">
      <FileTree />
      <div className="editor-column">
        <div className="tabbar">
          {/* A tab list may hold only tabs: × is for the mouse, Delete closes the focused tab. */}
          <div className="tablist" role="tablist" aria-label="Open files">
            {openFiles.map((f) => (
              <div key={f} className={`tab ${f === active ? 'active' : ''}`}>
                <button role="tab" aria-selected={f === active} aria-keyshortcuts="Delete" className="tab-label" onClick={() => openFile(f)} onKeyDown={(e) => e.key === 'Delete' && closeFile(f)}>
                  {f}
                </button>
                <button className="tab-close" aria-hidden="true" tabIndex={-1} title={`Close ${f} (Delete)`} onClick={() => closeFile(f)}>
                  ×
                </button>
              </div>
            ))}
          </div>
        </div>
        {ready ? (
          <Suspense fallback={<div className="editor-host loading">Loading editor…</div>}>
            <EditorPane />
          </Suspense>
        ) : (
          <div className="editor-host loading">Loading editor…</div>
        )}
        {/* Monaco keeps Tab for indenting; keyboard users need to know the way out, here and always visible. */}
        <p className="editor-hint">
          <kbd>Ctrl</kbd>+<kbd>M</kbd> switches <kbd>Tab</kbd> between indenting and leaving the editor. In a terminal, <kbd>Shift</kbd>+<kbd>Tab</kbd> leaves.
        </p>
      </div>
    </section>
  );
}
