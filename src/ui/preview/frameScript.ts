/**
 * The one script the preview frame runs. The frame is a sandboxed `srcdoc`
 * document (an opaque origin), so it cannot reach the simulated localhost
 * itself: this script turns link clicks and form submits into messages, and
 * the pane fetches the target through the engine and shows the answer.
 *
 * The text is constant on purpose: the app's Content-Security-Policy (which a
 * `srcdoc` frame inherits) allows exactly this script by its sha256, computed
 * from this export at build time (config/csp.ts), and nothing else inline.
 * Changing a character changes the hash; the build picks that up.
 *
 * Message: `{ type: 'slipway-preview', method: 'GET' | 'POST', url, body }`,
 * `url` as written in the page (the pane resolves it), `body` the form's
 * fields as `application/x-www-form-urlencoded` ('' for links).
 */
export const FRAME_SCRIPT = `(function () {
  'use strict';
  function send(method, url, body) {
    parent.postMessage({ type: 'slipway-preview', method: method, url: url, body: body }, '*');
  }
  document.addEventListener('click', function (event) {
    if (event.defaultPrevented || event.button !== 0) return;
    var link = event.target && event.target.closest ? event.target.closest('a[href]') : null;
    if (!link) return;
    var href = link.getAttribute('href') || '';
    if (href.charAt(0) === '#') return;
    event.preventDefault();
    send('GET', href, '');
  });
  document.addEventListener('submit', function (event) {
    var form = event.target;
    var submitter = event.submitter || null;
    event.preventDefault();
    var method = ((submitter && submitter.getAttribute('formmethod')) || form.getAttribute('method') || 'get').toUpperCase();
    var action = (submitter && submitter.getAttribute('formaction')) || form.getAttribute('action') || '';
    var fields = new URLSearchParams();
    new FormData(form, submitter).forEach(function (value, name) {
      fields.append(name, typeof value === 'string' ? value : value.name);
    });
    send(method === 'POST' ? 'POST' : 'GET', action, fields.toString());
  });
})();`;
