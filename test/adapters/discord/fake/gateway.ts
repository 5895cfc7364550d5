import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';
import { APP_ID, BOT_USER, type FakeState, TOKEN } from './state.ts';

/**
 * The gateway half of the fake (the `ws` package, JSON text frames, no compression), as
 * discord.js speaks it: HELLO (op 10) on connect; IDENTIFY (op 2) answered with READY and a
 * GUILD_CREATE for each guild of that shard; HEARTBEAT (op 1) with HEARTBEAT_ACK (op 11); RESUME
 * (op 6) answered by replaying the missed dispatches and RESUMED, or INVALID_SESSION (op 9) when
 * refused; RECONNECT (op 7) on a test's word. Privileged intents are refused with close code
 * 4014, as for an app that has not enabled them; a wrong token with 4004.
 *
 * Sharding as Discord does it: with `shards: N` (what `GET /gateway/bot` recommends), each
 * connection identifies as `shard: [id, N]`, a guild belongs to shard `(guild_id >> 22) % N`,
 * and its events (interactions included) arrive only on that shard's connection; direct messages
 * on shard 0. An IDENTIFY with fewer shards than required is closed with 4011 (Sharding
 * required), a shard pair that does not fit with 4010 (Invalid shard).
 */
export interface FakeGateway {
  url: string;
  stats: {
    connections: number;
    identifies: number;
    resumes: number;
    heartbeats: number;
    intents: number[];
    /** The `shard` of each IDENTIFY, in order. */
    shards: [number, number][];
    /** Each dispatch after READY: its event and the shard whose connection carried it. */
    dispatches: { t: string; shard: number }[];
  };
  /** Tests flip these to simulate a zombie connection or a session Discord forgot. */
  behaviour: { ackHeartbeats: boolean; refuseResume: boolean };
  dispatch(t: string, d: unknown): void;
  /** Asks every live connection to reconnect and resume (op 7 RECONNECT, as Discord does). */
  reconnect(): void;
  /** Drops the live connections without a close frame (as a network failure does). */
  drop(): void;
  /** Closes the live connections with a close code, as Discord does (4004 after a token reset). */
  closeWith(code: number, reason: string): void;
  close(): Promise<void>;
}

const PRIVILEGED = (1 << 1) | (1 << 8) | (1 << 15);
const EVERYONE_PERMISSIONS = '2248473465835073';

/** A guild of the fake: its id and its one text channel. */
export interface FakeGuild {
  id: string;
  channel: string;
  name: string;
}

interface Session {
  id: string;
  shard: number;
  seq: number;
  log: { s: number; t: string; d: unknown }[];
  socket: WebSocket | null;
}

/** The shard a guild's events go to (Discord's sharding formula); DMs and guildless events: 0. */
export function shardOf(guildId: unknown, shards: number): number {
  if (typeof guildId !== 'string' || !/^\d+$/.test(guildId)) return 0;
  return Number((BigInt(guildId) >> 22n) % BigInt(shards));
}

export async function startGateway(
  state: FakeState,
  options: { heartbeatInterval: number; shards: number; guilds: readonly FakeGuild[] },
): Promise<FakeGateway> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => wss.once('listening', resolve));
  const url = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`;
  const sessions = new Map<number, Session>();
  const stats: FakeGateway['stats'] = {
    connections: 0,
    identifies: 0,
    resumes: 0,
    heartbeats: 0,
    intents: [],
    shards: [],
    dispatches: [],
  };
  const behaviour = { ackHeartbeats: true, refuseResume: false };
  const problem = (message: string) =>
    state.rejections.push({ method: 'WS', path: 'gateway', status: 0, body: message });

  const emit = (session: Session, socket: WebSocket, t: string, d: unknown) => {
    session.seq += 1;
    session.log.push({ s: session.seq, t, d });
    if (t !== 'READY' && t !== 'GUILD_CREATE') stats.dispatches.push({ t, shard: session.shard });
    socket.send(JSON.stringify({ op: 0, t, s: session.seq, d }));
  };

  /** Close code for an IDENTIFY's `shard` that does not fit the recommended count; null when it fits. */
  const shardProblem = (shard: unknown): [number, string] | null => {
    const [id, count] = Array.isArray(shard) ? shard.map(Number) : [0, 1];
    if (count === undefined || id === undefined || !Number.isInteger(id) || !Number.isInteger(count))
      return [4010, 'Invalid shard.'];
    if (count < options.shards) return [4011, 'Sharding required.'];
    if (count !== options.shards || id < 0 || id >= count) return [4010, 'Invalid shard.'];
    return null;
  };

  wss.on('connection', (socket, req) => {
    stats.connections += 1;
    const query = new URL(req.url ?? '/', 'ws://x').searchParams;
    if (query.get('v') !== '10' || query.get('encoding') !== 'json' || query.has('compress')) {
      problem(`unexpected gateway query ${req.url}`);
      socket.close(4002, 'Decode error');
      return;
    }
    let authenticated = false;
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: options.heartbeatInterval } }));
    socket.on('message', (raw) => {
      const payload = JSON.parse(String(raw)) as { op: number; d: Record<string, unknown> | number | null };
      const d = typeof payload.d === 'object' && payload.d !== null ? payload.d : {};
      if (payload.op === 1) {
        stats.heartbeats += 1;
        if (behaviour.ackHeartbeats) socket.send(JSON.stringify({ op: 11 }));
        state.changed();
      } else if (payload.op === 2) {
        if (authenticated) return socket.close(4005, 'Already authenticated.');
        if (d.token !== TOKEN) return socket.close(4004, 'Authentication failed.');
        const intents = Number(d.intents);
        stats.intents.push(intents);
        if ((intents & PRIVILEGED) !== 0) return socket.close(4014, 'Disallowed intent(s).');
        const refused = shardProblem(d.shard);
        if (refused !== null) return socket.close(...refused);
        const shard = Array.isArray(d.shard) ? Number(d.shard[0]) : 0;
        stats.identifies += 1;
        stats.shards.push([shard, options.shards]);
        authenticated = true;
        sessions.get(shard)?.socket?.terminate();
        const session: Session = { id: `session-${stats.identifies}`, shard, seq: 0, log: [], socket };
        sessions.set(shard, session);
        const own = options.guilds.filter((g) => shardOf(g.id, options.shards) === shard);
        emit(session, socket, 'READY', ready(session.id, url, [shard, options.shards], own));
        for (const g of own) emit(session, socket, 'GUILD_CREATE', guild(g));
        state.changed();
      } else if (payload.op === 6) {
        stats.resumes += 1;
        const session = [...sessions.values()].find((s) => s.id === d.session_id);
        if (session === undefined || d.token !== TOKEN || behaviour.refuseResume) {
          socket.send(JSON.stringify({ op: 9, d: false }));
          return;
        }
        authenticated = true;
        session.socket = socket;
        const since = Number(d.seq);
        for (const event of session.log.filter((e) => e.s > since))
          socket.send(JSON.stringify({ op: 0, t: event.t, s: event.s, d: event.d }));
        emit(session, socket, 'RESUMED', {});
        state.changed();
      } else if (!authenticated) {
        socket.close(4003, 'Not authenticated.');
      }
    });
    socket.on('close', () => {
      for (const session of sessions.values()) if (session.socket === socket) session.socket = null;
    });
  });

  return {
    url,
    stats,
    behaviour,
    dispatch(t, d) {
      const guildId = (d as { guild_id?: unknown } | null)?.guild_id;
      const session = sessions.get(shardOf(guildId, options.shards));
      // With no session for the shard (no client, or before IDENTIFY) nobody hears it, as on Discord.
      if (session === undefined) return;
      if (session.socket === null) {
        session.seq += 1;
        session.log.push({ s: session.seq, t, d });
      } else {
        emit(session, session.socket, t, d);
      }
    },
    reconnect() {
      for (const session of sessions.values()) session.socket?.send(JSON.stringify({ op: 7, d: null }));
    },
    closeWith(code, reason) {
      for (const session of sessions.values()) session.socket?.close(code, reason);
    },
    drop() {
      for (const session of sessions.values()) {
        session.socket?.terminate();
        session.socket = null;
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close(() => resolve());
      }),
  };
}

function ready(sessionId: string, url: string, shard: [number, number], guilds: readonly FakeGuild[]) {
  return {
    v: 10,
    user: BOT_USER,
    guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
    session_id: sessionId,
    resume_gateway_url: url,
    shard,
    application: { id: APP_ID, flags: 0 },
    user_settings: {},
    private_channels: [],
    relationships: [],
    presences: [],
    geo_ordered_rtc_regions: [],
    guild_join_requests: [],
  };
}

export function guild({ id, channel, name }: FakeGuild) {
  return {
    id,
    name,
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: '1100000000000000099',
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: [
      {
        id,
        name: '@everyone',
        permissions: EVERYONE_PERMISSIONS,
        position: 0,
        color: 0,
        hoist: false,
        managed: false,
        mentionable: false,
        flags: 0,
      },
    ],
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    public_updates_channel_id: null,
    safety_alerts_channel_id: null,
    vanity_url_code: null,
    premium_tier: 0,
    preferred_locale: 'en-US',
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
    max_members: 500_000,
    max_video_channel_users: 25,
    joined_at: '2025-01-01T00:00:00.000Z',
    large: false,
    unavailable: false,
    member_count: 4,
    voice_states: [],
    members: [],
    channels: [
      {
        id: channel,
        type: 0,
        guild_id: id,
        name: 'study',
        position: 0,
        permission_overwrites: [],
        nsfw: false,
        parent_id: null,
        topic: null,
        last_message_id: null,
        rate_limit_per_user: 0,
        flags: 0,
      },
    ],
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}
