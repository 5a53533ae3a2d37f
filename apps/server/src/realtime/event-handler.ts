import { findUnstorableText, type LiveError } from "@bridgeway/domain";
import type { z } from "zod";
import { loggableError } from "../db/unavailable";
import { fieldsFromZodError } from "../http/validate";
import type { Logger } from "../logger";
import type { RealtimeSocket } from "./realtime";

type Reply = (reply: unknown) => void;

/**
 * Registers socket events the same way everywhere: the payload is validated with its schema; a
 * bad or refused event answers `{ ok: false, error }` to its acknowledgement (when the client
 * gave one) and a `room:error` event naming the event; the socket keeps working.
 * `refusal` turns an expected error into what the client is told; anything else is logged.
 */
export function eventRegistrar(
  socket: RealtimeSocket,
  logger: Logger,
  refusal: (error: unknown) => LiveError | undefined,
) {
  return function handle<S extends z.ZodType>(
    event: string,
    schema: S,
    run: (payload: z.infer<S>) => Promise<object>,
    precheck?: (payload: z.infer<S>) => LiveError | undefined,
  ): void {
    const listener = (raw: unknown, maybeReply: unknown) => {
      const reply: Reply | undefined =
        typeof maybeReply === "function" ? (maybeReply as Reply) : undefined;
      const fail = (error: LiveError) => {
        socket.emit("room:error", { ...error, event });
        reply?.({ ok: false, error });
      };
      // Text the database cannot store (NUL, lone surrogates) is refused for every event at once.
      const unstorable = findUnstorableText(raw);
      if (unstorable) {
        fail({
          code: "invalid_input",
          message: `The ${event} event was not valid.`,
          fields: { [unstorable.field || "payload"]: unstorable.problem },
        });
        return;
      }
      const parsed = schema.safeParse(raw);
      if (!parsed.success) {
        fail({
          code: "invalid_input",
          message: `The ${event} event was not valid.`,
          fields: fieldsFromZodError(parsed.error),
        });
        return;
      }
      const problem = precheck?.(parsed.data);
      if (problem) {
        fail(problem);
        return;
      }
      run(parsed.data).then(
        (result) => reply?.({ ok: true, ...result }),
        (error: unknown) => {
          const known = refusal(error);
          if (known) {
            fail(known);
            return;
          }
          const err = loggableError(error);
          logger.error({ event, err }, "socket event failed");
          fail(
            err.infrastructure
              ? {
                  code: "unavailable",
                  message: "Bridgeway is having trouble right now. It will work again shortly.",
                }
              : { code: "invalid_input", message: "That did not work. Try again." },
          );
        },
      );
    };
    socket.on(event as never, listener as never);
  };
}
