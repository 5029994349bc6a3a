/**
 * The experiment forms' controls render one markup: a number field marked
 * invalid (class, aria-invalid, its message) only when its text does not
 * parse, the keyboard for decimals only where asked; a checkbox with its
 * label and explanation.
 */
import { describe, expect, it } from 'vitest';
import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { CheckField, NumField } from './fields.tsx';

const noop = () => {};

describe('NumField', () => {
  it('valid: no invalid mark, no message, whole-number keyboard', () => {
    const html = renderToStaticMarkup(
      h(NumField, { label: '次数', value: '10', onChange: noop, ok: true, error: '不是整数', testId: 'reps' }),
    );
    expect(html).toContain('class="input num-input"');
    expect(html).toContain('aria-invalid="false"');
    expect(html).toContain('inputMode="numeric"');
    expect(html).toContain('data-testid="reps"');
    expect(html).toContain('value="10"');
    expect(html).not.toContain('field-error');
  });

  it('invalid: marked, with its message under it', () => {
    const html = renderToStaticMarkup(
      h(NumField, { label: '次数', value: 'x', onChange: noop, ok: false, error: '不是整数' }),
    );
    expect(html).toContain('class="input num-input invalid"');
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('<span class="field-error">不是整数</span>');
  });

  it('invalid, its message shown by the form (errorId): marked and described by it, no message of its own', () => {
    const html = renderToStaticMarkup(
      h(NumField, { label: '次数', value: '0', onChange: noop, ok: false, error: '不是整数', errorId: 'reps-err' }),
    );
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('aria-describedby="reps-err"');
    expect(html).not.toContain('field-error');
    const valid = renderToStaticMarkup(
      h(NumField, { label: '次数', value: '8', onChange: noop, ok: true, errorId: 'x' }),
    );
    expect(valid).not.toContain('aria-describedby');
  });

  it('unchecked (no ok given): never marked; decimals and small when asked', () => {
    const html = renderToStaticMarkup(
      h(NumField, { label: '目标', value: '0.8', onChange: noop, decimal: true, small: true }),
    );
    expect(html).toContain('class="input num-input small"');
    expect(html).toContain('inputMode="decimal"');
    expect(html).not.toContain('aria-invalid');
  });
});

describe('CheckField', () => {
  it('a checkbox with its label and explanation', () => {
    const html = renderToStaticMarkup(
      h(CheckField, { label: '共同随机数', title: '两方案用同一组种子', checked: true, onChange: noop, testId: 'crn' }),
    );
    expect(html).toContain('title="两方案用同一组种子"');
    expect(html).toContain('<input type="checkbox" data-testid="crn" checked=""/>');
    expect(html).toContain('共同随机数');
  });
});
