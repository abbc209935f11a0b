// One stay in a TRTC room, for a meeting or a call: enter with a server-issued credential, publish what the
// server's privileges allow, show everybody as tiles, keep the credential fresh, explain every failure, leave.
// The page decides where the credential comes from and what happens after leaving.

import { ApiProblem } from './api.js';
import { fillChooser, listDevices } from './devices.js';
import { explain, isAbort, isExpiredCredential, isRejoinFailure, Unreachable } from './explain.js';
import { LOCAL, TileGrid, micOffIcon } from './tiles.js';

const SEND_AUDIO = 4;
const SEND_VIDEO = 16;
const SEND_SCREEN = 64;
/** How long entering may take before the page says the video service cannot be reached. */
export const ENTRY_TIMEOUT_MS = 15000;
/** A fresh credential is fetched this long before the current one expires, or a quarter of its life if longer. */
const MIN_REFRESH_LEAD_MS = 10000;
const RETRY_REFRESH_MS = 10000;
const MIN_REFRESH_DELAY_MS = 5000;
const ENDING_NOTICE_MS = 5 * 60 * 1000;
const SPEAKING_VOLUME = 10;
const VOLUME_INTERVAL_MS = 300;
const QUALITY = ['unknown', 'excellent', 'good', 'average', 'poor', 'veryPoor', 'disconnected'];

/** The elements of WEB-INF/includes/room.xhtml, as Room wants them. */
export function roomElements() {
  const $ = (id) => document.getElementById(id);
  return {
    tiles: $('tiles'), people: $('people'), banner: $('room-banner'), error: $('room-error'),
    errorText: $('room-error-text'), viewOnly: $('room-view-only'), enableSound: $('enable-sound'),
    body: document.querySelector('#room .room-body'), controls: document.querySelector('#room .controls'),
    mic: $('toggle-mic'), camera: $('toggle-camera'), screen: $('toggle-screen'), leave: $('leave'),
    cameraSelect: $('room-camera'), microphoneSelect: $('room-microphone'), speakerSelect: $('room-speaker'),
    network: $('network'),
  };
}

export class Room {
  /**
   * @param options.elements  the room's elements (see meeting.xhtml: tiles, people, banner, error, controls)
   * @param options.t         the page's texts
   * @param options.fetchCredential  () => Promise of a credential answer with validForMs and serverOffsetMs
   * @param options.names     Map of TRTC userId to display name
   * @param options.self      { userId, name }
   * @param options.endsAt    when the meeting ends (ms since the epoch, server time), or null for calls
   * @param options.onLeave   called after leaving by the person's own choice
   * @param options.onState   called with {mic, camera, screen} (true: sending) whenever that may have changed
   */
  constructor(options) {
    Object.assign(this, options);
    this.entryTimeoutMs = options.entryTimeoutMs || ENTRY_TIMEOUT_MS;
    this.tiles = new TileGrid(this.elements.tiles, this.t);
    this.present = new Map();
    this.inVideo = new Set();
    this.roster = new Map();
    this.audible = new Set();
    this.notices = new Map();
    this.timers = new Set();
    this.trtc = null;
    this.closed = false;
    this.micStarted = false;
    this.micOff = true;
    this.cameraStarted = false;
    this.cameraOff = true;
    this.sharing = false;
    this.pending = new Set();
    this.failed = false;
  }

  /** Remembers a start of capture until it settles, so that closing can wait for it and then stop it. */
  track(promise) {
    this.pending.add(promise);
    const forget = () => this.pending.delete(promise);
    promise.then(forget, forget);
    return promise;
  }

  nameOf(userId) {
    return userId === LOCAL ? this.self.name : (this.names.get(userId) || userId);
  }

  /** Enters with this credential and starts the chosen devices; rejects if the room cannot be entered. */
  async enter(credential, choices) {
    this.credential = credential;
    this.choices = choices;
    TRTC.setLogLevel(3, false);
    this.trtc = TRTC.create({ enableAutoPlayDialog: false });
    this.listen();
    try {
      await this.enterWithin(this.credential);
    } catch (error) {
      if (!isExpiredCredential(error)) {
        throw error;
      }
      // The UserSig expired between issue and entry (a sleeping laptop): one more try with a fresh one.
      this.credential = await this.fetchCredential();
      await this.enterWithin(this.credential);
    }
    this.wireControls();
    this.elements.viewOnly.hidden = this.mayPublishAudio || this.mayPublishVideo;
    this.render();
    if (this.onEntered) {
      this.onEntered();
    }
    this.trtc.enableAudioVolumeEvaluation(VOLUME_INTERVAL_MS);
    this.addPerson(LOCAL);
    await this.startLocal(choices);
    if (this.closed) {
      return;
    }
    this.scheduleRefresh();
    this.scheduleEndingNotice();
    await this.fillDeviceChoosers();
  }

  async enterWithin(credential) {
    let timer;
    const timeout = new Promise((resolve, reject) => {
      timer = setTimeout(() => reject(new Unreachable()), this.entryTimeoutMs);
    });
    try {
      await Promise.race([this.trtc.enterRoom({
        sdkAppId: credential.sdkAppId,
        userId: credential.userId,
        userSig: credential.userSig,
        roomId: credential.roomId,
        privateMapKey: credential.privateMapKey,
      }), timeout]);
    } catch (error) {
      if (error instanceof Unreachable) {
        this.trtc.exitRoom().catch(() => {});
      }
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  get mayPublishAudio() {
    return (this.credential.privileges & SEND_AUDIO) !== 0;
  }

  get mayPublishVideo() {
    return (this.credential.privileges & SEND_VIDEO) !== 0;
  }

  get mayShareScreen() {
    return (this.credential.privileges & SEND_SCREEN) !== 0 && Boolean(navigator.mediaDevices?.getDisplayMedia);
  }

  async startLocal(choices) {
    this.tiles.ensure(LOCAL, 'main', this.self.name, this.t('you', this.self.name));
    this.tiles.setMicOff(LOCAL, true);
    if (this.mayPublishAudio) {
      try {
        await this.track(this.trtc.startLocalAudio({
          mute: choices.micOff, option: { microphoneId: choices.microphoneId || undefined } }));
        this.micStarted = true;
        this.micOff = choices.micOff;
      } catch (error) {
        this.notice('mic', explain(error, this.t).text);
      }
    }
    if (this.mayPublishVideo && !choices.cameraOff && !this.closed) {
      await this.startCamera(choices.cameraId);
    }
    if (choices.speakerId) {
      TRTC.setCurrentSpeaker(choices.speakerId).catch(() => {});
    }
    this.render();
  }

  async startCamera(cameraId) {
    try {
      await this.track(this.trtc.startLocalVideo({
        view: this.tiles.ensure(LOCAL, 'main'), option: { cameraId: cameraId || undefined } }));
      this.cameraStarted = true;
      this.cameraOff = false;
      this.notice('camera', null);
    } catch (error) {
      this.notice('camera', explain(error, this.t).text);
    }
  }

  listen() {
    const E = TRTC.EVENT;
    const on = (event, handler) => this.trtc.on(event, (payload) => {
      if (!this.closed) {
        handler(payload || {});
      }
    });
    on(E.REMOTE_USER_ENTER, ({ userId }) => this.addPerson(userId));
    on(E.REMOTE_USER_EXIT, ({ userId }) => this.removePerson(userId));
    on(E.REMOTE_VIDEO_AVAILABLE, ({ userId, streamType }) => this.showRemoteVideo(userId, streamType));
    on(E.REMOTE_VIDEO_UNAVAILABLE, ({ userId, streamType }) => {
      if (streamType === 'sub') {
        this.tiles.remove(userId, 'sub');
      } else {
        this.tiles.setVideo(userId, false);
      }
    });
    on(E.REMOTE_AUDIO_AVAILABLE, ({ userId }) => {
      this.audible.add(userId);
      this.addPerson(userId);
      this.setMicOff(userId, false);
    });
    on(E.REMOTE_AUDIO_UNAVAILABLE, ({ userId }) => {
      this.audible.delete(userId);
      this.setMicOff(userId, true);
    });
    on(E.AUDIO_VOLUME, ({ result }) => this.showSpeaking(result || []));
    on(E.NETWORK_QUALITY, (quality) => this.showNetwork(quality));
    on(E.CONNECTION_STATE_CHANGED, ({ state, prevState, isReconnecting }) => {
      const reconnecting = isReconnecting || state === 'RECONNECTING' || (state === 'CONNECTING' && prevState === 'CONNECTED');
      if (reconnecting) {
        this.notice('connection', this.t('reconnecting'));
      } else if (state === 'CONNECTED' || state === 'RECONNECTED') {
        this.notice('connection', null);
      }
    });
    on(E.AUTOPLAY_FAILED, (event) => {
      const button = this.elements.enableSound;
      button.hidden = false;
      button.onclick = () => {
        button.hidden = true;
        if (typeof event.resume === 'function') {
          event.resume();
        }
      };
    });
    on(E.KICKED_OUT, ({ reason }) => this.fail(this.t(`kicked.${reason}`) === `kicked.${reason}`
      ? this.t('kicked.other', reason) : this.t(`kicked.${reason}`)));
    on(E.ERROR, (error) => (isRejoinFailure(error) ? this.reenter() : this.fail(explain(error, this.t).text)));
    on(E.SCREEN_SHARE_STOPPED, () => this.screenShareEnded());
    on(E.DEVICE_CHANGED, () => this.fillDeviceChoosers());
  }

  /** The person's line in the people list, made when first needed: by the video service or the portal's roster. */
  listed(userId) {
    if (!this.present.has(userId)) {
      const item = document.createElement('li');
      item.dataset.user = userId;
      const name = document.createElement('span');
      name.className = 'person-name';
      name.textContent = userId === LOCAL ? this.t('you', this.self.name) : this.nameOf(userId);
      item.append(name, micOffIcon(this.t));
      this.present.set(userId, item);
      this.elements.people.append(item);
    }
    return this.present.get(userId);
  }

  addPerson(userId) {
    this.inVideo.add(userId);
    this.listed(userId);
    if (userId !== LOCAL) {
      this.tiles.ensure(userId, 'main', this.nameOf(userId));
      this.setMicOff(userId, !this.audible.has(userId));
    }
  }

  removePerson(userId) {
    this.inVideo.delete(userId);
    this.tiles.removeUser(userId);
    this.audible.delete(userId);
    this.unlistUnlessPresent(userId);
  }

  /** A person leaves the list once neither the video service nor the portal's roster has them. */
  unlistUnlessPresent(userId) {
    const item = this.present.get(userId);
    if (item && !this.inVideo.has(userId) && !this.roster.has(userId)) {
      item.remove();
      this.present.delete(userId);
    }
  }

  /**
   * The portal's roster of the room (GET .../roster): everyone in it is listed, the video service not yet
   * showing them or not, and {@code decorate(item, entry)} adds what the portal knows: role, states, controls.
   */
  setRoster(entries, decorate) {
    const previous = [...this.roster.keys()];
    this.roster = new Map(entries.map((entry) => [entry.userId === this.self.userId ? LOCAL : entry.userId, entry]));
    this.names = new Map([...this.names, ...entries.map((entry) => [entry.userId, entry.displayName])]);
    let position = 0;
    for (const [userId, entry] of this.roster) {
      const item = this.listed(userId);
      // Moved only when out of place: moving a node takes the keyboard's focus from it.
      const there = this.elements.people.children[position];
      if (there !== item) {
        this.elements.people.insertBefore(item, there || null);
      }
      position += 1;
      decorate(item, entry, userId === LOCAL);
      this.tiles.setHand(userId, Boolean(entry.handRaisedAt));
    }
    previous.forEach((userId) => this.unlistUnlessPresent(userId));
  }

  /** Someone's reaction for a moment: over their tile, or beside their name while the video shows none. */
  showReaction(userId, symbol, label) {
    const key = userId === this.self.userId ? LOCAL : userId;
    if (!this.tiles.showReaction(key, symbol, label) && this.present.has(key)) {
      TileGrid.flash(this.present.get(key), symbol, label);
    }
  }

  showRemoteVideo(userId, streamType) {
    this.addPerson(userId);
    const view = this.tiles.ensure(userId, streamType, this.nameOf(userId));
    if (streamType === 'main') {
      this.tiles.setVideo(userId, true);
    }
    this.trtc.startRemoteVideo({ userId, streamType, view }).catch((error) => {
      if (!isAbort(error)) {
        console.warn('remote video', userId, streamType, error);
      }
    });
  }

  setMicOff(userId, off) {
    this.tiles.setMicOff(userId, off);
    const item = this.present.get(userId);
    if (item) {
      item.querySelector('.mic-off').hidden = !off;
    }
  }

  showSpeaking(result) {
    const speaking = new Set(result.filter((r) => r.volume > SPEAKING_VOLUME).map((r) => r.userId || LOCAL));
    if (this.micOff) {
      speaking.delete(LOCAL);
    }
    this.tiles.setSpeaking(speaking);
    for (const [userId, item] of this.present) {
      item.classList.toggle('speaking', speaking.has(userId));
    }
  }

  showNetwork({ uplinkNetworkQuality = 0, downlinkNetworkQuality = 0 }) {
    const quality = Math.max(uplinkNetworkQuality, downlinkNetworkQuality);
    const network = this.elements.network;
    network.dataset.quality = String(quality);
    const text = this.t('network', this.t(`quality.${QUALITY[quality] || 'unknown'}`));
    if (network.textContent !== text) {
      network.textContent = text;
    }
  }

  wireControls() {
    const { mic, camera, screen, leave, cameraSelect, microphoneSelect, speakerSelect } = this.elements;
    // One action at a time per button: a second click while the SDK is still busy would repeat or undo it.
    const once = (button, action) => {
      button.onclick = async () => {
        if (button.disabled) {
          return;
        }
        button.disabled = true;
        try {
          await action();
        } finally {
          button.disabled = false;
          this.render();
        }
      };
    };
    once(mic, () => this.toggleMicrophone());
    once(camera, () => this.toggleCamera());
    once(screen, () => this.toggleScreenShare());
    once(leave, () => this.leave());
    cameraSelect.onchange = () => {
      if (this.cameraStarted) {
        this.trtc.updateLocalVideo({ option: { cameraId: cameraSelect.value } }).catch((e) => this.notice('camera', explain(e, this.t).text));
      }
      this.choices.cameraId = cameraSelect.value;
    };
    microphoneSelect.onchange = () => {
      if (this.micStarted) {
        this.trtc.updateLocalAudio({ option: { microphoneId: microphoneSelect.value } }).catch((e) => this.notice('mic', explain(e, this.t).text));
      }
      this.choices.microphoneId = microphoneSelect.value;
    };
    speakerSelect.onchange = () => {
      this.choices.speakerId = speakerSelect.value;
      TRTC.setCurrentSpeaker(speakerSelect.value).catch(() => {});
    };
  }

  async fillDeviceChoosers() {
    if (this.closed) {
      return;
    }
    const { cameras, microphones, speakers } = await listDevices();
    const { cameraSelect, microphoneSelect, speakerSelect } = this.elements;
    const keep = (select, id) => {
      if (id && [...select.options].some((option) => option.value === id)) {
        select.value = id;
      }
    };
    fillChooser(cameraSelect, cameras, this.t('noDevice'));
    keep(cameraSelect, this.choices.cameraId);
    fillChooser(microphoneSelect, microphones, this.t('noDevice'));
    keep(microphoneSelect, this.choices.microphoneId);
    fillChooser(speakerSelect, speakers, this.t('noDevice'));
    keep(speakerSelect, this.choices.speakerId);
    cameraSelect.hidden = !this.mayPublishVideo;
    microphoneSelect.hidden = !this.mayPublishAudio;
  }

  async toggleMicrophone() {
    const off = !this.micOff;
    try {
      if (!this.micStarted) {
        await this.track(this.trtc.startLocalAudio({ option: { microphoneId: this.choices.microphoneId || undefined } }));
        this.micStarted = true;
      } else {
        await this.trtc.updateLocalAudio({ mute: off });
      }
      this.micOff = off;
      this.notice('mic', null);
    } catch (error) {
      this.notice('mic', explain(error, this.t).text);
    }
    this.render();
  }

  async toggleCamera() {
    if (!this.cameraStarted) {
      await this.startCamera(this.choices.cameraId);
    } else {
      const off = !this.cameraOff;
      try {
        await this.trtc.updateLocalVideo({ mute: off });
        this.cameraOff = off;
      } catch (error) {
        this.notice('camera', explain(error, this.t).text);
      }
    }
    this.render();
  }

  async toggleScreenShare() {
    if (this.sharing) {
      await this.trtc.stopScreenShare().catch(() => {});
      this.screenShareEnded();
      return;
    }
    try {
      this.sharing = true;
      this.render();
      await this.track(this.trtc.startScreenShare({ view: this.tiles.ensure(LOCAL, 'sub', this.self.name), publish: true }));
    } catch (error) {
      this.screenShareEnded();
      // Closing the browser's picker is a choice, not an error.
      if (error && error.extraCode !== 5302 && !isAbort(error)) {
        this.notice('screen', explain(error, this.t).text);
      }
    }
  }

  screenShareEnded() {
    this.sharing = false;
    this.tiles.remove(LOCAL, 'sub');
    this.render();
  }

  /** Brings buttons, their accessible names and the local tile in line with what is on and off. */
  render() {
    const { mic, camera, screen } = this.elements;
    mic.hidden = !this.mayPublishAudio;
    camera.hidden = !this.mayPublishVideo;
    screen.hidden = !this.mayShareScreen;
    mic.textContent = this.micOff ? this.t('unmute') : this.t('mute');
    mic.classList.toggle('off', this.micOff);
    camera.textContent = this.cameraOff ? this.t('cameraOn') : this.t('cameraOff');
    camera.classList.toggle('off', this.cameraOff);
    screen.textContent = this.sharing ? this.t('stopSharing') : this.t('shareScreen');
    this.tiles.setMicOff(LOCAL, this.micOff);
    this.tiles.setVideo(LOCAL, !this.cameraOff);
    const me = this.present.get(LOCAL);
    if (me) {
      me.querySelector('.mic-off').hidden = !this.micOff;
    }
    if (this.onState && !this.closed) {
      this.onState({ mic: this.micStarted && !this.micOff, camera: this.cameraStarted && !this.cameraOff, screen: this.sharing });
    }
  }

  /** A line in the room's banner under a key; null removes it. */
  notice(key, text) {
    if (text) {
      this.notices.set(key, text);
    } else {
      this.notices.delete(key);
    }
    const banner = this.elements.banner;
    banner.replaceChildren(...[...this.notices.values()].map((line) => {
      const span = document.createElement('span');
      span.textContent = line;
      return span;
    }));
    banner.hidden = this.notices.size === 0;
  }

  later(action, delay) {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!this.closed) {
        action();
      }
    }, Math.max(0, delay));
    this.timers.add(timer);
    return timer;
  }

  scheduleRefresh() {
    const lifetime = this.credential.validForMs;
    if (!Number.isFinite(lifetime)) {
      this.fail(this.t('error.unknown', 'credential without expiry'));
      return;
    }
    const lead = Math.max(MIN_REFRESH_LEAD_MS, lifetime / 4);
    this.refreshDeadline = Date.now() + lifetime;
    this.refreshTimer = this.later(() => this.refresh(), Math.max(MIN_REFRESH_DELAY_MS, lifetime - lead));
  }

  /**
   * What the person may send changed on the server (a host withheld or gave something back, made them a
   * co-host): renews now rather than when the key runs out, switches to the new key, and stops what it forbids.
   */
  renewNow() {
    if (this.refreshTimer) {
      clearTimeout(this.refreshTimer);
      this.timers.delete(this.refreshTimer);
    }
    return this.refresh();
  }

  /** A host turned the microphone off: off at once; the person may turn it on again if the key allows. */
  async muteMicrophone() {
    if (this.micStarted && !this.micOff) {
      await this.trtc.updateLocalAudio({ mute: true }).catch(() => {});
    }
    this.micOff = true;
    this.render();
  }

  async stopCamera() {
    if (this.cameraStarted && !this.cameraOff) {
      await this.trtc.updateLocalVideo({ mute: true }).catch(() => {});
    }
    this.cameraOff = true;
    this.render();
  }

  async stopSharing() {
    if (this.sharing) {
      await this.trtc.stopScreenShare().catch(() => {});
      this.screenShareEnded();
    }
  }

  /** Stops whatever the current key no longer allows. */
  async holdToKey() {
    if (!this.mayPublishAudio) {
      await this.muteMicrophone();
    }
    if (!this.mayPublishVideo) {
      await this.stopCamera();
    }
    if (!this.mayShareScreen) {
      await this.stopSharing();
    }
    this.render();
  }

  /**
   * Enters again with a fresh credential after the SDK failed to rejoin by itself. UserSigs are short-lived
   * so that a leaked one is worth little; a stay outlives many of them, so the page never relies on the one
   * it entered with. Local capture goes on through exitRoom and is published again on entering.
   */
  async reenter() {
    if (this.reentering || this.closed) {
      return;
    }
    this.reentering = true;
    this.notice('connection', this.t('reconnecting'));
    try {
      const fresh = await this.fetchCredential();
      await this.trtc.exitRoom().catch(() => {});
      if (this.closed) {
        return;
      }
      this.credential = fresh;
      await this.enterWithin(fresh);
      this.notice('connection', null);
    } catch (error) {
      if (!this.closed) {
        this.fail(explain(error, this.t).text);
      }
    } finally {
      this.reentering = false;
    }
  }

  /** A fresh PrivateMapKey (and UserSig, kept for re-entry) handed to the SDK without leaving the room. */
  async refresh() {
    try {
      const next = await this.fetchCredential();
      if (this.closed) {
        return;
      }
      // What the new key forbids stops first, so that the switch never meets a stream it does not allow.
      this.credential = next;
      await this.holdToKey();
      await this.trtc.switchRole(TRTC.TYPE.ROLE_ANCHOR, { privateMapKey: next.privateMapKey });
      this.notice('refresh', null);
      this.scheduleRefresh();
    } catch (error) {
      if (this.closed) {
        return;
      }
      if (error instanceof ApiProblem && [401, 404, 409].includes(error.status)) {
        this.fail(error.status === 409 ? (error.detail || this.t('ended')) : explain(error, this.t).text
          + (error.status === 404 ? ' ' + this.t('removed') : ''));
      } else if (error instanceof ApiProblem && error.status === 403 && error.detail) {
        // A host turned this person away (removed, denied): no renewal will change that.
        this.fail(error.detail);
      } else if (Date.now() + RETRY_REFRESH_MS < this.refreshDeadline) {
        this.notice('refresh', this.t('refreshRetry'));
        this.later(() => this.refresh(), RETRY_REFRESH_MS);
      } else {
        this.fail(explain(error, this.t).text);
      }
    }
  }

  scheduleEndingNotice() {
    if (!this.endsAt) {
      return;
    }
    const now = Date.now() + (this.credential.serverOffsetMs || 0);
    this.later(() => this.notice('ending', this.t('endingSoon', this.endsAtText)), this.endsAt - ENDING_NOTICE_MS - now);
  }

  /** Ends the stay because of something the person did not choose, and says why. */
  async fail(text) {
    if (this.failed) {
      return;
    }
    this.failed = true;
    this.elements.errorText.textContent = text;
    this.elements.error.hidden = false;
    this.elements.body.hidden = true;
    this.elements.controls.hidden = true;
    this.elements.banner.hidden = true;
    this.elements.enableSound.hidden = true;
    await this.close();
  }

  async leave() {
    await this.close();
    this.onLeave();
  }

  /** Stops capture, leaves the room and releases the SDK; every call gets the same single closing. */
  close() {
    if (!this.closing) {
      this.closing = this.shutDown();
    }
    return this.closing;
  }

  async shutDown() {
    this.closed = true;
    this.timers.forEach(clearTimeout);
    this.timers.clear();
    const trtc = this.trtc;
    if (!trtc) {
      return;
    }
    // A camera or microphone still starting would otherwise come on after everything was stopped.
    await Promise.allSettled([...this.pending]);
    const quietly = (call) => Promise.resolve().then(call).catch(() => {});
    if (this.sharing) {
      await quietly(() => trtc.stopScreenShare());
    }
    await quietly(() => trtc.stopLocalVideo());
    await quietly(() => trtc.stopLocalAudio());
    await quietly(() => trtc.exitRoom());
    await quietly(() => trtc.destroy());
    this.tiles.clear();
  }
}
