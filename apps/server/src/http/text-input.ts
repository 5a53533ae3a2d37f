import { findUnstorableText } from "@bridgeway/domain";
import type { RequestHandler } from "express";
import { badRequest } from "./errors";

/**
 * Refuses, in one place for every route, text PostgreSQL cannot store: a NUL character or a
 * lone UTF-16 surrogate anywhere in the JSON body or the query string answers 400 naming the
 * field, before any handler (or the database) sees it.
 */
export const rejectUnstorableText: RequestHandler = (req, _res, next) => {
  const found = findUnstorableText(req.body) ?? findUnstorableText(req.query);
  if (!found) return next();
  const field = found.field === "" ? "body" : found.field;
  next(badRequest(`Check ${field}: ${found.problem}`, { [field]: found.problem }));
};
