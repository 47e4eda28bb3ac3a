/**
 * Two languages: Chinese at the root of every URL, English under /en. The dictionary is
 * typed so a key missing from English fails the type check.
 */
export type Locale = "zh" | "en";
export const LOCALES: Locale[] = ["zh", "en"];

const zh = {
  "site.name": "上海消费帮扶展销会",
  "site.tagline": "买一份特产，帮一方乡亲",
  "site.fairDates": "每年全国扶贫日（10月17日）前后举办",
  "nav.home": "首页",
  "nav.language": "English",
  "nav.languageLabel": "切换到英文",
  "home.regions": "对口帮扶地区",
  "home.regionsIntro": "上海对口帮扶的七个地区，每一笔购买都计入所在县和合作社。",
  "home.products": "展销商品",
  "home.cooperatives": "{count} 家合作社",
  "home.noCooperatives": "暂无合作社",
  "product.certified": "认定帮扶产品",
  "product.uncertified": "未认定",
  "product.soldOut": "已售罄",
  "product.fewLeft": "仅剩 {count} {unit}",
  "product.per": "每{unit}",
  "health.ok": "正常",
  "error.title": "出错了",
  "error.notFound": "页面不存在",
  "error.generic": "服务器暂时无法处理这个请求，请稍后再试。",
  "error.backHome": "返回首页",
  "footer.note": "消费帮扶：每一分销售额都按县、合作社和帮扶组织记账，可查可核。",
} as const;

export type MessageKey = keyof typeof zh;

const en: Record<MessageKey, string> = {
  "site.name": "Shanghai Consumption-Assistance Fair",
  "site.tagline": "Buy a local speciality, help a village",
  "site.fairDates": "Held every year around National Poverty Alleviation Day (17 October)",
  "nav.home": "Home",
  "nav.language": "中文",
  "nav.languageLabel": "Switch to Chinese",
  "home.regions": "Paired regions",
  "home.regionsIntro":
    "The seven regions Shanghai is paired with; every purchase is credited to its county and cooperative.",
  "home.products": "Goods at the fair",
  "home.cooperatives": "{count} cooperatives",
  "home.noCooperatives": "No cooperatives yet",
  "product.certified": "Certified assistance product",
  "product.uncertified": "Not certified",
  "product.soldOut": "Sold out",
  "product.fewLeft": "Only {count} left",
  "product.per": "per {unit}",
  "health.ok": "OK",
  "error.title": "Something went wrong",
  "error.notFound": "Page not found",
  "error.generic": "The server could not handle this request just now. Please try again shortly.",
  "error.backHome": "Back to the home page",
  "footer.note":
    "Consumption assistance: every fen of sales is recorded by county, cooperative and assisting organisation.",
};

const dictionaries: Record<Locale, Record<MessageKey, string>> = { zh, en };

export function translate(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = dictionaries[locale][key];
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** The locale a URL asks for: /en/... is English, everything else Chinese. */
export function localeFromPath(pathname: string): Locale {
  return pathname === "/en" || pathname.startsWith("/en/") ? "en" : "zh";
}

/** Prefixes an app path for a locale: href("en", "/products/x") is "/en/products/x". */
export function localePath(locale: Locale, path: string): string {
  if (locale === "zh") return path;
  return path === "/" ? "/en" : `/en${path}`;
}

/** The same page in the other language. */
export function switchLocalePath(pathname: string, to: Locale): string {
  const bare = localeFromPath(pathname) === "en" ? pathname.slice(3) || "/" : pathname;
  return localePath(to, bare);
}

/** Picks the Chinese or English variant of a bilingual record field. */
export function pick(locale: Locale, record: object, field: string): string {
  const value = (record as Record<string, unknown>)[`${field}${locale === "zh" ? "Zh" : "En"}`];
  return typeof value === "string" ? value : "";
}

export const htmlLang = (locale: Locale) => (locale === "zh" ? "zh-CN" : "en");

/** The locale of a `($lang)` route; any prefix other than "en" is not a page of ours. */
export function localeFromParam(lang: string | undefined): Locale | null {
  if (lang === undefined) return "zh";
  return lang === "en" ? "en" : null;
}
