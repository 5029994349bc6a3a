/**
 * A bilingual message renders one markup wherever it is shown: the page's
 * language first (class `error-msg`), the other after it (`error-msg-alt`),
 * each span marked with its language; the classes can be named for other
 * messages (the drill's notices).
 */
import { describe, expect, it } from 'vitest';
import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { BilingualMessage } from './BilingualMessage.tsx';

const msg = { zh: '人数必须至少为 0', en: 'staff must be at least 0' };

describe('BilingualMessage', () => {
  it('Chinese page: Chinese first, English after it', () => {
    expect(renderToStaticMarkup(h(BilingualMessage, { msg, lang: 'zh-CN' }))).toBe(
      '<span class="error-msg" lang="zh-CN">人数必须至少为 0</span> ' +
        '<span class="error-msg-alt" lang="en">staff must be at least 0</span>',
    );
  });

  it('English page: English first, Chinese after it', () => {
    expect(renderToStaticMarkup(h(BilingualMessage, { msg, lang: 'en' }))).toBe(
      '<span class="error-msg" lang="en">staff must be at least 0</span> ' +
        '<span class="error-msg-alt" lang="zh-CN">人数必须至少为 0</span>',
    );
  });

  it('other class names when given', () => {
    const html = renderToStaticMarkup(
      h(BilingualMessage, { msg, lang: 'zh-CN', className: 'notice-msg', altClassName: 'notice-alt' }),
    );
    expect(html).toContain('<span class="notice-msg" lang="zh-CN">人数必须至少为 0</span>');
    expect(html).toContain('<span class="notice-alt" lang="en">staff must be at least 0</span>');
    expect(html).not.toContain('error-msg');
  });

  it('escapes the message text', () => {
    const html = renderToStaticMarkup(h(BilingualMessage, { msg: { zh: '<b>', en: 'a & b' }, lang: 'en' }));
    expect(html).toContain('>a &amp; b</span>');
    expect(html).toContain('>&lt;b&gt;</span>');
  });
});
