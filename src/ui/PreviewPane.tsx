/**
 * `http://localhost:<port>` of a published port, fetched through the engine
 * (nothing goes to the network). The page is shown in a sandboxed frame (an
 * opaque origin, no network); its relative stylesheets are fetched through the engine too and
 * inlined, since the frame itself cannot reach the simulated host.
 */
import { useEffect, useState } from 'react';
import { engineWorker } from '../worker/client.js';
import { useAppShallow, useAppStore } from '../store/index.js';

// The frame runs the page's own inline scripts in an opaque origin; nothing may reach the network.
const BLOCK_NETWORK = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">`;

async function inlineStyles(port: number, html: string): Promise<string> {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  for (const link of [...doc.querySelectorAll('link[rel~="stylesheet"][href]')]) {
    const href = link.getAttribute('href') ?? '';
    if (/^[a-z]+:|^\/\//i.test(href)) {
      link.remove();
      continue;
    }
    const result = await engineWorker().preview(port, href.startsWith('/') ? href : `/${href}`);
    const style = doc.createElement('style');
    style.textContent = result.ok && result.value.status < 400 ? result.value.body : '';
    link.replaceWith(style);
  }
  for (const el of [...doc.querySelectorAll('img[src], script[src], iframe[src]')]) if (!el.getAttribute('src')?.startsWith('data:')) el.removeAttribute('src');
  doc.head.insertAdjacentHTML('afterbegin', BLOCK_NETWORK);
  return `<!DOCTYPE html>${doc.documentElement.outerHTML}`;
}

export function PreviewPane() {
  const port = useAppStore((s) => s.previewPort);
  const ports = useAppShallow((s) => [...new Set(s.engine.containers.filter((c) => c.state === 'running').flatMap((c) => c.publishedPorts))].sort((a, b) => a - b));
  const showPreview = useAppStore((s) => s.showPreview);
  const [page, setPage] = useState<{ html?: string; error?: string; status?: number }>({});
  const [reload, setReload] = useState(0);
  const shown = port ?? ports[0];

  useEffect(() => {
    if (shown === undefined) return;
    let cancelled = false;
    void engineWorker()
      .preview(shown, '/')
      .then(async (result) => {
        if (!result.ok) return { error: result.error };
        const isHtml = result.value.contentType.includes('html');
        const html = isHtml ? await inlineStyles(shown, result.value.body) : `<pre>${result.value.body.replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`)}</pre>`;
        return { html, status: result.value.status };
      })
      .then((next) => {
        if (!cancelled) setPage(next);
      });
    return () => {
      cancelled = true;
    };
  }, [shown, reload]);

  if (shown === undefined) return <p className="muted pad">Publish a port to preview it, e.g. <code>docker run -d -p 8080:80 nginx</code>.</p>;
  return (
    <div className="preview" data-testid="preview">
      <div className="preview-bar">
        <select aria-label="Published port" value={shown} onChange={(e) => showPreview(Number(e.target.value))}>
          {[...new Set([shown, ...ports])].map((p) => (
            <option key={p} value={p}>
              http://localhost:{p}/
            </option>
          ))}
        </select>
        <button onClick={() => setReload((n) => n + 1)}>Reload</button>
        {page.status ? <span className="muted">{page.status}</span> : null}
      </div>
      {page.error ? (
        <p className="error pad">{page.error}</p>
      ) : page.html !== undefined ? (
        // A new frame per page load: an srcdoc swap inside a sandboxed frame can leave the old document showing.
        <iframe key={`${shown}:${reload}:${page.html.length}`} title={`Preview of localhost:${shown}`} sandbox="allow-scripts" srcDoc={page.html} />
      ) : (
        <p className="muted pad">Loading…</p>
      )}
    </div>
  );
}
