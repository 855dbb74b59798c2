// keptAnswer: the artifacts keep what a reward function reads (the synapse's fields, status codes, process times) and
// drop the request's identity (ips, ports, nonces, uuids, hotkeys, signatures).
import { describe, expect, it } from 'vitest';
import { keptAnswer } from '../../harness/transport/kept-answer.ts';

describe('keptAnswer', () => {
  it('drops the terminals identity fields and keeps everything else', () => {
    const answer = {
      name: 'Dummy',
      timeout: 12,
      dendrite: {
        status_code: 200,
        process_time: 0.0123,
        ip: '127.0.0.1',
        port: null,
        nonce: 17,
        uuid: 'u',
        hotkey: 'h',
        signature: '0xab',
        version: 1,
      },
      axon: {
        status_code: 200,
        status_message: 'Success',
        process_time: 0.0004,
        ip: '10.1.2.3',
        port: 8091,
        hotkey: 'm',
      },
      computed_body_hash: '',
      dummy_input: 3,
      dummy_output: 6,
    };
    expect(keptAnswer(answer)).toEqual({
      name: 'Dummy',
      timeout: 12,
      dendrite: { status_code: 200, process_time: 0.0123 },
      axon: { status_code: 200, status_message: 'Success', process_time: 0.0004 },
      computed_body_hash: '',
      dummy_input: 3,
      dummy_output: 6,
    });
  });
});
