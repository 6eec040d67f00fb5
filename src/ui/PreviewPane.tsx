/**
 * `http://localhost:<port>` of a published port, in a small browser
 * (preview/PreviewBrowser.tsx). Every request goes through the engine;
 * nothing goes to the network.
 */
import { useAppShallow, useAppStore } from '../store/index.js';
import { PreviewBrowser } from './preview/PreviewBrowser.js';

export function PreviewPane() {
  const port = useAppStore((s) => s.previewPort);
  const ports = useAppShallow((s) => s.engine.previewPorts);
  const showPreview = useAppStore((s) => s.showPreview);
  const shown = port ?? ports[0];

  if (shown === undefined) return <p className="muted pad">Publish a port to preview it, e.g. <code>docker run -d -p 8080:80 nginx</code>.</p>;
  const picker = (
    <select aria-label="Published port" value={shown} onChange={(e) => showPreview(Number(e.target.value))}>
      {[...new Set([shown, ...ports])].map((p) => (
        <option key={p} value={p}>
          http://localhost:{p}
        </option>
      ))}
    </select>
  );
  // Keyed by port: another port is another site, starting at its home page with no history.
  return <PreviewBrowser key={shown} port={shown} portPicker={picker} />;
}
