// The device check shared by the meeting lobby and /check.xhtml: what the browser supports, which cameras,
// microphones and speakers there are, a live camera preview, a microphone level and a test sound.
// Lists come from the TRTC SDK (global TRTC, loaded before this module runs); preview and level use the
// browser directly, so that nothing is published and the devices are free again before the SDK opens them.

const CAPABILITIES = [
  ['isBrowserSupported', 'support.browser'],
  ['isWebRTCSupported', 'support.webrtc'],
  ['isMediaDevicesSupported', 'support.mediaDevices'],
  ['isScreenShareSupported', 'support.screenShare'],
];

/**
 * What is missing, as sentences: { supported, missing: [text], detail } from TRTC.isSupported() plus the
 * page's own secure-context check (camera and microphone need HTTPS or localhost).
 */
export async function checkSupport(t) {
  const missing = [];
  if (!window.isSecureContext) {
    missing.push(t('error.https'));
  }
  let detail = {};
  let supported = false;
  try {
    const answer = await TRTC.isSupported();
    supported = answer.result;
    detail = answer.detail || {};
  } catch (error) {
    missing.push(t('support.unknown'));
  }
  for (const [flag, key] of CAPABILITIES) {
    if (detail[flag] === false) {
      missing.push(t(key));
    }
  }
  const encode = detail.isH264EncodeSupported || detail.isVp8EncodeSupported;
  const decode = detail.isH264DecodeSupported || detail.isVp8DecodeSupported;
  if (detail.isWebRTCSupported && (encode === false || decode === false)) {
    missing.push(t('support.codecs'));
  }
  return { supported: supported && window.isSecureContext, missing, detail };
}

/** Shows the sentences of checkSupport in a list, or one line saying all is well. */
export function showSupport(list, support, t) {
  list.replaceChildren();
  const lines = support.missing.length > 0 ? support.missing : [t('support.ok')];
  for (const line of lines) {
    const item = document.createElement('li');
    item.textContent = line;
    item.className = support.missing.length > 0 ? 'missing' : 'ok';
    list.append(item);
  }
}

/** Cameras, microphones and speakers; a kind the browser cannot list comes back empty. */
export async function listDevices() {
  if (typeof TRTC === 'undefined') {
    return { cameras: [], microphones: [], speakers: [] };
  }
  const safely = (list) => list.catch(() => []);
  const [cameras, microphones, speakers] = await Promise.all([
    safely(TRTC.getCameraList()), safely(TRTC.getMicrophoneList()), safely(TRTC.getSpeakerList())]);
  return { cameras, microphones, speakers };
}

/** Fills a <select> with devices, keeping the chosen one if it is still there. */
export function fillChooser(select, devices, noneText) {
  const chosen = select.value;
  select.replaceChildren();
  if (devices.length === 0) {
    select.append(new Option(noneText, ''));
    select.disabled = true;
    return;
  }
  devices.forEach((device, index) => {
    select.append(new Option(device.label || `${noneText} ${index + 1}`, device.deviceId));
  });
  if (devices.some((device) => device.deviceId === chosen)) {
    select.value = chosen;
  }
  select.disabled = false;
}

/**
 * Stops what `owner` holds and opens a device for it; null when `owner` was stopped or restarted while the
 * browser was still opening it (that stream is closed again, so no camera light stays on).
 */
async function openFor(owner, constraints) {
  owner.stop();
  const attempt = owner.attempt;
  const stream = await navigator.mediaDevices.getUserMedia(constraints);
  if (attempt !== owner.attempt) {
    stream.getTracks().forEach((track) => track.stop());
    return null;
  }
  return stream;
}

/** A live camera picture in a <video>, from one camera at a time. */
export class CameraPreview {
  constructor(video) {
    this.video = video;
    this.stream = null;
  }

  async start(cameraId) {
    const stream = await openFor(this, { video: cameraId ? { deviceId: { exact: cameraId } } : true, audio: false });
    if (!stream) {
      return;
    }
    this.stream = stream;
    this.video.srcObject = stream;
    await this.video.play().catch(() => {});
  }

  stop() {
    this.attempt = (this.attempt || 0) + 1;
    if (this.stream) {
      this.stream.getTracks().forEach((track) => track.stop());
      this.stream = null;
    }
    this.video.srcObject = null;
  }

  get playing() {
    return Boolean(this.stream) && this.video.readyState >= 2 && this.video.videoWidth > 0;
  }
}

/** The microphone's loudness, 0–100, several times a second, into a <meter>. */
export class MicrophoneLevel {
  constructor(meter) {
    this.meter = meter;
    this.stream = null;
    this.context = null;
    this.timer = null;
    this.peak = 0;
  }

  async start(microphoneId) {
    const stream = await openFor(this, { audio: microphoneId ? { deviceId: { exact: microphoneId } } : true, video: false });
    if (!stream) {
      return;
    }
    this.stream = stream;
    this.context = new AudioContext();
    // Without a click on the page yet the context starts suspended and the meter would stay at zero.
    this.context.resume().catch(() => {});
    const analyser = this.context.createAnalyser();
    analyser.fftSize = 512;
    this.context.createMediaStreamSource(this.stream).connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    // A timer, not requestAnimationFrame: the meter keeps moving in a background tab as well.
    this.timer = setInterval(() => {
      analyser.getFloatTimeDomainData(samples);
      let sum = 0;
      for (const sample of samples) {
        sum += sample * sample;
      }
      const level = Math.min(100, Math.round(Math.sqrt(sum / samples.length) * 300));
      this.peak = Math.max(this.peak, level);
      this.meter.value = level;
    }, 100);
  }

  stop() {
    this.attempt = (this.attempt || 0) + 1;
    clearInterval(this.timer);
    this.timer = null;
    if (this.stream) {
      this.stream.getTracks().forEach((track) => track.stop());
      this.stream = null;
    }
    if (this.context) {
      this.context.close().catch(() => {});
      this.context = null;
    }
    this.meter.value = 0;
  }
}

/** One second of a soft two-tone chime on the chosen speaker, made with Web Audio (no sound file). */
export async function playTestSound(speakerId) {
  const context = new AudioContext();
  if (speakerId && typeof context.setSinkId === 'function') {
    await context.setSinkId(speakerId).catch(() => {});
  }
  const gain = context.createGain();
  gain.gain.setValueAtTime(0.0001, context.currentTime);
  gain.gain.exponentialRampToValueAtTime(0.2, context.currentTime + 0.05);
  gain.gain.exponentialRampToValueAtTime(0.0001, context.currentTime + 1);
  gain.connect(context.destination);
  [660, 880].forEach((frequency, i) => {
    const tone = context.createOscillator();
    tone.frequency.value = frequency;
    tone.connect(gain);
    tone.start(context.currentTime + i * 0.25);
    tone.stop(context.currentTime + 1);
  });
  setTimeout(() => context.close().catch(() => {}), 1200);
}

/** Whether a getUserMedia failure is a denied permission, a missing device or a busy one, as TRTC codes. */
export function asDeviceError(error) {
  const extraCode = { NotAllowedError: 5302, SecurityError: 5302, NotFoundError: 5301, OverconstrainedError: 5304,
    NotReadableError: 5303, AbortError: 5303 }[error && error.name];
  return extraCode ? { code: 5300, extraCode, message: error.message } : error;
}
