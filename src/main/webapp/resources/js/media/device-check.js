// The device check's behaviour on a page that includes WEB-INF/includes/device-check.xhtml: support flags,
// device choosers, live preview, microphone level and speaker test, with every failure explained.

import {
  CameraPreview, MicrophoneLevel, asDeviceError, checkSupport, fillChooser, listDevices, playTestSound, showSupport,
} from './devices.js';
import { explain } from './explain.js';

const $ = (id) => document.getElementById(id);

export class DeviceCheck {
  constructor(t) {
    this.t = t;
    this.camera = $('camera');
    this.microphone = $('microphone');
    this.speaker = $('speaker');
    this.preview = new CameraPreview($('preview'));
    this.level = new MicrophoneLevel($('mic-level'));
    this.previewOff = $('preview-off');
    this.error = $('device-error');
    this.problems = new Map();
    this.cameraWanted = true;
    this.devices = { cameras: [], microphones: [], speakers: [] };
    this.camera.addEventListener('change', () => this.startPreview());
    this.microphone.addEventListener('change', () => this.startLevel());
    $('test-speaker').addEventListener('click', () => playTestSound(this.speaker.value));
  }

  /** Runs the whole check once; resolves when preview and level are running or have failed and said why. */
  async start() {
    this.support = await checkSupport(this.t);
    showSupport($('support'), this.support, this.t);
    if (!navigator.mediaDevices || !window.isSecureContext) {
      return;
    }
    // Opening a device first lets the browser ask for permission once and then name the devices.
    await Promise.all([this.startPreview(), this.startLevel()]);
    await this.refreshLists();
    if (!this.watching) {
      this.watching = true;
      navigator.mediaDevices.addEventListener('devicechange', () => {
        if (this.preview.stream || this.level.stream) {
          this.refreshLists();
        }
      });
    }
  }

  async refreshLists() {
    this.devices = await listDevices();
    const none = this.t('noDevice');
    fillChooser(this.camera, this.devices.cameras, none);
    fillChooser(this.microphone, this.devices.microphones, none);
    fillChooser(this.speaker, this.devices.speakers, none);
    this.selectOpened(this.camera, this.preview.stream);
    this.selectOpened(this.microphone, this.level.stream);
    $('test-speaker').disabled = false;
  }

  /** Shows in the chooser the device the browser actually opened when none was chosen. */
  selectOpened(select, stream) {
    const track = stream && stream.getTracks()[0];
    const id = track && track.getSettings().deviceId;
    if (id && [...select.options].some((option) => option.value === id)) {
      select.value = id;
    }
  }

  async startPreview() {
    if (!this.cameraWanted) {
      return;
    }
    try {
      await this.preview.start(this.camera.value);
      this.previewOff.hidden = true;
      this.problem('camera', null);
    } catch (error) {
      this.previewOff.hidden = false;
      this.problem('camera', explain(asDeviceError(error), this.t).text);
    }
  }

  async startLevel() {
    try {
      await this.level.start(this.microphone.value);
      this.problem('microphone', null);
    } catch (error) {
      this.problem('microphone', explain(asDeviceError(error), this.t).text);
    }
  }

  /** The camera preview on or off, for "join with camera off". */
  async setCameraWanted(wanted) {
    this.cameraWanted = wanted;
    if (wanted) {
      await this.startPreview();
    } else {
      this.preview.stop();
      this.previewOff.hidden = false;
    }
  }

  problem(key, text) {
    if (text) {
      this.problems.set(key, text);
    } else {
      this.problems.delete(key);
    }
    this.error.textContent = [...new Set(this.problems.values())].join(' ');
    this.error.hidden = this.problems.size === 0;
  }

  /** Releases camera and microphone (the SDK opens them itself). */
  stop() {
    this.preview.stop();
    this.level.stop();
  }

  choices() {
    return { cameraId: this.camera.value, microphoneId: this.microphone.value, speakerId: this.speaker.value };
  }
}
