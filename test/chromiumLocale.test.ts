/**
 * The npm Chromium's locale (e2e/chromiumPath.ts): an installed UTF-8 one, so
 * that downloads keep their non-ASCII names (in a locale glibc lacks, the
 * browser fell back to ASCII and `实验-2项.allweather-experiments.json` was
 * saved as "download").
 */
import { describe, expect, it } from 'vitest';
import { utf8Locale } from '../e2e/chromiumPath.ts';

describe('the npm Chromium runs in an installed UTF-8 locale', () => {
  it('en_US.UTF-8 where it is installed (as `locale -a` spells it)', () => {
    expect(utf8Locale(['C', 'C.utf8', 'en_US.utf8', 'POSIX'])).toBe('en_US.UTF-8');
    expect(utf8Locale(['C', 'en_US.UTF-8'])).toBe('en_US.UTF-8');
  });
  it('else C.UTF-8, never an en_US the system does not have', () => {
    expect(utf8Locale(['C', 'C.utf8', 'POSIX'])).toBe('C.UTF-8');
    expect(utf8Locale(['C', 'en_GB.utf8'])).toBe('C.UTF-8');
    expect(utf8Locale([])).toBe('C.UTF-8');
  });
});
