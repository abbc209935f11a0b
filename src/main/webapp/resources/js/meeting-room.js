// /meeting.xhtml for someone who may join: the lobby (device check, join choices), then the room.

import { onCallMessage, sendCall } from './calls-client.js';
import { Api, ApiProblem } from './media/api.js';
import { DeviceCheck } from './media/device-check.js';
import { explain } from './media/explain.js';
import { Room, roomElements } from './media/room.js';
import { textsOf } from './media/texts.js';
import { RoomChat } from './room-chat.js';

const $ = (id) => document.getElementById(id);
const lobby = $('lobby');
const t = textsOf(lobby);
const api = new Api(lobby.dataset.api, lobby.dataset.csrf);
const meetingId = lobby.dataset.meeting;
const join = $('join');
const status = $('join-status');
const micOff = $('join-mic-off');
const cameraOff = $('join-camera-off');
const check = new DeviceCheck(t);
let room = null;

/** How often a person in the waiting room asks again, should the signal of a host's decision be lost. */
const WAITING_RETRY_MS = 3000;
/** Ends the current wait in the waiting room at once: a host decided, or one came. */
let wake = () => {};
/** Why nothing on this page may enter any more: a host ended the meeting, or took this person out. */
let closedText = null;

/** How often a page in the room repeats to the portal that it is there (the server's RosterService.REPEAT). */
const PRESENCE_REPEAT_MS = 20000;
/** How often the roster is read again, should a signal that it changed be lost. */
const ROSTER_REFRESH_MS = 15000;
/** What this page sends, as the room last said: announced to the portal for everyone's roster. */
let sending = { mic: false, camera: false, screen: false };
let lastAnnounced = '';
/** Whether this person's hand is up: shown to everyone in the roster. */
let handRaised = false;
/** A host the meeting names (the page has "End for all"); a co-host becomes one of the hosts by the roster. */
const isHost = Boolean($('end-for-all'));
let isCoHost = false;
const runsTheRoom = () => isHost || isCoHost;
const chat = $('chat-panel') ? new RoomChat({
  api, meetingId, t, runsTheRoom, onReaction: (userId, symbol, label) => room && room.showReaction(userId, symbol, label),
}) : null;

onCallMessage((message) => {
  if (message.type === 'hello') {
    // A new connection: the portal knows this page's presence by connection, so it says it again, and the
    // chat is read again for what was said while the socket was away.
    announce(true);
    if (chat && room && !$('room').hidden) {
      chat.load();
    }
    return;
  }
  if (message.type !== 'room' || String(message.meeting) !== meetingId) {
    return;
  }
  if (chat && /^(chat|chat-settings|chat-cleared|reaction)$/.test(message.event)) {
    chat.onSignal(message);
  } else if (message.event === 'roster') {
    showRoster();
  } else if (message.event === 'lower-hand') {
    raiseHand(false);
  } else if (room && message.event === 'mute') {
    room.muteMicrophone();
    room.notice('host', t('mutedByHost'));
  } else if (room && (message.event === 'stop-video' || message.event === 'stop-screen')) {
    (message.event === 'stop-video' ? room.stopCamera() : room.stopSharing());
    room.notice('host', t('stoppedByHost'));
  } else if (room && message.event === 'mute-all' && !runsTheRoom()) {
    room.muteMicrophone();
    room.notice('host', t('mutedByHost'));
  } else if (room && message.event === 'privileges') {
    room.renewNow();
  }
  if (message.event === 'ended') {
    closedByHost(t('endedByHost'));
  } else if (message.event === 'removed') {
    closedByHost(t('removedByHost'));
  } else if (message.event === 'cloud') {
    showCloudCalls();
  }
  wake();
});

/** Tells the portal this page is in the room and what it sends: when that changes, and again every little while. */
function announce(again) {
  if (!room || closedText || $('room').hidden) {
    return;
  }
  const message = { type: 'room-presence', meeting: Number(meetingId), ...sending, hand: handRaised };
  const text = JSON.stringify(message);
  if ((again || text !== lastAnnounced) && sendCall(message)) {
    lastAnnounced = text;
  }
}

function leaveRoster() {
  sendCall({ type: 'room-leave', meeting: Number(meetingId) });
}

/** The participants panel from the portal's roster: who is in, their role, what they send, a raised hand. */
async function showRoster() {
  if (!room) {
    return;
  }
  try {
    const entries = await api.get(`meetings/${meetingId}/roster`);
    const me = entries.find((entry) => room && entry.userId === room.self.userId);
    isCoHost = Boolean(me && me.role === 'COHOST');
    const controls = $('host-controls');
    if (controls) {
      controls.hidden = !runsTheRoom();
    }
    if (chat) {
      chat.rolesChanged();
    }
    if (room) {
      room.setRoster(entries, describe);
      $('people-title').textContent = t('roster.title', entries.length);
    }
  } catch {
    // The next signal or the next refresh tries again.
  }
}

function describe(item, entry, self) {
  item.dataset.role = entry.role;
  item.dataset.mic = String(entry.micOn);
  item.dataset.camera = String(entry.cameraOn);
  let details = item.querySelector('.person-details');
  if (!details) {
    details = document.createElement('span');
    details.className = 'person-details muted';
    item.querySelector('.person-name').after(details);
  }
  const parts = [t(`roster.role.${entry.role}`), t(entry.micOn ? 'roster.micOn' : 'roster.micOff'),
    t(entry.cameraOn ? 'roster.cameraOn' : 'roster.cameraOff')];
  if (entry.guest) {
    parts.splice(1, 0, t('roster.guest'));
    item.dataset.guest = 'true';
  }
  if (entry.sharingScreen) {
    parts.push(t('roster.sharing'));
  }
  if (entry.handRaisedAt) {
    parts.push(t('roster.hand'));
  }
  details.textContent = ` ${parts.join(' · ')}`;
  // Rebuilt only when they would differ: a keyboard user's focus on a button must survive a roster refresh.
  const wanted = runsTheRoom() && !self && entry.role !== 'HOST'
    ? JSON.stringify([entry.role, entry.micOn, entry.cameraOn, entry.sharingScreen, Boolean(entry.handRaisedAt), isHost])
    : '';
  if (item.dataset.controls !== wanted) {
    item.dataset.controls = wanted;
    item.querySelector('.person-controls')?.remove();
    if (wanted) {
      item.append(personControls(entry));
    }
  }
}

/** The hosts' buttons for one person: stop what they send, co-host, remove. */
function personControls(entry) {
  const controls = document.createElement('span');
  controls.className = 'person-controls';
  const name = entry.displayName;
  const add = (label, accessibleName, className, onClick) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = `button secondary small ${className}`;
    button.textContent = label;
    button.setAttribute('aria-label', accessibleName);
    button.addEventListener('click', onClick);
    controls.append(button);
  };
  const person = `meetings/${meetingId}/participants/${encodeURIComponent(entry.userId)}`;
  const mayResume = () => !$('hold').checked;
  if (entry.handRaisedAt) {
    add(t('roster.lowerHand'), t('roster.lowerHandName', name), 'lower-hand', () => act(`${person}/lower-hand`));
  }
  if (entry.role === 'ATTENDEE') {
    if (entry.micOn) {
      add(t('roster.mute'), t('roster.muteName', name), 'mute', () => act(`${person}/mute`, { mayUnmute: mayResume() }));
    }
    if (entry.cameraOn) {
      add(t('roster.stopVideo'), t('roster.stopVideoName', name), 'stop-video',
        () => act(`${person}/stop-video`, { mayRestart: mayResume() }));
    }
    if (entry.sharingScreen) {
      add(t('roster.stopScreen'), t('roster.stopScreenName', name), 'stop-screen',
        () => act(`${person}/stop-screen`, { mayRestart: mayResume() }));
    }
    // Running the room takes someone the company knows: no guest is offered it.
    if (isHost && !entry.guest) {
      add(t('roster.makeCoHost'), t('roster.makeCoHostName', name), 'make-cohost', () => act(`${person}/make-cohost`));
    }
  } else if (isHost) {
    add(t('roster.revokeCoHost'), t('roster.revokeCoHostName', name), 'revoke-cohost', () => act(`${person}/revoke-cohost`));
  }
  add(t('roster.remove'), t('roster.removeName', name), 'remove', () => askToRemove(entry));
  return controls;
}

/** One host action from the panel; a refusal shows in the room's banner. */
async function act(path, payload) {
  try {
    await api.post(path, payload);
    room.notice('control', null);
  } catch (error) {
    room.notice('control', explain(error, t).text);
  }
  showRoster();
}

/** A host removes someone after saying yes in the page's own dialog; the signal then takes their pages out. */
function askToRemove(entry) {
  const dialog = $('remove-dialog');
  $('remove-dialog-text').textContent = t('roster.removeConfirm', entry.displayName);
  $('remove-confirm').onclick = async () => {
    dialog.close();
    try {
      await api.post(`meetings/${meetingId}/participants/${encodeURIComponent(entry.userId)}/remove`);
      room.notice('remove', null);
    } catch (error) {
      room.notice('remove', explain(error, t).text);
    }
    showRoster();
  };
  dialog.showModal();
}

/** Only hosts hear this: Tencent Cloud has not confirmed a removal or an end yet; the portal keeps trying. */
async function showCloudCalls() {
  let text = '';
  try {
    const open = (await api.get(`meetings/${meetingId}/cloud-calls`)).filter((call) => call.state !== 'DONE');
    if (open.length > 0) {
      text = t(open.some((call) => call.state === 'GIVEN_UP') ? 'cloud.givenUp' : 'cloud.retrying', open.length);
    }
  } catch {
    return;
  }
  if (room) {
    room.notice('cloud', text);
  } else {
    status.textContent = text;
  }
}

/** This page leaves at once, and says why; the server refuses its credentials from now on. */
async function closedByHost(text) {
  leaveRoster();
  closedText = text;
  join.disabled = true;
  check.stop();
  if (room) {
    await room.fail(text);
  } else {
    status.textContent = '';
    showJoinError(new ApiProblem(409, text));
  }
}

/** Whether the server said "not yet": a host has to let this person in, or has to come first. */
function isWaiting(error) {
  return error instanceof ApiProblem && error.status === 409 && /credentials\.waiting(ForHost)?$/.test(error.type);
}

/** The credential, after as long in the waiting room as the hosts take; the device preview stays on meanwhile. */
async function credentialAfterWaiting(path) {
  for (;;) {
    try {
      return await api.credential(path);
    } catch (error) {
      if (!isWaiting(error)) {
        throw error;
      }
      lobby.dataset.waiting = 'true';
      status.textContent = error.detail;
      await new Promise((resolve) => {
        wake = resolve;
        setTimeout(resolve, WAITING_RETRY_MS);
      });
    }
  }
}

function showJoinError(error) {
  const { text, action } = explain(error, t);
  $('join-error-text').textContent = text;
  const button = $('join-error-action');
  button.hidden = !action;
  if (action) {
    button.textContent = action.label;
    button.onclick = action.run;
  }
  $('join-error').hidden = false;
}

async function participantNames() {
  try {
    const people = await api.get(`meetings/${meetingId}/participants`);
    return new Map(people.map((person) => [person.userId, person.displayName]));
  } catch {
    return new Map();
  }
}

async function enter() {
  join.disabled = true;
  $('join-error').hidden = true;
  status.textContent = t('joining');
  const credentialPath = `meetings/${meetingId}/credentials`;
  let previewStopped = false;
  try {
    const [credential, names] = await Promise.all([credentialAfterWaiting(credentialPath), participantNames()]);
    delete lobby.dataset.waiting;
    status.textContent = t('joining');
    const choices = { ...check.choices(), micOff: Boolean(micOff && micOff.checked), cameraOff: Boolean(cameraOff && cameraOff.checked) };
    check.stop();
    previewStopped = true;
    room = new Room({
      elements: roomElements(),
      t,
      fetchCredential: () => api.credential(credentialPath),
      names,
      self: { userId: credential.userId, name: lobby.dataset.displayName },
      endsAt: Date.parse(lobby.dataset.endsAt),
      endsAtText: lobby.dataset.endsAtText,
      onEntered: () => {
        lobby.hidden = true;
        $('room').hidden = false;
        document.body.classList.add('in-room');
        announce(true);
        showRoster();
        if (chat) {
          chat.load();
        }
      },
      onState: (state) => {
        sending = state;
        announce(false);
      },
      onLeave: () => {
        leaveRoster();
        location.assign(lobby.dataset.home);
      },
    });
    await room.enter(credential, choices);
    status.textContent = '';
  } catch (error) {
    if (room) {
      await room.close();
      room = null;
    }
    lobby.hidden = false;
    $('room').hidden = true;
    document.body.classList.remove('in-room');
    status.textContent = '';
    delete lobby.dataset.waiting;
    showJoinError(closedText ? new ApiProblem(409, closedText) : error);
    join.disabled = closedText !== null;
    if (previewStopped && !closedText) {
      check.start().catch(() => {});
    }
  }
}

/** A host ends the meeting for everyone, after saying yes; the signal then takes every page out, this one too. */
async function endForAll(button) {
  $('end-dialog').close();
  button.disabled = true;
  try {
    await api.post(`meetings/${meetingId}/end`);
  } catch (error) {
    button.disabled = false;
    if (room) {
      room.notice('end', explain(error, t).text);
    } else {
      showJoinError(error);
    }
  }
}

/** Raises or lowers this person's hand: by their own button, or because a host lowered it. */
function raiseHand(raised) {
  const hand = $('raise-hand');
  handRaised = raised;
  if (hand) {
    hand.setAttribute('aria-pressed', String(raised));
    hand.textContent = raised ? hand.dataset.lower : hand.dataset.raise;
  }
  announce(false);
}

async function start() {
  if (micOff) {
    micOff.checked = lobby.dataset.muteOnEntry === 'true';
  }
  if (cameraOff) {
    cameraOff.addEventListener('change', () => check.setCameraWanted(!cameraOff.checked));
  }
  setInterval(() => announce(true), PRESENCE_REPEAT_MS);
  setInterval(showRoster, ROSTER_REFRESH_MS);
  const hand = $('raise-hand');
  if (hand) {
    hand.addEventListener('click', () => raiseHand(!handRaised));
  }
  if ($('remove-cancel')) {
    $('remove-cancel').addEventListener('click', () => $('remove-dialog').close());
    $('mute-all').addEventListener('click', () => act(`meetings/${meetingId}/mute-all`, { mayUnmute: !$('hold').checked }));
  }
  join.addEventListener('click', enter);
  const end = $('end-for-all');
  if (end) {
    end.addEventListener('click', () => $('end-dialog').showModal());
    $('end-cancel').addEventListener('click', () => $('end-dialog').close());
    $('end-confirm').addEventListener('click', () => endForAll(end));
  }
  if (lobby.dataset.state !== 'OPEN') {
    status.textContent = t('notOpenYet');
  }
  if (typeof TRTC === 'undefined') {
    showJoinError({ code: 5200 });
    return;
  }
  // Joining never waits for the device check: an unanswered permission prompt must not lock the door.
  join.disabled = lobby.dataset.state !== 'OPEN';
  try {
    await check.start();
  } catch (error) {
    showJoinError(error);
  }
  lobby.dataset.ready = 'true';
}

// Back from the browser's page cache after leaving: the room in it is closed for good.
window.addEventListener('pageshow', (event) => {
  if (event.persisted && room) {
    location.reload();
  }
});

window.addEventListener('pagehide', () => {
  if (room) {
    room.close();
  }
});

start();
