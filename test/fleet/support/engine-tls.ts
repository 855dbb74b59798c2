// makeEngineTls: a throwaway CA, a server certificate for one IP and a client certificate, made with openssl.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

export interface EngineTls {
  ca: string;
  serverCert: string;
  serverKey: string;
  cert: string;
  key: string;
}

export function makeEngineTls(dir: string, ip: string): EngineTls {
  const f = (n: string) => path.join(dir, n);
  const ssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  ssl(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '2',
    '-subj',
    '/CN=minerbench-test-ca',
    '-keyout',
    f('ca-key.pem'),
    '-out',
    f('ca.pem'),
  );
  const sign = (name: string, subj: string, ext: string) => {
    writeFileSync(f(`${name}.ext`), ext);
    ssl(
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-subj',
      subj,
      '-keyout',
      f(`${name}-key.pem`),
      '-out',
      f(`${name}.csr`),
    );
    ssl(
      'x509',
      '-req',
      '-in',
      f(`${name}.csr`),
      '-CA',
      f('ca.pem'),
      '-CAkey',
      f('ca-key.pem'),
      '-CAcreateserial',
      '-days',
      '2',
      '-out',
      f(`${name}.pem`),
      '-extfile',
      f(`${name}.ext`),
    );
  };
  sign('server', `/CN=${ip}`, `subjectAltName=IP:${ip}\nextendedKeyUsage=serverAuth\n`);
  sign('client', '/CN=minerbench-coordinator', 'extendedKeyUsage=clientAuth\n');
  return {
    ca: f('ca.pem'),
    serverCert: f('server.pem'),
    serverKey: f('server-key.pem'),
    cert: f('client.pem'),
    key: f('client-key.pem'),
  };
}
