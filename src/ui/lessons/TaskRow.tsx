/**
 * One task, live: its tick, what is checked, why it fails, the state hint
 * and the graded hints opened so far. The same row appears in the checklist
 * and wherever the text has a `[task: id]` marker.
 */
import type { TaskView } from '../../worker/lessonProtocol.js';
import { useAppStore } from '../../store/index.js';
import { Md } from './Md.js';

const MARK: Readonly<Record<TaskView['status'], string>> = { pass: '✓', fail: '○', locked: '🔒' };
const STATUS_TEXT: Readonly<Record<TaskView['status'], string>> = { pass: 'done', fail: 'not done yet', locked: 'locked' };

export function TaskRow({ task, titles, as: Tag = 'div' }: { task: TaskView; titles: ReadonlyMap<string, string>; as?: 'div' | 'li' }) {
  const showHint = useAppStore((s) => s.showHint);
  const next = task.hintsShown.length + 1;
  return (
    <Tag className={`task task-${task.status}`} data-task={task.id} data-status={task.status}>
      <span className="task-mark" aria-hidden="true">
        {MARK[task.status]}
      </span>
      <div className="task-main">
        <div className="task-title">
          {task.title}
          <span className="visually-hidden">: {STATUS_TEXT[task.status]}</span>
        </div>
        <div className="task-checks">
          Checks: <Md text={task.checks} inline />
        </div>
        {task.status === 'fail' && task.why ? <Md text={task.why} className="task-why" /> : null}
        {task.status === 'locked' && task.waitingFor?.length ? (
          <div className="task-why">First: {task.waitingFor.map((id) => titles.get(id) ?? id).join('; ')}</div>
        ) : null}
        {task.status !== 'pass' && task.stateHint ? (
          <div className="task-hint state-hint">
            <strong>Hint for where you are: </strong>
            <Md text={task.stateHint} inline />
          </div>
        ) : null}
        {task.hintsShown.map((hint, i) => (
          <div className="task-hint" key={i}>
            <strong>Hint {i + 1}: </strong>
            <Md text={hint} inline />
          </div>
        ))}
        {task.moreHints && task.status !== 'pass' ? (
          <button type="button" className="hint-button" aria-label={`Show hint ${next} for: ${task.title}`} onClick={() => void showHint(task.id)}>
            Show hint {next}
          </button>
        ) : null}
      </div>
    </Tag>
  );
}

export function TaskChecklist({ tasks }: { tasks: readonly TaskView[] }) {
  const titles = new Map(tasks.map((t) => [t.id, t.title]));
  const passed = tasks.filter((t) => t.status === 'pass').length;
  return (
    <section className="checklist" aria-labelledby="checklist-heading">
      <h2 id="checklist-heading">
        Tasks{' '}
        <span className="count">
          {passed}/{tasks.length}
        </span>
      </h2>
      <ul>
        {tasks.map((task) => (
          <TaskRow key={task.id} task={task} titles={titles} as="li" />
        ))}
      </ul>
    </section>
  );
}
