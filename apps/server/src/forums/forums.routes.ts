import { Router } from "express";
import {
  BoardParamsSchema,
  CreateReplySchema,
  CreateThreadSchema,
  ForumSearchQuerySchema,
  LockThreadSchema,
  PinThreadSchema,
  RepliesQuerySchema,
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
