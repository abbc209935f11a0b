// The chat panel's order: whatever order signals and answers arrive in, messages stand in the order of their ids.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { placeOf, REACTIONS } from '../../main/webapp/resources/js/room-chat.js';

test('a message goes after every message with a smaller id', () => {
  const shown = [];
  for (const id of [5, 2, 9, 7, 1, 8]) {
    shown.splice(placeOf(shown, id), 0, id);
  }
  assert.deepEqual(shown, [1, 2, 5, 7, 8, 9]);
  assert.equal(placeOf([], 3), 0);
  assert.equal(placeOf([1, 2, 3], 4), 3);
});

test('the page offers the reactions the portal accepts, and no others', () => {
  const server = readFileSync(new URL('../../main/java/org/meetingportal/room/Reaction.java', import.meta.url), 'utf8');
  const accepted = [...server.matchAll(/^\s+[A-Z_]+\("([a-z-]+)"\)/gm)].map((match) => match[1]);
  assert.ok(accepted.length > 0);
  assert.deepEqual(Object.keys(REACTIONS).sort(), accepted.sort());
});

test('a message signalled without its text (too long for the cluster\'s channel) makes the page read the chat again', async () => {
  const { RoomChat } = await import('../../main/webapp/resources/js/room-chat.js');
  const calls = [];
  const chat = Object.create(RoomChat.prototype);
  chat.load = () => calls.push('load');
  chat.show = (message) => calls.push(`show ${message.id}`);
  chat.onSignal({ event: 'chat', detail: { id: 7, userId: 'ann' } });
  chat.onSignal({ event: 'chat', detail: { id: 8, userId: 'ann', text: 'short' } });
  chat.onSignal({ event: 'chat' });
  assert.deepEqual(calls, ['load', 'show 8', 'load']);
});
