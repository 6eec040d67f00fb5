import type { StateCreator } from 'zustand';
import type { SessionStatus } from '../worker/protocol.js';

export interface TerminalTab {
  readonly id: string;
  readonly title: string;
  readonly status: SessionStatus;
}

export interface TerminalsSlice {
  terminals: readonly TerminalTab[];
  activeTerminal: string;
  nextTerminal: number;
  addTerminal(): string;
  closeTerminal(id: string): void;
  activateTerminal(id: string): void;
  setTerminalStatus(id: string, status: SessionStatus): void;
}

export const createTerminalsSlice: StateCreator<TerminalsSlice, [], [], TerminalsSlice> = (set, get) => ({
  terminals: [{ id: 't1', title: 'Terminal 1', status: 'prompt' }],
  activeTerminal: 't1',
  nextTerminal: 2,
  addTerminal() {
    const n = get().nextTerminal;
    const id = `t${n}`;
    set((s) => ({ terminals: [...s.terminals, { id, title: `Terminal ${n}`, status: 'prompt' }], activeTerminal: id, nextTerminal: n + 1 }));
    return id;
  },
  closeTerminal(id) {
    set((s) => {
      const index = s.terminals.findIndex((t) => t.id === id);
      if (index < 0) return {};
      const terminals = s.terminals.filter((t) => t.id !== id);
      if (terminals.length === 0) {
        // There is always a terminal to type into.
        const fresh = `t${s.nextTerminal}`;
        return { terminals: [{ id: fresh, title: `Terminal ${s.nextTerminal}`, status: 'prompt' }], activeTerminal: fresh, nextTerminal: s.nextTerminal + 1 };
      }
      const activeTerminal = s.activeTerminal === id ? terminals[Math.max(0, index - 1)].id : s.activeTerminal;
      return { terminals, activeTerminal };
    });
  },
  activateTerminal(id) {
    set({ activeTerminal: id });
  },
  setTerminalStatus(id, status) {
    set((s) => ({ terminals: s.terminals.map((t) => (t.id === id && t.status !== status ? { ...t, status } : t)) }));
  },
});
