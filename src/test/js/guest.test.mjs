// The guest's link and invitation: only a link's own token is sent on, and the invitation is the bundle's text.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { tokenOf } from '../../main/webapp/resources/js/guest-entry.js';
import { invitationText } from '../../main/webapp/resources/js/guest-invitation.js';

test('the token is what follows # in the link, and nothing else passes for one', () => {
  assert.equal(tokenOf('#AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCd'), 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCd');
  for (const bad of ['', '#', '#short', '#<script>alert(1)</script>xxxxxxxxxxxx', '#abc def ghi jkl mno pqr stu',
    `#${'a'.repeat(101)}`, null, undefined]) {
    assert.equal(tokenOf(bad), null, String(bad));
  }
});

test('the invitation fills the text of the reader\'s language with the link and the passcode', () => {
  for (const [file, passcode] of [['messages.properties', 'Passcode: 12345678'], ['messages_zh.properties', '会议密码：12345678']]) {
    const line = readFileSync(new URL(`../../main/resources/i18n/${file}`, import.meta.url), 'utf8')
      .split('\n').find((l) => l.startsWith('guest.invitation.text='));
    const template = line.slice('guest.invitation.text='.length).replaceAll('\\n', '\n');
    const t = (key, ...args) => template.replace(/\{(\d+)\}/g, (whole, i) => args[i]);
    const text = invitationText(t, { host: 'Ann', title: 'Review', when: 'Mon 9:00–10:00',
      url: 'https://meet.example.com/guest.xhtml#token', passcode: '12345678' });
    assert.ok(text.includes('https://meet.example.com/guest.xhtml#token'), text);
    assert.ok(text.split('\n').includes(passcode), text);
    assert.ok(text.includes('Review') && text.includes('Ann') && text.includes('Mon 9:00–10:00'), text);
  }
});
