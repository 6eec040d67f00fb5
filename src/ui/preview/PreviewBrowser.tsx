/**
 * The browser inside the preview pane, for one published port (the pane
 * keys it by port: another port is another site, with its own history).
 * Links, forms and redirects work through the frame script's messages
 * (frameScript.ts), accepted only from the frame this component rendered.
 */
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { engineWorker } from '../../worker/client.js';
import type { PreviewRequest } from '../../worker/protocol.js';
import { frameRequest, loadPage, requestFor, resolvePath, type PreviewFetch } from './navigate.js';
import { renderPage } from './render.js';

const fetchThroughEngine: PreviewFetch = (port, request) => engineWorker().preview(port, request);

interface Page {
  readonly html?: string;
  readonly error?: string;
  readonly status?: string;
  /** Which navigation produced it: a new frame per page (an srcdoc swap in a sandboxed frame can leave the old document showing). */
  readonly serial: number;
}

interface Visit {
  readonly request: PreviewRequest;
  /** Bumps on every navigation, so reloading the same address loads again. */
  readonly serial: number;
}

export interface PreviewBrowserProps {
  readonly port: number;
  /** The port picker, shown in the address bar. */
  readonly portPicker: ReactNode;
}

export function PreviewBrowser({ port, portPicker }: PreviewBrowserProps) {
  const [visit, setVisit] = useState<Visit>({ request: { method: 'GET', path: '/' }, serial: 0 });
  const [path, setPath] = useState('/');
  const [address, setAddress] = useState('/');
  const [back, setBack] = useState<readonly string[]>([]);
  const [page, setPage] = useState<Page>({ serial: -1 });
  const frame = useRef<HTMLIFrameElement>(null);

  const go = (request: PreviewRequest, from?: string) => {
    if (from !== undefined) setBack((stack) => [...stack, from]);
    setVisit((v) => ({ request, serial: v.serial + 1 }));
  };

  useEffect(() => {
    let cancelled = false;
    setAddress(visit.request.path);
    void (async () => {
      const loaded = await loadPage(fetchThroughEngine, port, visit.request);
      if (!loaded.ok) {
        if (!cancelled) setPage({ error: loaded.error, serial: visit.serial });
        return;
      }
      const html = await renderPage(fetchThroughEngine, port, loaded.value);
      if (cancelled) return;
      const { status, statusText } = loaded.value.response;
      setPath(loaded.value.path);
      setAddress(loaded.value.path);
      setPage({ html, status: `${status} ${statusText}`.trim(), serial: visit.serial });
    })();
    return () => {
      cancelled = true;
    };
  }, [port, visit]);

  // Only the frame rendered here may navigate; anything else posting to the app is ignored.
  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      if (!frame.current || event.source !== frame.current.contentWindow) return;
      const message = frameRequest(event.data);
      const request = message && requestFor(port, path, message);
      if (request) {
        setBack((stack) => [...stack, path]);
        setVisit((v) => ({ request, serial: v.serial + 1 }));
      }
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [port, path]);

  const submitAddress = (event: FormEvent) => {
    event.preventDefault();
    const target = resolvePath(port, '/', address);
    if (target !== undefined) go({ method: 'GET', path: target }, path);
  };

  const goBack = () => {
    const previous = back.at(-1);
    if (previous === undefined) return;
    setBack(back.slice(0, -1));
    go({ method: 'GET', path: previous });
  };

  return (
    <div className="preview" data-testid="preview">
      <form className="preview-bar" onSubmit={submitAddress}>
        <button type="button" onClick={goBack} disabled={back.length === 0} aria-label="Back" title="Back">
          ←
        </button>
        {portPicker}
        <input className="preview-address" aria-label="Address" value={address} onChange={(e) => setAddress(e.target.value)} spellCheck={false} />
        {/* A reload repeats a GET; after a POST it shows the page the POST ended on, without posting again. */}
        <button type="button" onClick={() => go(visit.request.method === 'GET' ? visit.request : { method: 'GET', path })}>
          Reload
        </button>
        {page.status ? (
          <span className="muted" data-testid="preview-status">
            {page.status}
          </span>
        ) : null}
      </form>
      {page.error ? (
        <p className="error pad">{page.error}</p>
      ) : page.html !== undefined ? (
        // allow-forms lets a submit reach the frame script; without allow-same-origin the frame stays an opaque origin.
        <iframe ref={frame} key={page.serial} title={`Preview of localhost:${port}`} sandbox="allow-scripts allow-forms" srcDoc={page.html} />
      ) : (
        <p className="muted pad">Loading…</p>
      )}
    </div>
  );
}
