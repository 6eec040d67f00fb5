import { beforeEach, describe, expect, it } from 'vitest';
import { useAppStore } from './index.js';

const initial = useAppStore.getState();

describe('app store', () => {
  beforeEach(() => useAppStore.setState(initial, true));

  it('opens terminal tabs with fresh ids and activates the new one', () => {
    const id = useAppStore.getState().addTerminal();
    expect(id).toBe('t2');
    expect(useAppStore.getState().terminals.map((t) => t.title)).toEqual(['Terminal 1', 'Terminal 2']);
    expect(useAppStore.getState().activeTerminal).toBe('t2');
  });

  it('closing the active tab activates its left neighbour; closing the last opens a fresh one', () => {
    const { addTerminal, closeTerminal } = useAppStore.getState();
    addTerminal();
    addTerminal();
    closeTerminal('t3');
    expect(useAppStore.getState().activeTerminal).toBe('t2');
    closeTerminal('t1');
    closeTerminal('t2');
    const state = useAppStore.getState();
    expect(state.terminals.map((t) => t.id)).toEqual(['t4']);
    expect(state.activeTerminal).toBe('t4');
  });

  it('asks the worker for the newest 50 images and containers until the panel asks for all', () => {
    expect(useAppStore.getState().engineLimit).toBe(50);
    useAppStore.getState().showAllEngine();
    expect(useAppStore.getState().engineLimit).toBeUndefined();
  });

  it('drops editor tabs whose file disappeared from the workspace', () => {
    const { openFile, setListing } = useAppStore.getState();
    openFile('Dockerfile');
    openFile('server.js');
    setListing({ version: 2, entries: [{ path: 'Dockerfile', kind: 'file', size: 1, mtime: 0 }] });
    const state = useAppStore.getState();
    expect(state.openFiles).toEqual(['Dockerfile']);
    expect(state.activeFile).toBe('Dockerfile');
    expect(state.workspaceVersion).toBe(2);
  });

  it('keeps open tabs on a renamed folder', () => {
    const { openFile, renamePath } = useAppStore.getState();
    openFile('public/styles.css');
    openFile('server.js');
    renamePath('public', 'static');
    expect(useAppStore.getState().openFiles).toEqual(['static/styles.css', 'server.js']);
  });

  it('shows the preview of a port on the preview tab', () => {
    useAppStore.getState().showPreview(8080);
    expect(useAppStore.getState()).toMatchObject({ previewPort: 8080, sideTab: 'preview' });
  });
});
