/**
 * Product pictures drawn by code: every demo product gets an SVG made from its category and
 * name, so the repository needs no downloaded photographs. Deterministic: the same product
 * always gets the same picture, so it can be cached for a long time.
 */
const PALETTES = [
  ["#7c2d12", "#fed7aa"],
  ["#14532d", "#bbf7d0"],
  ["#1e3a8a", "#bfdbfe"],
  ["#701a75", "#f5d0fe"],
  ["#78350f", "#fde68a"],
  ["#831843", "#fbcfe8"],
  ["#134e4a", "#99f6e4"],
  ["#3f3f46", "#e4e4e7"],
] as const;

// One simple motif per category, drawn in a 200×200 box centred at (200, 170).
const MOTIFS: Record<string, string> = {
  tea: `<path d="M120 220 C120 120 230 80 290 90 C290 170 220 240 120 220 Z" /><path d="M130 212 C180 170 230 130 280 100" fill="none" stroke-width="6" />`,
  coffee: `<ellipse cx="200" cy="170" rx="70" ry="95" transform="rotate(25 200 170)" /><path d="M170 90 C230 140 170 200 230 250" fill="none" stroke-width="8" />`,
  fruit: `<circle cx="200" cy="185" r="85" /><path d="M200 100 C205 80 215 70 230 62" fill="none" stroke-width="8" /><ellipse cx="240" cy="88" rx="28" ry="12" transform="rotate(-25 240 88)" />`,
  grains: `<path d="M200 270 L200 80" fill="none" stroke-width="7" />${[0, 1, 2, 3, 4]
    .map(
      (i) =>
        `<ellipse cx="180" cy="${100 + i * 34}" rx="14" ry="24" transform="rotate(-30 180 ${100 + i * 34})" /><ellipse cx="220" cy="${100 + i * 34}" rx="14" ry="24" transform="rotate(30 220 ${100 + i * 34})" />`,
    )
    .join("")}`,
  "meat-dairy": `<path d="M150 110 L250 110 L265 150 L265 260 L135 260 L135 150 Z" /><rect x="165" y="80" width="70" height="32" rx="6" />`,
  mushrooms: `<path d="M110 170 C110 90 290 90 290 170 Z" /><rect x="175" y="165" width="50" height="95" rx="18" />`,
  spices: `<path d="M150 110 C120 180 170 260 250 270 C210 230 200 170 190 120 Z" /><path d="M160 112 C170 85 190 75 205 78" fill="none" stroke-width="9" />`,
  crafts: `${[0, 1, 2].map((row) => [0, 1, 2].map((col) => `<path d="M${140 + col * 60} ${110 + row * 60} l26 -26 l26 26 l-26 26 Z" />`).join("")).join("")}`,
};

function hash(text: string): number {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619);
  return h >>> 0;
}

function escapeXml(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!,
  );
}

export function drawProductArt(input: { slug: string; nameZh: string; nameEn: string; categorySlug: string }): string {
  const h = hash(input.slug);
  const [ink, paper] = PALETTES[h % PALETTES.length]!;
  const motif = MOTIFS[input.categorySlug] ?? MOTIFS.crafts!;
  const tilt = ((h >> 8) % 21) - 10;
  const name = escapeXml(input.nameZh.length > 9 ? `${input.nameZh.slice(0, 8)}…` : input.nameZh);
  const nameEn = escapeXml(input.nameEn.length > 30 ? `${input.nameEn.slice(0, 29)}…` : input.nameEn);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 400" width="400" height="400" role="img" aria-label="${escapeXml(input.nameZh)} / ${nameEn}">
<rect width="400" height="400" fill="${paper}" />
<circle cx="${60 + (h % 280)}" cy="${40 + ((h >> 4) % 80)}" r="${90 + (h % 40)}" fill="${ink}" opacity="0.08" />
<g fill="${ink}" stroke="${ink}" stroke-linecap="round" transform="rotate(${tilt} 200 170)">${motif}</g>
<rect y="300" width="400" height="100" fill="${ink}" />
<text x="200" y="345" text-anchor="middle" font-family="'Noto Sans CJK SC','WenQuanYi Zen Hei','PingFang SC','Microsoft YaHei',sans-serif" font-size="34" font-weight="700" fill="${paper}">${name}</text>
<text x="200" y="380" text-anchor="middle" font-family="system-ui,sans-serif" font-size="17" fill="${paper}">${nameEn}</text>
</svg>`;
}
