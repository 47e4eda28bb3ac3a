import { deflateSync } from "node:zlib";
import { expect, test, type Page } from "@playwright/test";

/** "¥1,234.50" → 123450, reading the digits as integers (no floating point). */
const fen = (text: string | null) => Number((text ?? "").replace(/[^\d]/g, ""));
const yuan = (amount: number) =>
  `¥${Math.trunc(amount / 100).toLocaleString("en-US")}.${String(amount % 100).padStart(2, "0")}`;

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Buffer) {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
/** A real PNG drawn here: a red and gold check, like an embroidered coaster. */
function coasterPng(size = 96) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = [0]; // no filter
    for (let x = 0; x < size; x++) {
      const gold = (Math.floor(x / 12) + Math.floor(y / 12)) % 2 === 0;
      row.push(...(gold ? [0xd9, 0xa4, 0x1e] : [0x9a, 0x34, 0x12]));
    }
    rows.push(Buffer.from(row));
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.concat(rows))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

test("a cooperative lists a product with a photo, sells one at the booth and sees the sale on its dashboard", async ({
  page,
}) => {
  await page.goto("/login");
  await page.getByLabel("电子邮箱").fill("mengnong-embroidery@coop.fair.example");
  await page.getByLabel("密码").fill("fair-cooperative-2026");
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page).toHaveURL(/\/portal$/);
  // Other tests may have sold something today already: count from what the dashboard shows now.
  const todayBefore = fen(await page.getByTestId("sales-today").textContent());
  const fairBefore = fen(await page.getByTestId("sales-fair").textContent());

  // A new product, priced in yuan.
  await page.getByRole("link", { name: "商品", exact: true }).click();
  await page.getByRole("link", { name: "新增商品" }).click();
  await page.getByLabel("中文名称").fill("彝绣杯垫");
  await page.getByLabel("英文名称").fill("Yi embroidered coaster");
  await page.getByLabel("中文单位").fill("片");
  await page.getByLabel("英文单位").fill("piece");
  await page.getByLabel("价格（元）").fill("38.50");
  await page.getByLabel("库存", { exact: true }).fill("12");
  await page.getByLabel("分类").selectOption({ label: "非遗文创" });
  await page.getByLabel("状态").selectOption("LISTED");
  await page.getByLabel("中文介绍").fill("**手工**刺绣，每片图案略有不同。\n\n- 棉麻底布\n- 可机洗");
  await page.getByRole("button", { name: "创建商品" }).click();
  await expect(page.getByTestId("portal-notice")).toContainText("商品已创建");

  // Its photo: a PNG drawn by the test, uploaded under a misleading name.
  await page
    .getByLabel("选择图片")
    .setInputFiles({ name: "coaster.jpg", mimeType: "image/jpeg", buffer: coasterPng() });
  await page.getByLabel("图片说明（中文，选填）").fill("红金格纹杯垫");
  await page.getByRole("button", { name: "上传图片" }).click();
  await expect(page.getByTestId("portal-notice")).toContainText("图片已上传");
  const photo = page.getByTestId("product-images").getByRole("img", { name: "红金格纹杯垫" });
  await expect(photo).toHaveAttribute("src", /^\/media\/[0-9a-f-]{36}$/);
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(96);
  await shot(page, "portal-e2e-1-product");

  // Sell one at the booth, paid to the booth's QR code.
  await page.getByRole("link", { name: "展位收银" }).click();
  await page.getByRole("button", { name: "增加 彝绣杯垫" }).click();
  await page.getByText("展位收款码").click();
  await expect(page.getByTestId("record-sale")).toHaveText("记录销售 ¥38.50");
  await shot(page, "portal-e2e-2-booth");
  await page.getByTestId("record-sale").click();
  await expect(page.getByTestId("booth-recorded")).toContainText("¥38.50（展位收款码）");
  await expect(page.getByTestId("booth-recent")).toContainText("彝绣杯垫 × 1");
  await expect(page.getByTestId("till-product").filter({ hasText: "彝绣杯垫" })).toContainText("库存 11");

  // The dashboard and the sales page count it.
  await page.getByRole("link", { name: "概览" }).click();
  await expect(page.getByTestId("sales-today")).toHaveText(yuan(todayBefore + 3850));
  await expect(page.getByTestId("sales-fair")).toHaveText(yuan(fairBefore + 3850));
  await shot(page, "portal-e2e-3-dashboard");
  await page.getByRole("link", { name: "销售统计" }).click();
  await expect(page.getByTestId("sales-by-product")).toContainText("¥38.50");
  await expect(page.getByTestId("sales-by-product")).toContainText("彝绣杯垫");

  // And the shop shows the product with its photo and its description rendered, not raw.
  await page.goto("/products/yi-embroidered-coaster");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("彝绣杯垫");
  await expect(page.locator('img[src^="/media/"]').first()).toBeVisible();
});
