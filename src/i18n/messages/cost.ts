import type { Messages } from '../catalogue.ts';

/** What the member is told when a command reaches one of the caps that bound its cost. */
export const costMessages = {
  'cost.urlsCapped': {
    en: 'Only the first {limit} of your {count} URLs were fetched: the sandbox fetches at most {limit} per command. Send the rest in another message.',
    ko: '주소 {count}개 중 처음 {limit}개만 가져왔어요: 샌드박스는 명령 하나에 주소를 최대 {limit}개까지 가져와요. 나머지는 다른 메시지로 보내 주세요.',
  },
  'cost.waitClamped': {
    en: 'The sandbox moves its clock at most {limit} per `kubectl wait`, so this wait gave up after {limit}, not after --timeout={timeout}. Run it again to wait longer.',
    ko: '샌드박스는 `kubectl wait` 한 번에 시계를 최대 {limit}까지만 앞당겨요. 그래서 --timeout={timeout}{이/가} 아니라 {limit} 뒤에 기다림을 멈췄어요. 더 기다리려면 다시 실행해 주세요.',
  },
  'cost.sandboxFull': {
    en: 'That would make your sandbox {size}; the limit is {limit} for all its objects, port-forwards and saved files together. Nothing was changed: delete some pods, annotations or saved files first.',
    ko: '그러면 샌드박스가 {size}{이/가} 돼요. 오브젝트, 포트 포워딩, 저장한 파일을 모두 합쳐 {limit}까지만 쓸 수 있어요. 아무것도 바뀌지 않았어요: 먼저 파드나 어노테이션, 저장한 파일을 지워 주세요.',
  },
  'cost.binaryFile': {
    en: '`{name}` was not saved: it is not text (it has NUL bytes or is not valid UTF-8). Save a YAML or JSON manifest. Nothing was changed.',
    ko: '`{name}`{은/는} 저장하지 않았어요: 텍스트가 아니에요 (NUL 바이트가 있거나 올바른 UTF-8이 아니에요). YAML이나 JSON 매니페스트를 저장해 주세요. 아무것도 바뀌지 않았어요.',
  },
} as const satisfies Messages;
