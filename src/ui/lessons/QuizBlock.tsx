/** A single- or multiple-choice question; the explanation shows once answered. */
import { useState, type FormEvent } from 'react';
import type { QuizView } from '../../worker/lessonProtocol.js';
import { useAppStore } from '../../store/index.js';
import { Md } from './Md.js';

export function QuizBlock({ quiz }: { quiz: QuizView }) {
  const answerQuiz = useAppStore((s) => s.answerQuiz);
  const [chosen, setChosen] = useState<readonly number[]>(quiz.answer ?? []);
  // A reset or an import changes the stored answer: follow it (without remounting, so focus stays put).
  const stored = (quiz.answer ?? []).join(',');
  const [seen, setSeen] = useState(stored);
  if (seen !== stored) {
    setSeen(stored);
    setChosen(quiz.answer ?? []);
  }
  const single = quiz.type === 'single';
  const name = `quiz-${quiz.id}`;

  const toggle = (index: number, on: boolean): void => {
    if (single) setChosen([index]);
    else setChosen(on ? [...chosen, index].sort((a, b) => a - b) : chosen.filter((i) => i !== index));
  };
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (chosen.length > 0) void answerQuiz(quiz.id, chosen);
  };

  return (
    <form className="quiz" onSubmit={submit} data-quiz={quiz.id}>
      <fieldset>
        <legend>
          <Md text={quiz.question} inline />
          <span className="muted"> {single ? '(one answer)' : '(one or more answers)'}</span>
        </legend>
        {quiz.options.map((option, i) => (
          <label key={i} className="quiz-option">
            <input type={single ? 'radio' : 'checkbox'} name={name} checked={chosen.includes(i)} onChange={(e) => toggle(i, e.target.checked)} />
            <Md text={option.text} inline />
          </label>
        ))}
        <button type="submit" disabled={chosen.length === 0}>
          Check answer
        </button>
        {quiz.correct !== undefined ? (
          <div className={`quiz-result ${quiz.correct ? 'ok' : 'wrong'}`} role="status">
            <strong>{quiz.correct ? 'Correct.' : 'Not quite: try again.'}</strong>
            {quiz.explanation ? <Md text={quiz.explanation} /> : null}
          </div>
        ) : null}
      </fieldset>
    </form>
  );
}
