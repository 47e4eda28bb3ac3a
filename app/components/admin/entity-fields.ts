/** The editable fields of each catalogue entity, with their labels in both languages. */
export type FieldKind = "text" | "textarea" | "number" | "checkbox" | "select";
export interface FieldSpec {
  name: string;
  zh: string;
  en: string;
  kind: FieldKind;
  /** For selects: where the options come from. */
  options?: "regions" | "counties" | "linkage" | "orgKind";
}

const names: FieldSpec[] = [
  { name: "slug", zh: "网址标识", en: "URL slug", kind: "text" },
  { name: "nameZh", zh: "中文名称", en: "Chinese name", kind: "text" },
  { name: "nameEn", zh: "英文名称", en: "English name", kind: "text" },
];
const descriptions: FieldSpec[] = [
  { name: "descriptionZh", zh: "中文介绍", en: "Chinese description", kind: "textarea" },
  { name: "descriptionEn", zh: "英文介绍", en: "English description", kind: "textarea" },
];

export const ENTITY_FIELDS = {
  region: [...names, ...descriptions, { name: "sortOrder", zh: "排序", en: "Sort order", kind: "number" }],
  county: [
    ...names,
    { name: "regionId", zh: "所属地区", en: "Region", kind: "select", options: "regions" },
    { name: "isKeyCounty", zh: "重点帮扶县", en: "Key assisted county", kind: "checkbox" },
    ...descriptions,
  ],
  cooperative: [
    ...names,
    { name: "countyId", zh: "所在县", en: "County", kind: "select", options: "counties" },
    { name: "linkageType", zh: "带农方式", en: "Farmer linkage", kind: "select", options: "linkage" },
    { name: "householdsLinked", zh: "带动农户数", en: "Households linked", kind: "number" },
    { name: "boothNumber", zh: "展位号", en: "Booth number", kind: "text" },
    { name: "contactName", zh: "联系人", en: "Contact", kind: "text" },
    { name: "contactPhone", zh: "联系电话", en: "Contact phone", kind: "text" },
    { name: "storyZh", zh: "中文故事", en: "Story (Chinese)", kind: "textarea" },
    { name: "storyEn", zh: "英文故事", en: "Story (English)", kind: "textarea" },
  ],
  organisation: [
    ...names,
    { name: "kind", zh: "组织类型", en: "Kind", kind: "select", options: "orgKind" },
    ...descriptions,
  ],
} satisfies Record<string, FieldSpec[]>;

export type EntityName = keyof typeof ENTITY_FIELDS;
export const isEntityName = (value: string | undefined): value is EntityName => !!value && value in ENTITY_FIELDS;

export const LINKAGE_OPTIONS = [
  { value: "WAGE", zh: "工资性", en: "Wages" },
  { value: "ASSET", zh: "资产性", en: "Assets / dividends" },
  { value: "OPERATING", zh: "经营性", en: "Operations / produce purchase" },
];
export const ORG_KIND_OPTIONS = [
  { value: "SOCIAL_ORGANISATION", zh: "社会组织", en: "Social organisation" },
  { value: "FOUNDATION", zh: "基金会", en: "Foundation" },
  { value: "VOLUNTEER_GROUP", zh: "志愿服务组织", en: "Volunteer service group" },
  { value: "STATE_OWNED_ENTERPRISE", zh: "国有企业", en: "State-owned enterprise" },
  { value: "PRIVATE_ENTERPRISE", zh: "民营企业", en: "Private enterprise" },
  { value: "DISTRICT_GOVERNMENT", zh: "区政府", en: "District government" },
];
