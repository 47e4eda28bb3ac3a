import { describe, expect, it } from "vitest";
import {
  absoluteUrl,
  alternateLinks,
  breadcrumbJsonLd,
  fenToDecimal,
  pageMeta,
  productJsonLd,
  robotsTxt,
  sitemapXml,
  summary,
} from "./seo";

const base = "https://fair.example";

describe("URLs", () => {
  it("makes absolute URLs on the public origin, keeping a path prefix and dropping a trailing slash", () => {
    expect(absoluteUrl(base, "/products/x")).toBe("https://fair.example/products/x");
    expect(absoluteUrl(`${base}/`, "/")).toBe("https://fair.example/");
    expect(absoluteUrl("https://example.org/fair/", "/products/x")).toBe("https://example.org/fair/products/x");
    expect(absoluteUrl(base, "https://cdn.example/a.png")).toBe("https://cdn.example/a.png");
  });

  it("links each page to itself as canonical and to both languages, Chinese being the default", () => {
    expect(alternateLinks(base, "en", "/products/puer-raw-cake")).toEqual([
      { tagName: "link", rel: "canonical", href: "https://fair.example/en/products/puer-raw-cake" },
      { tagName: "link", rel: "alternate", hrefLang: "zh-CN", href: "https://fair.example/products/puer-raw-cake" },
      { tagName: "link", rel: "alternate", hrefLang: "en", href: "https://fair.example/en/products/puer-raw-cake" },
      { tagName: "link", rel: "alternate", hrefLang: "x-default", href: "https://fair.example/products/puer-raw-cake" },
    ]);
    expect(alternateLinks(base, "zh", "/")[0]).toEqual({ tagName: "link", rel: "canonical", href: `${base}/` });
    expect(alternateLinks(base, "zh", "/", "")[2]).toMatchObject({ hrefLang: "en", href: `${base}/en` });
    expect(alternateLinks(base, "zh", "/categories/tea", "?page=2")[0]).toMatchObject({
      href: `${base}/categories/tea?page=2`,
    });
  });
});

describe("money for machines", () => {
  it("writes fen as a two-decimal string without float error", () => {
    expect(fenToDecimal(12800)).toBe("128.00");
    expect(fenToDecimal(1990)).toBe("19.90");
    expect(fenToDecimal(5)).toBe("0.05");
    expect(fenToDecimal(0)).toBe("0.00");
    expect(fenToDecimal(123456789)).toBe("1234567.89");
    expect(() => fenToDecimal(1.5)).toThrow(TypeError);
  });
});

describe("page meta", () => {
  it("gives a title with the site name, a short description, Open Graph and alternates", () => {
    const meta = pageMeta({
      baseUrl: base,
      locale: "en",
      path: "/products/yi-embroidery-shoulder-bag",
      title: "Handmade Yi embroidery shoulder bag",
      description: "A ".repeat(200),
      image: { url: "/images/products/yi-embroidery-shoulder-bag.svg", alt: "Bag" },
      type: "product",
    });
    expect(meta).toContainEqual({
      title: "Handmade Yi embroidery shoulder bag | Shanghai Consumption-Assistance Fair",
    });
    const description = meta.find((m) => "name" in m && m.name === "description") as { content: string };
    expect(description.content.length).toBeLessThanOrEqual(150);
    expect(meta).toContainEqual({ property: "og:type", content: "product" });
    expect(meta).toContainEqual({ property: "og:locale", content: "en_US" });
    expect(meta).toContainEqual({
      property: "og:url",
      content: "https://fair.example/en/products/yi-embroidery-shoulder-bag",
    });
    expect(meta).toContainEqual({
      property: "og:image",
      content: "https://fair.example/images/products/yi-embroidery-shoulder-bag.svg",
    });
    expect(meta).toContainEqual({
      tagName: "link",
      rel: "alternate",
      hrefLang: "zh-CN",
      href: "https://fair.example/products/yi-embroidery-shoulder-bag",
    });
  });

  it("uses the site name alone as the home page's title", () => {
    expect(pageMeta({ baseUrl: base, locale: "zh", path: "/", description: "x" })[0]).toEqual({
      title: "上海消费帮扶展销会",
    });
  });

  it("summarises long text on one line", () => {
    expect(summary("  a\n\nb  ")).toBe("a b");
    expect(summary("一二三四五六", 4)).toBe("一二三…");
  });
});

describe("JSON-LD", () => {
  const product = {
    url: `${base}/products/bag`,
    name: "彝绣手工挎包",
    description: "手工彝绣",
    images: [`${base}/images/products/bag.svg`],
    sku: "bag",
    category: "非遗文创",
    priceFen: 36800,
    stock: 42,
    seller: { name: "猛弄民绣合作社", url: `${base}/cooperatives/mengnong-embroidery` },
  };

  it("describes a Product with an Offer in CNY, in stock or out of stock", () => {
    const ld = productJsonLd(product);
    expect(ld).toMatchObject({
      "@context": "https://schema.org",
      "@type": "Product",
      name: "彝绣手工挎包",
      offers: {
        "@type": "Offer",
        price: "368.00",
        priceCurrency: "CNY",
        availability: "https://schema.org/InStock",
        seller: { "@type": "Organization", name: "猛弄民绣合作社" },
      },
    });
    expect(ld).not.toHaveProperty("hasCertification");
    expect(productJsonLd({ ...product, stock: 0 }).offers.availability).toBe("https://schema.org/OutOfStock");
  });

  it("adds the certificate when there is a valid one", () => {
    const ld = productJsonLd({
      ...product,
      certificate: {
        number: "SH-FP-2025-00101",
        body: "认定工作组",
        validFrom: "2025-04-01",
        validUntil: "2027-03-31",
      },
    });
    expect(ld).toMatchObject({
      hasCertification: { certificationIdentification: "SH-FP-2025-00101", expires: "2027-03-31" },
    });
  });

  it("numbers breadcrumbs from 1", () => {
    expect(
      breadcrumbJsonLd([
        { name: "首页", url: `${base}/` },
        { name: "云南", url: `${base}/regions/yunnan` },
      ]),
    ).toEqual({
      "@context": "https://schema.org",
      "@type": "BreadcrumbList",
      itemListElement: [
        { "@type": "ListItem", position: 1, name: "首页", item: `${base}/` },
        { "@type": "ListItem", position: 2, name: "云南", item: `${base}/regions/yunnan` },
      ],
    });
  });
});

describe("sitemap.xml and robots.txt", () => {
  it("lists each page in both languages with hreflang alternates, escaping XML", () => {
    const xml = sitemapXml(base, [{ path: "/" }, { path: "/products/a&b", lastModified: "2026-11-28" }]);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(xml).toContain("<loc>https://fair.example/</loc>");
    expect(xml).toContain("<loc>https://fair.example/en</loc>");
    expect(xml).toContain("<loc>https://fair.example/en/products/a&amp;b</loc>");
    expect(xml).toContain("<lastmod>2026-11-28</lastmod>");
    expect(xml).toContain(
      '<xhtml:link rel="alternate" hreflang="zh-CN" href="https://fair.example/products/a&amp;b"/>',
    );
    expect(xml).toContain('<xhtml:link rel="alternate" hreflang="x-default" href="https://fair.example/"/>');
    expect(xml.match(/<url>/g)).toHaveLength(4);
  });

  it("allows everything but carts, checkout, orders and payment, and names the sitemap", () => {
    const robots = robotsTxt(base);
    expect(robots).toContain("User-agent: *\nAllow: /\n");
    for (const path of ["/cart", "/checkout", "/orders", "/pay", "/en/cart", "/en/checkout", "/en/orders", "/en/pay"]) {
      expect(robots).toContain(`Disallow: ${path}\n`);
    }
    expect(robots).toContain("Sitemap: https://fair.example/sitemap.xml");
  });
});
