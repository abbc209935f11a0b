// /meeting.xhtml for a host of a meeting with a waiting room: who waits, and the host's yes or no.

import { onCallMessage } from './calls-client.js';
import { Api } from './media/api.js';
import { textsOf } from './media/texts.js';

const $ = (id) => document.getElementById(id);
const lobby = $('lobby');
const t = textsOf(lobby);
const api = new Api(lobby.dataset.api, lobby.dataset.csrf);
const path = `meetings/${lobby.dataset.meeting}/lobby`;
const list = $('waiting-list');
const empty = $('waiting-room-empty');
const admitAll = $('admit-all');
const problem = $('waiting-room-error');

/** How often the queue is read again, should a signal that it changed be lost. */
const REFRESH_MS = 3000;

function showProblem(text) {
  problem.textContent = text || '';
  problem.hidden = !text;
}

function button(label, className, onClick) {
  const element = document.createElement('button');
  element.type = 'button';
  element.className = `button ${className}`;
  element.textContent = label;
  element.addEventListener('click', onClick);
  return element;
}

let shown = '';

function render(waiting) {
  // Rebuilt only when the list changed, so that the focus of someone on a button survives a refresh.
  const now = JSON.stringify(waiting.map((person) => [person.userId, person.displayName, person.guest]));
  if (now === shown) {
    return;
  }
  shown = now;
  list.replaceChildren(...waiting.map((person) => {
    const item = document.createElement('li');
    item.dataset.user = person.userId;
    const name = document.createElement('span');
    name.className = 'name';
    name.textContent = person.displayName;
    const since = document.createElement('span');
    since.className = 'muted';
    since.textContent = t('waitingRoom.since', new Date(person.since).toLocaleTimeString());
    const actions = document.createElement('span');
    actions.className = 'actions';
    actions.append(
      button(t('waitingRoom.admit'), 'primary admit', () => decide(person.userId, 'admit')),
      button(t('waitingRoom.deny'), 'secondary deny', () => decide(person.userId, 'deny')));
    if (person.guest) {
      const guest = document.createElement('span');
      guest.className = 'badge guest';
      guest.textContent = t('waitingRoom.guest');
      item.append(name, ' ', guest, ' ', since, ' ', actions);
    } else {
      item.append(name, ' ', since, ' ', actions);
    }
    return item;
  }));
  empty.hidden = waiting.length > 0;
  admitAll.hidden = waiting.length < 2;
}

async function refresh() {
  try {
    render(await api.get(path));
    showProblem('');
  } catch (error) {
    showProblem(error.detail || t('waitingRoom.unreachable'));
  }
}

async function act(call) {
  try {
    await call();
    showProblem('');
  } catch (error) {
    showProblem(error.detail || t('waitingRoom.unreachable'));
  }
  await refresh();
}

function decide(userId, decision) {
  return act(() => api.post(`${path}/${encodeURIComponent(userId)}/${decision}`));
}

admitAll.addEventListener('click', () => act(() => api.post(`${path}/admit-all`)));

const lock = $('lock');
function showLock(locked) {
  lock.dataset.locked = String(locked);
  lock.setAttribute('aria-pressed', String(locked));
  lock.textContent = locked ? lock.dataset.unlock : lock.dataset.lock;
}
lock.addEventListener('click', () => act(async () => {
  const answer = await api.put(`meetings/${lobby.dataset.meeting}/lock`, { locked: lock.dataset.locked !== 'true' });
  showLock(answer.locked);
}));
onCallMessage((message) => {
  if (message.type === 'room' && String(message.meeting) === lobby.dataset.meeting) {
    refresh();
  }
});
refresh();
setInterval(refresh, REFRESH_MS);
