/**
 * gpuCaughtUp: waits for the fence by polling between tasks, never by a
 * blocking call; deletes its fence; returns at once without fences or with
 * a lost context.
 */
import { describe, expect, it } from 'vitest';
import { gpuCaughtUp, type FenceGl } from './gpuFence.ts';

/** A context whose fence signals after `after` reads of its status. */
function fakeGl(after: number, opts: { noFence?: boolean; lostAt?: number } = {}) {
  const log: string[] = [];
  let reads = 0;
  const sync = {} as WebGLSync;
  const gl: FenceGl = {
    SYNC_GPU_COMMANDS_COMPLETE: 0x9117,
    SYNC_STATUS: 0x9114,
    SIGNALED: 0x9119,
    fenceSync: () => {
      log.push('fence');
      return opts.noFence ? null : sync;
    },
    getSyncParameter: (s, p) => {
      expect(s).toBe(sync);
      expect(p).toBe(0x9114);
      reads++;
      log.push(`read ${reads}`);
      return reads > after ? 0x9119 : 0x9118;
    },
    deleteSync: (s) => {
      expect(s).toBe(sync);
      log.push('delete');
    },
    flush: () => log.push('flush'),
    isContextLost: () => opts.lostAt !== undefined && reads >= opts.lostAt,
  };
  return { gl, log };
}

describe('gpuCaughtUp', () => {
  it('polls the fence between waits until it signals, then deletes it', async () => {
    const { gl, log } = fakeGl(3);
    const waits: number[] = [];
    await gpuCaughtUp(gl, async (ms) => {
      waits.push(ms);
      log.push('wait');
    });
    expect(log).toEqual(['fence', 'flush', 'read 1', 'wait', 'read 2', 'wait', 'read 3', 'wait', 'read 4', 'delete']);
    expect(waits.every((ms) => ms > 0)).toBe(true);
  });

  it('an already signalled fence: no wait', async () => {
    const { gl, log } = fakeGl(0);
    await gpuCaughtUp(gl, async () => {
      log.push('wait');
    });
    expect(log).toEqual(['fence', 'flush', 'read 1', 'delete']);
  });

  it('no fence (null): returns at once', async () => {
    const { gl, log } = fakeGl(5, { noFence: true });
    await gpuCaughtUp(gl, async () => {
      log.push('wait');
    });
    expect(log).toEqual(['fence']);
  });

  it('the context lost while waiting: stops polling and still deletes the fence', async () => {
    const { gl, log } = fakeGl(100, { lostAt: 2 });
    await gpuCaughtUp(gl, async () => {
      log.push('wait');
    });
    expect(log).toEqual(['fence', 'flush', 'read 1', 'wait', 'read 2', 'wait', 'delete']);
  });
});
