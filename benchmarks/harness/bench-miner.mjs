// A local HTTP miner for the load benchmarks, run in its own process: `noop` answers at once; `stall` answers in 5 ms
// but freezes the whole process for 1 s in every 5 s of wall-clock time (Date.now() % 5000 < 1000). Paths under /v1/
// get a chat completion; any other path (a synapse route, /Dummy) gets a Dummy synapse, as a no-op axon would.
// `big` answers every request with 64 MiB, chunked (no length announced), as a hostile miner might.
import http from 'node:http';

const [mode = 'noop', portArg = '0'] = process.argv.slice(2);
const ANSWER = JSON.stringify({
  id: 'x',
  object: 'chat.completion',
  choices: [{ index: 0, message: { role: 'assistant', content: 'ok' }, finish_reason: 'stop' }],
  usage: { completion_tokens: 1 },
});
const SYNAPSE = JSON.stringify({
  name: 'Dummy',
  timeout: 12.0,
  axon: { status_code: 200, status_message: 'Success' },
  computed_body_hash: '',
  dummy_input: 7,
  dummy_output: 14,
});
const BIG = mode === 'big' ? Buffer.alloc(64 * 1024 * 1024, 0x61) : null;
function bigAnswer(res) {
  res.writeHead(200, { 'content-type': 'application/json' });
  let sent = 0;
  const more = () => {
    while (sent < BIG.length && !res.destroyed) {
      const ok = res.write(BIG.subarray(sent, (sent += 1024 * 1024)));
      if (!ok) return void res.once('drain', more);
    }
    if (!res.destroyed) res.end();
  };
  more();
}
const server = http.createServer((req, res) => {
  req.resume();
  if (BIG) return void req.on('end', () => bigAnswer(res));
  req.on('end', () => {
    const body = req.url.startsWith('/v1/') ? ANSWER : SYNAPSE;
    const reply = () => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    };
    if (mode === 'stall') setTimeout(reply, 5);
    else reply();
  });
});
server.keepAliveTimeout = 60_000;
if (mode === 'stall') {
  setInterval(() => {
    const inWindow = Date.now() % 5000;
    if (inWindow < 1000) {
      const end = Date.now() - inWindow + 1000;
      while (Date.now() < end) {
        /* frozen, as a stop-the-world pause */
      }
    }
  }, 1);
}
server.listen(Number(portArg), '127.0.0.1', () => console.log(`PORT ${server.address().port}`));
