// Installed by the browser tests before any script of the page runs (Page.addScriptToEvaluateOnNewDocument).
// It wraps the real TRTC.create so that every call on a TRTC client and every registered event handler is
// recorded in window.__trtc, and lets the test feed the page's own handlers with the SDK's event payloads.
//
// TRTC's cloud cannot be reached from the test machines. In 'pass' mode every call goes to the real SDK
// (so enterRoom really tries, and fails). In 'edge' mode the calls that need the cloud — entering, leaving,
// renewing the key and playing remote streams — are recorded and answered locally, while local capture
// (camera, microphone, screen) still runs in the real SDK. 'edge-expired-once' first answers enterRoom
// with the SDK's "UserSig expired" error (SERVER_ERROR 5400, extraCode 70001). Nothing here claims that a
// room was entered.
(() => {
  const mode = '__MODE__';
  const CLOUD = new Set(['enterRoom', 'exitRoom', 'switchRole', 'switchRoom', 'startRemoteVideo', 'updateRemoteVideo',
    'stopRemoteVideo', 'muteRemoteAudio']);
  const RECORDED = ['enterRoom', 'exitRoom', 'switchRole', 'startLocalVideo', 'updateLocalVideo', 'stopLocalVideo',
    'startLocalAudio', 'updateLocalAudio', 'stopLocalAudio', 'startScreenShare', 'stopScreenShare',
    'startRemoteVideo', 'stopRemoteVideo', 'enableAudioVolumeEvaluation', 'destroy', 'on', 'off'];
  const record = { mode, calls: [], handlers: {}, created: 0, enterAttempts: 0, requests: [] };
  window.__trtc = record;
  // What the previous page of this tab recorded, for assertions after the page navigated away (leave).
  record.previous = JSON.parse(sessionStorage.getItem('__trtc_previous') || '[]');
  window.addEventListener('pagehide', () => sessionStorage.setItem('__trtc_previous', JSON.stringify(record.calls)));

  // The page's own API requests, to see how often it asks the portal for a credential.
  const fetchFromPage = window.fetch.bind(window);
  window.fetch = (resource, options = {}) => {
    record.requests.push({ method: options.method || 'GET', url: String(resource) });
    return fetchFromPage(resource, options);
  };

  const plain = (value, depth = 0) => {
    if (value instanceof Element) {
      return { element: value.tagName.toLowerCase(), className: value.className, tile: value.closest('.tile')
        ? { user: value.closest('.tile').dataset.user, stream: value.closest('.tile').dataset.stream } : null };
    }
    if (typeof value === 'function') {
      return 'function';
    }
    if (Array.isArray(value)) {
      return value.map((item) => plain(item, depth + 1));
    }
    if (value && typeof value === 'object' && depth < 4) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v, depth + 1)]));
    }
    return value;
  };

  record.emit = (event, payload) => {
    for (const handler of record.handlers[event] || []) {
      handler(payload);
    }
    return (record.handlers[event] || []).length;
  };
  record.callsOf = (method) => record.calls.filter((call) => call.method === method);

  const wrap = (client) => {
    for (const method of RECORDED) {
      const real = client[method].bind(client);
      client[method] = (...args) => {
        record.calls.push({ method, args: plain(args), at: Date.now() });
        if (method === 'on') {
          (record.handlers[args[0]] = record.handlers[args[0]] || []).push(args[1]);
        }
        if (mode !== 'pass' && CLOUD.has(method)) {
          if (method === 'enterRoom') {
            record.enterAttempts += 1;
            if (mode === 'edge-expired-once' && record.enterAttempts === 1) {
              const expired = new Error('UserSig expired (recorded edge)');
              Object.assign(expired, { name: 'RtcError', code: 5400, extraCode: 70001, functionName: 'enterRoom' });
              return new Promise((resolve, reject) => setTimeout(() => reject(expired), 50));
            }
          }
          return new Promise((resolve) => setTimeout(resolve, 50));
        }
        return real(...args);
      };
    }
    return client;
  };

  let sdk;
  Object.defineProperty(window, 'TRTC', {
    configurable: true,
    get: () => sdk,
    set: (real) => {
      const create = real.create.bind(real);
      sdk = new Proxy(real, {
        get: (target, property) => (property === 'create'
          ? (...args) => {
            record.created += 1;
            record.calls.push({ method: 'create', args: plain(args), at: Date.now() });
            return wrap(create(...args));
          }
          : Reflect.get(target, property)),
      });
    },
  });
})();
