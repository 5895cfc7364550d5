import { describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.ts';

describe("curl and wget in chat run on the member's own machine", () => {
  it('GIVEN a port-forward WHEN curl localhost:8888 THEN the pod answers and logs the request from ::ffff:127.0.0.1', () => {
    const t = testApp();
    t.say('alice', 'kubectl run kubia --image=luksa/kubia --port=8080');
    t.advance(30_000);
    expect(t.say('alice', 'kubectl port-forward kubia 8888:8080')).toBe(
      'Forwarding from 127.0.0.1:8888 -> 8080\nForwarding from [::1]:8888 -> 8080',
    );
    const reply = t.send('alice', 'curl localhost:8888');
    expect(reply.ok).toBe(true);
    expect(reply.blocks).toEqual([{ kind: 'code', text: "You've hit kubia" }]);
    expect(t.say('alice', 'wget -qO- http://127.0.0.1:8888/')).toBe("You've hit kubia");
    expect(t.say('alice', 'kubectl logs kubia')).toBe(
      'Kubia server starting...\nReceived request from ::ffff:127.0.0.1\nReceived request from ::ffff:127.0.0.1',
    );
  });

  it('GIVEN no forward WHEN curl localhost:8888 THEN connection refused, exit 7, nothing changed for others', () => {
    const t = testApp();
    const reply = t.send('alice', 'curl localhost:8888');
    expect(reply.ok).toBe(false);
    expect(reply.blocks).toEqual([
      {
        kind: 'code',
        text: "curl: (7) Failed to connect to localhost port 8888 after 0 ms: Couldn't connect to server",
      },
    ]);
  });

  it("GIVEN another member's forward THEN it is not on my machine", () => {
    const t = testApp();
    t.say('bob', 'kubectl run kubia --image=luksa/kubia');
    t.advance(30_000);
    t.say('bob', 'kubectl port-forward kubia 8888:8080');
    expect(t.say('alice', 'curl -s -S localhost:8888')).toBe(
      "curl: (7) Failed to connect to localhost port 8888 after 0 ms: Couldn't connect to server",
    );
  });

  it('GIVEN a pod IP WHEN curled from the machine THEN it times out: pod IPs are not reachable from outside', () => {
    const t = testApp();
    t.say('alice', 'kubectl run kubia --image=luksa/kubia');
    t.advance(30_000);
    expect(t.say('alice', 'curl 10.244.3.2:8080')).toBe(
      "curl: (28) Failed to connect to 10.244.3.2 port 8080 after 131063 ms: Couldn't connect to server",
    );
    expect(t.say('alice', 'curl --max-time 5 10.244.3.2:8080')).toBe(
      'curl: (28) Failed to connect to 10.244.3.2 port 8080 after 5002 ms: Timeout was reached',
    );
  });

  it('GIVEN curl usage mistakes THEN curl says so, exit 2', () => {
    const t = testApp();
    expect(t.say('alice', 'curl')).toBe(
      "curl: no URL specified!\ncurl: try 'curl --help' or 'curl --manual' for more information",
    );
    expect(t.say('alice', 'curl --bogus localhost')).toBe(
      "curl: option --bogus: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information",
    );
    expect(t.say('alice', 'curl ftp://localhost')).toBe('curl: (1) Protocol "ftp" not supported');
  });

  it('GIVEN a forward to a port nothing listens on THEN the forward drops the connection: empty reply', () => {
    const t = testApp();
    t.say('alice', 'kubectl run kubia --image=luksa/kubia');
    t.advance(30_000);
    t.say('alice', 'kubectl port-forward kubia 9999:9090');
    expect(t.say('alice', 'curl localhost:9999')).toBe('curl: (52) Empty reply from server');
  });
});
