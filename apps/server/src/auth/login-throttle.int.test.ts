import { ApiErrorBodySchema } from "@bridgeway/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "../seed/demo-clinic";
import { TestClient, type TestResponse } from "../testing/http-client";
import { databaseKinds, redisUrlForTests } from "../testing/test-databases";
import {
  startServerPair,
  startTestServer,
  TEST_PASSWORD,
  type TestServer,
} from "../testing/test-server";
import {
  LOGIN_FAILURES_PER_ACCOUNT_AND_ADDRESS,
  LOGIN_FAILURES_PER_ACCOUNT_UNKNOWN_DEVICES,
  LOGIN_FAILURES_PER_ADDRESS,
  LOGIN_FAILURES_PER_DEVICE,
} from "./login-rate-limit";

const P = DEMO_ACCOUNTS.participants;
const [DANA, MARCUS] = DEMO_ACCOUNTS.facilitators;
const [PAT] = DEMO_ACCOUNTS.family;

/** A browser at one network address (the server trusts one proxy hop in these tests). */
class Browser extends TestClient {
  constructor(
    url: string,
    readonly address: string,
  ) {
    super(url);
  }

  signIn(email: string, password: string): Promise<TestResponse> {
    return this.request("POST", "/api/auth/login", {
      json: { email, password },
      headers: { "x-forwarded-for": this.address },
    }).then(async (res) => {
      // Sign out at once: the device cookie is what a returning browser keeps.
      if (res.status === 200) {
        this.csrfToken = (res.body as { csrfToken: string }).csrfToken;
        await this.request("POST", "/api/auth/logout", {
          headers: { "x-forwarded-for": this.address },
        });
      }
      return res;
    });
  }
}

/** One sign-in from `address` carrying exactly `cookie` (another browser's, or a forged one). */
async function signInWith(
  url: string,
  address: string,
  cookie: string,
  email: string,
  password: string,
): Promise<number> {
  const res = await fetch(new URL("/api/auth/login", url), {
    method: "POST",
    headers: {
      "content-type": "application/json",
      origin: url,
      "x-forwarded-for": address,
      ...(cookie ? { cookie } : {}),
    },
    body: JSON.stringify({ email, password }),
  });
  await res.arrayBuffer();
  return res.status;
}

function code(res: TestResponse): string {
  return ApiErrorBodySchema.parse(res.body).error.code;
}

/** Wrong passwords against `email`, each from its own new browser and address. */
async function distributedGuesses(url: string, email: string, count: number, net: string) {
  for (let i = 0; i < count; i += 1) {
    const res = await new Browser(url, `${net}.${i + 1}`).signIn(email, `guess-${i}`);
    expect(res.status).toBe(401);
  }
}

describe.each(databaseKinds())("sign-in throttling that cannot lock people out, on %s", (kind) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({
      kind,
      env: { TRUST_PROXY: "1" },
      redisUrl: redisUrlForTests(),
    });
  });
  afterAll(async () => {
    await server.close();
  });

  it("sets a signed, httpOnly, SameSite device cookie at sign-in", async () => {
    const res = await new Browser(server.url, "192.0.2.10").signIn(P[0], TEST_PASSWORD);
    expect(res.status).toBe(200);
    const device = res.setCookies.find((c) => c.startsWith("bw_device="));
    expect(device).toMatch(/HttpOnly/i);
    expect(device).toMatch(/SameSite=Strict/i);
    expect(device).toMatch(/Max-Age=\d+/i);
    expect(res.setCookies[0]).toMatch(/^bw_session=/);
  });

  it("keeps signing in a returning browser while guesses from many addresses stop unknown browsers", async () => {
    const email = P[1];
    const home = new Browser(server.url, "192.0.2.20");
    expect((await home.signIn(email, TEST_PASSWORD)).status).toBe(200);

    await distributedGuesses(
      server.url,
      email,
      LOGIN_FAILURES_PER_ACCOUNT_UNKNOWN_DEVICES,
      "198.51.100",
    );
    // The distributed guesser is throttled, even with the right password on a fresh browser.
    const guesser = await new Browser(server.url, "198.51.100.250").signIn(email, TEST_PASSWORD);
    expect(guesser.status).toBe(429);
    expect(code(guesser)).toBe("rate_limited");
    expect(Number(guesser.headers.get("retry-after"))).toBeGreaterThan(0);

    // The person's own browser is never refused the right password, at home or elsewhere.
    expect((await home.signIn(email, TEST_PASSWORD)).status).toBe(200);
    expect(
      await signInWith(server.url, "203.0.113.77", home.cookieHeader(), email, TEST_PASSWORD),
    ).toBe(200);
  });

  it("does not lock out the person when five addresses each try one wrong password", async () => {
    const email = P[2];
    await distributedGuesses(server.url, email, 5, "198.51.101");
    expect((await new Browser(server.url, "192.0.2.30").signIn(email, TEST_PASSWORD)).status).toBe(
      200,
    );
  });

  it("stops a guesser at one address after a few tries at one account, without refusing others there", async () => {
    const shared = "192.0.2.40";
    const email = P[3];
    const known = new Browser(server.url, shared);
    expect((await known.signIn(email, TEST_PASSWORD)).status).toBe(200);
    const attacker = new Browser(server.url, shared);
    for (let i = 0; i < LOGIN_FAILURES_PER_ACCOUNT_AND_ADDRESS; i += 1) {
      expect((await attacker.signIn(email, `guess-${i}`)).status).toBe(401);
    }
    expect((await attacker.signIn(email, TEST_PASSWORD)).status).toBe(429);
    // Behind the same address: the account's own browser, and other people, still sign in.
    expect((await known.signIn(email, TEST_PASSWORD)).status).toBe(200);
    expect((await new Browser(server.url, shared).signIn(P[4], TEST_PASSWORD)).status).toBe(200);
  });

  it("lets people behind a shared address sign in after many guesses from it, and caps the guessing", async () => {
    const shared = "192.0.2.50";
    const returning = new Browser(server.url, shared);
    expect((await returning.signIn(P[5], TEST_PASSWORD)).status).toBe(200);
    // Twenty wrong passwords (the old lockout) across accounts from one address.
    for (let i = 0; i < 20; i += 1) {
      const res = await new Browser(server.url, shared).signIn(
        `nobody.${i}@example.org`,
        "x-guess",
      );
      expect(res.status).toBe(401);
    }
    expect((await new Browser(server.url, shared).signIn(P[6], TEST_PASSWORD)).status).toBe(200);
    // Spraying on until the address's limit: unknown browsers there wait, returning ones do not.
    for (let i = 20; i < LOGIN_FAILURES_PER_ADDRESS; i += 1) {
      const res = await new Browser(server.url, shared).signIn(
        `nobody.${i}@example.org`,
        "x-guess",
      );
      expect(res.status).toBe(401);
    }
    const sprayer = await new Browser(server.url, shared).signIn(P[7], TEST_PASSWORD);
    expect(sprayer.status).toBe(429);
    expect((await returning.signIn(P[5], TEST_PASSWORD)).status).toBe(200);
  });

  it("still throttles guessing from a browser with a device cookie, and ignores forged or other people's cookies", async () => {
    const email = P[0];
    const device = new Browser(server.url, "192.0.2.60");
    expect((await device.signIn(email, TEST_PASSWORD)).status).toBe(200);
    for (let i = 0; i < LOGIN_FAILURES_PER_DEVICE; i += 1) {
      expect((await device.signIn(email, `guess-${i}`)).status).toBe(401);
    }
    expect((await device.signIn(email, TEST_PASSWORD)).status).toBe(429);

    // A cookie whose signature does not match, or issued for another account, counts as unknown.
    const other = new Browser(server.url, "192.0.2.61");
    expect((await other.signIn(DANA, TEST_PASSWORD)).status).toBe(200);
    const cookie = other.cookieHeader();
    const forged = cookie.replace(
      /(bw_device=[^;]*)(.)(;|$)/,
      (_m, a: string, b: string, c: string) => `${a}${b === "A" ? "B" : "A"}${c}`,
    );
    expect(forged).not.toBe(cookie);
    // Forged for Dana's own account; Dana's real cookie presented for Marcus's account.
    const cases: [string, string, string][] = [
      [forged, DANA, "192.0.2.62"],
      [cookie, MARCUS, "192.0.2.63"],
    ];
    for (const [header, target, address] of cases) {
      for (let i = 0; i < LOGIN_FAILURES_PER_ACCOUNT_AND_ADDRESS; i += 1) {
        expect(await signInWith(server.url, address, header, target, `guess-${i}`)).toBe(401);
      }
      expect(await signInWith(server.url, address, header, target, TEST_PASSWORD)).toBe(429);
    }
  });
});

const redisUrl = redisUrlForTests();
describe.runIf(redisUrl && process.env.DATABASE_URL)(
  "sign-in throttling across server processes (PostgreSQL + Redis)",
  () => {
    let a: TestServer;
    let b: TestServer;
    let close: () => Promise<void>;

    beforeAll(async () => {
      ({ a, b, close } = await startServerPair(redisUrl ?? "", { env: { TRUST_PROXY: "1" } }));
    });
    afterAll(async () => {
      await close();
    });

    it("counts guesses made through every process, and honours a device cookie from any of them", async () => {
      const email = PAT;
      const home = new Browser(a.url, "192.0.2.70");
      expect((await home.signIn(email, TEST_PASSWORD)).status).toBe(200);
      const attacker = [new Browser(a.url, "192.0.2.71"), new Browser(b.url, "192.0.2.71")];
      for (let i = 0; i < LOGIN_FAILURES_PER_ACCOUNT_AND_ADDRESS; i += 1) {
        expect((await (attacker[i % 2] ?? home).signIn(email, `guess-${i}`)).status).toBe(401);
      }
      expect((await attacker[0]?.signIn(email, TEST_PASSWORD))?.status).toBe(429);
      expect((await attacker[1]?.signIn(email, TEST_PASSWORD))?.status).toBe(429);
      // The device cookie A issued is honoured by B, while the address is locked for others.
      expect(await signInWith(b.url, "192.0.2.70", home.cookieHeader(), email, TEST_PASSWORD)).toBe(
        200,
      );
    });
  },
);
