/** The open lesson: its text (with live task rows and clickable commands), the checklist, the quiz and the solution. */
import { useMemo } from 'react';
import type { LessonView } from '../../worker/lessonProtocol.js';
import { useAppStore } from '../../store/index.js';
import { renderMarkdown } from './markdown/render.js';
import { MdView, type MdSlots } from './markdown/MdView.js';
import { CommandBlock, InlineCommand } from './CommandButtons.js';
import { TaskChecklist, TaskRow } from './TaskRow.js';
import { QuizBlock } from './QuizBlock.js';
import { SolutionPanel } from './SolutionPanel.js';

export function LessonContent({ lesson }: { lesson: LessonView }) {
  const solution = useAppStore((s) => s.solution);
  const loadSolution = useAppStore((s) => s.loadSolution);
  const nodes = useMemo(() => renderMarkdown(lesson.markdown, { html: 'sanitise' }), [lesson.markdown]);
  const titles = useMemo(() => new Map(lesson.tasks.map((t) => [t.id, t.title])), [lesson.tasks]);

  const slots: MdSlots = {
    command: (command, key) => <InlineCommand key={key} command={command} />,
    commands: (commands, key) => <CommandBlock key={key} commands={commands} />,
    task: (id, key) => {
      const task = lesson.tasks.find((t) => t.id === id);
      return task ? (
        <div key={key} className="inline-task" role="group" aria-label={`Task: ${task.title}`}>
          <TaskRow task={task} titles={titles} />
        </div>
      ) : null;
    },
  };

  return (
    <article className="lesson" data-lesson={lesson.id}>
      <MdView nodes={nodes} slots={slots} className="lesson-text" />
      <TaskChecklist tasks={lesson.tasks} />
      {lesson.quiz.length > 0 ? (
        <section className="quizzes" aria-labelledby="quiz-heading">
          <h2 id="quiz-heading">Quiz</h2>
          {lesson.quiz.map((quiz) => (
            <QuizBlock key={quiz.id} quiz={quiz} />
          ))}
        </section>
      ) : null}
      {solution ? (
        <SolutionPanel solution={solution} />
      ) : (
        <p>
          <button type="button" onClick={() => void loadSolution()}>
            Show solution
          </button>{' '}
          <span className="muted">(a diff: your files are not changed)</span>
        </p>
      )}
    </article>
  );
}
