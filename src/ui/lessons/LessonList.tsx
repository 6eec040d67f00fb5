/** Every lesson with its progress, and the sandbox (no lesson, everything works). */
import { useAppShallow, useAppStore } from '../../store/index.js';

export function LessonList({ onOpen }: { onOpen: (id: string | undefined) => void }) {
  const lessons = useAppShallow((s) => s.lessons);
  const current = useAppStore((s) => s.lesson?.id);
  return (
    <nav className="lesson-list" aria-label="Lessons">
      <h2>Lessons</h2>
      <ol>
        <li>
          <button type="button" className="lesson-entry sandbox" aria-current={current === undefined ? 'page' : undefined} onClick={() => onOpen(undefined)}>
            <span className="lesson-num" aria-hidden="true">
              ∞
            </span>
            <span className="lesson-name">
              Sandbox
              <span className="lesson-summary">No lesson and no checks: try anything.</span>
            </span>
          </button>
        </li>
        {lessons.map((lesson, i) => (
          <li key={lesson.id}>
            <button
              type="button"
              className={`lesson-entry ${lesson.complete ? 'complete' : ''}`}
              aria-current={current === lesson.id ? 'page' : undefined}
              data-lesson={lesson.id}
              disabled={lesson.error !== undefined}
              onClick={() => onOpen(lesson.id)}
            >
              <span className="lesson-num" aria-hidden="true">
                {i + 1}
              </span>
              <span className="lesson-name">
                {lesson.title}
                <span className="lesson-summary">{lesson.error ? `Cannot be opened: ${lesson.error}` : lesson.summary}</span>
              </span>
              <span className="lesson-progress">
                {lesson.complete ? <span className="done-mark">✓ </span> : null}
                {lesson.passed}/{lesson.total}
                <span className="visually-hidden">{lesson.complete ? ' tasks, complete' : ' tasks done'}</span>
              </span>
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
