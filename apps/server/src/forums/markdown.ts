import MarkdownIt from "markdown-it";

/**
 * Forum markdown to HTML that is safe to show: raw HTML is escaped (never passed through), and
 * links may only go to http(s), mailto or this site; anything else (javascript:, data:, vbscript:)
 * stays plain text.
 */
const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: true });

const SAFE_LINK = /^(https?:\/\/|mailto:|\/(?!\/))/i;
md.validateLink = (url: string) => SAFE_LINK.test(url.trim());

const defaultLinkOpen =
  md.renderer.rules.link_open ??
  ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx];
  // External links open without handing this page to the other site.
  token?.attrSet("rel", "noopener noreferrer nofollow");
  return defaultLinkOpen(tokens, idx, options, env, self);
};

export function renderMarkdown(source: string): string {
  return md.render(source);
}

/** A plain-text excerpt for lists: markdown stripped to its words. */
export function excerpt(source: string, length = 160): string {
  const text = source
    .replace(/```[\s\S]*?```/g, " ")
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[#>*_`~|-]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
