import { describe, expect, it } from "vitest";
import { excerpt, renderMarkdown } from "./markdown";

describe("forum markdown", () => {
  it("renders emphasis, lists and links", () => {
    const html = renderMarkdown(
      "**Breathe** in\n\n- one\n- two\n\n[grounding](https://example.org/54321)",
    );
    expect(html).toContain("<strong>Breathe</strong>");
    expect(html).toContain("<li>one</li>");
    expect(html).toContain(
      '<a href="https://example.org/54321" rel="noopener noreferrer nofollow">grounding</a>',
    );
  });

  it("escapes raw HTML instead of passing it through", () => {
    const html = renderMarkdown('<script>alert("x")</script><img src=x onerror=alert(1)>');
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;script&gt;");
  });

  it.each([
    "javascript:alert(1)",
    "JAVASCRIPT:alert(1)",
    " javascript:alert(1)",
    "data:text/html,<b>x</b>",
    "vbscript:msgbox",
  ])("keeps a %s link as text", (href) => {
    const html = renderMarkdown(`[click](${href})`);
    expect(html).not.toMatch(/<a /);
  });

  it("makes plain excerpts", () => {
    expect(excerpt("# Title\n\nSome **bold** [link](https://x.org) text")).toBe(
      "Title Some bold link text",
    );
    expect(excerpt("x".repeat(300)).length).toBe(160);
  });
});
