/** Terminal tabs: "+" opens a shell on the same engine; × closes one (its session ends). */
import { engineWorker } from '../worker/client.js';
import { useAppShallow, useAppStore } from '../store/index.js';
import { TerminalView } from './TerminalView.js';

export function TerminalTabs() {
  const terminals = useAppShallow((s) => s.terminals);
  const active = useAppStore((s) => s.activeTerminal);
  const { addTerminal, closeTerminal, activateTerminal } = useAppStore.getState();

  const close = (id: string): void => {
    closeTerminal(id);
    void engineWorker().closeSession(id);
  };

  return (
    <section className="pane terminals" aria-label="Terminals">
      <div className="tabbar">
        {/* A tab list may hold only tabs: × is for the mouse, Delete closes the focused tab; + sits outside. */}
        <div className="tablist" role="tablist" aria-label="Terminal tabs">
          {terminals.map((t) => (
            <div key={t.id} className={`tab ${t.id === active ? 'active' : ''}`}>
              <button role="tab" aria-selected={t.id === active} aria-keyshortcuts="Delete" className="tab-label" onClick={() => activateTerminal(t.id)} onKeyDown={(e) => e.key === 'Delete' && close(t.id)} title={t.status === 'prompt' ? 'idle' : t.status}>
                {t.title}
                {t.status !== 'prompt' && t.status !== 'exited' ? ' •' : ''}
              </button>
              <button className="tab-close" aria-hidden="true" tabIndex={-1} title={`Close ${t.title} (Delete)`} onClick={() => close(t.id)}>
                ×
              </button>
            </div>
          ))}
        </div>
        <button className="tab-add" aria-label="New terminal" title="New terminal" onClick={() => addTerminal()}>
          +
        </button>
      </div>
      <div className="terminal-stack">
        {terminals.map((t) => (
          <TerminalView key={t.id} id={t.id} active={t.id === active} />
        ))}
      </div>
    </section>
  );
}
