import { hash } from 'node:crypto';
import type { Container } from './model.ts';

/**
 * The simulated images, as data (kwok-style): how each one starts (ENTRYPOINT/CMD), which ports its
 * server binds, what it logs, how it answers HTTP and how big it is to pull. Anything not in this
 * table cannot be pulled, as a typo'd image on a real cluster ends in ErrImagePull/ImagePullBackOff.
 * The lifecycle (`lifecycle.ts`) and the process model (`process.ts`) are small interpreters of it.
 */
export interface ImageSpec {
  /** Repository without registry (for Docker Hub), tag or digest, e.g. "luksa/kubia". */
  repository: string;
  /** Tags the registry has; any other tag is "not found". */
  tags: RegExp;
  sizeBytes: number;
  /** How long a first pull takes on a worker, in ms. A repeat pull (layers cached) is quicker. */
  pullMs: number;
  /** kubeadm pre-pulls the control-plane images: they are on every node already. */
  preloaded: boolean;
  /** The image's ENTRYPOINT and CMD, which `command`/`args` replace as Kubernetes documents. */
  entrypoint: string[];
  cmd: string[];
  /** The binary that is this image's server (its argv[0] basename); absent for plain shells. */
  server?: string;
  /** TCP ports the server binds. */
  listens: number[];
  /**
   * When set, the server binds `listens` only if its command line has one of these flags: the
   * stock fluent-bit config keeps its HTTP server off, and `-H`/`--http` turns it on.
   */
  listenFlags?: string[];
  /** Lines printed at start only when the server binds (after `startLogs`). */
  listenLogs?: string[];
  /** Lines the server prints at start; {hostname} and {port} are filled in. */
  startLogs: string[];
  /** Line logged per HTTP request served; {from} is the caller's address. */
  requestLog?: string;
  /** Body of the HTTP answer; {hostname} is the pod's name. */
  httpBody?: string;
  /** What the server prints when its port is already taken in the pod (lines split on \n). */
  bindError?: string;
  /** How long the server takes to give up on a taken port (nginx retries five times). */
  bindFailMs?: number;
  /** Commands (besides the shell built-ins) the image ships, for `kubectl exec`. */
  binaries: string[];
  /** True for images with no server of their own (busybox, alpine, curl): the command decides. */
  runsCommand: boolean;
  /** Processes shown by `ps`, one per container: the main process's command line. */
  processName: string;
  /**
   * How the main process answers SIGTERM when its pod is deleted: 'exits' (nginx, redis: a
   * handler shuts down at once) or 'ignores' (node's app.js and a shell or `sleep` as PID 1 have
   * no handler, and PID 1 ignores what it does not handle), so the kubelet kills it with SIGKILL
   * when the grace period ends.
   */
  onSigterm: 'exits' | 'ignores';
}

const SHELL_TOOLS = [
  'sh',
  'ls',
  'cat',
  'echo',
  'env',
  'hostname',
  'ps',
  'sleep',
  'wget',
  'ip',
  'true',
  'false',
  'date',
  'whoami',
];
const DEBIAN_TOOLS = ['sh', 'bash', 'ls', 'cat', 'echo', 'env', 'hostname', 'sleep', 'true', 'false', 'date'];
const VERSION_TAGS =
  /^(latest|v?\d+(\.\d+)*([-.][a-z0-9.]+)*|alpine[\d.]*|stable|mainline|bookworm|bullseye)$/;

type Entry = Omit<ImageSpec, 'runsCommand' | 'preloaded' | 'tags' | 'onSigterm'> & {
  preloaded?: boolean;
  tags?: RegExp;
  onSigterm?: ImageSpec['onSigterm'];
};

const image = (entry: Entry): ImageSpec => ({
  preloaded: false,
  tags: VERSION_TAGS,
  onSigterm: 'ignores',
  ...entry,
  runsCommand: entry.server === undefined,
});

const nginxBind = (family: string) =>
  `nginx: [emerg] bind() to ${family}:{port} failed (98: Address already in use)`;

const SYSTEM_COMPONENTS: readonly { name: string; binary: string; listens: number[] }[] = [
  { name: 'etcd', binary: 'etcd', listens: [2379, 2380, 2381] },
  { name: 'kube-apiserver', binary: 'kube-apiserver', listens: [6443] },
  { name: 'kube-controller-manager', binary: 'kube-controller-manager', listens: [10257] },
  { name: 'kube-scheduler', binary: 'kube-scheduler', listens: [10259] },
  { name: 'kube-proxy', binary: 'kube-proxy', listens: [10249, 10256] },
  { name: 'coredns/coredns', binary: 'coredns', listens: [53, 8080, 8181] },
];

export const IMAGES: readonly ImageSpec[] = [
  image({
    // Kubernetes in Action's app.js on node:7: ENTRYPOINT ["node", "app.js"].
    repository: 'luksa/kubia',
    tags: /^(latest|v[1-3])$/,
    sizeBytes: 267_353_126,
    pullMs: 2100,
    entrypoint: ['node', 'app.js'],
    cmd: [],
    server: 'node',
    listens: [8080],
    startLogs: ['Kubia server starting...'],
    requestLog: 'Received request from {from}',
    httpBody: "You've hit {hostname}\n",
    // node:7 names the error without the "address already in use" words newer Node adds.
    bindError: 'Error: listen EADDRINUSE :::{port}',
    binaries: [...SHELL_TOOLS, 'bash', 'node', 'curl'],
    processName: 'node app.js',
  }),
  image({
    repository: 'nginx',
    onSigterm: 'exits',
    sizeBytes: 72_319_283,
    pullMs: 1400,
    entrypoint: ['/docker-entrypoint.sh'],
    cmd: ['nginx', '-g', 'daemon off;'],
    server: 'nginx',
    listens: [80],
    startLogs: [
      '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
      '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
      '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
      '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
      '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
      '/docker-entrypoint.sh: Configuration complete; ready for start up',
    ],
    requestLog: '{from} - - [{date}] "GET / HTTP/1.1" 200 615 "-" "curl/8.5.0" "-"',
    httpBody:
      '<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>\n</head>\n<body>\n<h1>Welcome to nginx!</h1>\n</body>\n</html>\n',
    // nginx retries bind() five times, half a second apart, on both listen sockets, then gives up.
    bindError: [
      ...Array.from({ length: 5 }, () => [nginxBind('0.0.0.0'), nginxBind('[::]')]).flat(),
      'nginx: [emerg] still could not bind()',
    ].join('\n'),
    bindFailMs: 2500,
    binaries: [...DEBIAN_TOOLS, 'curl', 'nginx'],
    processName: 'nginx: master process nginx -g daemon off;',
  }),
  image({
    repository: 'redis',
    onSigterm: 'exits',
    sizeBytes: 45_120_311,
    pullMs: 1200,
    entrypoint: ['docker-entrypoint.sh'],
    cmd: ['redis-server'],
    server: 'redis-server',
    listens: [6379],
    startLogs: [
      '1:C * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo',
      '1:M * Ready to accept connections tcp',
    ],
    bindError:
      '1:M # Warning: Could not create server TCP listening socket *:{port}: bind: Address already in use\n1:M # Failed listening on port {port} (tcp), aborting.',
    binaries: [...DEBIAN_TOOLS, 'redis-cli', 'redis-server'],
    processName: 'redis-server *:6379',
  }),
  image({
    repository: 'busybox',
    sizeBytes: 2_155_134,
    pullMs: 900,
    entrypoint: [],
    cmd: ['sh'],
    listens: [],
    startLogs: [],
    binaries: [...SHELL_TOOLS, 'nc', 'httpd', 'wget'],
    processName: 'sh',
  }),
  image({
    repository: 'alpine',
    sizeBytes: 3_653_068,
    pullMs: 900,
    entrypoint: [],
    cmd: ['/bin/sh'],
    listens: [],
    startLogs: [],
    binaries: [...SHELL_TOOLS, 'nc'],
    processName: '/bin/sh',
  }),
  image({
    // ENTRYPOINT ["/entrypoint.sh"] CMD ["curl"]: arguments starting with "-" go to curl.
    repository: 'curlimages/curl',
    sizeBytes: 10_218_764,
    pullMs: 1000,
    entrypoint: ['/entrypoint.sh'],
    cmd: ['curl'],
    listens: [],
    startLogs: [],
    binaries: ['sh', 'ls', 'cat', 'echo', 'env', 'hostname', 'sleep', 'true', 'false', 'date', 'curl'],
    processName: 'curl',
  }),
  image({
    // The log-shipping sidecar of the notes' multi-container pods.
    repository: 'fluent/fluent-bit',
    onSigterm: 'exits',
    sizeBytes: 38_502_917,
    pullMs: 1300,
    entrypoint: ['/fluent-bit/bin/fluent-bit'],
    cmd: ['-c', '/fluent-bit/etc/fluent-bit.conf'],
    server: 'fluent-bit',
    listens: [2020],
    listenFlags: ['-H', '--http'],
    startLogs: [
      'Fluent Bit v3.2.2',
      '* Copyright (C) 2015-2024 The Fluent Bit Authors',
      '* Fluent Bit is a CNCF sub-project under the umbrella of Fluentd',
      '* https://fluentbit.io',
      '',
      '[info] [fluent bit] version=3.2.2, commit=a59c8f2e4c, pid=1',
      '[info] [storage] ver=1.5.2, type=memory, sync=normal, checksum=off, max_chunks_up=128',
      '[info] [cmetrics] version=0.9.9',
      '[info] [input:cpu:cpu.0] initializing',
      '[info] [output:stdout:stdout.0] worker #0 started',
      '[info] [sp] stream processor started',
    ],
    listenLogs: ['[info] [http_server] listen iface=0.0.0.0 tcp_port=2020'],
    httpBody: '{"fluent-bit":{"version":"3.2.2","edition":"Community"}}\n',
    bindError: '[error] [http_server] could not bind address 0.0.0.0:{port}. Aborting',
    binaries: ['fluent-bit'],
    processName: '/fluent-bit/bin/fluent-bit -c /fluent-bit/etc/fluent-bit.conf',
  }),
  ...SYSTEM_COMPONENTS.map((c) =>
    image({
      repository: `registry.k8s.io/${c.name}`,
      onSigterm: 'exits',
      sizeBytes: 30_000_000,
      pullMs: 1000,
      preloaded: true,
      entrypoint: [c.binary],
      cmd: [],
      server: c.binary,
      listens: c.listens,
      startLogs: [],
      binaries: [],
      processName: c.binary,
    }),
  ),
  image({
    repository: 'ghcr.io/flannel-io/flannel',
    onSigterm: 'exits',
    sizeBytes: 32_000_000,
    pullMs: 1000,
    preloaded: true,
    entrypoint: ['/opt/bin/flanneld'],
    cmd: [],
    server: 'flanneld',
    listens: [],
    startLogs: [],
    binaries: [],
    processName: '/opt/bin/flanneld --ip-masq --kube-subnet-mgr',
  }),
];

export interface ImageRef {
  repository: string;
  tag: string;
}

/** Splits "docker.io/library/nginx:1.27" into the catalogue's repository and the tag. */
export function parseImage(image: string): ImageRef {
  const at = image.indexOf('@');
  const withoutDigest = at === -1 ? image : image.slice(0, at);
  const slash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.lastIndexOf(':');
  const hasTag = colon > slash;
  let repository = hasTag ? withoutDigest.slice(0, colon) : withoutDigest;
  const tag = hasTag ? withoutDigest.slice(colon + 1) : 'latest';
  repository = repository.replace(/^docker\.io\//, '').replace(/^library\//, '');
  return { repository, tag };
}

/** The catalogue entry for a reference, if the registry has that repository and tag. */
export function findImage(image: string): ImageSpec | undefined {
  return remembered(found, image, lookUpImage);
}

/** The catalogue entry looked up afresh (what `findImage` keeps; for tests). */
export function lookUpImage(image: string): ImageSpec | undefined {
  const { repository, tag } = parseImage(image);
  const spec = IMAGES.find((i) => i.repository === repository);
  return spec !== undefined && (image.includes('@') || spec.tags.test(tag)) ? spec : undefined;
}

/**
 * Answers kept by their input (the catalogue and the hash are fixed): a pod's status, events and
 * `describe` look up the same few images and ids again and again (a crash loop's every pull event
 * named its image's size). At most MEMO_MAX each; a full memo starts over.
 */
const MEMO_MAX = 4096;
const found = new Map<string, ImageSpec | undefined>();
const hashes = new Map<string, string>();
const imageIDs = new Map<string, string>();

function remembered<T>(memo: Map<string, T>, key: string, compute: (key: string) => T): T {
  if (memo.has(key)) return memo.get(key) as T;
  const value = compute(key);
  if (memo.size >= MEMO_MAX) memo.clear();
  memo.set(key, value);
  return value;
}

/** What `status.containerStatuses[].image` shows: the fully qualified reference. */
export function qualifiedImage(image: string): string {
  const { repository, tag } = parseImage(image);
  if (hasRegistry(repository)) return `${repository}:${tag}`;
  return repository.includes('/')
    ? `docker.io/${repository}:${tag}`
    : `docker.io/library/${repository}:${tag}`;
}

/** `imageID`: the repository with the digest the runtime resolved (deterministic per repository). */
export function imageID(image: string): string {
  return remembered(imageIDs, image, freshImageID);
}

/** The id worked out afresh (what `imageID` keeps; for tests). */
export function freshImageID(image: string): string {
  const qualified = qualifiedImage(image);
  const repository = qualified.slice(0, qualified.lastIndexOf(':'));
  return `${repository}@sha256:${sha256(`image:${parseImage(image).repository}`)}`;
}

const hasRegistry = (repository: string): boolean => {
  const first = repository.split('/')[0] ?? '';
  return repository.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
};

export const sha256 = (text: string): string => remembered(hashes, text, freshSha256);
/**
 * The hash computed afresh (what `sha256` keeps; for tests). The one-shot `hash` rather than a
 * Hash object: each container's id is a new text, and making the object cost ~1 µs of the ~0.4
 * µs the one-shot takes in all (node 20).
 */
export const freshSha256 = (text: string): string => hash('sha256', text, 'hex');

/**
 * Why containerd cannot pull an image it does not find, worded as containerd 1.7 reports it: an
 * unknown Docker Hub repository is "pull access denied", an unknown tag of a known one is "not
 * found", and a registry that does not exist fails its DNS lookup.
 */
export function pullError(image: string): string {
  const qualified = qualifiedImage(image);
  const { repository, tag } = parseImage(image);
  const prefix = `failed to pull and unpack image "${qualified}": failed to resolve reference "${qualified}"`;
  if (IMAGES.some((i) => i.repository === repository)) return `${prefix}: ${qualified}: not found`;
  if (hasRegistry(repository)) {
    const host = repository.split('/')[0] ?? '';
    const path = repository.slice(host.length + 1);
    return `${prefix}: failed to do request: Head "https://${host}/v2/${path}/manifests/${tag}": dial tcp: lookup ${host}: no such host`;
  }
  return `${prefix}: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`;
}

/** Image pull policy defaulting: Always for :latest or no tag, IfNotPresent otherwise. */
export function defaultPullPolicy(image: string): Container['imagePullPolicy'] {
  const at = image.includes('@');
  const { tag } = parseImage(image);
  return !at && tag === 'latest' ? 'Always' : 'IfNotPresent';
}
