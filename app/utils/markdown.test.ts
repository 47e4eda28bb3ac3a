import { describe, expect, it } from "vitest";
import { markdownToText, renderMarkdown } from "./markdown";

describe("rendering product descriptions", () => {
  it("renders paragraphs, line breaks, bold, italic and lists", () => {
    expect(renderMarkdown("第一段\n第二行\n\n**手工** 和 *彝绣*")).toBe(
      "<p>第一段<br>\n第二行</p>\n<p><strong>手工</strong> 和 <em>彝绣</em></p>",
    );
    expect(renderMarkdown("- 棉布\n- 丝线\n\n1. 量尺寸\n2. 下单")).toBe(
      "<ul><li>棉布</li><li>丝线</li></ul>\n<ol><li>量尺寸</li><li>下单</li></ol>",
    );
    expect(renderMarkdown("介绍\n* 一\n* 二\n结尾")).toBe("<p>介绍</p>\n<ul><li>一</li><li>二</li></ul>\n<p>结尾</p>");
  });

  it("links only http(s) addresses, with rel=nofollow noopener", () => {
    expect(renderMarkdown("[合作社](https://example.cn/a?b=1&c=2)")).toBe(
      '<p><a href="https://example.cn/a?b=1&amp;c=2" rel="nofollow noopener">合作社</a></p>',
    );
    for (const bad of ["javascript:alert(1)", "data:text/html,<script>x</script>", "//evil.example", "vbscript:x"]) {
      const html = renderMarkdown(`[click](${bad})`);
      expect(html).not.toContain("<a ");
      expect(html).not.toContain("<script");
    }
  });

  it("never lets HTML through, whatever is typed", () => {
    const attacks = [
      "<script>alert(1)</script>",
      '<img src=x onerror="alert(1)">',
      '<a href="javascript:alert(1)">x</a>',
      '[x](https://e.example/"onmouseover="alert(1))',
      "[x](https://e.example/?q=<script>)",
      '**<b onclick="x">**',
      "<!-- comment --><style>body{}</style>",
      "- <iframe src=//evil>",
      "[*x*](https://e.example/*y*)",
    ];
    for (const attack of attacks) {
      const html = renderMarkdown(attack);
      // Every tag in the output is one of ours, and every attribute is an href or our rel.
      const tags = [...html.matchAll(/<(\/?)([a-z]+)([^>]*)>/g)];
      for (const [, closing, name, attrs] of tags) {
        expect(["p", "br", "strong", "em", "ul", "ol", "li", "a"]).toContain(name);
        if (name === "a" && !closing) expect(attrs).toMatch(/^ href="https?:\/\/[^"<>\s]*" rel="nofollow noopener"$/);
        else expect(attrs).toBe("");
      }
      expect(html).not.toMatch(/<(script|img|iframe|style|b )/i);
    }
  });

  it("keeps emphasis out of link addresses", () => {
    expect(renderMarkdown("[*看*](https://e.example/*y*)")).toBe(
      '<p><a href="https://e.example/*y*" rel="nofollow noopener"><em>看</em></a></p>',
    );
  });

  it("gives the plain text for meta descriptions", () => {
    expect(markdownToText("**手工**彝绣\n\n- [合作社](https://e.example)\n- *丝线*")).toBe("手工彝绣 合作社 丝线");
  });
});
