/**
 * The lesson pane, left of the editor: the lesson list (with the sandbox),
 * the open lesson, and the lesson actions (next/previous, reset, undo).
 */
import { useEffect, useRef, useState } from 'react';
import { useAppStore } from '../../store/index.js';
import { LessonList } from './LessonList.js';
import { LessonContent } from './LessonContent.js';
import { ProgressTransfer, UndoButton } from './LessonTools.js';
import './lessons.css';

const RESET_QUESTION = 'Reset this lesson? Its files, containers, images, command history, hints and quiz answers go back to the start. Other lessons and the sandbox are not touched.';

export function LessonPane() {
  const lesson = useAppStore((s) => s.lesson);
  const lessonError = useAppStore((s) => s.lessonError);
  const { openLesson, resetLesson, clearLessonError } = useAppStore.getState();
  const [listOpen, setListOpen] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const showList = listOpen || !lesson;

  // A newly opened lesson, or the list, starts at its top (focus goes to the title for keyboard and screen-reader users).
  const lessonId = lesson?.id;
  useEffect(() => {
    scroller.current?.scrollTo?.({ top: 0 });
  }, [lessonId, showList]);

  const open = async (id: string | undefined): Promise<void> => {
    const result = await openLesson(id);
    if (!result.ok) return;
    setListOpen(false);
    requestAnimationFrame(() => heading.current?.focus());
  };
  const reset = async (): Promise<void> => {
    if (window.confirm(RESET_QUESTION)) await resetLesson();
  };

  return (
    <section className="pane lesson-pane" aria-label="Lesson">
      <div className="lesson-bar">
        <button type="button" aria-expanded={showList} aria-controls="lesson-scroll" disabled={!lesson} onClick={() => setListOpen(!listOpen)} title="All lessons">
          ☰ Lessons
        </button>
        <h2 className="lesson-title" ref={heading} tabIndex={-1}>
          {lesson ? lesson.title : 'Sandbox'}
        </h2>
        {lesson ? (
          <span className="lesson-count">
            <span aria-hidden="true">
              {lesson.complete ? '✓ ' : ''}
              {lesson.passed}/{lesson.total}
            </span>
            <span className="visually-hidden">
              {lesson.passed} of {lesson.total} tasks done
            </span>
          </span>
        ) : null}
      </div>
      <div className="lesson-tools">
        <UndoButton />
        {lesson ? (
          <button type="button" onClick={() => void reset()}>
            Reset lesson…
          </button>
        ) : null}
      </div>
      {lessonError ? (
        <div className="lesson-error" role="alert">
          {lessonError}
          <button type="button" aria-label="Dismiss the error" onClick={clearLessonError}>
            ×
          </button>
        </div>
      ) : null}
      <div className="lesson-scroll" id="lesson-scroll" ref={scroller}>
        {showList ? (
          <>
            {!lesson ? <p className="sandbox-intro">You are in the sandbox: no lesson, no checks, everything works. Pick a lesson to start one; each lesson keeps its own files and containers.</p> : null}
            <LessonList onOpen={(id) => void open(id)} />
            <ProgressTransfer />
          </>
        ) : lesson ? (
          <LessonContent lesson={lesson} />
        ) : null}
      </div>
      {lesson && !showList ? (
        <nav className="lesson-nav" aria-label="Lesson navigation">
          <button type="button" disabled={!lesson.previous} onClick={() => void open(lesson.previous)}>
            ← Previous
          </button>
          <button type="button" disabled={!lesson.next} onClick={() => void open(lesson.next)}>
            Next →
          </button>
        </nav>
      ) : null}
    </section>
  );
}
