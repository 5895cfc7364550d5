import { describe, expect, it } from 'vitest';
import { meterLine } from '../../src/cluster/curl.ts';
import { parseUrl } from '../../src/cluster/url.ts';
import { kubia, netSandbox, nginx, sleeper } from './net-sandbox.ts';

const settle = 30_000;

function ready() {
  const box = netSandbox();
  box.pod('kubia', [kubia()]);
  box.pod('web', [nginx()]);
  box.pod('bb', [sleeper('bb')]);
  box.advance(settle);
  return box;
}

describe('curl in a container', () => {
  const box = ready();
  it('GIVEN -I THEN only the status line and headers (Node sends a chunked body, no length)', () => {
    expect(box.kubectl('exec kubia -- curl -sI localhost:8080').text).toBe(
      'HTTP/1.1 200 OK\nDate: Wed, 15 Jan 2025 10:00:30 GMT\nConnection: keep-alive\nTransfer-Encoding: chunked\n',
    );
  });

  it('GIVEN -i against nginx THEN headers with its length, a blank line, then the page', () => {
    const lines = box.kubectl(`exec kubia -- curl -si ${box.get('web').sim.podIP}`).text.split('\n');
    expect(lines[0]).toBe('HTTP/1.1 200 OK');
    expect(lines[1]).toBe('Server: nginx/1.27.3');
    expect(lines).toContain('');
    expect(lines).toContain('<title>Welcome to nginx!</title>');
  });

  it('GIVEN -s -o /dev/null -w %{http_code} THEN only the code; 000 when nothing answered', () => {
    expect(
      box.kubectl("exec -t kubia -- curl -s -o /dev/null -w '%{http_code}\\n' localhost:8080").text,
    ).toBe('200');
    expect(box.kubectl("exec -t kubia -- curl -s -o /dev/null -w '%{http_code}' localhost:9").text).toBe(
      '000\ncommand terminated with exit code 7',
    );
  });

  it('GIVEN https to a plain HTTP port THEN the TLS handshake fails, exit 35', () => {
    expect(box.kubectl('exec kubia -- curl -sS https://localhost:8080').text).toBe(
      'curl: (35) OpenSSL/3.0.13: error:0A00010B:SSL routines::wrong version number\ncommand terminated with exit code 35',
    );
  });

  it('GIVEN -v and nothing listening THEN both loopback addresses are tried', () => {
    const text = box.kubectl('exec kubia -- curl -v localhost:9090').text;
    expect(text).toContain('*   Trying [::1]:9090...');
    expect(text).toContain('*   Trying 127.0.0.1:9090...');
    expect(text).toContain(
      "curl: (7) Failed to connect to localhost port 9090 after 0 ms: Couldn't connect to server",
    );
  });

  it('GIVEN BusyBox wget without -q THEN its connecting and progress lines', () => {
    expect(box.kubectl(`exec bb -- wget -O- ${box.get('kubia').sim.podIP}:8080`).text).toBe(
      [
        `Connecting to ${box.get('kubia').sim.podIP}:8080 (${box.get('kubia').sim.podIP}:8080)`,
        'writing to stdout',
        "You've hit kubia",
        '-                    100% |********************************|    17  0:00:00 ETA',
        'written to stdout',
      ].join('\n'),
    );
  });
});

describe('curl progress meter', () => {
  it.each([
    [0, 0, false, 0, '  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0'],
    [17, 17, false, 0, '100    17    0    17    0     0   8500      0 --:--:-- --:--:-- --:--:--  8500'],
    [615, 615, true, 0, '100   615  100   615    0     0   300k      0 --:--:-- --:--:-- --:--:--  300k'],
    [0, 0, false, 131_063, '  0     0    0     0    0     0      0      0 --:--:--  0:02:11 --:--:--     0'],
  ])('GIVEN %i of %i bytes THEN %j', (total, received, known, spent, expected) => {
    expect(meterLine(total, received, known, spent)).toBe(expected);
  });
});

describe('URLs', () => {
  it.each([
    ['localhost:8080', { scheme: 'http', host: 'localhost', port: 8080, path: '/' }],
    ['http://10.244.1.5/hello?x=1', { scheme: 'http', host: '10.244.1.5', port: 80, path: '/hello?x=1' }],
    ['https://kubia', { scheme: 'https', host: 'kubia', port: 443, path: '/' }],
    ['[::1]:8080/x', { scheme: 'http', host: '[::1]', port: 8080, path: '/x' }],
  ])('GIVEN %s THEN %j', (raw, expected) => {
    const parsed = parseUrl(raw);
    expect(parsed.ok && { ...parsed.url, explicitPort: undefined, text: undefined }).toMatchObject(expected);
  });

  it.each([
    ['ftp://x', 'protocol'],
    ['http://:80', 'noHost'],
    ['localhost:99999', 'badPort'],
    ['localhost:8o', 'badPort'],
  ])('GIVEN %s THEN error %s', (raw, kind) => {
    const parsed = parseUrl(raw);
    expect(!parsed.ok && parsed.error.kind).toBe(kind);
  });
});
