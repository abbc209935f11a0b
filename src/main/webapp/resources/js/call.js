// /call.xhtml?id=: one call seen by one of its parties. Rings until answered (the caller can cancel), then
// enters the call's own TRTC room with the meeting room's tiles, controls and error handling.

import { onCallMessage, sendCall } from './calls-client.js';
import { Api } from './media/api.js';
import { explain } from './media/explain.js';
import { Room, roomElements } from './media/room.js';
import { textsOf } from './media/texts.js';

const $ = (id) => document.getElementById(id);
const head = $('call');
const t = textsOf(head);
const roomTexts = textsOf($('room-texts'));
const callId = Number(head.dataset.call);
const otherName = head.dataset.otherName;
const incoming = head.dataset.incoming === 'true';
const api = new Api(head.dataset.api, head.dataset.csrf);
const hangUp = $('call-hangup');
let room = null;
let over = false;

function show(text) {
  $('call-state').textContent = text;
}

function showState(state) {
  if (state === 'RINGING') {
    show(incoming ? t('state.RINGING') : t('calling', otherName));
    hangUp.textContent = incoming ? t('reject') : t('cancel');
    hangUp.hidden = false;
  } else if (state === 'ACCEPTED') {
    show(t('connecting'));
    hangUp.textContent = t('hangUp');
    hangUp.hidden = false;
  } else {
    finish(state);
  }
}

function finish(state) {
  over = true;
  hangUp.hidden = true;
  const text = t(`outcome.${state}`, otherName);
  show(text);
  if (room) {
    room.fail(text);
  }
}

async function enter() {
  if (room || over) {
    return;
  }
  const path = `calls/${callId}/credentials`;
  const names = new Map([[head.dataset.other, otherName]]);
  room = new Room({
    elements: roomElements(),
    t: roomTexts,
    fetchCredential: () => api.credential(path),
    names,
    self: { userId: head.dataset.user, name: head.dataset.displayName },
    endsAt: null,
    onEntered: () => {
      $('room').hidden = false;
      document.body.classList.add('in-room');
      show(t('inCall', otherName));
    },
    onLeave: () => {
      sendCall({ type: 'hangup', call: callId });
      location.assign(head.dataset.calls);
    },
  });
  try {
    const credential = await api.credential(path);
    await room.enter(credential, { micOff: false, cameraOff: head.dataset.media === 'AUDIO' });
  } catch (error) {
    await room.close();
    room = null;
    $('room').hidden = true;
    document.body.classList.remove('in-room');
    show(explain(error, roomTexts).text);
  }
}

hangUp.addEventListener('click', () => {
  const state = head.dataset.state;
  const type = state === 'RINGING' ? (incoming ? 'reject' : 'cancel') : 'hangup';
  sendCall({ type, call: callId });
});

onCallMessage((message) => {
  if (!message.call || message.call.id !== callId) {
    return;
  }
  head.dataset.state = message.call.state;
  if (message.type === 'accepted') {
    showState('ACCEPTED');
    enter();
  } else if (message.type === 'calling' || message.type === 'ringing') {
    showState('RINGING');
  } else if (message.type === 'ended' || message.type === 'missed') {
    finish(message.call.state);
  }
});

showState(head.dataset.state);
if (head.dataset.state === 'ACCEPTED') {
  enter();
}

window.addEventListener('pagehide', () => {
  if (room) {
    room.close();
  }
});
