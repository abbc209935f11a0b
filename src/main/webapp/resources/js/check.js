// /check.xhtml: the device check on its own, whether the video service can be reached from this network,
// and a plain-text report for the help desk.

import { DeviceCheck } from './media/device-check.js';
import { textsOf } from './media/texts.js';

const $ = (id) => document.getElementById(id);
const t = textsOf($('check'));
const check = new DeviceCheck(t);

/** TRTC's scheduling hosts (trtc.md 3.6): the first thing the SDK contacts when entering a room. */
const SERVICE_HOSTS = ['https://schedule.cloud-rtc.com/', 'https://schedule.rtc-web.com/', 'https://intl-schedule.cloud-rtc.com/'];
const SERVICE_TIMEOUT_MS = 8000;

/** Whether any scheduling host answers over HTTPS; the answer itself is opaque and not needed. */
async function serviceReachable() {
  const attempt = (url) => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), SERVICE_TIMEOUT_MS);
    return fetch(url, { mode: 'no-cors', cache: 'no-store', signal: controller.signal })
      .finally(() => clearTimeout(timer));
  };
  try {
    await Promise.any(SERVICE_HOSTS.map(attempt));
    return true;
  } catch {
    return false;
  }
}

function report(reachable) {
  const { detail = {} } = check.support || {};
  const video = $('preview');
  const lines = [
    `${t('report.time')}: ${new Date().toISOString()}`,
    `${t('report.page')}: ${location.origin}`,
    `${t('report.browser')}: ${navigator.userAgent}`,
    `${t('report.sdk')}: TRTC Web SDK ${typeof TRTC === 'undefined' ? '?' : TRTC.VERSION}`,
    `${t('report.secure')}: ${window.isSecureContext}`,
    `${t('report.support')}: ${Object.entries(detail).map(([flag, value]) => `${flag}=${value}`).join(', ')}`,
    `${t('report.cameras')}: ${check.devices.cameras.map((d) => d.label || d.deviceId).join(' | ') || '-'}`,
    `${t('report.microphones')}: ${check.devices.microphones.map((d) => d.label || d.deviceId).join(' | ') || '-'}`,
    `${t('report.speakers')}: ${check.devices.speakers.map((d) => d.label || d.deviceId).join(' | ') || '-'}`,
    `${t('report.preview')}: ${check.preview.playing ? `${video.videoWidth}x${video.videoHeight}` : '-'}`,
    `${t('report.micPeak')}: ${check.level.peak}`,
    `${t('report.problems')}: ${[...check.problems.values(), ...(check.support ? check.support.missing : [])].join(' ') || '-'}`,
    `${t('report.service')}: ${reachable === null ? '…' : reachable}`,
  ];
  $('report').value = lines.join('\n');
}

async function start() {
  report(null);
  const reachability = serviceReachable().then((reachable) => {
    const service = $('service');
    service.textContent = reachable ? t('service.reachable') : t('service.unreachable', t('firewall.hosts'), t('firewall.ports'));
    service.className = reachable ? 'message info' : 'message warn';
    return reachable;
  });
  await check.start();
  report(null);
  const reachable = await reachability;
  // The level meter's peak is worth reporting once someone has had a moment to speak.
  setTimeout(() => report(reachable), 1500);
  report(reachable);
  $('check').dataset.ready = 'true';
}

$('copy-report').addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText($('report').value);
    $('copy-status').textContent = t('copied');
  } catch {
    $('report').select();
    $('copy-status').textContent = t('copyByHand');
  }
});

start();
