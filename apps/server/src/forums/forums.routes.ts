import { Router } from "express";
import {
  BoardParamsSchema,
  CreateReplySchema,
  CreateThreadSchema,
  EditReplySchema,
  EditThreadSchema,
  ForumSearchQuerySchema,
  HidePostSchema,
  LockThreadSchema,
  PinThreadSchema,
  RepliesQuerySchema,
  ReportPostSchema,
  ThreadListQuerySchema,
} from "@bridgeway/domain";
import { idParam } from "../http/params";
import { actorContext } from "../http/request-context";
import { parseInput } from "../http/validate";
import type { ForumService } from "./forum-service";

/** /api/forums */
export function forumRoutes(forums: ForumService): Router {
  const router = Router();
  router.get("/boards", async (req, res) => {
    res.json({ boards: await forums.boards(actorContext(req)) });
  });
  router.get("/boards/:kind/:id/threads", async (req, res) => {
    const context = actorContext(req);
    const board = parseInput(BoardParamsSchema, req.params, "params");
    const query = parseInput(ThreadListQuerySchema, req.query, "query");
    res.json(await forums.threads(context, board.kind, board.id, query));
  });
  router.post("/boards/:kind/:id/threads", async (req, res) => {
    const context = actorContext(req);
    const board = parseInput(BoardParamsSchema, req.params, "params");
    const input = parseInput(CreateThreadSchema, req.body);
    res.status(201).json(await forums.createThread(context, board.kind, board.id, input));
  });
  router.get("/search", async (req, res) => {
    const context = actorContext(req);
    const query = parseInput(ForumSearchQuerySchema, req.query, "query");
    res.json({ threads: await forums.search(context, query.q) });
  });
  router.get("/threads/:id", async (req, res) => {
    const context = actorContext(req);
    const id = idParam(req.params);
    const query = parseInput(RepliesQuerySchema, req.query, "query");
    res.json(await forums.thread(context, id, query));
  });
  router.post("/threads/:id/replies", async (req, res) => {
    const context = actorContext(req);
    const id = idParam(req.params);
    const input = parseInput(CreateReplySchema, req.body);
    res.status(201).json(await forums.reply(context, id, input.body));
  });
  router.patch("/threads/:id", async (req, res) => {
    const context = actorContext(req);
    const id = idParam(req.params);
    res.json(await forums.editThread(context, id, parseInput(EditThreadSchema, req.body)));
  });
  router.patch("/replies/:id", async (req, res) => {
    const context = actorContext(req);
    const id = idParam(req.params);
    res.json(await forums.editReply(context, id, parseInput(EditReplySchema, req.body).body));
  });
  router.delete("/threads/:id", async (req, res) => {
    const context = actorContext(req);
    res.json(await forums.deleteThread(context, idParam(req.params)));
  });
  router.delete("/replies/:id", async (req, res) => {
    const context = actorContext(req);
    res.json(await forums.deleteReply(context, idParam(req.params)));
  });
  router.post("/threads/:id/report", async (req, res) => {
    const context = actorContext(req);
    const threadId = idParam(req.params);
    const input = parseInput(ReportPostSchema, req.body ?? {});
    res.status(201).json(await forums.report(context, { threadId }, input));
  });
  router.post("/replies/:id/report", async (req, res) => {
    const context = actorContext(req);
    const replyId = idParam(req.params);
    const input = parseInput(ReportPostSchema, req.body ?? {});
    res.status(201).json(await forums.report(context, { replyId }, input));
  });
  router.post("/threads/:id/hide", async (req, res) => {
    const context = actorContext(req);
    const threadId = idParam(req.params);
    const { hidden } = parseInput(HidePostSchema, req.body);
    res.json(await forums.setHidden(context, { threadId }, hidden));
  });
  router.post("/replies/:id/hide", async (req, res) => {
    const context = actorContext(req);
    const replyId = idParam(req.params);
    const { hidden } = parseInput(HidePostSchema, req.body);
    res.json(await forums.setHidden(context, { replyId }, hidden));
  });
  router.get("/reports", async (req, res) => {
    res.json({ reports: await forums.reports(actorContext(req)) });
  });
  router.post("/reports/:id/dismiss", async (req, res) => {
    const context = actorContext(req);
    await forums.dismissReport(context, idParam(req.params));
    res.status(204).end();
  });
  router.post("/threads/:id/pin", async (req, res) => {
    const context = actorContext(req);
    const id = idParam(req.params);
    res.json(await forums.setPinned(context, id, parseInput(PinThreadSchema, req.body).pinned));
  });
  router.post("/threads/:id/lock", async (req, res) => {
    const context = actorContext(req);
    const id = idParam(req.params);
    res.json(await forums.setLocked(context, id, parseInput(LockThreadSchema, req.body).locked));
  });
  return router;
}
