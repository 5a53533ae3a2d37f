import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "../seed/demo-clinic";
import { ChatPeer } from "../testing/chat-peer";
import { TestClient } from "../testing/http-client";
import { LinkProxy } from "../testing/link-proxy";
import { OwnRedis } from "../testing/own-redis";
import { ServerProcess } from "../testing/server-process";
import { createTestDatabase } from "../testing/test-databases";

/*
 * Faults a clinic's chat must live through, each on loopback with real processes: the server
 * killed and restarted, one of two processes killed, Redis stopped and started, PostgreSQL
 * connections cut, a person's network gone for 5 s, a reader away while 1,000 messages pass.
 * Each asserts that every acknowledged message reaches every person exactly once and in the
 * order sent, and prints loss, duplicates and reconnect p50/p95.
 */

const PASSWORD = "fault-injection-password";
const PEOPLE = [
  DEMO_ACCOUNTS.facilitators[0],
  DEMO_ACCOUNTS.participants[0],
  DEMO_ACCOUNTS.participants[1],
  DEMO_ACCOUNTS.participants[2],
];
/** Under the default flood guard (a burst of 10, then 2 a second) whatever the machine's load. */
const SEND_EVERY_MS = 700;

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
}, 60_000);

type Store = { env: Record<string, string>; url?: string };

function embeddedStore(): Store {
  const dir = mkdtempSync(join(tmpdir(), "bw-faults-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return { env: { PGLITE_DATA_DIR: dir } };
}

async function postgresStore(): Promise<Store> {
  const db = await createTestDatabase("postgres");
  cleanups.push(() => db.drop());
  if (db.config.kind !== "postgres") throw new Error("expected PostgreSQL");
  return { env: { DATABASE_URL: db.config.url }, url: db.config.url };
}

async function server(store: Store, redis: OwnRedis, env: Record<string, string> = {}) {
  const process = new ServerProcess({
    ...store.env,
    REDIS_URL: redis.url,
    DEMO_PASSWORD: PASSWORD,
    ...env,
  });
  cleanups.push(() => process.stop("SIGKILL"));
  return process.start();
}

async function ownRedis(): Promise<OwnRedis> {
  const redis = await OwnRedis.start();
  cleanups.push(() => redis.stop());
  return redis;
}

async function proxy(backends: () => readonly number[]): Promise<LinkProxy> {
  const link = await LinkProxy.start(backends);
  cleanups.push(() => link.close());
  return link;
}

/** Signs each person in (straight to the server) and opens their chat through their own link. */
async function peers(serverUrl: string, links: LinkProxy[]): Promise<ChatPeer[]> {
  const opened: ChatPeer[] = [];
  for (const [i, email] of PEOPLE.entries()) {
    const client = new TestClient(serverUrl);
    const login = await client.login(email, PASSWORD);
    if (login.status !== 200) throw new Error(`sign-in failed (${login.status})`);
    const link = links[i % links.length];
    if (!link) throw new Error("no link");
    const room = await ChatPeer.cohortRoom(serverUrl, client.cookieHeader());
    const peer = new ChatPeer(link.url, client.cookieHeader(), room);
    cleanups.push(() => peer.close());
    await peer.until(() => peer.socket.connected, "a first connection");
    opened.push(peer);
  }
  return opened;
}

/** Everyone writes, in turn, every SEND_EVERY_MS; `during` runs the fault midway. */
async function conversation(
  everyone: ChatPeer[],
  rounds: number,
  during: () => Promise<void>,
): Promise<Map<ChatPeer, string[]>> {
  const sent = new Map<ChatPeer, string[]>(everyone.map((p) => [p, []]));
  const write = async (from: number, to: number) => {
    for (let round = from; round < to; round += 1) {
      for (const [i, peer] of everyone.entries()) sent.get(peer)?.push(peer.send(`p${i}-${round}`));
      await new Promise((resolve) => setTimeout(resolve, SEND_EVERY_MS));
    }
  };
  const half = Math.floor(rounds / 2);
  await write(0, half);
  await Promise.all([during(), write(half, rounds)]);
  return sent;
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/**
 * Waits until every message is acknowledged and has reached everyone (or a minute passes), then
 * checks exactly once and in order, and prints the figures.
 */
async function verify(
  scenario: string,
  everyone: ChatPeer[],
  sent: Map<ChatPeer, string[]>,
  reconnectsAfter: { peers: ChatPeer[]; since: number },
): Promise<void> {
  const all = [...sent.values()].flat();
  await Promise.all(
    everyone.map((peer) =>
      peer.until(() => peer.unsent.size === 0, "every message acknowledged").catch(() => undefined),
    ),
  );
  const acknowledged = new Set(everyone.flatMap((peer) => peer.acknowledged));
  await Promise.all(
    everyone.map((peer) =>
      peer
        .until(() => {
          const have = new Set([...peer.messages.values()].map((m) => m.clientId));
          return [...acknowledged].every((id) => have.has(id));
        }, "every acknowledged message")
        .catch(() => undefined),
    ),
  );

  let loss = 0;
  let duplicates = 0;
  let liveRepeats = 0;
  const orders: string[][] = [];
  for (const peer of everyone) {
    const ours = peer.timeline().filter((m) => all.includes(m.clientId));
    const clientIds = ours.map((m) => m.clientId);
    duplicates += clientIds.length - new Set(clientIds).size;
    loss += [...acknowledged].filter((id) => !clientIds.includes(id)).length;
    liveRepeats += [...peer.liveDeliveries.values()].filter((n) => n > 1).length;
    orders.push(clientIds);
    // One sender's messages appear in the order that person wrote them.
    for (const list of sent.values()) {
      const positions = list.map((id) => clientIds.indexOf(id)).filter((at) => at >= 0);
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
    }
  }
  const delays = reconnectsAfter.peers.flatMap((peer) => {
    const back = peer.connects.find((at) => at >= reconnectsAfter.since - 50);
    return back === undefined ? [] : [Math.max(0, back - reconnectsAfter.since)];
  });
  process.stdout.write(
    `fault-injection ${scenario}: written ${all.length}, acknowledged ${acknowledged.size}, ` +
      `loss ${loss}, duplicates ${duplicates} (repeated live deliveries ${liveRepeats}), ` +
      `reconnect p50 ${Math.round(percentile(delays, 50))} ms, p95 ${Math.round(percentile(delays, 95))} ms ` +
      `(${delays.length} reconnects)\n`,
  );
  expect(acknowledged.size).toBe(all.length);
  expect(loss).toBe(0);
  expect(duplicates).toBe(0);
  // Everyone sees one and the same timeline.
  for (const order of orders) expect(order).toEqual(orders[0]);
  expect(delays).toHaveLength(reconnectsAfter.peers.length);
}

const withPostgres = describe.skipIf(!process.env.DATABASE_URL);

describe("fault injection", () => {
  it("a server killed mid-conversation and restarted loses and repeats nothing", async () => {
    const redis = await ownRedis();
    const store = embeddedStore();
    const first = await server(store, redis);
    const port = first.listeningPort;
    const links = [await proxy(() => [port])];
    const everyone = await peers(first.url, links);
    let restartedAt = 0;
    const sent = await conversation(everyone, 12, async () => {
      await first.stop("SIGKILL");
      await first.start();
      restartedAt = first.readyAt;
    });
    await verify("server killed and restarted", everyone, sent, {
      peers: everyone,
      since: restartedAt,
    });
  }, 180_000);

  it("a person whose network drops for 5 s gets back within seconds and misses nothing", async () => {
    const redis = await ownRedis();
    const one = await server(embeddedStore(), redis);
    const port = one.listeningPort;
    const links = [await proxy(() => [port]), await proxy(() => [port])];
    const everyone = await peers(one.url, links);
    const dropped = everyone.filter((_, i) => i % links.length === 0);
    let restoredAt = 0;
    const sent = await conversation(everyone, 14, async () => {
      links[0]?.cut();
      await new Promise((resolve) => setTimeout(resolve, 5_000)); // the drop itself lasts 5 s
      restoredAt = links[0]?.restore() ?? 0;
    });
    await verify("client dropped for 5 s", everyone, sent, { peers: dropped, since: restoredAt });
  }, 180_000);

  it("a reader away while 1,000 messages pass gets every one when back", async () => {
    const redis = await ownRedis();
    // The flood guard is raised for this room full of writers, so 1,000 pass in seconds.
    const one = await server(embeddedStore(), redis, {
      CHAT_BURST_MESSAGES: "2000",
      CHAT_MESSAGES_PER_SECOND: "2000",
    });
    const port = one.listeningPort;
    const readerLink = await proxy(() => [port]);
    const writerLink = await proxy(() => [port]);
    const [reader, ...writers] = await peers(one.url, [
      readerLink,
      writerLink,
      writerLink,
      writerLink,
    ]);
    if (!reader) throw new Error("no reader");
    readerLink.cut();
    await reader.until(() => !reader.socket.connected, "the reader offline");
    const sent = new Map<ChatPeer, string[]>([[reader, []]]);
    await Promise.all(
      writers.map(async (writer, i) => {
        const ids: string[] = [];
        sent.set(writer, ids);
        for (let n = 0; n < Math.ceil(1000 / writers.length); n += 1)
          ids.push(await writer.sendAndWait(`w${i}-${n}`));
      }),
    );
    const backAt = readerLink.restore();
    await verify("reader offline for 1,000 messages", [reader, ...writers], sent, {
      peers: [reader],
      since: backAt,
    });
  }, 180_000);

  withPostgres("with PostgreSQL", () => {
    it("two processes, one killed: its people move to the other and miss nothing", async () => {
      const redis = await ownRedis();
      const store = await postgresStore();
      const a = await server(store, redis);
      const b = await server(store, redis);
      const [portA, portB] = [a.listeningPort, b.listeningPort];
      const links = [await proxy(() => [portA, portB]), await proxy(() => [portB, portA])];
      const everyone = await peers(a.url, links);
      const onA = everyone.filter((_, i) => i % 2 === 0);
      let killedAt = 0;
      const sent = await conversation(everyone, 12, async () => {
        await a.stop("SIGKILL");
        killedAt = performance.now();
      });
      await verify("one of two processes killed", everyone, sent, { peers: onA, since: killedAt });
    }, 180_000);

    it("Redis stopped and started under two processes: late, never lost", async () => {
      const redis = await ownRedis();
      const store = await postgresStore();
      const a = await server(store, redis);
      const b = await server(store, redis);
      const [portA, portB] = [a.listeningPort, b.listeningPort];
      const links = [await proxy(() => [portA]), await proxy(() => [portB])];
      const everyone = await peers(a.url, links);
      const sent = await conversation(everyone, 14, async () => {
        await redis.stop();
        await new Promise((resolve) => setTimeout(resolve, 4_000)); // Redis stays away 4 s
        await redis.start();
      });
      await verify("Redis stopped and started", everyone, sent, { peers: [], since: 0 });
    }, 180_000);

    it("PostgreSQL connections cut mid-conversation: sends wait and go through once", async () => {
      const redis = await ownRedis();
      const store = await postgresStore();
      const one = await server(store, redis);
      const port = one.listeningPort;
      const links = [await proxy(() => [port])];
      const everyone = await peers(one.url, links);
      const database = new URL(store.url ?? "").pathname.slice(1);
      const sent = await conversation(everyone, 12, async () => {
        const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
        await admin.connect();
        try {
          const cut = await admin.query(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
            [database],
          );
          expect(cut.rowCount).toBeGreaterThan(0);
        } finally {
          await admin.end();
        }
      });
      await verify("PostgreSQL connections terminated", everyone, sent, { peers: [], since: 0 });
    }, 180_000);
  });
});
