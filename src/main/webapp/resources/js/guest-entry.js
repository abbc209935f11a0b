// The guest's way in: the link's token (after "#", so that it never reaches a server log or another site), the
// passcode and a name, exchanged for a guest session; then the meeting's room page.
import { Api } from './media/api.js';
import { textsOf } from './media/texts.js';

const entry = typeof document === 'undefined' ? null : document.getElementById('guest-entry');
const form = entry && document.getElementById('guest-form');

/** The token of a link such as …/guest.xhtml#AbC-12_x: base64url, nothing else. */
export function tokenOf(hash) {
  const token = (hash || '').replace(/^#/, '');
  return /^[A-Za-z0-9_-]{20,100}$/.test(token) ? token : null;
}

if (entry && form) {
  const t = textsOf(entry);
  const token = tokenOf(location.hash);
  const error = document.getElementById('guest-error');
  const button = document.getElementById('guest-enter');
  if (!token) {
    document.getElementById('guest-no-link').hidden = false;
  } else {
    form.hidden = false;
    document.getElementById('guest-name').focus();
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      error.hidden = true;
      button.disabled = true;
      try {
        const session = await new Api(entry.dataset.api, '').post('guest-sessions', {
          token,
          passcode: document.getElementById('guest-passcode').value,
          displayName: document.getElementById('guest-name').value,
        });
        location.assign(session.room);
      } catch (problem) {
        error.textContent = problem.detail || t('unreachable');
        error.hidden = false;
        button.disabled = false;
      }
    });
  }
}
