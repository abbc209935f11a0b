// "Copy guest invitation" on a meeting page of its hosts: a new guest link (the older one stops working), put
// into words in the reader's language with the meeting's time, copied, and shown for copying by hand.
import { Api } from './media/api.js';
import { textsOf } from './media/texts.js';

const card = typeof document === 'undefined' ? null : document.getElementById('guest-invitation');

/** The invitation as a guest reads it; its texts come from the page's bundle. */
export function invitationText(t, { host, title, when, url, passcode }) {
  return t('text', host, title, when, url, passcode);
}

if (card) {
  const t = textsOf(card);
  const api = new Api(card.dataset.api, card.dataset.csrf);
  const button = document.getElementById('guest-invitation-copy');
  const status = document.getElementById('guest-invitation-status');
  const shown = document.getElementById('guest-invitation-text');
  button.addEventListener('click', async () => {
    button.disabled = true;
    status.textContent = '';
    try {
      const link = await api.post(`meetings/${card.dataset.meeting}/guest-link`);
      const text = invitationText(t, { host: card.dataset.host, title: card.dataset.title, when: card.dataset.when,
        url: link.url, passcode: link.passcode });
      shown.textContent = text;
      shown.hidden = false;
      try {
        await navigator.clipboard.writeText(text);
        status.textContent = t('copied');
      } catch {
        status.textContent = t('copyByHand');
      }
    } catch (problem) {
      status.textContent = problem.detail || t('failed');
    } finally {
      button.disabled = false;
    }
  });
}
