import { combineCharacter, numberToHangul } from 'es-hangul';

/**
 * How a Korean speaker reads the end of a value aloud, so that the particle after it fits:
 * `db-1` ends in 일 (`db-1이에요`), `80` in 팔십 (`80으로`), `lab-cleanup` in 업 (`lab-cleanup을`),
 * `kubia` in 아 (`kubia예요`). Korean particle rules look only at the last syllable, and libraries
 * judge only a Hangul one, so a value ending in digits or Latin letters is read first.
 *
 * Only the tail of the text is looked at (at most {@link TAIL} characters), so the cost is constant.
 * The answer is Hangul whose last syllable carries the right final sound; for a word the tables
 * do not know, that is one representative syllable (`업`, `엠`, `아`), not a full transcription.
 */
export function readAloudEnding(text: string): string {
  const tail = trimClosing(text.slice(-TAIL));
  const last = tail.at(-1) ?? '';
  if (isHangulSyllable(last)) return last;
  const digits = /[0-9]+$/.exec(tail)?.[0];
  if (digits !== undefined) return readNumber(digits);
  const letters = /[A-Za-z]+$/.exec(tail)?.[0];
  if (letters !== undefined) return readWord(lastWord(letters));
  return last;
}

const TAIL = 48;

/** Closing quotes, brackets and punctuation say nothing aloud: `` `web` `` ends in 웹. */
function trimClosing(text: string): string {
  let end = text.length;
  while (end > 0 && !/[0-9A-Za-z\uac00-\ud7a3]/.test(text[end - 1] ?? '')) end -= 1;
  return text.slice(0, end);
}

const isHangulSyllable = (c: string) => c >= '\uac00' && c <= '\ud7a3';

/** Sino-Korean, as numbers are read in commands and counts: 80 → 팔십, 10000 → 일만, 0 → 영. */
function readNumber(digits: string): string {
  const significant = digits.slice(-15).replace(/^0+/, '');
  return significant === '' ? '영' : numberToHangul(Number(significant));
}

/** `creationMethod` is read by its last part, `Method`; `kubeAPI` by `API`. */
function lastWord(letters: string): string {
  const camel = /[A-Z]+[a-z]*$/.exec(letters)?.[0];
  if (camel === undefined || camel === letters) return letters;
  // `APIs` keeps its capitals together; `nodeSelector` splits before `Selector`.
  return camel;
}

/** Words the project's values and commands use, as Korean writes them in loanwords. */
const WORDS: Readonly<Record<string, string>> = {
  kubectl: '큐브컨트롤',
  yaml: '야믈',
  yml: '야믈',
  json: '제이슨',
  nat: '낫',
  kubia: '쿠비아',
  web: '웹',
  app: '앱',
  lab: '랩',
  cleanup: '클린업',
  setup: '셋업',
  group: '그룹',
  nginx: '엔진엑스',
  redis: '레디스',
  busybox: '비지박스',
  pod: '파드',
  pods: '파즈',
  node: '노드',
  check: '체크',
  main: '메인',
  manual: '매뉴얼',
  label: '레이블',
  true: '트루',
  false: '폴스',
  localhost: '로컬호스트',
  gpu: '지피유',
  cpu: '씨피유',
  ssd: '에스에스디',
  api: '에이피아이',
  ip: '아이피',
  id: '아이디',
  ok: '오케이',
};

/** What the letters are called, for a word that is spelled out (`TCP`, `k8s`, `db-a`). */
const LETTER_NAMES: Readonly<Record<string, string>> = {
  a: '에이',
  b: '비',
  c: '씨',
  d: '디',
  e: '이',
  f: '에프',
  g: '지',
  h: '에이치',
  i: '아이',
  j: '제이',
  k: '케이',
  l: '엘',
  m: '엠',
  n: '엔',
  o: '오',
  p: '피',
  q: '큐',
  r: '알',
  s: '에스',
  t: '티',
  u: '유',
  v: '브이',
  w: '더블유',
  x: '엑스',
  y: '와이',
  z: '지',
};

function readWord(word: string): string {
  const lower = word.toLowerCase();
  const known = WORDS[lower];
  if (known !== undefined) return known;
  const spelled =
    word.length === 1 || (word === word.toUpperCase() && word.length <= 5) || !/[aeiouy]/.test(lower);
  if (spelled) return LETTER_NAMES[lower.at(-1) ?? ''] ?? '';
  return syllableWithFinal(finalSound(lower));
}

type Final = '' | 'ㄱ' | 'ㄴ' | 'ㄹ' | 'ㅁ' | 'ㅂ' | 'ㅅ' | 'ㅇ';

const VOWEL = /[aeiou]/;
/** `up`, `web`, `stack`: one vowel letter before the last consonant(s), as in a short, closed syllable. */
const shortBefore = (word: string, consonants: number) =>
  VOWEL.test(word.at(-consonants - 1) ?? '') && !VOWEL.test(word.at(-consonants - 2) ?? '');

/**
 * The final consonant English loanwords keep in Korean (외래어 표기법): m, n, ng and l always
 * (`item` 아이템, `main` 메인, `string` 스트링, `manual` 매뉴얼, `name` 네임, `table` 테이블);
 * p/b, k and t only after a short vowel (`cleanup` 클린업, `back` 백, `secret` 시크릿, but
 * `help` 헬프, `desk` 데스크, `port` 포트); everything else ends in a vowel (`pod` 파드,
 * `server` 서버, `box` 박스).
 */
function finalSound(word: string): Final {
  const last = word.at(-1) ?? '';
  if (word.endsWith('ng')) return 'ㅇ';
  if (last === 'm') return 'ㅁ';
  if (last === 'n') return 'ㄴ';
  if (last === 'l') return 'ㄹ';
  if (last === 'e' && word.length >= 3 && !VOWEL.test(word.at(-2) ?? '')) {
    // A silent e: `name` 네임, `line` 라인, `file` 파일, `table` 테이블; `node` 노드, `type` 타입.
    const before = word.at(-2);
    if (before === 'm') return 'ㅁ';
    if (before === 'n') return 'ㄴ';
    if (before === 'l') return 'ㄹ';
    return '';
  }
  if (
    (last === 'p' || last === 'b') &&
    (shortBefore(word, 1) || (word.at(-2) === last && shortBefore(word, 2)))
  )
    return 'ㅂ';
  if (last === 'k' && (shortBefore(word, 1) || (word.at(-2) === 'c' && shortBefore(word, 2)))) return 'ㄱ';
  if (last === 't' && shortBefore(word, 1)) return 'ㅅ';
  return '';
}

const syllableWithFinal = (final: Final): string => combineCharacter('ㅇ', final === '' ? 'ㅏ' : 'ㅓ', final);
