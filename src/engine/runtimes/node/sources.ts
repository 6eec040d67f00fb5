/** The sandbox's builtin modules by name, as CommonJS bodies run with (module, exports, require, host, S). */
import { BUFFER_JS } from './js/buffer.js';
import { EVENTS_JS } from './js/events.js';
import { FS_JS } from './js/fs.js';
import { HTTP_JS } from './js/http.js';
import { UTIL_JS } from './js/inspect.js';
import { PATH_JS } from './js/path.js';
import { READLINE_JS } from './js/readline.js';
import { ASSERT_JS, CHILD_PROCESS_JS, CRYPTO_JS, OS_JS, STREAM_JS, STRING_DECODER_JS, TIMERS_JS } from './js/small.js';
import { QUERYSTRING_JS, URL_JS } from './js/url.js';
import { BODY_PARSER_JS, EXPRESS_JS } from './js/express.js';

export const BUILTIN_SOURCES: Readonly<Record<string, string>> = {
  events: EVENTS_JS,
  util: UTIL_JS,
  buffer: BUFFER_JS,
  path: PATH_JS,
  querystring: QUERYSTRING_JS,
  url: URL_JS,
  fs: FS_JS,
  'fs/promises': 'module.exports = require("fs").promises;',
  os: OS_JS,
  timers: TIMERS_JS,
  'timers/promises': 'module.exports = require("timers").promises;',
  assert: ASSERT_JS,
  'assert/strict': 'module.exports = require("assert");',
  crypto: CRYPTO_JS,
  stream: STREAM_JS,
  string_decoder: STRING_DECODER_JS,
  child_process: CHILD_PROCESS_JS,
  readline: READLINE_JS,
  'readline/promises': 'module.exports = require("readline").promises;',
  http: HTTP_JS,
  'util/types': 'module.exports = require("util").types;',
  'path/posix': 'module.exports = require("path");',
  process: 'module.exports = process;',
  'slipway:express': EXPRESS_JS,
  'slipway:body-parser': BODY_PARSER_JS,
};
