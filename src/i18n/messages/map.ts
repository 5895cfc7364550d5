import type { Messages } from '../catalogue.ts';

/** The cluster map (`/sandbox map`) and how the adapters deliver a reply's files. */
export const mapMessages = {
  'files.inDm': {
    en: 'I sent {count:file|files} to your direct messages: a file shared here would be seen by everyone.',
    ko: '파일 {count}개를 DM으로 보냈어요: 여기에 올리면 모두에게 보이거든요.',
  },
  'files.leftOut': {
    en: '{count:file was|files were} left out: over what {platform} accepts in one message.',
    ko: '파일 {count}개는 빠졌어요: {platform}{이/가} 한 메시지에 받는 한도를 넘었어요.',
  },
  'discord.sandbox.map': { en: 'Your sandbox as a picture', ko: '샌드박스를 그림으로 보기' },
  'discord.sandbox.map.selector': {
    en: 'A label selector to highlight, e.g. env!=prod',
    ko: '강조할 레이블 셀렉터 (예: env!=prod)',
  },
  'discord.sandbox.map.namespace': {
    en: 'Only this namespace (default: default)',
    ko: '이 네임스페이스만 (기본: default)',
  },
  'discord.sandbox.map.all': { en: 'True for every namespace', ko: '모든 네임스페이스를 보려면 True' },
  'discord.sandbox.map.text': {
    en: 'True for a text tree instead of a picture',
    ko: '그림 대신 글 트리로 보려면 True',
  },
  'map.usage': {
    en: 'Usage: `/sandbox map [-n NAMESPACE | -A] [-l SELECTOR] [--context=NAME] [--text]`: your sandbox (or a teammate’s shared one) as a picture (or, with `--text`, as a text tree).',
    ko: '사용법: `/sandbox map [-n 네임스페이스 | -A] [-l 셀렉터] [--context=이름] [--text]`: 내 샌드박스(또는 팀원이 공유한 샌드박스)를 그림으로 (`--text`면 글 트리로) 보여 줘요.',
  },
  'map.caption': {
    en: 'Your sandbox as a picture: {pods:pod|pods} on {nodes:node|nodes}, {scope}. `/sandbox map --text` shows the same as text.',
    ko: '샌드박스 그림이에요: 노드 {nodes}개, 파드 {pods}개, {scope}. 같은 내용을 글로 보려면 `/sandbox map --text`.',
  },
  'map.renderFailed': {
    en: 'The picture could not be drawn this time; here is the same map as text.',
    ko: '이번에는 그림을 그리지 못했어요. 같은 지도를 글로 보여 드릴게요.',
  },
  'map.title': { en: 'Sandbox map · {scope}', ko: '샌드박스 지도 · {scope}' },
  'map.scope.namespace': { en: 'namespace {namespace}', ko: '네임스페이스 {namespace}' },
  'map.scope.all': { en: 'all namespaces', ko: '모든 네임스페이스' },
  'map.selector': {
    en: '-l {selector}: {matched} of {total:pod|pods} match',
    ko: '-l {selector}: 파드 {total}개 중 {matched}개 선택됨',
  },
  'map.computer': { en: 'Your computer', ko: '내 컴퓨터' },
  'map.noForwards': { en: 'no port-forward open', ko: '열린 port-forward 없음' },
  'map.controlPlane': { en: 'control plane', ko: '컨트롤 플레인' },
  'map.worker': { en: 'worker', ko: '워커' },
  'map.standardLabels': { en: '+{count} standard labels', ko: '기본 레이블 {count}개 더' },
  'map.taint': { en: 'taint {taint}', ko: '테인트 {taint}' },
  'map.noPods': { en: 'no pods here', ko: '파드 없음' },
  'map.pendingArea': { en: 'Pending: on no node', ko: 'Pending: 어느 노드에도 없음' },
  'map.pendingSelector': {
    en: 'nodeSelector {selector}: no node matches',
    ko: 'nodeSelector {selector}: 맞는 노드 없음',
  },
  'map.pendingNoSuchNode': {
    en: 'nodeName {node}: no such node',
    ko: 'nodeName {node}: 그런 노드 없음',
  },
  'map.rejectedSelector': {
    en: "{node}'s kubelet refused it: no {selector}",
    ko: '{node}의 kubelet이 거부함: {selector} 없음',
  },
  'map.rejectedResource': {
    en: "{node}'s kubelet refused it: too little {resource}",
    ko: '{node}의 kubelet이 거부함: {resource} 부족',
  },
  'map.match': { en: 'matches -l', ko: '-l에 선택됨' },
  'map.missHas': { en: '{requirement}: has {has}', ko: '{requirement}: {has} 있음' },
  'map.missNo': { en: '{requirement}: no {key}', ko: '{requirement}: {key} 없음' },
  'map.localhost': { en: 'one localhost, one IP', ko: 'localhost와 IP를 함께 씀' },
  'map.request': { en: 'from {ip}', ko: '{ip}에서' },
  'map.requestLine': { en: '{from} → {pod}:{port}', ko: '{from} → {pod}:{port}' },
  'map.text.requests': { en: 'recent requests:', ko: '최근 요청:' },
  'map.text.forwards': { en: 'port-forwards (your computer):', ko: 'port-forward (내 컴퓨터):' },
  'map.text.labels': { en: 'labels', ko: '레이블' },
} as const satisfies Messages;
