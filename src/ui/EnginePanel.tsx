/**
 * The engine as it is now: images as layer stacks, containers, the last
 * build. Long lists show the newest (store/app.ts ENGINE_LIST_LIMIT) and a
 * button for the rest.
 */
import { useState } from 'react';
import { engineWorker } from '../worker/client.js';
import type { ContainerView, ImageView } from '../worker/protocol.js';
import { useAppStore } from '../store/index.js';
import { formatSize } from './format.js';
import { refreshEngine } from './useWorkerSync.js';

function ImageStack({ image, metadata }: { image: ImageView; metadata: boolean }) {
  const name = image.tags[0] ?? `<none> ${image.id.slice(7, 19)}`;
  const rows = metadata ? image.layers : image.layers.filter((layer) => !layer.empty);
  return (
    <li className="image">
      <div className="image-head">
        <strong>{name}</strong>
        <span className="muted">
          {image.id.slice(7, 19)} · {formatSize(image.size)}
        </span>
      </div>
      <ol className="layers" reversed>
        {[...rows].reverse().map((layer, i) => (
          <li key={i} className={`layer ${layer.empty ? 'empty' : ''} ${layer.shared ? 'shared' : ''}`} title={layer.diffId || 'metadata only, no layer'}>
            <span className="layer-size">{layer.empty ? '—' : formatSize(layer.size)}</span>
            <code className="layer-cmd">{layer.createdBy.replace(/^\/bin\/sh -c (#\(nop\) )?/, '') || '(base)'}</code>
            {layer.shared ? <span className="badge">shared</span> : null}
          </li>
        ))}
      </ol>
    </li>
  );
}

function ContainerRow({ container, onInspect }: { container: ContainerView; onInspect: (id: string) => void }) {
  const { showPreview } = useAppStore.getState();
  return (
    <tr className={`container ${container.state}`}>
      <td>
        <button className="link" onClick={() => onInspect(container.id)} title="Inspect">
          {container.name}
        </button>
      </td>
      <td>{container.image}</td>
      <td>
        <span className={`state ${container.state}`}>{container.status}</span>
      </td>
      <td>
        {container.ports.join(', ')}
        {container.publishedPorts.map((port) => (
          <button key={port} className="link preview-link" onClick={() => showPreview(port)}>
            preview :{port}
          </button>
        ))}
      </td>
      <td>{container.attached ? 'attached' : 'detached'}</td>
    </tr>
  );
}

/** "…and 950 more", under a list the worker cut short. */
function More({ shown, total, what }: { shown: number; total: number; what: string }) {
  if (total <= shown) return null;
  const showAll = (): void => {
    useAppStore.getState().showAllEngine();
    void refreshEngine();
  };
  return (
    <p className="muted more">
      The newest {shown} of {total.toLocaleString('en')} {what}.{' '}
      <button className="link" onClick={showAll}>
        Show all {total.toLocaleString('en')}
      </button>
    </p>
  );
}

export function EnginePanel() {
  const engine = useAppStore((s) => s.engine);
  const [inspect, setInspect] = useState<string | undefined>();
  const [metadata, setMetadata] = useState(false);

  const onInspect = (id: string): void => {
    void engineWorker()
      .inspectContainer(id)
      .then((result) => setInspect(result.ok ? result.value : result.error));
  };

  return (
    <div className="engine-panel" data-testid="engine-panel">
      <section>
        <h2>Containers</h2>
        {engine.containers.length === 0 ? (
          <p className="muted">No containers. Try <code>docker run -d -p 8080:80 nginx</code>.</p>
        ) : (
          <table className="containers">
            <thead>
              <tr>
                <th>Name</th>
                <th>Image</th>
                <th>State</th>
                <th>Ports</th>
                <th>Client</th>
              </tr>
            </thead>
            <tbody>
              {engine.containers.map((c) => (
                <ContainerRow key={c.id} container={c} onInspect={onInspect} />
              ))}
            </tbody>
          </table>
        )}
        <More shown={engine.containers.length} total={engine.containerCount} what="containers" />
        {inspect !== undefined ? (
          <div className="inspect">
            <button className="link" onClick={() => setInspect(undefined)}>
              Close inspect
            </button>
            <pre>{inspect}</pre>
          </div>
        ) : null}
      </section>
      <section>
        <h2>Last build</h2>
        {engine.lastBuild ? (
          <div className="build" data-testid="last-build">
            <p className="muted">
              {engine.lastBuild.tags.join(', ') || engine.lastBuild.imageId?.slice(7, 19) || ''}
              {engine.lastBuild.error ? ` — failed: ${engine.lastBuild.error}` : ''}
            </p>
            <ol className="steps">
              {engine.lastBuild.steps.map((step, i) => (
                <li key={i} className={step.cached ? 'cached' : 'ran'}>
                  <span className="step-mark">{step.cached ? 'CACHED' : 'RUN'}</span>
                  <code>
                    [{step.stage ? `${step.stage} ` : ''}
                    {step.index}/{step.total}] {step.instruction}
                  </code>
                  {step.reason ? <span className="reason">{step.reason}</span> : null}
                </li>
              ))}
            </ol>
          </div>
        ) : (
          <p className="muted">No build yet. Try <code>docker build -t app .</code>.</p>
        )}
      </section>
      <section>
        <h2>Images</h2>
        {engine.images.length === 0 ? (
          <p className="muted">No images yet.</p>
        ) : (
          <>
            <label className="muted">
              <input type="checkbox" checked={metadata} onChange={(e) => setMetadata(e.target.checked)} /> show metadata-only steps (ENV, CMD, EXPOSE…)
            </label>
            <ul className="images">
              {engine.images.map((image) => (
                <ImageStack key={image.id} image={image} metadata={metadata} />
              ))}
            </ul>
            <More shown={engine.images.length} total={engine.imageCount} what="images" />
          </>
        )}
      </section>
    </div>
  );
}
