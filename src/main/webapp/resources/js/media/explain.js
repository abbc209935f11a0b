// Turns what went wrong — a refusal of our API, an error of the TRTC SDK, a timeout — into a sentence a person
// understands and, where there is one, something they can do about it.

import { ApiProblem } from './api.js';

/** Entering took longer than the page waits: the video service is out of reach. */
export class Unreachable extends Error {
  constructor() {
    super('the video service did not answer');
    this.name = 'Unreachable';
  }
}

const FIREWALL = 5501;

/**
 * Returns { text, action } where action, if present, is { label, run }. `t` is the page's texts function.
 */
export function explain(error, t) {
  if (error instanceof Unreachable) {
    return { text: t('error.unreachable', t('firewall.hosts'), t('firewall.ports')) };
  }
  if (error instanceof ApiProblem) {
    return explainProblem(error, t);
  }
  const extra = error && error.extraCode;
  const code = error && error.code;
  switch (extra) {
    case 5201: return { text: t('error.https') };
    case 5202: return { text: t('error.noWebRtc') };
    case 5301: return { text: t('error.noDevice') };
    case 5302: return {
      text: t('error.permission'),
      action: typeof error.handler === 'function' ? { label: t('error.openSettings'), run: () => error.handler() } : null,
    };
    case 5303: return { text: t('error.deviceBusy') };
    case 5304: return { text: t('error.deviceConstraints') };
    case FIREWALL: return { text: t('error.firewall', t('firewall.hosts'), t('firewall.ports')) };
    case 5502: return { text: t('error.rejoinFailed') };
    case 70001: return { text: t('error.expired') };
    case 70009: return { text: t('error.wrongApp') };
    case -8: return { text: t('error.wrongApp') };
    default: break;
  }
  if (extra >= 70002 && extra <= 70008) {
    return { text: t('error.badSignature') };
  }
  if (code === 5200) {
    return { text: t('error.notSupported') };
  }
  if (code === 5300) {
    return { text: t('error.device') };
  }
  if (code === 5400 || code === 5500) {
    return { text: t('error.unreachable', t('firewall.hosts'), t('firewall.ports')) };
  }
  return { text: t('error.unknown', (error && (error.message || String(error))) || '?') };
}

function explainProblem(problem, t) {
  switch (problem.status) {
    case 400: return { text: problem.detail || t('error.server', problem.status) };
    case 401: return { text: t('error.signedOut'), action: { label: t('error.signIn'), run: () => location.reload() } };
    // The portal's refusals say why in a sentence for people: a host turned them away, say.
    case 403: return { text: problem.detail || t('error.server', problem.status) };
    case 404: return { text: t('error.notFound') };
    case 409: return { text: problem.detail || t('error.notOpen') };
    case 429: return { text: t('error.tooMany', problem.retryAfter || 60) };
    case 503: return { text: t('error.notConfigured') };
    default: return { text: t('error.server', problem.status) };
  }
}

/** Whether a failed entry is worth one more try with a fresh credential (the UserSig expired meanwhile). */
export function isExpiredCredential(error) {
  return Boolean(error) && error.extraCode === 70001;
}

/**
 * The SDK lost the connection and could not get back into the room by itself: it rejoins with the UserSig it
 * entered with, which may have expired since, so the page has to enter again with a fresh credential.
 */
export function isRejoinFailure(error) {
  return Boolean(error) && error.extraCode === 5502;
}

/** The SDK reports an interrupted call (e.g. leaving while entering) as OPERATION_ABORT: nothing went wrong. */
export function isAbort(error) {
  return Boolean(error) && error.code === 5998;
}
