// The room's video grid: one tile per person (their camera, or their initials while it is off) and one per
// screen share. Tiles are keyed by TRTC userId and stream type ('main' or 'sub'); the local person is ''.

export const LOCAL = '';
/** How long a reaction stays over a tile. */
const REACTION_MS = 4000;

export class TileGrid {
  constructor(container, t) {
    this.container = container;
    this.t = t;
    this.tiles = new Map();
  }

  static key(userId, streamType) {
    return `${userId}\u0000${streamType}`;
  }

  /**
   * The tile for a person's stream, created on first use; returns the element the SDK draws video into.
   * `label` is what the caption says, if not just the name (e.g. "Ann (you)").
   */
  ensure(userId, streamType, name, label = name) {
    const key = TileGrid.key(userId, streamType);
    let tile = this.tiles.get(key);
    if (!tile) {
      tile = this.create(userId, streamType, name, label);
      this.tiles.set(key, tile);
      this.container.append(tile);
      this.layout();
    }
    return tile.querySelector('.tile-video');
  }

  create(userId, streamType, name, label) {
    const tile = document.createElement('figure');
    tile.className = streamType === 'sub' ? 'tile screen' : 'tile camera-off';
    tile.dataset.user = userId;
    tile.dataset.stream = streamType;
    const video = document.createElement('div');
    video.className = 'tile-video';
    const avatar = document.createElement('div');
    avatar.className = 'tile-avatar';
    avatar.setAttribute('aria-hidden', 'true');
    avatar.textContent = initials(name);
    const caption = document.createElement('figcaption');
    const title = document.createElement('span');
    title.className = 'tile-name';
    title.textContent = streamType === 'sub' ? this.t('screenOf', name) : label;
    const mic = micOffIcon(this.t);
    mic.hidden = true;
    caption.append(title, mic);
    tile.append(video, avatar, caption);
    return tile;
  }

  /** The tile element itself, if there is one. */
  get(userId, streamType) {
    return this.tiles.get(TileGrid.key(userId, streamType)) || null;
  }

  remove(userId, streamType) {
    const key = TileGrid.key(userId, streamType);
    const tile = this.tiles.get(key);
    if (tile) {
      tile.remove();
      this.tiles.delete(key);
      this.layout();
    }
  }

  removeUser(userId) {
    this.remove(userId, 'main');
    this.remove(userId, 'sub');
  }

  clear() {
    this.container.replaceChildren();
    this.tiles.clear();
    this.layout();
  }

  setVideo(userId, on) {
    const tile = this.get(userId, 'main');
    if (tile) {
      tile.classList.toggle('camera-off', !on);
    }
  }

  setMicOff(userId, off) {
    const tile = this.get(userId, 'main');
    if (tile) {
      tile.querySelector('.mic-off').hidden = !off;
    }
  }

  /** A raised hand on the person's tile, with its name for screen readers. */
  setHand(userId, raised) {
    const tile = this.get(userId, 'main');
    if (!tile) {
      return;
    }
    let hand = tile.querySelector('.tile-hand');
    if (!hand && raised) {
      hand = document.createElement('span');
      hand.className = 'tile-hand';
      hand.setAttribute('role', 'img');
      hand.setAttribute('aria-label', this.t('roster.hand'));
      hand.textContent = '\u270B';
      tile.append(hand);
    }
    if (hand) {
      hand.hidden = !raised;
    }
  }

  /** A reaction over the person's tile for a moment; false when they have no tile. */
  showReaction(userId, symbol, label) {
    const tile = this.get(userId, 'main');
    if (tile) {
      TileGrid.flash(tile, symbol, label);
    }
    return Boolean(tile);
  }

  /** A reaction in an element for a moment. */
  static flash(element, symbol, label) {
    const reaction = document.createElement('span');
    reaction.className = 'tile-reaction';
    reaction.setAttribute('role', 'img');
    reaction.setAttribute('aria-label', label);
    reaction.textContent = symbol;
    element.append(reaction);
    setTimeout(() => reaction.remove(), REACTION_MS);
  }

  /** Marks who is speaking now; everybody else stops being marked. */
  setSpeaking(speakingUserIds) {
    for (const tile of this.tiles.values()) {
      tile.classList.toggle('speaking', tile.dataset.stream === 'main' && speakingUserIds.has(tile.dataset.user));
    }
  }

  /** Columns grow with the number of tiles, so that every tile stays as large as the room allows. */
  layout() {
    const count = Math.max(1, this.tiles.size);
    this.container.dataset.count = String(count);
    this.container.classList.toggle('has-screen', [...this.tiles.values()].some((t) => t.dataset.stream === 'sub'));
  }
}

/** The muted-microphone mark, for tiles and the people list alike. */
export function micOffIcon(t) {
  const mic = document.createElement('span');
  mic.className = 'mic-off';
  mic.setAttribute('role', 'img');
  mic.setAttribute('aria-label', t('micIsOff'));
  mic.title = t('micIsOff');
  return mic;
}

function initials(name) {
  const words = String(name || '?').trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? words[0][0] + words[words.length - 1][0] : (words[0] || '?').slice(0, 2);
  return letters.toUpperCase();
}
