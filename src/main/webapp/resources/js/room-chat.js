// The room's chat panel and reactions on /meeting.xhtml: what people say without speaking. The portal keeps the
// chat's order (a message's id); this page shows it, and shows every text as text, never as markup.

import { explain } from './media/explain.js';

/** The reactions the portal accepts, and what each looks like. */
export const REACTIONS = {
  'thumbs-up': '\u{1F44D}', clap: '\u{1F44F}', laugh: '\u{1F602}', surprised: '\u{1F62E}', heart: '\u2764\uFE0F',
  celebrate: '\u{1F389}',
};

/** Where a message goes among those shown: after every message with a smaller id. */
export function placeOf(ids, id) {
  let position = ids.length;
  while (position > 0 && ids[position - 1] > id) {
    position -= 1;
  }
  return position;
}

export class RoomChat {
  /**
   * @param options.api          the portal's API
   * @param options.meetingId    the meeting
   * @param options.t            the page's texts
   * @param options.runsTheRoom  () => whether this person is a host or co-host now
   * @param options.onReaction   (userId, symbol, label) => shows a reaction over someone's tile
   */
  constructor(options) {
    Object.assign(this, options);
    const $ = (id) => document.getElementById(id);
    this.list = $('chat-messages');
    this.text = $('chat-text');
    this.send = $('chat-send');
    this.state = $('chat-state');
    this.hostBox = $('chat-host');
    this.closeBox = $('chat-close');
    this.ids = [];
    this.closed = false;
    this.mayWrite = false;
    $('chat-transcript').href = `${this.api.base}meetings/${this.meetingId}/chat/transcript`;
    this.send.addEventListener('click', () => this.submit());
    // Enter sends, Shift+Enter starts a new line: as in every chat people know.
    this.text.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        this.submit();
      }
    });
    this.closeBox.addEventListener('change', () => this.closeToAttendees(this.closeBox.checked));
    document.querySelectorAll('.reaction[data-reaction]').forEach((button) => {
      button.addEventListener('click', () => this.react(button.dataset.reaction));
    });
  }

  /** Everything said so far: on entering the room, and after the socket came back (signals may have been lost). */
  async load() {
    try {
      const chat = await this.api.get(`meetings/${this.meetingId}/chat`);
      this.list.replaceChildren();
      this.ids = [];
      chat.messages.forEach((message) => this.show(message));
      this.settle(chat.closedToAttendees, chat.youMayWrite);
    } catch (error) {
      this.state.textContent = explain(error, this.t).text;
    }
  }

  /** A room signal: a message, a host's choice, an admin's deletion, a reaction. */
  onSignal(message) {
    const detail = message.detail || {};
    if (message.event === 'chat' && typeof detail.text !== 'string') {
      // Too long for a signal: the page reads the chat again.
      this.load();
    } else if (message.event === 'chat') {
      this.show(detail);
    } else if (message.event === 'chat-settings') {
      this.settle(Boolean(detail.closed), !detail.closed || this.runsTheRoom());
    } else if (message.event === 'chat-cleared') {
      this.list.replaceChildren();
      this.ids = [];
      this.state.textContent = this.t('chat.cleared');
    } else if (message.event === 'reaction' && REACTIONS[detail.reaction]) {
      this.onReaction(detail.userId, REACTIONS[detail.reaction],
        this.t('reaction.from', detail.displayName, this.t(`reaction.${detail.reaction}`)));
    }
  }

  /** Whether attendees may write, whether this person may, and the host's box to change it. */
  settle(closed, mayWrite) {
    this.closed = closed;
    this.mayWrite = mayWrite;
    this.hostBox.hidden = !this.runsTheRoom();
    this.closeBox.checked = closed;
    this.text.disabled = !mayWrite;
    this.send.disabled = !mayWrite;
    this.state.textContent = closed && !mayWrite ? this.t('chat.closed') : '';
  }

  /** Hosts and co-hosts see the box once the roster says they run the room. */
  rolesChanged() {
    this.settle(this.closed, !this.closed || this.runsTheRoom());
  }

  show(message) {
    if (typeof message.id !== 'number' || this.ids.includes(message.id)) {
      return;
    }
    const item = document.createElement('li');
    item.className = 'chat-message';
    item.dataset.id = String(message.id);
    item.dataset.user = message.userId;
    const from = document.createElement('span');
    from.className = 'chat-from';
    const time = new Date(message.sentAt).toLocaleTimeString(document.documentElement.lang || undefined,
      { hour: '2-digit', minute: '2-digit' });
    from.textContent = this.t('chat.from', message.displayName, time);
    const text = document.createElement('p');
    text.className = 'chat-text';
    text.textContent = message.text;
    item.append(from, text);
    const position = placeOf(this.ids, message.id);
    this.list.insertBefore(item, this.list.children[position] || null);
    this.ids.splice(position, 0, message.id);
    this.list.scrollTop = this.list.scrollHeight;
  }

  async submit() {
    const text = this.text.value;
    if (!text.trim() || !this.mayWrite) {
      return;
    }
    this.send.disabled = true;
    try {
      const sent = await this.api.post(`meetings/${this.meetingId}/chat`, { text });
      this.show(sent);
      this.text.value = '';
      this.state.textContent = '';
    } catch (error) {
      this.state.textContent = this.t('chat.failed', explain(error, this.t).text);
    } finally {
      this.send.disabled = !this.mayWrite;
      this.text.focus();
    }
  }

  async closeToAttendees(closed) {
    try {
      await this.api.put(`meetings/${this.meetingId}/chat/settings`, { closedToAttendees: closed });
    } catch (error) {
      this.closeBox.checked = !closed;
      this.state.textContent = explain(error, this.t).text;
    }
  }

  async react(reaction) {
    try {
      await this.api.post(`meetings/${this.meetingId}/reactions`, { reaction });
    } catch (error) {
      this.state.textContent = explain(error, this.t).text;
    }
  }
}
