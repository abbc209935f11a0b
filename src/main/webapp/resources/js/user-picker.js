// The attendee and host picker of the meeting form. A text field marked data-user-picker keeps holding
// usernames separated by commas, so the form works without this script; with it, people are searched by
// name through /api/people and shown as removable chips.

const SEARCH_DELAY_MS = 200;

function usernames(field) {
  return field.value.split(/[\s,;]+/).filter((name) => name.length > 0);
}

function setUsernames(field, names) {
  field.value = [...new Set(names)].join(', ');
}

async function search(text) {
  const url = new URL('../../api/people', import.meta.url);
  url.searchParams.set('q', text);
  const response = await fetch(url, {
    headers: { Accept: 'application/json' },
    credentials: 'same-origin',
  });
  if (!response.ok) {
    return [];
  }
  return (await response.json()).slice(0, 8);
}

function enhance(field) {
  const box = document.createElement('div');
  box.className = 'picker';
  const chips = document.createElement('ul');
  chips.className = 'chips';
  const input = document.createElement('input');
  input.type = 'search';
  input.id = field.id + '-search';
  input.placeholder = field.dataset.searchLabel || '';
  input.setAttribute('aria-label', field.dataset.searchLabel || '');
  input.autocomplete = 'off';
  const suggestions = document.createElement('ul');
  suggestions.className = 'suggestions';
  suggestions.id = field.id + '-suggestions';
  suggestions.setAttribute('role', 'listbox');
  box.append(chips, input, suggestions);
  field.after(box);
  field.classList.add('picker-source');

  const names = new Map();
  const render = () => {
    chips.replaceChildren(...usernames(field).map((name) => {
      const chip = document.createElement('li');
      chip.className = 'chip';
      chip.dataset.username = name;
      chip.textContent = names.get(name) ? `${names.get(name)} (${name})` : name;
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.textContent = '×';
      remove.setAttribute('aria-label', `${field.dataset.removeLabel || ''} ${name}`);
      remove.addEventListener('click', () => {
        setUsernames(field, usernames(field).filter((n) => n !== name));
        render();
      });
      chip.append(remove);
      return chip;
    }));
  };

  let timer;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    const text = input.value.trim();
    if (text.length === 0) {
      suggestions.replaceChildren();
      return;
    }
    timer = setTimeout(async () => {
      const users = await search(text);
      suggestions.replaceChildren(...users.map((user) => {
        const item = document.createElement('li');
        item.setAttribute('role', 'option');
        item.dataset.username = user.username;
        item.textContent = `${user.displayName} (${user.username})`;
        item.addEventListener('click', () => {
          names.set(user.username, user.displayName);
          setUsernames(field, [...usernames(field), user.username]);
          input.value = '';
          suggestions.replaceChildren();
          render();
        });
        return item;
      }));
    }, SEARCH_DELAY_MS);
  });
  field.addEventListener('change', render);
  render();
}

for (const field of document.querySelectorAll('input[data-user-picker]')) {
  enhance(field);
}
