/** The lessons layer's public face: format, checks, evaluation. */
export type { LessonState, ContainerFact, ImageFact, BuildFact, BuildStepFact, DockerfileFact, DockerfileInstruction, CommandFact, PortFact } from './state.js';
export { EMPTY_STATE } from './state.js';
export { splitFrontmatter, FrontmatterError, type SplitResult } from './frontmatter.js';
export { LessonFrontmatterSchema, TaskSchema, HintSchema, QuizSchema, SolutionSchema, type LessonFrontmatter, type Task, type Hint, type Quiz } from './schema.js';
export { CheckSchema, describeCheck, evaluateCheck, PREDICATE_KINDS, type Check, type CheckResult } from './checks/index.js';
export { loadLesson, lessonFolders, type Lesson, type LoadResult } from './lesson.js';
export { evaluateLesson, type LessonEvaluation, type TaskEvaluation, type TaskStatus, type EvaluateOptions } from './evaluate.js';
export { runnableCommands, type RunnableCommand } from './runnable.js';
export { taskMarkers, taskMarkerErrors, TASK_MARKER, type TaskMarker } from './taskMarkers.js';
