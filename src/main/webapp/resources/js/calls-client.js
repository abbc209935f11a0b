// The call signalling every signed-in portal page keeps open (/ws/calls): presence, incoming calls with
// a ringing dialog, and the messages the calls page and the call view act on. One connection per page;
// modules that import this file share it.

import { textsOf } from './media/texts.js';

const RECONNECT_MAX_MS = 15000;
const PING_MS = 25000;
const listeners = new Set();
let socket = null;
let attempts = 0;
let pinger = null;
const present = new Map();
/** Recent messages, for modules that start listening after the connection opened (scripts load in turn). */
const history = [];
const HISTORY = 50;

/**
 * Calls `listener(message)` for every message from the server, beginning with the recent ones it missed;
 * returns a function that stops it.
 */
export function onCallMessage(listener) {
  history.forEach((message) => listener(message));
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function sendCall(message) {
  if (socket && socket.readyState === WebSocket.OPEN) {
    socket.send(JSON.stringify(message));
    return true;
  }
  return false;
}

export function presenceOf(userId) {
  return present.get(userId) || 'offline';
}

function connect() {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  socket = new WebSocket(`${scheme}//${location.host}${document.body.dataset.context || ''}/ws/calls`);
  socket.addEventListener('open', () => {
    attempts = 0;
    clearInterval(pinger);
    pinger = setInterval(() => sendCall({ type: 'ping' }), PING_MS);
  });
  socket.addEventListener('message', (event) => {
    let message;
    try {
      message = JSON.parse(event.data);
    } catch {
      return;
    }
    if (message.type === 'hello') {
      present.clear();
      Object.entries(message.present || {}).forEach(([user, state]) => present.set(user, state));
    } else if (message.type === 'presence') {
      present.set(message.user, message.presence);
    }
    history.push(message);
    if (history.length > HISTORY) {
      history.shift();
    }
    listeners.forEach((listener) => listener(message));
  });
  socket.addEventListener('close', (event) => {
    clearInterval(pinger);
    if (event.reason === 'too many pages') {
      // The person opened more pages than the server keeps sockets for, and this one is the oldest:
      // coming back would close the next oldest, and so on round the tabs.
      return;
    }
    // Signed out or refused: the page itself will show that; otherwise come back with growing pauses.
    attempts += 1;
    setTimeout(connect, Math.min(RECONNECT_MAX_MS, 500 * 2 ** attempts));
  });
}

/** Two soft tones every two seconds, from Web Audio: no sound file, and quiet if the page may not play yet. */
class Ringtone {
  start() {
    this.stop();
    try {
      this.context = new AudioContext();
    } catch {
      return;
    }
    const ring = () => {
      const now = this.context.currentTime;
      [0, 0.4].forEach((offset) => {
        const gain = this.context.createGain();
        gain.gain.setValueAtTime(0.0001, now + offset);
        gain.gain.exponentialRampToValueAtTime(0.15, now + offset + 0.05);
        gain.gain.exponentialRampToValueAtTime(0.0001, now + offset + 0.35);
        gain.connect(this.context.destination);
        const tone = this.context.createOscillator();
        tone.frequency.value = offset === 0 ? 880 : 660;
        tone.connect(gain);
        tone.start(now + offset);
        tone.stop(now + offset + 0.4);
      });
    };
    ring();
    this.timer = setInterval(ring, 2000);
  }

  stop() {
    clearInterval(this.timer);
    if (this.context) {
      this.context.close().catch(() => {});
      this.context = null;
    }
  }
}

/** The incoming-call dialog of the template: rings, and opens the call view on this tab when accepted here. */
function wireIncomingCalls() {
  const dialog = document.getElementById('incoming-call');
  if (!dialog) {
    return;
  }
  const t = textsOf(dialog);
  const ringtone = new Ringtone();
  let ringing = null;
  const close = () => {
    ringtone.stop();
    ringing = null;
    if (dialog.open) {
      dialog.close();
    }
  };
  document.getElementById('incoming-accept').addEventListener('click', () => {
    if (ringing) {
      sendCall({ type: 'accept', call: ringing.id });
    }
  });
  document.getElementById('incoming-reject').addEventListener('click', () => {
    if (ringing) {
      sendCall({ type: 'reject', call: ringing.id });
    }
    close();
  });
  dialog.addEventListener('cancel', (event) => event.preventDefault());
  onCallMessage((message) => {
    const call = message.call;
    if (message.type === 'ringing' && document.body.dataset.callView !== String(call.id)) {
      ringing = call;
      document.getElementById('incoming-text').textContent =
        t(call.media === 'audio' ? 'incomingAudio' : 'incomingVideo', call.caller.displayName);
      dialog.dataset.call = String(call.id);
      if (!dialog.open) {
        dialog.showModal();
      }
      ringtone.start();
    } else if (message.type === 'accepted' && ringing && call.id === ringing.id) {
      close();
      location.assign(`${document.body.dataset.context || ''}/call.xhtml?id=${call.id}`);
    } else if (['answered-elsewhere', 'ended', 'missed'].includes(message.type) && ringing && call.id === ringing.id) {
      close();
    }
  });
}

/**
 * The reminder shortly before a meeting, on whatever page is open: its title, when it starts, and Join. A page
 * already showing that meeting needs none.
 */
function wireReminders() {
  const notice = document.getElementById('reminder-notice');
  if (!notice) {
    return;
  }
  const t = textsOf(notice);
  document.getElementById('reminder-close').addEventListener('click', () => {
    notice.hidden = true;
  });
  onCallMessage((message) => {
    if (message.type !== 'reminder' || location.search.includes(`id=${message.meeting}`)) {
      return;
    }
    const at = new Date(message.startsAt);
    const time = at.toLocaleTimeString(document.documentElement.lang || undefined, { hour: '2-digit', minute: '2-digit' });
    document.getElementById('reminder-text').textContent = t('startsAt', message.title, time);
    document.getElementById('reminder-join').href = `${document.body.dataset.context || ''}${message.path}`;
    notice.dataset.meeting = String(message.meeting);
    notice.hidden = false;
  });
}

if (document.body.dataset.signedIn === 'true') {
  wireIncomingCalls();
  wireReminders();
  connect();
}
