/**
 * The code editor (lazy chunk): one Monaco editor, one model per open file.
 * Typing is written to the worker's workspace (debounced), so `docker build .`
 * sees what the editor shows; files changed from a terminal are re-read when
 * the workspace version moves. Dockerfiles get the engine's markers.
 */
import { useEffect, useRef, useState } from 'react';
import { engineWorker, onEngineRestart } from '../../worker/client.js';
import type { EditorMarker } from '../../worker/protocol.js';
import { useAppShallow, useAppStore } from '../../store/index.js';
import { languageFor, monaco } from './monacoSetup.js';

const SAVE_DELAY_MS = 250;

const severity = (s: EditorMarker['severity']): monaco.MarkerSeverity =>
  s === 'error' ? monaco.MarkerSeverity.Error : s === 'warning' ? monaco.MarkerSeverity.Warning : monaco.MarkerSeverity.Info;

function uriFor(path: string): monaco.Uri {
  return monaco.Uri.from({ scheme: 'file', path: `/workspace/${path}` });
}

async function lint(model: monaco.editor.ITextModel): Promise<void> {
  if (model.getLanguageId() !== 'dockerfile') return;
  const markers = await engineWorker().lintDockerfile(model.getValue());
  if (model.isDisposed()) return;
  monaco.editor.setModelMarkers(
    model,
    'slipway',
    markers.map((m) => ({
      severity: severity(m.severity),
      message: m.message,
      source: m.source,
      code: m.url ? { value: m.source, target: monaco.Uri.parse(m.url) } : undefined,
      startLineNumber: m.startLine,
      endLineNumber: m.endLine,
      startColumn: 1,
      endColumn: model.getLineMaxColumn(Math.min(m.endLine, model.getLineCount())),
    })),
  );
}

export default function EditorPane() {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const pending = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const active = useAppStore((s) => s.activeFile);
  const openFiles = useAppShallow((s) => s.openFiles);
  const version = useAppStore((s) => s.workspaceVersion);
  const theme = useAppStore((s) => s.theme);
  // Calls to a worker that was replaced never answer: a restart re-runs the loads.
  const [epoch, setEpoch] = useState(0);
  useEffect(() => onEngineRestart(() => setEpoch((n) => n + 1)), []);

  useEffect(() => {
    if (!host.current) return;
    const instance = monaco.editor.create(host.current, {
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 14,
      scrollBeyondLastLine: false,
      theme: useAppStore.getState().theme === 'dark' ? 'vs-dark' : 'vs',
      ariaLabel: 'Code editor. Press Ctrl+M to toggle whether Tab moves focus out of the editor.',
    });
    editor.current = instance;
    performance.mark('monaco-ready');
    const timers = pending.current;
    const sub = instance.onDidChangeModelContent(() => {
      const model = instance.getModel();
      if (!model) return;
      const path = model.uri.path.replace(/^\/workspace\//, '');
      clearTimeout(timers.get(path));
      timers.set(
        path,
        setTimeout(() => {
          timers.delete(path);
          if (model.isDisposed()) return;
          void engineWorker()
            .writeFile(path, model.getValue())
            .then((result) => {
              if (result.ok) useAppStore.getState().setListing(result.value);
              else useAppStore.getState().setBanner(`Could not save ${path}: ${result.error}`);
            });
          void lint(model);
        }, SAVE_DELAY_MS),
      );
    });
    return () => {
      sub.dispose();
      instance.dispose();
      editor.current = null;
    };
  }, []);

  useEffect(() => {
    monaco.editor.setTheme(theme === 'dark' ? 'vs-dark' : 'vs');
  }, [theme]);

  // Open the active file's model (reading it from the worker the first time).
  useEffect(() => {
    const instance = editor.current;
    if (!instance) return;
    if (!active) {
      instance.setModel(null);
      return;
    }
    let cancelled = false;
    const existing = monaco.editor.getModel(uriFor(active));
    if (existing) {
      instance.setModel(existing);
      return;
    }
    void engineWorker()
      .readFile(active)
      .then((result) => {
        if (cancelled || !result.ok) return;
        const model = monaco.editor.getModel(uriFor(active)) ?? monaco.editor.createModel(result.value, languageFor(active), uriFor(active));
        instance.setModel(model);
        void lint(model);
      });
    return () => {
      cancelled = true;
    };
  }, [active, epoch]);

  // Closed tabs drop their models.
  useEffect(() => {
    const open = new Set(openFiles.map((f) => uriFor(f).toString()));
    for (const model of monaco.editor.getModels()) if (!open.has(model.uri.toString())) model.dispose();
  }, [openFiles]);

  // The terminal changed files: refresh models that have no edit waiting to be saved.
  useEffect(() => {
    for (const model of monaco.editor.getModels()) {
      const path = model.uri.path.replace(/^\/workspace\//, '');
      if (pending.current.has(path)) continue;
      void engineWorker()
        .readFile(path)
        .then((result) => {
          if (!result.ok || model.isDisposed() || pending.current.has(path)) return;
          if (model.getValue() !== result.value) {
            model.pushEditOperations([], [{ range: model.getFullModelRange(), text: result.value }], () => null);
            void lint(model);
          }
        });
    }
  }, [version, epoch]);

  return <div className="editor-host" data-testid="editor" ref={host} />;
}
