// The scheduling page's repeat fields: each choice shows what its rule needs and nothing else.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fieldsFor } from '../../main/webapp/resources/js/repeat-fields.js';

test('a meeting that does not repeat shows no repeat field', () => {
  assert.deepEqual(fieldsFor('NEVER', true),
    { interval: false, weekDays: false, endsByCount: false, count: false, until: false });
});

test('weekly shows the days; every weekday needs neither days nor interval', () => {
  assert.deepEqual(fieldsFor('WEEKLY', true),
    { interval: true, weekDays: true, endsByCount: true, count: true, until: false });
  assert.deepEqual(fieldsFor('WEEKDAYS', false),
    { interval: false, weekDays: false, endsByCount: true, count: false, until: true });
  assert.equal(fieldsFor('MONTHLY_ON_WEEKDAY', true).weekDays, false);
});
