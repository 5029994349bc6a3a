/**
 * The queue's wire format without Redis: URLs and their masking, the job
 * schema, result keys, version order, and a result codec that gives back
 * exactly the object a local run returns.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSimService } from '../analysis/service.ts';
import type { RunResult } from '../sim/result.ts';
import { JobData, compareVersions, decodeResult, encodeResult, jobId, resultKey } from './protocol.ts';
import { maskUrl, parseQueueUrl, redact } from './url.ts';

describe('queue URLs', () => {
  it('parses redis:// and rediss:// with host, port and database', () => {
    expect(parseQueueUrl('redis://127.0.0.1:6380/3', {})).toMatchObject({
      host: '127.0.0.1',
      port: 6380,
      db: 3,
      tls: false,
      secrets: [],
      display: 'redis://127.0.0.1:6380/3',
    });
    expect(parseQueueUrl('rediss://cache.example', {})).toMatchObject({ port: 6379, db: 0, tls: true });
  });

  it('never shows a password: masked in display, scrubbed by redact, taken from the environment', () => {
    const t = parseQueueUrl('redis://:p%40ss:w0rd@h:1/0', {});
    expect(t.display).toBe('redis://:***@h:1/0');
    expect(t.secrets).toEqual(['p@ss:w0rd']);
    expect(redact('AUTH p@ss:w0rd failed for p%40ss%3Aw0rd', t.secrets)).toBe('AUTH *** failed for ***');
    const e = parseQueueUrl('redis://h:1', { ALLWEATHER_REDIS_PASSWORD: 'from-env' });
    expect(e.url).toBe('redis://:from-env@h:1');
    expect(e.display).toBe('redis://:***@h:1');
    expect(maskUrl('redis://user:pw@h')).toBe('redis://user:***@h');
    expect(maskUrl('not a url://x:y@z')).toBe('not a url://x:y@z');
    expect(maskUrl('scenarios/a.json')).toBe('scenarios/a.json');
  });

  it('refuses what is not a Redis URL, bilingually and masked', () => {
    for (const bad of [
      'http://:pw@h',
      'redis://:pw@h:0',
      'redis://:pw@h/99',
      'redis://:pw@h/x',
      'nonsense',
      'redis://:pw@h?a=1',
    ])
      expect(() => parseQueueUrl(bad, {})).toThrow(/--queue 地址无效.*Invalid --queue URL/);
    try {
      parseQueueUrl('http://:topsecret@h', {});
    } catch (err) {
      expect((err as Error).message).not.toContain('topsecret');
    }
  });
});

describe('jobs and results', () => {
  it('the job schema accepts only data', () => {
    const ok = { protocol: 1, app: '0.1.0', hash: '0123456789abcdef', seed: 3, days: 2, log: false };
    expect(JobData.safeParse(ok).success).toBe(true);
    for (const bad of [
      { ...ok, hash: 'zz' },
      { ...ok, seed: 1.5 },
      { ...ok, days: 0 },
      { ...ok, days: 400 },
      { ...ok, app: 'latest' },
      { ...ok, fn: 'x => x' },
      { ...ok, log: 'yes' },
    ])
      expect(JobData.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  });

  it('keys and ids name app version, scenario, seed, days and log; ids have no colon', () => {
    const id = { app: '0.1.0', hash: '0123456789abcdef', seed: 7, days: 30, log: true };
    expect(resultKey(id)).toBe('allweather:result:0.1.0:0123456789abcdef:7:30:1');
    expect(jobId(id)).toBe('r_0.1.0_0123456789abcdef_7_30_1');
    expect(jobId(id)).not.toContain(':');
  });

  it('orders versions', () => {
    expect(compareVersions('0.2.0', '0.1.9')).toBeGreaterThan(0);
    expect(compareVersions('1.0.0', '1.0.0-rc.1')).toBe(0);
    expect(compareVersions('0.1.0', '0.10.0')).toBeLessThan(0);
  });

  it('a result survives the codec exactly, -0, NaN and Infinity included', () => {
    const text = readFileSync(new URL('../../scenarios/validation-mmc.json', import.meta.url), 'utf8');
    const r = createSimService().runReplication(text, 5, { days: 1, log: true });
    expect(decodeResult(encodeResult(r))).toStrictEqual(r);
    const odd = { ...r, backlogByHour: [-0, NaN, Infinity, -Infinity, 1.5e-300] } as RunResult;
    const back = decodeResult(encodeResult(odd));
    expect(Object.is(back.backlogByHour[0], -0)).toBe(true);
    expect(back.backlogByHour.slice(1)).toStrictEqual([NaN, Infinity, -Infinity, 1.5e-300]);
  });
});
