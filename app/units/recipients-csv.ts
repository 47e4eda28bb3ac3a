// A unit's recipient list: many deliveries of one bulk order, uploaded as a spreadsheet saved as CSV.
// Units save these from Excel on Chinese Windows, which writes GBK (code page 936) unless the user
// picks "CSV UTF-8"; both must work. Every row is checked and every problem reported by line, in
// the user's language; nothing is kept until the whole file is clean.
import iconv from "iconv-lite";
import { isPrintable } from "~/utils/text";

export const MAX_RECIPIENT_ROWS = 5000;
export const MAX_RECIPIENT_FILE_BYTES = 2 * 1024 * 1024;
export const MAX_QUANTITY_PER_ROW = 10_000;

export type RecipientColumn =
  "recipient" | "mobile" | "province" | "city" | "district" | "address" | "product" | "quantity";
export const RECIPIENT_COLUMNS: RecipientColumn[] = [
  "recipient",
  "mobile",
  "province",
  "city",
  "district",
  "address",
  "product",
  "quantity",
];

// What people actually type as headers, in Chinese or English; matched after trimming and lower-casing.
const HEADER_ALIASES: Record<RecipientColumn, string[]> = {
  recipient: ["收件人", "收货人", "姓名", "收件人姓名", "recipient", "name"],
  mobile: ["手机", "手机号", "手机号码", "联系电话", "电话", "mobile", "phone"],
  province: ["省", "省份", "省/直辖市", "province"],
  city: ["市", "城市", "city"],
  district: ["区", "区县", "县区", "区/县", "district"],
  address: ["地址", "详细地址", "收货地址", "address"],
  product: ["商品", "商品名称", "产品", "品名", "product"],
  quantity: ["数量", "件数", "quantity", "qty"],
};

export const COLUMN_LABELS: Record<RecipientColumn, { zh: string; en: string }> = {
  recipient: { zh: "收件人", en: "recipient" },
  mobile: { zh: "手机", en: "mobile" },
  province: { zh: "省", en: "province" },
  city: { zh: "市", en: "city" },
  district: { zh: "区", en: "district" },
  address: { zh: "详细地址", en: "address" },
  product: { zh: "商品", en: "product" },
  quantity: { zh: "数量", en: "quantity" },
};

/** A product a row may name: by its slug, its Chinese name or its English name. */
export interface OrderableProduct {
  id: string;
  slug: string;
  nameZh: string;
  nameEn: string;
  priceFen: number;
  stock: number;
}

export interface RecipientRow {
  line: number;
  recipient: string;
  mobile: string;
  province: string;
  city: string;
  district: string;
  address: string;
  productId: string;
  quantity: number;
}

export interface RowProblem {
  /** The line in the file, counting the header as line 1, as a spreadsheet numbers it. */
  line: number;
  column: RecipientColumn | null;
  zh: string;
  en: string;
}

export interface ProductTotal {
  productId: string;
  nameZh: string;
  nameEn: string;
  quantity: number;
  subtotalFen: number;
  stock: number;
}

export type RecipientsResult =
  | { ok: true; encoding: "utf-8" | "gbk"; rows: RecipientRow[]; totals: ProductTotal[]; totalFen: number }
  | { ok: false; encoding: "utf-8" | "gbk" | null; problems: RowProblem[]; rowCount: number };

/** UTF-8 (with or without a byte-order mark) when the bytes are valid UTF-8, GBK otherwise. */
export function decodeSpreadsheetText(bytes: Uint8Array): { text: string; encoding: "utf-8" | "gbk" } {
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, encoding: "utf-8" };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes), "gbk"), encoding: "gbk" };
  }
}

/** RFC 4180 rows, tolerant of what editors write: CRLF, LF or CR line ends, quoted fields with line breaks. */
export function splitCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field === "") quoted = true;
    else if (char === ",") {
      row.push(field);
      field = "";
    } else if (char === "\r" || char === "\n") {
      if (char === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += char;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const MOBILE = /^1[3-9]\d{9}$/;
const LIMITS: Record<Exclude<RecipientColumn, "quantity" | "product">, number> = {
  recipient: 40,
  mobile: 20,
  province: 20,
  city: 30,
  district: 30,
  address: 200,
};

const problem = (line: number, column: RecipientColumn | null, zh: string, en: string): RowProblem => ({
  line,
  column,
  zh,
  en,
});

/** Normalises a mainland mobile number as typed in a spreadsheet: spaces, dashes and a +86 prefix go. */
export function normaliseMobile(raw: string): string {
  return raw.replace(/[\s-]/g, "").replace(/^(\+?86)(?=1\d{10}$)/, "");
}

function headerIndex(header: string[]): { index: Record<RecipientColumn, number>; missing: RecipientColumn[] } {
  const index = {} as Record<RecipientColumn, number>;
  const missing: RecipientColumn[] = [];
  const names = header.map((h) =>
    h
      .replace(/^\uFEFF/, "")
      .trim()
      .toLowerCase(),
  );
  for (const column of RECIPIENT_COLUMNS) {
    const at = names.findIndex((name) => HEADER_ALIASES[column].includes(name));
    if (at < 0) missing.push(column);
    else index[column] = at;
  }
  return { index, missing };
}

/**
 * Checks a whole recipient file against the orderable products. All or nothing: either every row
 * is valid and the rows come back with per-product totals, or the problems come back, by line.
 * Quantities summed per product are checked against the stock shown now; the reservation at
 * ordering time is what actually guarantees it.
 */
export function parseRecipients(bytes: Uint8Array, products: OrderableProduct[]): RecipientsResult {
  if (bytes.byteLength === 0) {
    return { ok: false, encoding: null, rowCount: 0, problems: [problem(1, null, "文件是空的", "The file is empty")] };
  }
  if (bytes.byteLength > MAX_RECIPIENT_FILE_BYTES) {
    return {
      ok: false,
      encoding: null,
      rowCount: 0,
      problems: [problem(1, null, "文件超过 2 MB，请分批上传", "The file is over 2 MB: upload it in parts")],
    };
  }
  const { text, encoding } = decodeSpreadsheetText(bytes);
  const lines = splitCsv(text.replace(/^\uFEFF/, ""));
  const [header, ...body] = lines;
  const { index, missing } = headerIndex(header ?? []);
  if (missing.length > 0) {
    return {
      ok: false,
      encoding,
      rowCount: 0,
      problems: [
        problem(
          1,
          null,
          `表头缺少：${missing.map((c) => COLUMN_LABELS[c].zh).join("、")}（需要：收件人、手机、省、市、区、详细地址、商品、数量）`,
          `Header is missing: ${missing.map((c) => COLUMN_LABELS[c].en).join(", ")} (needed: recipient, mobile, province, city, district, address, product, quantity)`,
        ),
      ],
    };
  }

  const byRef = new Map<string, OrderableProduct>();
  for (const p of products) for (const ref of [p.slug, p.nameZh, p.nameEn.toLowerCase()]) byRef.set(ref, p);

  const problems: RowProblem[] = [];
  const rows: RecipientRow[] = [];
  let rowCount = 0;
  body.forEach((cells, i) => {
    const line = i + 2;
    if (cells.every((cell) => cell.trim() === "")) return; // blank lines Excel leaves at the end
    rowCount++;
    if (rowCount > MAX_RECIPIENT_ROWS) {
      if (rowCount === MAX_RECIPIENT_ROWS + 1)
        problems.push(
          problem(line, null, `一次最多 ${MAX_RECIPIENT_ROWS} 行`, `At most ${MAX_RECIPIENT_ROWS} rows per file`),
        );
      return;
    }
    const cell = (column: RecipientColumn) => (cells[index[column]] ?? "").trim();
    const before = problems.length;
    const text: Partial<Record<RecipientColumn, string>> = {};
    for (const column of ["recipient", "province", "city", "district", "address"] as const) {
      const value = cell(column);
      const label = COLUMN_LABELS[column];
      if (value === "") problems.push(problem(line, column, `${label.zh}不能为空`, `${label.en} is empty`));
      else if (!isPrintable(value))
        problems.push(
          problem(line, column, `${label.zh}含有无法识别的字符`, `${label.en} has characters that cannot be read`),
        );
      else if ([...value].length > LIMITS[column])
        problems.push(
          problem(
            line,
            column,
            `${label.zh}最多 ${LIMITS[column]} 个字`,
            `${label.en} is longer than ${LIMITS[column]} characters`,
          ),
        );
      else text[column] = value;
    }
    const mobile = normaliseMobile(cell("mobile"));
    if (!MOBILE.test(mobile))
      problems.push(
        problem(line, "mobile", "手机号应为 11 位中国大陆手机号", "Mobile must be an 11-digit mainland number"),
      );

    const ref = cell("product");
    const product = byRef.get(ref) ?? byRef.get(ref.toLowerCase());
    if (ref === "") problems.push(problem(line, "product", "商品不能为空", "product is empty"));
    else if (!product)
      problems.push(
        problem(
          line,
          "product",
          `找不到商品「${ref}」（请填商品名称或编号）`,
          `No product "${ref}" (use its name or code)`,
        ),
      );

    const rawQuantity = cell("quantity");
    const quantity = /^\d+$/.test(rawQuantity) ? Number(rawQuantity) : NaN;
    if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY_PER_ROW)
      problems.push(
        problem(
          line,
          "quantity",
          `数量应为 1–${MAX_QUANTITY_PER_ROW} 的整数`,
          `Quantity must be a whole number from 1 to ${MAX_QUANTITY_PER_ROW}`,
        ),
      );

    if (problems.length === before && product) {
      rows.push({
        line,
        recipient: text.recipient!,
        mobile,
        province: text.province!,
        city: text.city!,
        district: text.district!,
        address: text.address!,
        productId: product.id,
        quantity,
      });
    }
  });

  if (rowCount === 0 && problems.length === 0)
    problems.push(problem(2, null, "文件里没有收件人", "The file has no recipients"));

  const totals = new Map<string, ProductTotal>();
  const byId = new Map(products.map((p) => [p.id, p]));
  for (const row of rows) {
    const p = byId.get(row.productId)!;
    const total = totals.get(p.id) ?? {
      productId: p.id,
      nameZh: p.nameZh,
      nameEn: p.nameEn,
      quantity: 0,
      subtotalFen: 0,
      stock: p.stock,
    };
    total.quantity += row.quantity;
    total.subtotalFen += row.quantity * p.priceFen;
    totals.set(p.id, total);
  }
  for (const total of totals.values()) {
    if (total.quantity > total.stock)
      problems.push(
        problem(
          0,
          "quantity",
          `「${total.nameZh}」合计 ${total.quantity} 件，现有库存 ${total.stock} 件`,
          `"${total.nameEn}": ${total.quantity} in all, only ${total.stock} in stock`,
        ),
      );
  }

  if (problems.length > 0) return { ok: false, encoding, problems, rowCount };
  const list = [...totals.values()];
  return { ok: true, encoding, rows, totals: list, totalFen: list.reduce((sum, t) => sum + t.subtotalFen, 0) };
}
