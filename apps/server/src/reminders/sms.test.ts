import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../logger";
import { createTwilioSender, SmsRefused } from "./sms";

const SID = `AC${"0123456789abcdef".repeat(2)}`;
const TOKEN = "twilio-test-auth-token";

type Seen = { method: string; url: string; headers: IncomingMessage["headers"]; body: string };

describe("the Twilio adapter", () => {
  const seen: Seen[] = [];
  let refuse = false;
  const server = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (body += chunk));
    req.on("end", () => {
      seen.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body });
      res.setHeader("Content-Type", "application/json");
      if (refuse) {
        res.statusCode = 400;
        res.end(JSON.stringify({ code: 21211, message: "The 'To' number is not valid." }));
        return;
      }
      res.statusCode = 201;
      res.end(JSON.stringify({ sid: "SM0123", status: "queued" }));
    });
  });
  let apiUrl = "";

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const sender = (from: string) =>
    createTwilioSender(
      { kind: "twilio", apiUrl, accountSid: SID, authToken: TOKEN, from },
      createLogger("silent"),
    );

  it("posts a form to the account's Messages resource with basic auth, as Twilio documents", async () => {
    await sender("+13125550199").send({
      to: "+13125550100",
      body: "You have a session at 6:00 PM.",
    });
    const request = seen.at(-1);
    expect(request?.method).toBe("POST");
    expect(request?.url).toBe(`/2010-04-01/Accounts/${SID}/Messages.json`);
    expect(request?.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(request?.headers.authorization).toBe(
      `Basic ${Buffer.from(`${SID}:${TOKEN}`).toString("base64")}`,
    );
    const form = new URLSearchParams(request?.body);
    expect(Object.fromEntries(form)).toEqual({
      To: "+13125550100",
      From: "+13125550199",
      Body: "You have a session at 6:00 PM.",
    });
  });

  it("sends from a Messaging Service when one is configured", async () => {
    const service = `MG${"0123456789abcdef".repeat(2)}`;
    await sender(service).send({ to: "+13125550100", body: "Hi" });
    const form = new URLSearchParams(seen.at(-1)?.body);
    expect(form.get("MessagingServiceSid")).toBe(service);
    expect(form.has("From")).toBe(false);
  });

  it("throws Twilio's refusal with its status and code, never the number or text", async () => {
    refuse = true;
    try {
      const error = await sender("+13125550199")
        .send({ to: "+10000000000", body: "secret words" })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SmsRefused);
      expect(error).toMatchObject({ status: 400, code: "21211" });
      expect(String(error)).not.toContain("+10000000000");
      expect(String(error)).not.toContain("secret words");
    } finally {
      refuse = false;
    }
  });
});
