import { describe, expect, expectTypeOf, it } from "vitest";
import type { ChatMessageDto } from "./chat";
import type { JoinReply, LiveError, MediaCredential } from "./live";
import { SessionOnlySchema } from "./live";
import {
  CLIENT_EVENT_SCHEMAS,
  type AckReply,
  type ClientEventSchemas,
  type ClientPayload,
  type FireAndForgetEvent,
  type ParsedPayload,
  type ReplyOf,
  type RequestEvent,
} from "./realtime";

const SESSION = "00000000-0000-4000-8000-0000000000a1";

describe("the schema of each client event", () => {
  it("refuses a lock without saying whether to lock", () => {
    expect(CLIENT_EVENT_SCHEMAS["room:lock"].safeParse({ sessionId: SESSION }).success).toBe(false);
    expect(
      CLIENT_EVENT_SCHEMAS["room:lock"].safeParse({ sessionId: SESSION, locked: true }).success,
    ).toBe(true);
  });

  it("refuses keys a room event does not know", () => {
    const parsed = CLIENT_EVENT_SCHEMAS["room:leave"].safeParse({ sessionId: SESSION, extra: 1 });
    expect(parsed.success).toBe(false);
  });

  it("lets chat:rooms through whatever keys come with it", () => {
    expect(CLIENT_EVENT_SCHEMAS["chat:rooms"].safeParse({}).success).toBe(true);
    expect(CLIENT_EVENT_SCHEMAS["chat:rooms"].safeParse({ from: "old client" }).success).toBe(true);
  });

  it("trims the name a person joins with", () => {
    const parsed = CLIENT_EVENT_SCHEMAS["room:join"].parse({
      sessionId: SESSION,
      displayName: "  Sam P.  ",
    });
    expect(parsed.displayName).toBe("Sam P.");
  });
});

describe("the types derived from the event maps", () => {
  it("gives each request the reply the contract names", () => {
    expectTypeOf<ReplyOf<"room:join">>().toEqualTypeOf<JoinReply>();
    expectTypeOf<ReplyOf<"room:visit">>().toEqualTypeOf<{ credential: MediaCredential }>();
    expectTypeOf<ReplyOf<"chat:send">>().toEqualTypeOf<{ message: ChatMessageDto }>();
    expectTypeOf<ReplyOf<"room:leave">>().toEqualTypeOf<object>();
    expectTypeOf<AckReply<"room:admit-all">>().toEqualTypeOf<
      ({ ok: true } & { admitted: number }) | { ok: false; error: LiveError }
    >();
  });

  it("tells requests from events sent without an answer", () => {
    expectTypeOf<FireAndForgetEvent>().toEqualTypeOf<
      "media:state" | "media:signal" | "chat:typing"
    >();
    expectTypeOf<"room:join">().toExtend<RequestEvent>();
    expectTypeOf<"chat:rooms">().toExtend<RequestEvent>();
    expectTypeOf<"chat:typing">().not.toExtend<RequestEvent>();
    // @ts-expect-error a fire-and-forget event has no reply
    expectTypeOf<ReplyOf<"media:state">>().toBeObject();
  });

  it("types a payload as sent and as parsed", () => {
    expectTypeOf<ClientPayload<"room:lock">>().toEqualTypeOf<{
      sessionId: string;
      locked: boolean;
    }>();
    expectTypeOf<ParsedPayload<"room:join">>().toEqualTypeOf<{
      sessionId: string;
      displayName: string;
    }>();
  });

  it("does not compile a schema map that pairs an event with another event's schema", () => {
    const wrong = {
      ...CLIENT_EVENT_SCHEMAS,
      "room:lock": SessionOnlySchema,
    };
    // @ts-expect-error room:lock's schema would not know `locked`
    const checked: ClientEventSchemas = wrong;
    expect(Object.keys(checked)).toContain("room:lock");
  });
});
