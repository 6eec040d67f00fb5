/** The layout: editor column | terminals over the engine panel / preview. */
import { lazy, useEffect } from 'react';
import { engineWorker } from '../worker/client.js';
import { clearLayout, loadLayout, saveLayoutOnChange } from '../store/layoutStorage.js';
import { useAppStore } from '../store/index.js';
import { EditorArea } from './EditorArea.js';
import { AfterFirstCommand } from './deferred.js';
import { Splitter } from './Splitter.js';
import { TerminalTabs } from './TerminalTabs.js';
import { useWorkerSync } from './useWorkerSync.js';

loadLayout();

// Not needed to answer the first command: they load after it (see deferred.tsx).
const EnginePanel = lazy(() => import('./EnginePanel.js').then((m) => ({ default: m.EnginePanel })));
const LessonPane = lazy(() => import('./lessons/LessonPane.js').then((m) => ({ default: m.LessonPane })));
const PreviewPane = lazy(() => import('./PreviewPane.js').then((m) => ({ default: m.PreviewPane })));

async function resetEverything(): Promise<void> {
  if (!window.confirm('Reset everything? Your files, images, containers and history will be deleted.')) return;
  await engineWorker().resetEverything();
  clearLayout();
  location.reload();
}

export function App() {
  useWorkerSync();
  const theme = useAppStore((s) => s.theme);
  const banner = useAppStore((s) => s.banner);
  const layout = useAppStore((s) => s.layout);
  const sideTab = useAppStore((s) => s.sideTab);
  const screenReader = useAppStore((s) => s.screenReader);
  const { setTheme, setLayout, setSideTab, setBanner, setScreenReader } = useAppStore.getState();

  useEffect(() => saveLayoutOnChange(), []);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  return (
    <div className="app">
      <header className="topbar">
        <h1>Slipway</h1>
        <span className="muted">a Docker playground</span>
        <div className="spacer" />
        <button onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')} aria-label="Switch theme">
          {theme === 'dark' ? 'Light theme' : 'Dark theme'}
        </button>
        <button aria-pressed={screenReader} onClick={() => setScreenReader(!screenReader)} title="Terminal screen-reader mode">
          Screen reader
        </button>
        <button onClick={() => void resetEverything()}>Reset everything</button>
      </header>
      {banner ? (
        <div className="banner" role="status">
          {banner}
          <button aria-label="Dismiss" onClick={() => setBanner(undefined)}>
            ×
          </button>
        </div>
      ) : null}
      <main className="columns" style={{ gridTemplateColumns: `${layout.lesson}fr auto ${1 - layout.lesson}fr` }}>
        <AfterFirstCommand fallback={<section className="pane lesson-pane" aria-label="Lesson" aria-busy="true" />}>
          <LessonPane />
        </AfterFirstCommand>
        <Splitter direction="vertical" value={layout.lesson} onChange={(lesson) => setLayout({ lesson })} label="Resize lesson and editor" />
        <div className="columns workbench" style={{ gridTemplateColumns: `${layout.editor}fr auto ${1 - layout.editor}fr` }}>
        <EditorArea />
        <Splitter direction="vertical" value={layout.editor} onChange={(editor) => setLayout({ editor })} label="Resize editor and terminals" />
        <div className="right" style={{ gridTemplateRows: `${layout.terminals}fr auto ${1 - layout.terminals}fr` }}>
          <TerminalTabs />
          <Splitter direction="horizontal" value={layout.terminals} onChange={(terminals) => setLayout({ terminals })} label="Resize terminals and engine panel" />
          <section className="pane side" aria-label="Engine">
            <div className="tabbar" role="tablist">
              <button role="tab" aria-selected={sideTab === 'engine'} className={`tab-label ${sideTab === 'engine' ? 'active' : ''}`} onClick={() => setSideTab('engine')}>
                Engine
              </button>
              <button role="tab" aria-selected={sideTab === 'preview'} className={`tab-label ${sideTab === 'preview' ? 'active' : ''}`} onClick={() => setSideTab('preview')}>
                Preview
              </button>
            </div>
            <div className="side-body">
              <AfterFirstCommand>{sideTab === 'engine' ? <EnginePanel /> : <PreviewPane />}</AfterFirstCommand>
            </div>
          </section>
        </div>
        </div>
      </main>
    </div>
  );
}
