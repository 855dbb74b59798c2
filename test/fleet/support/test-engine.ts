// TestEngine: an extra dockerd for fleet tests, in its own network namespace with its own address, socket and data root.
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import Docker from 'dockerode';
import { makeEngineTls, type EngineTls } from './engine-tls.ts';

const sh = (cmd: string, args: string[]) => execFileSync(cmd, args, { stdio: 'pipe' }).toString();

export class TestEngine {
  readonly dir: string;
  readonly socket: string;
  readonly netns: string;
  /** The engine's own address on its veth, reached from here like a remote host. */
  readonly ip: string;
  tls: EngineTls | undefined;
  private pid: number | undefined;

  constructor(
    readonly index: number,
    opts: { tls?: boolean } = {},
  ) {
    this.dir = mkdtempSync(`/tmp/mbfe${index}-`);
    this.socket = path.join(this.dir, 'd.sock');
    this.netns = `mbfe-${process.pid}-${index}`;
    const k = 100 + ((process.pid + index) % 150);
    this.ip = `10.${k}.${index}.2`;
    const veth = `mbfe${process.pid % 10000}x${index}`;
    sh('ip', ['netns', 'add', this.netns]);
    sh('ip', ['netns', 'exec', this.netns, 'ip', 'link', 'set', 'lo', 'up']);
    sh('ip', ['link', 'add', veth, 'type', 'veth', 'peer', 'name', `${veth}p`]);
    sh('ip', ['link', 'set', `${veth}p`, 'netns', this.netns]);
    sh('ip', ['addr', 'add', `10.${k}.${index}.1/24`, 'dev', veth]);
    sh('ip', ['link', 'set', veth, 'up']);
    sh('ip', ['netns', 'exec', this.netns, 'ip', 'addr', 'add', `${this.ip}/24`, 'dev', `${veth}p`]);
    sh('ip', ['netns', 'exec', this.netns, 'ip', 'link', 'set', `${veth}p`, 'up']);
    if (opts.tls) this.tls = makeEngineTls(this.dir, this.ip);
  }

  get endpoint(): string {
    return this.tls ? `tcp://${this.ip}:2376` : `unix://${this.socket}`;
  }

  get docker(): Docker {
    return new Docker({ socketPath: this.socket });
  }

  get cgroupParent(): string {
    return `/${this.netns}`;
  }

  /** Starts (or restarts, on the same data root) the daemon and waits until it answers. */
  async start(): Promise<void> {
    const d = this.dir;
    // After kill() the machine "reboots": run-time state (exec root, mounts, pid file) is gone, as /run is after a reboot.
    this.unmountAll();
    rmSync(`${d}/x`, { recursive: true, force: true });
    rmSync(`${d}/pid`, { force: true });
    // nsenter, not `ip netns exec`: that also remounts /sys, which hides the cgroup mounts dockerd needs.
    const args = [
      `--net=/var/run/netns/${this.netns}`,
      'dockerd',
      '--data-root',
      `${d}/data`,
      '--exec-root',
      `${d}/x`,
      '--pidfile',
      `${d}/pid`,
      '-H',
      `unix://${this.socket}`,
      '--cgroup-parent',
      this.cgroupParent,
    ];
    if (this.tls)
      args.push(
        '-H',
        `tcp://${this.ip}:2376`,
        '--tlsverify',
        '--tlscacert',
        this.tls.ca,
        '--tlscert',
        this.tls.serverCert,
        '--tlskey',
        this.tls.serverKey,
      );
    const log = openSync(path.join(d, 'dockerd.log'), 'a');
    const child = spawn('nsenter', args, { detached: true, stdio: ['ignore', log, log] });
    closeSync(log);
    child.unref();
    this.pid = child.pid;
    for (let i = 0; i < 60; i++) {
      if (
        await this.docker.ping().then(
          () => true,
          () => false,
        )
      )
        return;
      await new Promise((r) => setTimeout(r, 500));
    }
    throw new Error(`test engine ${this.index} did not start`);
  }

  /** Copies an image from the default engine (docker save | docker load). */
  loadImage(ref: string): void {
    execFileSync('bash', ['-c', `docker save '${ref}' | docker -H 'unix://${this.socket}' load -q`], { stdio: 'pipe' });
  }

  /** A graceful stop: the daemon stops its containers and exits. */
  async stop(): Promise<void> {
    const pid = this.daemonPid();
    if (!pid) return;
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      return;
    }
    for (let i = 0; i < 60 && this.alive(pid); i++) await new Promise((r) => setTimeout(r, 250));
    if (this.alive(pid)) this.kill();
  }

  /** The machine dies: every process of this engine (daemon, containerd, shims, containers) is SIGKILLed at once. */
  kill(): void {
    for (const pid of this.processes()) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
  }

  /** Every process that belongs to this engine: in its network namespace, or in its containers' cgroups. */
  processes(): number[] {
    const pids = new Set<number>();
    try {
      for (const p of sh('ip', ['netns', 'pids', this.netns]).split('\n')) if (p.trim()) pids.add(Number(p));
    } catch {
      /* namespace gone */
    }
    const cg = `/sys/fs/cgroup/pids${this.cgroupParent}`;
    const walk = (dir: string) => {
      if (!existsSync(dir)) return;
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) walk(path.join(dir, e.name));
        else if (e.name === 'cgroup.procs')
          for (const p of readFileSync(path.join(dir, e.name), 'utf8').split('\n')) if (p.trim()) pids.add(Number(p));
      }
    };
    walk(cg);
    for (const p of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
      try {
        if (readFileSync(`/proc/${p}/cmdline`, 'utf8').includes(this.dir)) pids.add(Number(p));
      } catch {
        /* exited */
      }
    }
    pids.delete(process.pid);
    return [...pids];
  }

  /** Removes everything: processes, mounts, namespace (and its veth), folder. Safe to call twice, and after a failure. */
  async destroy(): Promise<void> {
    await this.stop().catch(() => undefined);
    this.kill();
    await new Promise((r) => setTimeout(r, 300));
    this.unmountAll();
    try {
      sh('ip', ['netns', 'del', this.netns]);
    } catch {
      /* already gone */
    }
    for (const ctrl of readdirSync('/sys/fs/cgroup')) {
      const cg = `/sys/fs/cgroup/${ctrl}${this.cgroupParent}`;
      if (existsSync(cg)) rmCgroup(cg);
    }
    rmSync(this.dir, { recursive: true, force: true });
  }

  private unmountAll(): void {
    const mounts = readFileSync('/proc/mounts', 'utf8')
      .split('\n')
      .map((l) => l.split(' ')[1] ?? '')
      .filter((m) => m.startsWith(this.dir))
      .sort()
      .reverse();
    for (const m of mounts) {
      try {
        sh('umount', ['-l', m]);
      } catch {
        /* not mounted any more */
      }
    }
  }

  private daemonPid(): number | undefined {
    const f = path.join(this.dir, 'pid');
    return existsSync(f) ? Number(readFileSync(f, 'utf8').trim()) || this.pid : this.pid;
  }

  private alive(pid: number): boolean {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  }
}

/** cgroup folders go with rmdir, deepest first. */
function rmCgroup(dir: string): void {
  for (const e of readdirSync(dir, { withFileTypes: true })) if (e.isDirectory()) rmCgroup(path.join(dir, e.name));
  try {
    execFileSync('rmdir', [dir], { stdio: 'ignore' });
  } catch {
    /* busy or gone */
  }
}
