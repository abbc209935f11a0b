// /calls.xhtml: presence that follows the signalling, and placing a call, which then opens the call view.

import { onCallMessage, presenceOf, sendCall } from './calls-client.js';
import { textsOf } from './media/texts.js';

const page = document.getElementById('calls');
const t = textsOf(page);
const status = document.getElementById('call-status');
let placing = false;

function say(text) {
  status.textContent = text;
  status.hidden = !text;
}

function showPresence(userId, presence) {
  const item = document.querySelector(`.colleague[data-user="${CSS.escape(userId)}"] .presence`);
  if (item) {
    const key = presence.toUpperCase().replace('-', '_');
    item.dataset.presence = key;
    item.textContent = t(`presence.${key}`);
  }
}

for (const button of document.querySelectorAll('[data-call-to]')) {
  button.addEventListener('click', () => {
    if (placing) {
      return;
    }
    placing = true;
    say(t('placing'));
    if (!sendCall({ type: 'invite', to: button.dataset.callTo, media: button.dataset.media })) {
      placing = false;
      say(t('error.offline'));
    }
  });
}

onCallMessage((message) => {
  if (message.type === 'hello') {
    for (const item of document.querySelectorAll('.colleague')) {
      showPresence(item.dataset.user, presenceOf(item.dataset.user));
    }
  } else if (message.type === 'presence') {
    showPresence(message.user, message.presence);
  } else if (message.type === 'calling' && placing) {
    location.assign(`${document.body.dataset.context || ''}/call.xhtml?id=${message.call.id}`);
  } else if (message.type === 'ended' && placing) {
    placing = false;
    say(t(`outcome.${message.call.state}`, message.call.callee.displayName));
  } else if (message.type === 'error' && placing) {
    placing = false;
    say(t(`error.${message.code}`) === `error.${message.code}` ? t('error.other') : t(`error.${message.code}`));
  }
});
