import type { Container } from './model.ts';

/**
 * The simulated images, as data (kwok-style): what each listens on, what it logs, how it answers
 * HTTP and whether its process exits. Anything not in this table cannot be pulled, as a typo'd
 * image on a real cluster ends in ErrImagePull / ImagePullBackOff.
 */
export interface ImageSpec {
  /** Repository without registry, tag or digest, e.g. "luksa/kubia". */
  repository: string;
  sizeBytes: number;
  /** How long a pull takes on a worker, in ms. */
  pullMs: number;
  /** TCP ports the main process binds (by default; a command may change that). */
  listens: number[];
  /** Lines the process prints at start; {hostname} and {port} are filled in. */
  startLogs: string[];
  /** Line logged per HTTP request served; {from} is the caller's address. */
  requestLog?: string;
  /** Body of the HTTP answer; {hostname} is the pod's name. */
  httpBody?: string;
  /** The line printed when a port it wants is already taken in the pod; {port} filled in. */
  bindError?: string;
  /** Commands (besides the shell built-ins) the image ships, for `kubectl exec`. */
  binaries: string[];
  /** Runs its command/args instead of a server (busybox, alpine): see `process.ts`. */
  runsCommand: boolean;
  /** Processes shown by `ps`, one per container: the main process's command line. */
  processName: string;
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

export const IMAGES: readonly ImageSpec[] = [
  {
    repository: 'luksa/kubia',
    sizeBytes: 267_353_126,
    pullMs: 2100,
    listens: [8080],
    startLogs: ['Kubia server starting...'],
    requestLog: 'Received request from {from}',
    httpBody: "You've hit {hostname}\n",
    bindError: 'Error: listen EADDRINUSE :::{port}',
    binaries: [...SHELL_TOOLS, 'bash', 'node', 'curl'],
    runsCommand: false,
    processName: 'node app.js',
  },
  {
    repository: 'nginx',
    sizeBytes: 72_319_283,
    pullMs: 1400,
    listens: [80],
    startLogs: [
      '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
      '/docker-entrypoint.sh: Configuration complete; ready for start up',
    ],
    requestLog: '{from} - - [{date}] "GET / HTTP/1.1" 200 615 "-" "curl/8.5.0" "-"',
    httpBody:
      '<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>\n</head>\n<body>\n<h1>Welcome to nginx!</h1>\n</body>\n</html>\n',
    bindError: 'nginx: [emerg] bind() to 0.0.0.0:{port} failed (98: Address already in use)',
    binaries: [
      'sh',
      'bash',
      'ls',
      'cat',
      'echo',
      'env',
      'hostname',
      'sleep',
      'curl',
      'true',
      'false',
      'date',
      'nginx',
    ],
    runsCommand: false,
    processName: 'nginx: master process nginx -g daemon off;',
  },
  {
    repository: 'redis',
    sizeBytes: 45_120_311,
    pullMs: 1200,
    listens: [6379],
    startLogs: [
      '1:C * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo',
      '1:M * Ready to accept connections tcp',
    ],
    bindError:
      '1:M # Warning: Could not create server TCP listening socket *:{port}: bind: Address already in use',
    binaries: [
      'sh',
      'bash',
      'ls',
      'cat',
      'echo',
      'env',
      'hostname',
      'sleep',
      'true',
      'false',
      'date',
      'redis-cli',
      'redis-server',
    ],
    runsCommand: false,
    processName: 'redis-server *:6379',
  },
  {
    repository: 'busybox',
    sizeBytes: 2_155_134,
    pullMs: 900,
    listens: [],
    startLogs: [],
    binaries: [...SHELL_TOOLS, 'nc', 'httpd'],
    runsCommand: true,
    processName: 'sh',
  },
  {
    repository: 'alpine',
    sizeBytes: 3_653_068,
    pullMs: 900,
    listens: [],
    startLogs: [],
    binaries: [...SHELL_TOOLS, 'nc'],
    runsCommand: true,
    processName: 'sh',
  },
  {
    repository: 'fluent/fluent-bit',
    sizeBytes: 38_502_917,
    pullMs: 1300,
    listens: [2020],
    startLogs: [
      'Fluent Bit v3.2.2',
      '[info] [fluent bit] version=3.2.2, commit=, pid=1',
      '[info] [input:tail:tail.0] initializing',
      '[info] [output:stdout:stdout.0] worker #0 started',
      '[info] [http_server] listen iface=0.0.0.0 tcp_port=2020',
    ],
    httpBody: '{"fluent-bit":{"version":"3.2.2","edition":"Community"}}\n',
    bindError: '[error] [http_server] could not bind address 0.0.0.0:{port}. Aborting',
    binaries: ['fluent-bit'],
    runsCommand: false,
    processName: '/fluent-bit/bin/fluent-bit -c /fluent-bit/etc/fluent-bit.conf',
  },
  ...[
    'etcd',
    'kube-apiserver',
    'kube-controller-manager',
    'kube-scheduler',
    'kube-proxy',
    'coredns/coredns',
  ].map(
    (name): ImageSpec => ({
      repository: `registry.k8s.io/${name}`,
      sizeBytes: 30_000_000,
      pullMs: 1000,
      listens: [],
      startLogs: [],
      binaries: [],
      runsCommand: false,
      processName: name.split('/').pop() ?? name,
    }),
  ),
  {
    repository: 'ghcr.io/flannel-io/flannel',
    sizeBytes: 32_000_000,
    pullMs: 1000,
    listens: [],
    startLogs: [],
    binaries: [],
    runsCommand: false,
    processName: '/opt/bin/flanneld --ip-masq --kube-subnet-mgr',
  },
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

export function findImage(image: string): ImageSpec | undefined {
  const { repository } = parseImage(image);
  return IMAGES.find((i) => i.repository === repository);
}

/** What `status.containerStatuses[].image` shows: the fully qualified reference. */
export function qualifiedImage(image: string): string {
  const { repository, tag } = parseImage(image);
  const first = repository.split('/')[0] ?? '';
  const hasRegistry = first.includes('.') || first.includes(':');
  if (hasRegistry) return `${repository}:${tag}`;
  return repository.includes('/')
    ? `docker.io/${repository}:${tag}`
    : `docker.io/library/${repository}:${tag}`;
}

/** Image pull policy defaulting: Always for :latest or no tag, IfNotPresent otherwise. */
export function defaultPullPolicy(image: string): Container['imagePullPolicy'] {
  const at = image.includes('@');
  const { tag } = parseImage(image);
  return !at && tag === 'latest' ? 'Always' : 'IfNotPresent';
}
