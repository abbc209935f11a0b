// Every failure the meeting room can meet gets its own sentence: run by `mvn test` with Node's test runner.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { ApiProblem } from '../../main/webapp/resources/js/media/api.js';
import { explain, isAbort, isExpiredCredential, isRejoinFailure, Unreachable } from '../../main/webapp/resources/js/media/explain.js';

// The English texts as the page gets them: the room.* keys of the resource bundle.
const bundle = readFileSync(new URL('../../main/resources/i18n/messages.properties', import.meta.url), 'utf8');
const texts = Object.fromEntries(bundle.split('\n').filter((line) => line.startsWith('room.'))
  .map((line) => [line.slice(5, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
const t = (key, ...args) => {
  assert.ok(key in texts, `missing text room.${key}`);
  return texts[key].replace(/\{(\d+)\}/g, (whole, i) => args[i] ?? whole);
};
const sdkError = (code, extraCode, extra = {}) => Object.assign(new Error('sdk'), { name: 'RtcError', code, extraCode }, extra);

test('each SDK error code has its own sentence with what to do', () => {
  const cases = {
    5201: /HTTPS/, 5301: /No camera or microphone/, 5302: /does not allow/, 5303: /in use by another/,
    70001: /expired/, 70009: /another TRTC application/, 5501: /firewall.*16285/s, 5502: /could not be restored/,
  };
  const seen = new Set();
  for (const [extraCode, pattern] of Object.entries(cases)) {
    const code = { 52: 5200, 53: 5300, 70: 5400, 55: 5500 }[String(extraCode).slice(0, 2)];
    const { text } = explain(sdkError(code, Number(extraCode)), t);
    assert.match(text, pattern, `extraCode ${extraCode}`);
    seen.add(text);
  }
  assert.equal(seen.size, Object.keys(cases).length, 'no two codes share a sentence');
});

test('permission denied offers the SDK handler when there is one', () => {
  let opened = false;
  const { action } = explain(sdkError(5300, 5302, { handler: () => { opened = true; } }), t);
  assert.equal(action.label, 'Open system settings');
  action.run();
  assert.ok(opened);
  assert.equal(explain(sdkError(5300, 5302), t).action, null);
});

test('the portal API refusals read as sentences, 409 in the server\'s own words', () => {
  assert.match(explain(new ApiProblem(503, 'x'), t).text, /not set up/);
  assert.match(explain(new ApiProblem(404, 'x'), t).text, /does not exist any more/);
  assert.equal(explain(new ApiProblem(409, 'The meeting opens at 09:50.'), t).text, 'The meeting opens at 09:50.');
  assert.equal(explain(new ApiProblem(403, 'A host has not let you into this meeting.'), t).text,
    'A host has not let you into this meeting.');
  assert.match(explain(new ApiProblem(429, 'x', 12), t).text, /Wait 12 seconds/);
  assert.match(explain(new ApiProblem(401, 'x'), t).text, /Sign in again/);
});

test('a timeout and any failure to reach the service name hosts and ports', () => {
  for (const error of [new Unreachable(), sdkError(5400, 0), sdkError(5500, 0)]) {
    const { text } = explain(error, t);
    assert.match(text, /cannot be reached/);
    assert.match(text, /\*\.rtc\.qq\.com/);
    assert.match(text, /UDP 443, 843, 8000, 8080, 8800 and 16285/);
  }
});

test('helpers: expired credentials are retried, aborts are not errors', () => {
  assert.ok(isExpiredCredential(sdkError(5400, 70001)));
  assert.ok(!isExpiredCredential(sdkError(5400, 70009)));
  assert.ok(isAbort(sdkError(5998, 0)));
  assert.ok(isRejoinFailure(sdkError(5500, 5502)), 'a failed rejoin is answered by entering again');
  assert.ok(!isRejoinFailure(sdkError(5500, 5501)), 'a firewall is not');
  assert.match(explain(new Error('boom'), t).text, /boom/);
});

test('a refused input reads as what the portal says of the field', () => {
  const sentence = 'A message can be at most 2,000 characters.';
  assert.equal(explain(new ApiProblem(400, sentence), t).text, sentence);
});
