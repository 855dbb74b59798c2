// Tests of captureLine: bittensor and OpenAI exchanges become queries-file lines; what cannot be one says why.
import { describe, expect, it } from 'vitest';
import { captureLine } from '../../harness/capture/capture-line.ts';

describe('captureLine', () => {
  it('keeps a synapse own fields, its timeout header and the validator hotkey', () => {
    const body = Buffer.from(
      JSON.stringify({
        name: 'Dummy',
        timeout: 12.0,
        total_size: 1,
        header_size: 0,
        dendrite: {},
        axon: {},
        computed_body_hash: '',
        dummy_input: 7,
        dummy_output: null,
      }),
    );
    const c = captureLine({
      t: 1.2345678,
      method: 'POST',
      url: '/Dummy',
      headers: { timeout: '12.0', bt_header_dendrite_hotkey: '5Grw', computed_body_hash: 'a7ff' },
      body,
      status: 200,
      latencyMs: 3.21049,
    });
    expect(c).toEqual({
      line: {
        t: 1.234568,
        synapse: 'Dummy',
        body: { dummy_input: 7, dummy_output: null },
        timeout: 12,
        validator: '5Grw',
        status: 200,
        latencyMs: 3.21,
      },
    });
  });
  it('keeps an OpenAI path and body whole, with the Epistula signer and client timeout', () => {
    const body = Buffer.from('{"model":"m","stream":true,"messages":[]}');
    const c = captureLine({
      t: 0,
      method: 'POST',
      url: '/v1/chat/completions?x=1',
      headers: { 'epistula-signed-by': '5F', 'x-client-timeout': '20' },
      body,
      status: 200,
      latencyMs: 1,
    });
    expect(c).toEqual({
      line: {
        t: 0,
        synapse: '/v1/chat/completions',
        body: { model: 'm', stream: true, messages: [] },
        timeout: 20,
        validator: '5F',
        status: 200,
        latencyMs: 1,
      },
    });
  });
  it('skips what is not a query, saying why', () => {
    expect(
      captureLine({
        t: 0,
        method: 'GET',
        url: '/health',
        headers: {},
        body: Buffer.alloc(0),
        status: 200,
        latencyMs: 1,
      }),
    ).toEqual({ skipped: 'GET /health is not a query (only POSTs are captured)' });
    expect(
      captureLine({
        t: 0,
        method: 'POST',
        url: '/x',
        headers: {},
        body: Buffer.from('nope'),
        status: 400,
        latencyMs: 1,
      }),
    ).toEqual({ skipped: '/x: the body is not JSON' });
    expect(
      captureLine({
        t: 0,
        method: 'POST',
        url: '/x',
        headers: {},
        body: Buffer.from('[1]'),
        status: 400,
        latencyMs: 1,
      }),
    ).toEqual({ skipped: '/x: the body is not a JSON object' });
  });
});
