/** The build's lesson index (vite.config.ts, src/worker/lessons/lessonIndex.ts). */
declare module 'virtual:slipway-lesson-index' {
  const index: import('./lessons/lessonIndex.js').LessonIndex;
  export default index;
}
