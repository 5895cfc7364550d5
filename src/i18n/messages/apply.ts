import type { Messages } from '../catalogue.ts';

/** "Apply manifest" on a message (a Discord message command, a Slack message shortcut), and the member's home page. */
export const applyMessages = {
  'apply.fromMessage.name': { en: 'Apply manifest', ko: '매니페스트 적용' },
  'apply.fromMessage.description': {
    en: 'Apply the code block of this message to your sandbox',
    ko: '이 메시지의 코드 블록을 내 샌드박스에 적용해요',
  },
  'apply.fromMessage.none': {
    en: 'That message holds no manifest: Apply manifest reads its first code block (```yaml … ```), or YAML text starting with `apiVersion:`, or an attached .yaml file.',
    ko: '그 메시지에는 매니페스트가 없어요. 매니페스트 적용은 첫 번째 코드 블록(```yaml … ```)이나 `apiVersion:`으로 시작하는 YAML 글, 또는 첨부된 .yaml 파일을 읽어요.',
  },
  'home.title': { en: '🏠 Your Podium', ko: '🏠 나의 Podium' },
  'home.pods': { en: 'Pods in your sandbox: {n}', ko: '내 샌드박스의 파드: {n}개' },
  'home.noPods': {
    en: 'No pods yet: try `/kubectl run kubia --image=luksa/kubia --port=8080`.',
    ko: '아직 파드가 없어요. `/kubectl run kubia --image=luksa/kubia --port=8080`을 해 보세요.',
  },
  'home.morePods': {
    en: '…and {n} more (`/kubectl get po -A`).',
    ko: '…그리고 {n}개 더 (`/kubectl get po -A`).',
  },
  'home.labs': { en: 'Labs finished: {n} (`/lab list`)', ko: '끝낸 실습: {n}개 (`/lab list`)' },
  'home.next': {
    en: 'Practise in this app’s Messages tab: type a kubectl command there (`kubectl get po`), or use `/quiz practice` and `/quiz review`.',
    ko: '이 앱의 메시지 탭에서 연습해요. 거기서 kubectl 명령(`kubectl get po`)을 입력하거나 `/quiz practice`, `/quiz review`를 써 보세요.',
  },
} as const satisfies Messages;
