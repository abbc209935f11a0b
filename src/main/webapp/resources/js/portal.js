// Behaviour every page shares. Loaded as a module from the template: the Content-Security-Policy allows no
// inline script, so pages describe what they need in data- attributes and this file wires it up.

const ZONE_COOKIE = 'portal_tz';

/** Tells the server the browser's time zone, used until the person chooses one on the account page. */
function reportTimeZone() {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!zone) {
    return;
  }
  const current = document.cookie.split('; ').find((c) => c.startsWith(ZONE_COOKIE + '='));
  const value = encodeURIComponent(zone);
  if (current !== ZONE_COOKIE + '=' + value) {
    const secure = location.protocol === 'https:' ? '; Secure' : '';
    document.cookie = `${ZONE_COOKIE}=${value}; Path=/; Max-Age=31536000; SameSite=Lax${secure}`;
  }
}

/** Buttons with data-link copy that address and say so. */
function wireCopyButtons() {
  for (const button of document.querySelectorAll('button[data-link]')) {
    button.addEventListener('click', async () => {
      const label = button.textContent;
      try {
        await navigator.clipboard.writeText(button.dataset.link);
        button.textContent = button.dataset.copied || label;
      } catch {
        window.prompt('', button.dataset.link);
      }
      setTimeout(() => { button.textContent = label; }, 2000);
    });
  }
}

/** Buttons with data-confirm ask before their form is sent. */
function wireConfirmations() {
  for (const button of document.querySelectorAll('[data-confirm]')) {
    button.addEventListener('click', (event) => {
      if (!window.confirm(button.dataset.confirm)) {
        event.preventDefault();
      }
    });
  }
}

/** Elements with data-countdown show the time left until that instant, from a {0} template. */
function wireCountdowns() {
  const countdowns = [...document.querySelectorAll('[data-countdown]')];
  if (countdowns.length === 0) {
    return;
  }
  const tick = () => {
    for (const element of countdowns) {
      const left = Date.parse(element.dataset.countdown) - Date.now();
      if (left <= 0) {
        location.reload();
        return;
      }
      element.textContent = element.dataset.template.replace('{0}', formatDuration(left));
    }
  };
  tick();
  setInterval(tick, 1000);
}

export function formatDuration(millis) {
  const total = Math.floor(millis / 1000);
  const days = Math.floor(total / 86400);
  const hours = Math.floor((total % 86400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const two = (n) => String(n).padStart(2, '0');
  return (days > 0 ? `${days}d ` : '') + `${two(hours)}:${two(minutes)}:${two(seconds)}`;
}

reportTimeZone();
wireCopyButtons();
wireConfirmations();
wireCountdowns();
