// Tests of BoundedLog: a log over its budget keeps its start and end and says how much was cut; under it, all of it.
import { describe, expect, it } from 'vitest';
import { BoundedLog } from '../../harness/runtime/bounded-log.ts';

describe('BoundedLog', () => {
  it('keeps everything under the budget, with no note', () => {
    const log = new BoundedLog({ headBytes: 8, tailBytes: 8 });
    log.append(Buffer.from('abc\n'));
    log.append(Buffer.from('def\n'));
    expect(log.text()).toBe('abc\ndef\n');
    expect(log.cutBytes).toBe(0);
  });

  it('keeps the first and the last bytes of a long log and names the cut', () => {
    const log = new BoundedLog({ headBytes: 4, tailBytes: 6 });
    // 26 bytes in 3 chunks: 'loading\n' (8) + 'x'.repeat(10) (10) + 'failed!\n' (8)
    log.append(Buffer.from('loading\n'));
    log.append(Buffer.from('x'.repeat(10)));
    log.append(Buffer.from('failed!\n'));
    // head 'load' (4), tail 'iled!\n' (6): 26 - 4 - 6 = 16 bytes cut
    expect(log.cutBytes).toBe(16);
    expect(log.text()).toBe(
      "load\n[minerbench: 16 bytes of the miner's output cut here; 26 bytes in all, the first 4 and the last 6 kept]\niled!\n",
    );
  });

  it('holds at most its budget however much is written (64 MiB in 1 MiB chunks)', () => {
    const log = new BoundedLog({ headBytes: 1 << 20, tailBytes: 2 << 20 });
    const chunk = Buffer.alloc(1 << 20, 0x61);
    for (let i = 0; i < 64; i++) log.append(chunk);
    // 64 MiB written, 1 MiB head + 2 MiB tail kept: 61 MiB = 63963136 bytes cut
    expect(log.cutBytes).toBe(63963136);
    expect(log.text().length).toBeLessThan((3 << 20) + 200);
  });
});
