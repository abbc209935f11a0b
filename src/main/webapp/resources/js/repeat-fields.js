// The scheduling page shows only the repeat fields that the chosen way of repeating uses; without this script
// every field shows, and the server takes what the choice needs.

/** Which fields a choice uses: the interval, the days of the week, how the series ends, and the end itself. */
export function fieldsFor(repeat, endsByCount) {
  const repeats = repeat !== 'NEVER';
  return {
    interval: repeats && repeat !== 'WEEKDAYS',
    weekDays: repeat === 'WEEKLY',
    endsByCount: repeats,
    count: repeats && endsByCount,
    until: repeats && !endsByCount,
  };
}

function show() {
  const repeat = document.getElementById('form:repeat');
  const ends = document.getElementById('form:endsByCount');
  if (!repeat || !ends) {
    return;
  }
  const wanted = fieldsFor(repeat.value, ends.value === 'true');
  for (const [name, shown] of Object.entries(wanted)) {
    const field = document.getElementById(`form:${name}`)?.closest('.field');
    if (field) {
      field.hidden = !shown;
    }
  }
}

if (typeof document !== 'undefined') {
  document.addEventListener('DOMContentLoaded', () => {
    show();
    for (const id of ['form:repeat', 'form:endsByCount']) {
      document.getElementById(id)?.addEventListener('change', show);
    }
  });
}
