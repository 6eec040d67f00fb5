/** The workspace (build context) as a tree: open, create, rename and delete files and folders. */
import { useState } from 'react';
import { engineWorker } from '../worker/client.js';
import type { Result, WorkspaceListing } from '../worker/protocol.js';
import { useAppStore } from '../store/index.js';

function apply(result: Result<WorkspaceListing>): boolean {
  const state = useAppStore.getState();
  if (!result.ok) {
    state.setBanner(result.error);
    return false;
  }
  state.setListing(result.value);
  return true;
}

export function FileTree() {
  const entries = useAppStore((s) => s.entries);
  const activeFile = useAppStore((s) => s.activeFile);
  const [selected, setSelected] = useState<string | undefined>();
  const { openFile, renamePath } = useAppStore.getState();
  const worker = engineWorker();

  const selectedEntry = entries.find((e) => e.path === selected);
  const baseDir = selectedEntry ? (selectedEntry.kind === 'dir' ? selectedEntry.path : selectedEntry.path.split('/').slice(0, -1).join('/')) : '';
  const inBase = (name: string): string => (baseDir ? `${baseDir}/${name}` : name);

  const newFile = async (): Promise<void> => {
    const name = window.prompt('New file name (relative to the workspace):', inBase(''));
    if (!name || name.endsWith('/')) return;
    if (apply(await worker.writeFile(name, ''))) {
      openFile(name);
      setSelected(name);
    }
  };
  const newFolder = async (): Promise<void> => {
    const name = window.prompt('New folder name:', inBase(''));
    if (name) apply(await worker.mkdir(name.replace(/\/+$/, '')));
  };
  const rename = async (): Promise<void> => {
    if (!selected) return;
    const to = window.prompt(`Rename ${selected} to:`, selected);
    if (!to || to === selected) return;
    renamePath(selected, to);
    if (apply(await worker.rename(selected, to))) setSelected(to);
    else renamePath(to, selected);
  };
  const remove = async (): Promise<void> => {
    if (!selected || !window.confirm(`Delete ${selected}${selectedEntry?.kind === 'dir' ? ' and everything in it' : ''}?`)) return;
    if (apply(await worker.remove(selected))) setSelected(undefined);
  };

  return (
    <nav className="file-tree" aria-label="Workspace files">
      <div className="toolbar">
        <span className="title">~/app</span>
        <button onClick={() => void newFile()} title="New file" aria-label="New file">
          +File
        </button>
        <button onClick={() => void newFolder()} title="New folder" aria-label="New folder">
          +Dir
        </button>
        <button onClick={() => void rename()} disabled={!selected} aria-label="Rename">
          Ren
        </button>
        <button onClick={() => void remove()} disabled={!selected} aria-label="Delete">
          Del
        </button>
      </div>
      <ul role="tree">
        {entries.map((entry) => {
          const depth = entry.path.split('/').length - 1;
          const name = entry.path.split('/').pop();
          return (
            <li key={entry.path} role="treeitem" aria-selected={selected === entry.path}>
              <button
                className={`entry ${entry.kind} ${selected === entry.path ? 'selected' : ''} ${activeFile === entry.path ? 'open' : ''}`}
                style={{ paddingLeft: `${0.5 + depth}rem` }}
                onClick={() => {
                  setSelected(entry.path);
                  if (entry.kind === 'file') openFile(entry.path);
                }}
              >
                {entry.kind === 'dir' ? '▸ ' : ''}
                {name}
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
