/**
 * A large fair for the HTTP benchmark, made in SQL (INSERT … SELECT over generate_series) through
 * the real schema and its constraints: the demo fair's regions, counties, categories and
 * organisations, then 1,000 cooperatives and 10,000 products modelled on the demo ones (their
 * names, units, prices and certificates), each with its generated picture, partnerships for the
 * demo cooperatives and counties and for a third of the others, and one product with exactly 50
 * units for the oversell drill. The same SQL runs on PostgreSQL and on PGlite.
 */
import type { SqlRunner } from "../../app/utils/migrations.server";
import * as demo from "../../prisma/demo-data";

export interface FairSize {
  cooperatives: number;
  products: number;
  organisations: number;
}

export const DEFAULT_SIZE: FairSize = { cooperatives: 1_000, products: 10_000, organisations: 200 };

/** The product of the oversell drill and how many units it has. */
export const OVERSELL = { id: "bench-oversell", slug: "bench-oversell-embroidery", stock: 50, priceFen: 26_800 };

/** A JSON document as an SQL literal (dollar-quoted, so no escaping is needed). */
function json(value: unknown): string {
  const text = JSON.stringify(value);
  if (text.includes("$bench$")) throw new Error("demo data contains the quote tag");
  return `$bench$${text}$bench$::json`;
}

const int = (n: number) => {
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`not a count: ${n}`);
  return String(n);
};

export function fairSql(size: FairSize = DEFAULT_SIZE): string {
  const templates = demo.cooperatives.map((c, i) => ({ i, ...c }));
  const T = templates.length;
  const perCoop = Math.ceil(size.products / size.cooperatives);
  const productTemplates = demo.cooperatives.flatMap((c) => {
    const own = demo.products.filter((p) => p.cooperativeSlug === c.slug);
    return own.map(({ certificate, ...p }, k) => ({
      ...p,
      k,
      n: own.length,
      certNumber: certificate?.number ?? null,
      certBody: certificate?.body ?? null,
      certFrom: certificate?.validFrom ?? null,
      certUntil: certificate?.validUntil ?? null,
    }));
  });
  const withoutGoods = demo.cooperatives.filter((c) => !productTemplates.some((p) => p.cooperativeSlug === c.slug));
  if (withoutGoods.length) throw new Error(`demo cooperatives without goods: ${withoutGoods.map((c) => c.slug)}`);
  const syntheticOrgs = Math.max(0, size.organisations - demo.organisations.length);
  const f = demo.fair;

  return `
DROP TABLE IF EXISTS bench_tpl_coop;
DROP TABLE IF EXISTS bench_tpl_product;

INSERT INTO "Fair" ("id", "nameZh", "nameEn", "venueZh", "venueEn", "tradeDaysStart", "tradeDaysEnd", "publicDaysStart", "publicDaysEnd", "updatedAt")
SELECT 'current', t."nameZh", t."nameEn", t."venueZh", t."venueEn", t.td1::date, t.td2::date, t.pd1::date, t.pd2::date, now()
FROM json_to_record(${json({ ...f, td1: f.tradeDays[0], td2: f.tradeDays[1], pd1: f.publicDays[0], pd2: f.publicDays[1] })})
  AS t("nameZh" text, "nameEn" text, "venueZh" text, "venueEn" text, td1 text, td2 text, pd1 text, pd2 text);

INSERT INTO "PairedRegion" ("id", "slug", "nameZh", "nameEn", "descriptionZh", "descriptionEn", "sortOrder", "updatedAt")
SELECT 'bench-region-' || t.slug, t.slug, t."nameZh", t."nameEn", t."descriptionZh", t."descriptionEn", t.i, now()
FROM json_to_recordset(${json(demo.regions.map((r, i) => ({ i, ...r })))})
  AS t(i int, slug text, "nameZh" text, "nameEn" text, "descriptionZh" text, "descriptionEn" text);

INSERT INTO "County" ("id", "slug", "regionId", "nameZh", "nameEn", "isKeyCounty", "descriptionZh", "descriptionEn", "updatedAt")
SELECT 'bench-county-' || t.slug, t.slug, r."id", t."nameZh", t."nameEn", t."isKeyCounty", t."descriptionZh", t."descriptionEn", now()
FROM json_to_recordset(${json(demo.counties)})
  AS t(slug text, "regionSlug" text, "nameZh" text, "nameEn" text, "isKeyCounty" boolean, "descriptionZh" text, "descriptionEn" text)
JOIN "PairedRegion" r ON r."slug" = t."regionSlug";

INSERT INTO "Category" ("id", "slug", "nameZh", "nameEn", "descriptionZh", "descriptionEn", "sortOrder", "updatedAt")
SELECT 'bench-category-' || t.slug, t.slug, t."nameZh", t."nameEn", t."descriptionZh", t."descriptionEn", t.i, now()
FROM json_to_recordset(${json(demo.categories.map((c, i) => ({ i, ...c })))})
  AS t(i int, slug text, "nameZh" text, "nameEn" text, "descriptionZh" text, "descriptionEn" text);

INSERT INTO "Organisation" ("id", "slug", "nameZh", "nameEn", "kind", "descriptionZh", "descriptionEn", "updatedAt")
SELECT 'bench-org-' || t.slug, t.slug, t."nameZh", t."nameEn", t.kind::"OrganisationKind", t."descriptionZh", t."descriptionEn", now()
FROM json_to_recordset(${json(demo.organisations)})
  AS t(slug text, "nameZh" text, "nameEn" text, kind text, "descriptionZh" text, "descriptionEn" text);

INSERT INTO "Organisation" ("id", "slug", "nameZh", "nameEn", "kind", "updatedAt")
SELECT 'bench-org-' || g, 'assisting-organisation-' || g, '上海帮扶单位' || g || '号', 'Shanghai assisting organisation ' || g,
       (ARRAY['SOCIAL_ORGANISATION', 'FOUNDATION', 'VOLUNTEER_GROUP', 'STATE_OWNED_ENTERPRISE', 'PRIVATE_ENTERPRISE', 'DISTRICT_GOVERNMENT']::"OrganisationKind"[])[1 + g % 6],
       now()
FROM generate_series(1, ${int(syntheticOrgs)}) g;

CREATE TABLE bench_tpl_coop (i int PRIMARY KEY, slug text, "countySlug" text, "nameZh" text, "nameEn" text, "storyZh" text, "storyEn" text,
  "linkageType" text, "householdsLinked" int, "boothNumber" text, "contactName" text, "contactPhone" text);
INSERT INTO bench_tpl_coop
SELECT * FROM json_to_recordset(${json(templates)})
  AS t(i int, slug text, "countySlug" text, "nameZh" text, "nameEn" text, "storyZh" text, "storyEn" text,
       "linkageType" text, "householdsLinked" int, "boothNumber" text, "contactName" text, "contactPhone" text);

CREATE TABLE bench_tpl_product (slug text, "cooperativeSlug" text, "categorySlug" text, "nameZh" text, "nameEn" text,
  "descriptionZh" text, "descriptionEn" text, "unitZh" text, "unitEn" text, "priceFen" int, stock int, k int, n int,
  "certNumber" text, "certBody" text, "certFrom" date, "certUntil" date, PRIMARY KEY ("cooperativeSlug", k));
INSERT INTO bench_tpl_product
SELECT * FROM json_to_recordset(${json(productTemplates)})
  AS t(slug text, "cooperativeSlug" text, "categorySlug" text, "nameZh" text, "nameEn" text,
       "descriptionZh" text, "descriptionEn" text, "unitZh" text, "unitEn" text, "priceFen" int, stock int, k int, n int,
       "certNumber" text, "certBody" text, "certFrom" date, "certUntil" date);

-- Cooperative n is modelled on demo cooperative n % ${T}: the first ${T} are the demo ones themselves.
INSERT INTO "Cooperative" ("id", "slug", "countyId", "nameZh", "nameEn", "storyZh", "storyEn", "linkageType", "householdsLinked",
                           "boothNumber", "contactName", "contactPhone", "updatedAt")
SELECT 'bench-coop-' || n,
       CASE WHEN n < ${T} THEN t.slug ELSE t.slug || '-' || n END,
       k."id",
       CASE WHEN n < ${T} THEN t."nameZh" ELSE t."nameZh" || '（' || n || '）' END,
       CASE WHEN n < ${T} THEN t."nameEn" ELSE t."nameEn" || ' (' || n || ')' END,
       t."storyZh", t."storyEn", t."linkageType"::"LinkageType", t."householdsLinked" + (n * 37) % 300,
       CASE WHEN n < ${T} THEN t."boothNumber" WHEN n % 4 <> 0 THEN 'B-' || lpad(n::text, 4, '0') END,
       t."contactName", t."contactPhone", now()
FROM generate_series(0, ${int(size.cooperatives - 1)}) n
JOIN bench_tpl_coop t ON t.i = n % ${T}
JOIN "County" k ON k."slug" = t."countySlug";

-- Product m belongs to cooperative m / ${perCoop} and is modelled on one of its template cooperative's goods.
INSERT INTO "Product" ("id", "slug", "cooperativeId", "categoryId", "nameZh", "nameEn", "descriptionZh", "descriptionEn", "unitZh", "unitEn",
                       "priceFen", "stock", "certificateNumber", "certifyingBody", "certifiedFrom", "certifiedUntil",
                       "status", "certificationStatus", "updatedAt")
SELECT 'bench-p-' || m,
       CASE WHEN m / ${perCoop} < ${T} AND m % ${perCoop} < p.n THEN p.slug ELSE p.slug || '-' || m END,
       'bench-coop-' || (m / ${perCoop}), g."id",
       p."nameZh", p."nameEn", p."descriptionZh", p."descriptionEn", p."unitZh", p."unitEn",
       p."priceFen" + (m % 5) * 100,
       CASE WHEN m % 37 = 0 THEN 0 WHEN m % 11 = 0 THEN 3 ELSE 20 + (m * 7919) % 980 END,
       CASE WHEN p."certNumber" IS NOT NULL THEN p."certNumber" || '-' || m END,
       p."certBody", p."certFrom", p."certUntil",
       (CASE WHEN m % 50 = 49 THEN 'DRAFT' ELSE 'LISTED' END)::"ProductStatus",
       (CASE WHEN p."certNumber" IS NOT NULL THEN 'APPROVED' ELSE 'NONE' END)::"CertificationStatus",
       now() - make_interval(mins => m)
FROM generate_series(0, ${int(size.products - 1)}) m
JOIN bench_tpl_coop t ON t.i = (m / ${perCoop}) % ${T}
JOIN bench_tpl_product p ON p."cooperativeSlug" = t.slug AND p.k = (m % ${perCoop}) % p.n
JOIN "Category" g ON g."slug" = p."categorySlug";

-- The oversell drill's product: 50 units, sold by the first demo cooperative (which has partners).
INSERT INTO "Product" ("id", "slug", "cooperativeId", "categoryId", "nameZh", "nameEn", "unitZh", "unitEn", "priceFen", "stock",
                       "status", "updatedAt")
SELECT '${OVERSELL.id}', '${OVERSELL.slug}', 'bench-coop-0', g."id", '彝绣抱枕（限量50件）', 'Yi-embroidered cushion (50 only)',
       '个', 'piece', ${int(OVERSELL.priceFen)}, ${int(OVERSELL.stock)}, 'LISTED', now()
FROM "Category" g WHERE g."slug" = 'crafts';

INSERT INTO "ProductImage" ("id", "productId", "url", "altZh", "altEn", "sortOrder")
SELECT 'bench-img-' || p."id", p."id", '/images/products/' || p."slug" || '.svg', p."nameZh", p."nameEn", 0 FROM "Product" p;

-- The demo's partnerships (with the demo cooperatives and counties) …
INSERT INTO "Partnership" ("id", "organisationId", "cooperativeId", "countyId", "weight", "updatedAt")
SELECT 'bench-demo-pp-' || t.i, o."id", c."id", k."id", t.weight, now()
FROM json_to_recordset(${json(demo.partnerships.map((p, i) => ({ i, ...p })))})
  AS t(i int, "organisationSlug" text, "cooperativeSlug" text, "countySlug" text, weight int)
JOIN "Organisation" o ON o."slug" = t."organisationSlug"
LEFT JOIN "Cooperative" c ON c."slug" = t."cooperativeSlug"
LEFT JOIN "County" k ON k."slug" = t."countySlug";

-- … and two assisting organisations for every third of the other cooperatives (the rest fall back to their county's).
INSERT INTO "Partnership" ("id", "organisationId", "cooperativeId", "weight", "updatedAt")
SELECT 'bench-pp-' || n || '-' || j, 'bench-org-' || (1 + (n * 3 + j * 7) % ${int(Math.max(1, syntheticOrgs))}), 'bench-coop-' || n,
       10 + (n * j * 13) % 90, now()
FROM generate_series(${T}, ${int(size.cooperatives - 1)}) n, generate_series(1, ${syntheticOrgs > 1 ? 2 : 1}) j
WHERE n % 3 = 0 AND ${syntheticOrgs > 0 ? "true" : "false"};

DROP TABLE bench_tpl_coop;
DROP TABLE bench_tpl_product;
`;
}

export interface FairCounts {
  cooperatives: number;
  products: number;
  listed: number;
  organisations: number;
  partnerships: number;
  counties: number;
}

/** Loads the fair into an empty, migrated database and says what it holds. */
export async function generateFair(sql: SqlRunner, size: FairSize = DEFAULT_SIZE): Promise<FairCounts> {
  await sql.exec(fairSql(size));
  // What autovacuum has done to a fair's catalogue long before its public day (on PGlite, which has
  // none, the server's own vacuum at start, app/utils/embedded-vacuum.server.ts): statistics, and the
  // visibility map that index-only scans need. VACUUM cannot run inside the script's transaction.
  // Without it, counting a category's goods read every row from the table (15.8 ms instead of 1.4).
  await sql.exec("VACUUM ANALYZE");
  const { rows } = await sql.query<Record<keyof FairCounts, string | number>>(`SELECT
    (SELECT count(*) FROM "Cooperative") AS cooperatives,
    (SELECT count(*) FROM "Product") AS products,
    (SELECT count(*) FROM "Product" WHERE "status" = 'LISTED') AS listed,
    (SELECT count(*) FROM "Organisation") AS organisations,
    (SELECT count(*) FROM "Partnership") AS partnerships,
    (SELECT count(*) FROM "County") AS counties`);
  const row = rows[0]!;
  return {
    cooperatives: Number(row.cooperatives),
    products: Number(row.products),
    listed: Number(row.listed),
    organisations: Number(row.organisations),
    partnerships: Number(row.partnerships),
    counties: Number(row.counties),
  };
}
