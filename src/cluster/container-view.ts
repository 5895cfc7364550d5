import { findImage, type ImageSpec } from './images.ts';
import { lastStart, podStatus } from './lifecycle.ts';
import type { Pod } from './model.ts';

/**
 * What a process inside a container sees of its world: the files the kubelet writes (/etc/hosts,
 * /etc/resolv.conf), its environment, its own process table (containers of a pod do not share a
 * PID namespace unless the pod asks), and the pod's network interfaces (shared by every container).
 */
export type Userland = 'busybox' | 'debian';

/** busybox and alpine ship BusyBox tools; the other images are Debian based. */
export const userlandOf = (image: ImageSpec): Userland =>
  image.repository === 'busybox' || image.repository === 'alpine' ? 'busybox' : 'debian';

/** The images' own ENV lines (their Dockerfiles). */
const IMAGE_ENV: Record<string, [string, string][]> = {
  'luksa/kubia': [
    ['NPM_CONFIG_LOGLEVEL', 'info'],
    ['NODE_VERSION', '7.10.1'],
    ['YARN_VERSION', '0.24.4'],
  ],
  nginx: [
    ['NGINX_VERSION', '1.27.3'],
    ['NJS_VERSION', '0.8.7'],
    ['NJS_RELEASE', '1~bookworm'],
    ['PKG_RELEASE', '1~bookworm'],
    ['DYNPKG_RELEASE', '1~bookworm'],
  ],
  redis: [
    ['GOSU_VERSION', '1.17'],
    ['REDIS_VERSION', '7.4.1'],
  ],
};

/** The Service environment the kubelet injects for the `kubernetes` Service of `default`. */
const SERVICE_ENV: [string, string][] = [
  ['KUBERNETES_SERVICE_HOST', '10.96.0.1'],
  ['KUBERNETES_SERVICE_PORT', '443'],
  ['KUBERNETES_SERVICE_PORT_HTTPS', '443'],
  ['KUBERNETES_PORT', 'tcp://10.96.0.1:443'],
  ['KUBERNETES_PORT_443_TCP', 'tcp://10.96.0.1:443'],
  ['KUBERNETES_PORT_443_TCP_PROTO', 'tcp'],
  ['KUBERNETES_PORT_443_TCP_PORT', '443'],
  ['KUBERNETES_PORT_443_TCP_ADDR', '10.96.0.1'],
];

export function environment(pod: Pod, index: number, tty: boolean): [string, string][] {
  const container = pod.spec.containers[index];
  const image = container === undefined ? undefined : findImage(container.image);
  const own = (container?.env ?? []).map((e): [string, string] => [e.name, e.value]);
  const vars: [string, string][] = [
    ['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
    ['HOSTNAME', pod.metadata.name],
    ...(tty ? [['TERM', 'xterm'] as [string, string]] : []),
    ...(IMAGE_ENV[image?.repository ?? ''] ?? []),
    ...own,
    ...SERVICE_ENV,
    ['HOME', '/root'],
  ];
  // A name set twice keeps its first place and its last value, as a process environment does.
  const merged = new Map<string, string>();
  for (const [name, value] of vars) merged.set(name, value);
  return [...merged.entries()];
}

export const etcHosts = (pod: Pod): string =>
  [
    '# Kubernetes-managed hosts file.',
    '127.0.0.1\tlocalhost',
    '::1\tlocalhost ip6-localhost ip6-loopback',
    'fe00::0\tip6-localnet',
    'fe00::0\tip6-mcastprefix',
    'fe00::1\tip6-allnodes',
    'fe00::2\tip6-allrouters',
    `${pod.sim.podIP ?? ''}\t${pod.metadata.name}`,
    '',
  ].join('\n');

export const resolvConf = (pod: Pod): string =>
  `search ${pod.metadata.namespace}.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n`;

/** KIA Chapter02/kubia/app.js, the program inside luksa/kubia. */
const KUBIA_APP = `const http = require('http');
const os = require('os');

console.log("Kubia server starting...");

var handler = function(request, response) {
  console.log("Received request from " + request.connection.remoteAddress);
  response.writeHead(200);
  response.end("You've hit " + os.hostname() + "\\n");
};

var www = http.createServer(handler);
www.listen(8080);
`;

/** Files `cat` can show; null means no such file. */
export function readFile(pod: Pod, image: ImageSpec, path: string): string | null {
  switch (path) {
    case '/etc/hosts':
      return etcHosts(pod);
    case '/etc/hostname':
      return `${pod.metadata.name}\n`;
    case '/etc/resolv.conf':
      return resolvConf(pod);
    case '/app.js':
      return image.repository === 'luksa/kubia' ? KUBIA_APP : null;
    default:
      return null;
  }
}

const DEBIAN_ROOT = 'bin boot dev etc home lib lib64 media mnt opt proc root run sbin srv sys tmp usr var';
const ROOTS: Record<string, string> = {
  busybox: 'bin dev etc home lib lib64 proc root sys tmp usr var',
  alpine: 'bin dev etc home lib media mnt opt proc root run sbin srv sys tmp usr var',
  'luksa/kubia': `app.js ${DEBIAN_ROOT}`,
  nginx: DEBIAN_ROOT.replace('dev ', 'dev docker-entrypoint.d docker-entrypoint.sh '),
  redis: DEBIAN_ROOT.replace('boot ', 'boot data '),
};

export const rootListing = (image: ImageSpec): string[] =>
  (ROOTS[image.repository] ?? DEBIAN_ROOT).split(' ');

/** The command line of the container's PID 1. */
export function mainCommand(pod: Pod, index: number, image: ImageSpec): string {
  const container = pod.spec.containers[index];
  const argv = [...(container?.command ?? []), ...(container?.args ?? [])];
  if (image.runsCommand) return argv.length > 0 ? argv.join(' ') : 'sh';
  return image.processName;
}

/** The exec'd process gets the next free PID after the main process's start-up. */
const EXEC_PID = 7;

const hhmm = (ms: number) => new Date(ms).toISOString().slice(11, 16);

export function processTable(
  pod: Pod,
  index: number,
  image: ImageSpec,
  argv: readonly string[],
  tty: boolean,
  now: number,
): string {
  const main = mainCommand(pod, index, image);
  const self = argv.join(' ');
  const c = podStatus(pod, now).containers[index];
  const startedAt = (c === undefined ? undefined : lastStart(c)) ?? now;
  if (userlandOf(image) === 'busybox') {
    return [
      'PID   USER     TIME  COMMAND',
      `    1 root      0:00 ${main}`,
      `${String(EXEC_PID).padStart(5)} root      0:00 ${self}`,
      '',
    ].join('\n');
  }
  const ttyName = tty ? 'pts/0' : '?';
  if (argv.length === 1) {
    // Plain `ps` lists the processes on the caller's terminal: with -t, that is only itself.
    const rows = [
      ...(tty ? [] : [`    1 ?        00:00:00 ${main.split(' ')[0]?.split('/').pop() ?? main}`]),
      `${String(EXEC_PID).padStart(5)} ${ttyName.padEnd(8)} 00:00:00 ps`,
    ];
    return ['  PID TTY          TIME CMD', ...rows, ''].join('\n');
  }
  const row = (
    pid: number,
    cpu: string,
    mem: string,
    vsz: number,
    rss: number,
    t: string,
    stat: string,
    start: number,
    cmd: string,
  ) =>
    `${'root'.padEnd(8)} ${String(pid).padStart(5)} ${cpu.padStart(4)} ${mem.padStart(4)} ${String(vsz).padStart(6)} ${String(rss).padStart(5)} ${t.padEnd(8)} ${stat.padEnd(4)} ${hhmm(start).padStart(5)} ${'0:00'.padStart(6)} ${cmd}`;
  return [
    'USER       PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND',
    row(1, '0.0', '1.4', 614_436, 28_632, '?', 'Ssl', startedAt, main),
    row(EXEC_PID, '0.0', '0.1', 17_500, 2_052, ttyName, tty ? 'Rs+' : 'Rs', now, self),
    '',
  ].join('\n');
}

/** A stable, locally administered MAC for the pod's eth0, from its uid. */
function macOf(pod: Pod): number[] {
  const hex = pod.metadata.uid.replaceAll('-', '');
  const bytes = [0, 1, 2, 3, 4, 5].map((i) => Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16) || 0);
  bytes[0] = ((bytes[0] ?? 0) & 0xfe) | 0x02;
  return bytes;
}

function linkLocal(mac: number[]): string {
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = mac;
  const groups = [((a ^ 0x02) << 8) | b, (c << 8) | 0xff, (0xfe << 8) | d, (e << 8) | f];
  return `fe80::${groups.map((g) => g.toString(16)).join(':')}`;
}

export function ipAddr(pod: Pod, image: ImageSpec): string {
  const ip = pod.sim.podIP ?? '';
  const prefix = ip.split('.').slice(0, 3).join('.');
  const mac = macOf(pod);
  const macText = mac.map((b) => b.toString(16).padStart(2, '0')).join(':');
  const peer = 4 + Number(ip.split('.')[3] ?? 0);
  const gnu = userlandOf(image) === 'debian';
  return [
    `1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue ${gnu ? 'state UNKNOWN group default ' : ''}qlen 1000`,
    '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00',
    '    inet 127.0.0.1/8 scope host lo',
    '       valid_lft forever preferred_lft forever',
    '    inet6 ::1/128 scope host ',
    '       valid_lft forever preferred_lft forever',
    `2: eth0@if${peer}: <BROADCAST,MULTICAST,UP,LOWER_UP${gnu ? '' : ',M-DOWN'}> mtu 1450 qdisc noqueue ${gnu ? 'state UP group default ' : ''}`,
    `    link/ether ${macText} brd ff:ff:ff:ff:ff:ff${gnu ? ' link-netnsid 0' : ''}`,
    `    inet ${ip}/24 brd ${prefix}.255 scope global eth0`,
    '       valid_lft forever preferred_lft forever',
    `    inet6 ${linkLocal(mac)}/64 scope link `,
    '       valid_lft forever preferred_lft forever',
    '',
  ].join('\n');
}

/** Flannel's routes in a pod: the node's bridge is the gateway to the rest of the pod network. */
export function ipRoute(pod: Pod, image: ImageSpec): string {
  const ip = pod.sim.podIP ?? '';
  const prefix = ip.split('.').slice(0, 3).join('.');
  const gnu = userlandOf(image) === 'debian';
  return [
    `default via ${prefix}.1 dev eth0 `,
    `10.244.0.0/16 via ${prefix}.1 dev eth0 `,
    gnu
      ? `${prefix}.0/24 dev eth0 proto kernel scope link src ${ip} `
      : `${prefix}.0/24 dev eth0 scope link  src ${ip} `,
    '',
  ].join('\n');
}
