export { LineEditor, type Completer, type Completion, type EditorMode, type LineEditorOptions, type LineEvent } from './LineEditor.js';
export { History } from './History.js';
export { tokenize, type KeyName, type KeyToken } from './keys.js';
export { visibleWidth, formatColumns, commonPrefix, flattenCommand } from './display.js';
