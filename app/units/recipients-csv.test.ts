import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeSpreadsheetText, parseRecipients, splitCsv, type OrderableProduct } from "./recipients-csv";

const products: OrderableProduct[] = [
  {
    id: "p-bag",
    slug: "yi-embroidery-bag",
    nameZh: "彝绣手工挎包",
    nameEn: "Yi embroidery shoulder bag",
    priceFen: 36800,
    stock: 500,
  },
  { id: "p-tea", slug: "puer-raw-cake", nameZh: "普洱生茶饼", nameEn: "Raw Pu'er cake", priceFen: 12800, stock: 3000 },
];
const HEADER = "收件人,手机,省,市,区,详细地址,商品,数量";
const row = (i: number, product = "彝绣手工挎包", quantity = "2") =>
  `张${i},1380013${String(i).padStart(4, "0")},上海市,上海市,徐汇区,漕溪北路 ${i} 号,${product},${quantity}`;
const utf8 = (text: string) => new TextEncoder().encode(text);

describe("recipient CSV", () => {
  it("reads a UTF-8 file (with Excel's byte-order mark) and totals per product", () => {
    const file = "\uFEFF" + [HEADER, row(1), row(2, "puer-raw-cake", "10"), row(3)].join("\r\n") + "\r\n";
    const result = parseRecipients(utf8(file), products);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.encoding).toBe("utf-8");
    expect(result.rows).toHaveLength(3);
    expect(result.rows[0]).toMatchObject({
      line: 2,
      recipient: "张1",
      mobile: "13800130001",
      district: "徐汇区",
      productId: "p-bag",
      quantity: 2,
    });
    expect(result.totals).toEqual([
      {
        productId: "p-bag",
        nameZh: "彝绣手工挎包",
        nameEn: "Yi embroidery shoulder bag",
        quantity: 4,
        subtotalFen: 147200,
        stock: 500,
      },
      {
        productId: "p-tea",
        nameZh: "普洱生茶饼",
        nameEn: "Raw Pu'er cake",
        quantity: 10,
        subtotalFen: 128000,
        stock: 3000,
      },
    ]);
    expect(result.totalFen).toBe(275200);
  });

  it("reads the GBK file that Excel on Chinese Windows saves as plain CSV", () => {
    const file = [HEADER, row(1), row(2)].join("\r\n") + "\r\n";
    const bytes = iconv.encode(file, "gbk");
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow(); // really not UTF-8
    const result = parseRecipients(new Uint8Array(bytes), products);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.encoding).toBe("gbk");
    expect(result.rows[1]).toMatchObject({ recipient: "张2", address: "漕溪北路 2 号", productId: "p-bag" });
    expect(decodeSpreadsheetText(new Uint8Array(bytes)).text).toBe(file);
  });

  it("reports every bad row by line and column, in Chinese and English, and keeps nothing", () => {
    const file = [
      HEADER,
      row(1),
      "李四,12345,上海市,上海市,徐汇区,漕溪北路 1 号,彝绣手工挎包,2", // bad mobile
      row(3, "不存在的商品"),
      row(4, "彝绣手工挎包", "0"),
      "王五,13800138000,上海市,上海市,徐汇区,,彝绣手工挎包,1", // no address
    ].join("\n");
    const result = parseRecipients(utf8(file), products);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.rowCount).toBe(5);
    expect(result.problems.map((p) => [p.line, p.column])).toEqual([
      [3, "mobile"],
      [4, "product"],
      [5, "quantity"],
      [6, "address"],
    ]);
    expect(result.problems[0]!.zh).toBe("手机号应为 11 位中国大陆手机号");
    expect(result.problems[1]!.zh).toContain("找不到商品「不存在的商品」");
  });

  it("names missing header columns", () => {
    const result = parseRecipients(utf8("收件人,手机,地址\n张三,13800138000,某处\n"), products);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]!.zh).toContain("表头缺少：省、市、区、商品、数量");
  });

  it("accepts English headers, +86 numbers, quoted commas and blank trailing lines", () => {
    const file =
      'recipient,mobile,province,city,district,address,product,quantity\r\n"Li, Ming",+86 138-0013-8000,Shanghai,Shanghai,Xuhui,"1 Caoxi Rd, Room 2",Raw Pu\'er cake,3\r\n,,,,,,,\r\n\r\n';
    const result = parseRecipients(utf8(file), products);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rows).toEqual([
      {
        line: 2,
        recipient: "Li, Ming",
        mobile: "13800138000",
        province: "Shanghai",
        city: "Shanghai",
        district: "Xuhui",
        address: "1 Caoxi Rd, Room 2",
        productId: "p-tea",
        quantity: 3,
      },
    ]);
  });

  it("refuses a file whose totals exceed the stock, naming the product", () => {
    const file = [HEADER, row(1, "彝绣手工挎包", "300"), row(2, "彝绣手工挎包", "300")].join("\n");
    const result = parseRecipients(utf8(file), products);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      expect.objectContaining({ column: "quantity", zh: "「彝绣手工挎包」合计 600 件，现有库存 500 件" }),
    ]);
  });

  it("refuses empty files, control characters and files with no rows", () => {
    expect(parseRecipients(new Uint8Array(), products)).toMatchObject({ ok: false, problems: [{ zh: "文件是空的" }] });
    expect(parseRecipients(utf8(HEADER + "\n"), products)).toMatchObject({
      ok: false,
      problems: [{ zh: "文件里没有收件人" }],
    });
    const nul = parseRecipients(utf8([HEADER, row(1).replace("张1", "张\u00001")].join("\n")), products);
    expect(nul).toMatchObject({ ok: false, problems: [{ line: 2, column: "recipient" }] });
  });

  it("validates 2,000 rows in one pass (the bench times it)", () => {
    const file = [
      HEADER,
      ...Array.from({ length: 2000 }, (_, i) => row(i + 1, i % 2 ? "puer-raw-cake" : "彝绣手工挎包", "1")),
    ].join("\r\n");
    const plenty = products.map((p) => ({ ...p, stock: 5000 }));
    const result = parseRecipients(new Uint8Array(iconv.encode(file, "gbk")), plenty);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.totals.map((t) => t.quantity)).toEqual([1000, 1000]);
  });

  it("splits LF, CR and CRLF files and quoted line breaks the same way", () => {
    expect(splitCsv('a,b\nc,"d\ne"\r\nf,g\rh,i')).toEqual([
      ["a", "b"],
      ["c", "d\ne"],
      ["f", "g"],
      ["h", "i"],
    ]);
  });
});
