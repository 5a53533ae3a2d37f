import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { SmsConfig } from "../config";
import type { Logger } from "../logger";

export type TextMessage = { to: string; body: string };

/** Sends one text message; throws when the provider refused it. */
export type SmsSender = { readonly delivered: boolean; send(message: TextMessage): Promise<void> };

/** A provider's refusal: its HTTP status and error code, never the message or the number. */
export class SmsRefused extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
  ) {
    super(`the SMS provider refused the message (HTTP ${status}${code ? `, code ${code}` : ""})`);
    this.name = "SmsRefused";
  }
}

/**
 * Twilio's Messages API: `POST /2010-04-01/Accounts/{AccountSid}/Messages.json`, a form-encoded
 * `To`, `From` (or `MessagingServiceSid`) and `Body`, with HTTP basic auth of the Account SID and
 * auth token. Twilio answers 201 with the message resource; anything else is a refusal.
 */
export function createTwilioSender(
  config: Extract<SmsConfig, { kind: "twilio" }>,
  logger: Logger,
  fetchImpl: typeof fetch = fetch,
): SmsSender {
  const url = `${config.apiUrl}/2010-04-01/Accounts/${encodeURIComponent(config.accountSid)}/Messages.json`;
  const authorization = `Basic ${Buffer.from(`${config.accountSid}:${config.authToken}`).toString("base64")}`;
  return {
    delivered: true,
    async send(message) {
      const form = new URLSearchParams({ To: message.to, Body: message.body });
      form.set(config.from.startsWith("MG") ? "MessagingServiceSid" : "From", config.from);
      const response = await fetchImpl(url, {
        method: "POST",
        headers: {
          Authorization: authorization,
          "Content-Type": "application/x-www-form-urlencoded",
          Accept: "application/json",
        },
        body: form.toString(),
        signal: AbortSignal.timeout(15_000),
      });
      if (response.status !== 201 && response.status !== 200) {
        let code: string | undefined;
        try {
          const body = (await response.json()) as { code?: unknown };
          code =
            typeof body.code === "number" || typeof body.code === "string"
              ? String(body.code)
              : undefined;
        } catch {
          code = undefined;
        }
        throw new SmsRefused(response.status, code);
      }
      const body = (await response.json().catch(() => ({}))) as { sid?: unknown };
      logger.info(
        { sid: typeof body.sid === "string" ? body.sid : undefined },
        "text message sent through Twilio",
      );
    },
  };
}

/**
 * With no provider configured, each text message is written as a .txt file to a local outbox
 * folder (as email is), so reminders work on one machine and tests read them.
 */
export function createOutboxSender(dir: string, logger: Logger): SmsSender {
  return {
    delivered: false,
    send(message) {
      mkdirSync(dir, { recursive: true });
      const file = join(
        dir,
        `${new Date().toISOString().replace(/[:.]/g, "-")}-${randomBytes(4).toString("hex")}.txt`,
      );
      writeFileSync(file, `To: ${message.to}\n\n${message.body}\n`, { mode: 0o600 });
      logger.info({ file }, "no SMS provider configured: text message written to the local outbox");
      return Promise.resolve();
    },
  };
}

export function createSmsSender(config: SmsConfig, logger: Logger): SmsSender {
  return config.kind === "twilio"
    ? createTwilioSender(config, logger)
    : createOutboxSender(config.dir, logger);
}
