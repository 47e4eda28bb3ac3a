/**
 * Static content of the demo catalogue of Shanghai's consumption-assistance fair (消费帮扶展销会).
 *
 * Facts about organisations and programmes follow the fair's public record (the project's domain
 * brief). Real organisations appear only where that record names them, plus two Shanghai district
 * governments with their publicly known pairings; every cooperative, alliance and company-like
 * name is invented, and every phone number has "0000" in the middle so it is obviously fake.
 * Certificate numbers, stock and prices are illustrative.
 */

export type LinkageType = "WAGE" | "ASSET" | "OPERATING"; // 工资性 / 资产性 / 经营性
export type OrganisationKind =
  | "SOCIAL_ORGANISATION"
  | "FOUNDATION"
  | "VOLUNTEER_GROUP"
  | "STATE_OWNED_ENTERPRISE"
  | "PRIVATE_ENTERPRISE"
  | "DISTRICT_GOVERNMENT";
// prettier-ignore
export interface DemoRegion { slug: string; nameZh: string; nameEn: string; descriptionZh: string; descriptionEn: string }
// prettier-ignore
export interface DemoCounty { slug: string; regionSlug: string; nameZh: string; nameEn: string; isKeyCounty: boolean; descriptionZh: string; descriptionEn: string }
// prettier-ignore
export interface DemoCooperative { slug: string; countySlug: string; nameZh: string; nameEn: string; storyZh: string; storyEn: string; linkageType: LinkageType; householdsLinked: number; boothNumber: string; contactName: string; contactPhone: string }
// prettier-ignore
export interface DemoOrganisation { slug: string; nameZh: string; nameEn: string; kind: OrganisationKind; descriptionZh: string; descriptionEn: string }
/** Exactly one of cooperativeSlug / countySlug; weight is an integer 1..100. */
// prettier-ignore
export interface DemoPartnership { organisationSlug: string; cooperativeSlug?: string; countySlug?: string; weight: number }
// prettier-ignore
export interface DemoCategory { slug: string; nameZh: string; nameEn: string; descriptionZh: string; descriptionEn: string }
/** Dates are "YYYY-MM-DD". */
// prettier-ignore
export interface DemoCertificate { number: string; body: string; validFrom: string; validUntil: string }
// prettier-ignore
export interface DemoProduct { slug: string; cooperativeSlug: string; categorySlug: string; nameZh: string; nameEn: string; descriptionZh: string; descriptionEn: string; unitZh: string; unitEn: string; priceFen: number; stock: number; certificate: DemoCertificate | null }

// ---------------------------------------------------------------------------------------------
// Paired regions, in the order the fair lists them
// ---------------------------------------------------------------------------------------------

export const regions: DemoRegion[] = [
  {
    slug: "yunnan",
    nameZh: "云南",
    nameEn: "Yunnan",
    descriptionZh:
      "云南地处西南边疆，自1996年起与上海结成对口帮扶关系，协作覆盖红河、文山、普洱、保山等州市。普洱茶、保山咖啡、野生菌和少数民族刺绣是展销会上的常客。",
    descriptionEn:
      "Yunnan, on China's south-western frontier, has been paired with Shanghai since 1996, in prefectures such as Honghe, Wenshan, Pu'er and Baoshan. Pu'er tea, Baoshan coffee, wild mushrooms and minority embroidery are regulars at the fair.",
  },
  {
    slug: "guizhou-zunyi",
    nameZh: "贵州遵义",
    nameEn: "Guizhou Zunyi",
    descriptionZh: "遵义市位于贵州北部，山地茶园、辣椒和刺梨是当地的特色产业。",
    descriptionEn:
      "Zunyi, in northern Guizhou, is known for its mountain tea gardens, chillies and Roxburgh roses (cili).",
  },
  {
    slug: "xinjiang-kashgar",
    nameZh: "新疆喀什",
    nameEn: "Xinjiang Kashgar",
    descriptionZh:
      "喀什地区地处塔里木盆地西缘，上海对口支援莎车、泽普、叶城、巴楚四县。红枣、核桃、葡萄干和杏是当地主要的林果产品。",
    descriptionEn:
      "Kashgar Prefecture lies on the western edge of the Tarim Basin, where Shanghai assists the counties of Shache, Zepu, Yecheng and Bachu. Dates, walnuts, raisins and apricots are its main orchard products.",
  },
  {
    slug: "tibet-shigatse",
    nameZh: "西藏日喀则",
    nameEn: "Tibet Shigatse",
    descriptionZh:
      "日喀则市位于西藏西南部，上海对口支援江孜、拉孜、定日、亚东、萨迦五县。青稞和牦牛是高原农牧业的根基。",
    descriptionEn:
      "Shigatse, in south-western Tibet, is where Shanghai assists the counties of Gyantse, Lhatse, Tingri, Yadong and Sakya. Highland barley and yaks are the foundation of its plateau farming and herding.",
  },
  {
    slug: "qinghai-golog",
    nameZh: "青海果洛",
    nameEn: "Qinghai Golog",
    descriptionZh: "果洛藏族自治州位于青海东南部的黄河源区，大部分地区海拔在4000米以上，牦牛畜牧业是牧民的主要生计。",
    descriptionEn:
      "Golog Tibetan Autonomous Prefecture lies in the Yellow River source area of south-eastern Qinghai, mostly above 4,000 m; yak herding is the main livelihood of its herders.",
  },
  {
    slug: "hubei-yichang-yiling",
    nameZh: "湖北宜昌夷陵",
    nameEn: "Hubei Yichang Yiling",
    descriptionZh: "宜昌市夷陵区是三峡大坝所在地，也是上海对口支援的三峡库区之一，脐橙和宜昌红茶闻名。",
    descriptionEn:
      "Yiling District of Yichang is home to the Three Gorges Dam and is one of the Three Gorges reservoir areas Shanghai assists; it is known for navel oranges and Yichang black tea.",
  },
  {
    slug: "chongqing-wanzhou",
    nameZh: "重庆万州",
    nameEn: "Chongqing Wanzhou",
    descriptionZh:
      "万州区位于重庆东北部、三峡库区腹地，是上海对口支援的库区城区。柑橘种植和库区生态渔业是当地的特色产业。",
    descriptionEn:
      "Wanzhou, in north-eastern Chongqing at the heart of the Three Gorges reservoir area, is a reservoir district assisted by Shanghai. Citrus growing and reservoir fisheries are its specialty industries.",
  },
];

// ---------------------------------------------------------------------------------------------
// Assisted counties (isKeyCounty marks the demo's key assisted counties, 重点帮扶县)
// ---------------------------------------------------------------------------------------------

// prettier-ignore
export const counties: DemoCounty[] = [
  // Yunnan
  {
    slug: "yuanyang", regionSlug: "yunnan", nameZh: "元阳县", nameEn: "Yuanyang County", isKeyCounty: true,
    descriptionZh: "元阳县位于红河州南部的哀牢山区，哈尼梯田是世界文化遗产，哈尼族和彝族世代居住于此。",
    descriptionEn: "Yuanyang County, in the Ailao Mountains of southern Honghe, is home to the Hani rice terraces, a World Heritage site, where Hani and Yi people have lived for generations.",
  },
  {
    slug: "lvchun", regionSlug: "yunnan", nameZh: "绿春县", nameEn: "Lüchun County", isKeyCounty: true,
    descriptionZh: "绿春县地处红河州西南部，哈尼族人口占多数，黄连山一带出产玛玉茶。",
    descriptionEn: "Lüchun County, in south-western Honghe, is predominantly Hani; the Huanglian Mountain area produces Mayu tea.",
  },
  {
    slug: "jinping", regionSlug: "yunnan", nameZh: "金平县", nameEn: "Jinping County", isKeyCounty: true,
    descriptionZh: "金平苗族瑶族傣族自治县位于中越边境，苗、瑶、傣等民族聚居，山区盛产草果。",
    descriptionEn: "Jinping Miao, Yao and Dai Autonomous County lies on the China–Vietnam border; home to Miao, Yao, Dai and other peoples, its mountains produce black cardamom (caoguo).",
  },
  {
    slug: "pingbian", regionSlug: "yunnan", nameZh: "屏边县", nameEn: "Pingbian County", isKeyCounty: false,
    descriptionZh: "屏边苗族自治县位于红河州东南部，大围山下的河谷盛产猕猴桃和晚熟荔枝。",
    descriptionEn: "Pingbian Miao Autonomous County lies in south-eastern Honghe; the valleys below Dawei Mountain grow kiwifruit and late-ripening lychees.",
  },
  {
    slug: "xichou", regionSlug: "yunnan", nameZh: "西畴县", nameEn: "Xichou County", isKeyCounty: false,
    descriptionZh: "西畴县隶属文山州，曾是石漠化严重的山区，当地群众“搬石造地”的西畴精神广为人知。",
    descriptionEn: "Xichou County in Wenshan was once badly affected by rocky desertification; its people's spirit of \"moving stones to make fields\" is widely known.",
  },
  {
    slug: "malipo", regionSlug: "yunnan", nameZh: "麻栗坡县", nameEn: "Malipo County", isKeyCounty: false,
    descriptionZh: "麻栗坡县位于文山州南部的中越边境，彝、苗、壮等民族世代居住于此。",
    descriptionEn: "Malipo County lies on the China–Vietnam border in southern Wenshan, where Yi, Miao, Zhuang and other peoples have lived for generations.",
  },
  {
    slug: "lancang", regionSlug: "yunnan", nameZh: "澜沧县", nameEn: "Lancang County", isKeyCounty: true,
    descriptionZh: "澜沧拉祜族自治县隶属普洱市，景迈山古茶林文化景观是世界文化遗产，拉祜族人口居多。",
    descriptionEn: "Lancang Lahu Autonomous County belongs to Pu'er; the ancient tea forests of Jingmai Mountain are a World Heritage cultural landscape, and most residents are Lahu.",
  },
  {
    slug: "longyang", regionSlug: "yunnan", nameZh: "隆阳区", nameEn: "Longyang District", isKeyCounty: false,
    descriptionZh: "隆阳区是保山市的中心城区，怒江河谷中的潞江坝是保山小粒咖啡的主产区。",
    descriptionEn: "Longyang is the central district of Baoshan; Lujiangba, in the Nujiang valley, is the main growing area of Baoshan Arabica coffee.",
  },
  {
    slug: "changning", regionSlug: "yunnan", nameZh: "昌宁县", nameEn: "Changning County", isKeyCounty: false,
    descriptionZh: "昌宁县位于保山市东部，是滇红茶和核桃的重要产区。",
    descriptionEn: "Changning County, in eastern Baoshan, is an important producer of Dianhong black tea and walnuts.",
  },
  {
    slug: "luoping", regionSlug: "yunnan", nameZh: "罗平县", nameEn: "Luoping County", isKeyCounty: false,
    descriptionZh: "罗平县隶属曲靖市，春季的油菜花海远近闻名，也是云南布依族的主要聚居地之一。",
    descriptionEn: "Luoping County in Qujing is famous for its spring sea of rapeseed flowers and is one of the main Buyi communities in Yunnan.",
  },
  {
    slug: "xianggelila", regionSlug: "yunnan", nameZh: "香格里拉市", nameEn: "Shangri-La City", isKeyCounty: false,
    descriptionZh: "香格里拉市是迪庆藏族自治州州府，高山林下盛产松茸等野生菌。",
    descriptionEn: "Shangri-La is the seat of Diqing Tibetan Autonomous Prefecture; its mountain forests are rich in matsutake and other wild mushrooms.",
  },
  // Guizhou Zunyi
  {
    slug: "zhengan", regionSlug: "guizhou-zunyi", nameZh: "正安县", nameEn: "Zheng'an County", isKeyCounty: true,
    descriptionZh: "正安县位于遵义市东北部，山地茶园出产正安白茶。",
    descriptionEn: "Zheng'an County, in north-eastern Zunyi, grows Zheng'an white tea in its mountain gardens.",
  },
  {
    slug: "wuchuan", regionSlug: "guizhou-zunyi", nameZh: "务川县", nameEn: "Wuchuan County", isKeyCounty: true,
    descriptionZh: "务川仡佬族苗族自治县是仡佬族的主要聚居地，近年发展刺梨种植和山羊养殖。",
    descriptionEn: "Wuchuan Gelao and Miao Autonomous County is a main home of the Gelao people and has recently developed Roxburgh rose growing and goat farming.",
  },
  {
    slug: "daozhen", regionSlug: "guizhou-zunyi", nameZh: "道真县", nameEn: "Daozhen County", isKeyCounty: true,
    descriptionZh: "道真仡佬族苗族自治县位于遵义北部，与重庆接壤，辣椒是当地重要的经济作物。",
    descriptionEn: "Daozhen Gelao and Miao Autonomous County, in northern Zunyi, borders Chongqing; chilli is an important cash crop there.",
  },
  {
    slug: "meitan", regionSlug: "guizhou-zunyi", nameZh: "湄潭县", nameEn: "Meitan County", isKeyCounty: false,
    descriptionZh: "湄潭县是贵州重要的茶叶产区，出产湄潭翠芽和遵义红。",
    descriptionEn: "Meitan County is one of Guizhou's leading tea areas, producing Meitan Cuiya green tea and Zunyi Red black tea.",
  },
  // Xinjiang Kashgar
  {
    slug: "shache", regionSlug: "xinjiang-kashgar", nameZh: "莎车县", nameEn: "Shache (Yarkant) County", isKeyCounty: true,
    descriptionZh: "莎车县位于叶尔羌河绿洲，是巴旦木的主要产区，也盛产杏和葡萄。",
    descriptionEn: "Shache (Yarkant) County lies in the Yarkant River oasis; it is the main badam almond area and also produces apricots and grapes.",
  },
  {
    slug: "zepu", regionSlug: "xinjiang-kashgar", nameZh: "泽普县", nameEn: "Zepu County", isKeyCounty: false,
    descriptionZh: "泽普县位于叶尔羌河冲积平原，红枣和核桃是主要的林果产业。",
    descriptionEn: "Zepu County, on the Yarkant River plain, grows red dates and walnuts as its main orchard crops.",
  },
  {
    slug: "yecheng", regionSlug: "xinjiang-kashgar", nameZh: "叶城县", nameEn: "Yecheng (Kargilik) County", isKeyCounty: true,
    descriptionZh: "叶城县地处昆仑山北麓，有“核桃之乡”之称，也出产石榴。",
    descriptionEn: "Yecheng (Kargilik) County, at the northern foot of the Kunlun Mountains, is known as the \"home of walnuts\" and also grows pomegranates.",
  },
  {
    slug: "bachu", regionSlug: "xinjiang-kashgar", nameZh: "巴楚县", nameEn: "Bachu (Maralbexi) County", isKeyCounty: true,
    descriptionZh: "巴楚县位于叶尔羌河下游，拥有大片胡杨林，出产巴楚蘑菇、留香瓜和红枣。",
    descriptionEn: "Bachu (Maralbexi) County, on the lower Yarkant River, has large desert-poplar forests and produces Bachu mushrooms, Liuxiang melons and red dates.",
  },
  // Tibet Shigatse
  {
    slug: "jiangzi", regionSlug: "tibet-shigatse", nameZh: "江孜县", nameEn: "Gyantse County", isKeyCounty: false,
    descriptionZh: "江孜县是西藏的历史文化名城，手工羊毛卡垫织造技艺历史悠久。",
    descriptionEn: "Gyantse is a historic town of Tibet with a long tradition of hand-woven wool carpets (khaden).",
  },
  {
    slug: "lazi", regionSlug: "tibet-shigatse", nameZh: "拉孜县", nameEn: "Lhatse County", isKeyCounty: false,
    descriptionZh: "拉孜县位于雅鲁藏布江上游河谷，是日喀则重要的青稞产区。",
    descriptionEn: "Lhatse County, in the upper Yarlung Tsangpo valley, is an important highland-barley area of Shigatse.",
  },
  {
    slug: "dingri", regionSlug: "tibet-shigatse", nameZh: "定日县", nameEn: "Tingri County", isKeyCounty: true,
    descriptionZh: "定日县地处珠穆朗玛峰北麓，牧民以牦牛养殖为主，手工捻绒编织是家庭副业。",
    descriptionEn: "Tingri County lies on the northern side of Mount Qomolangma; herders mainly raise yaks, and hand-spinning and knitting wool is a household sideline.",
  },
  {
    slug: "yadong", regionSlug: "tibet-shigatse", nameZh: "亚东县", nameEn: "Yadong County", isKeyCounty: false,
    descriptionZh: "亚东县位于喜马拉雅山南麓的沟谷地带，气候湿润，亚东黑木耳颇有名气。",
    descriptionEn: "Yadong County sits in valleys on the southern slopes of the Himalayas; thanks to its humid climate, Yadong black fungus is well known.",
  },
  {
    slug: "sajia", regionSlug: "tibet-shigatse", nameZh: "萨迦县", nameEn: "Sakya County", isKeyCounty: false,
    descriptionZh: "萨迦县位于日喀则西南部，以青稞种植和牦牛养殖为主。",
    descriptionEn: "Sakya County, in south-western Shigatse, lives mainly on highland barley and yak herding.",
  },
  // Qinghai Golog
  {
    slug: "maqin", regionSlug: "qinghai-golog", nameZh: "玛沁县", nameEn: "Maqin County", isKeyCounty: false,
    descriptionZh: "玛沁县是果洛州州府所在地，地处阿尼玛卿雪山脚下，畜牧业以牦牛为主。",
    descriptionEn: "Maqin County, seat of Golog Prefecture, lies at the foot of the Amne Machin mountains; its herding is mainly yaks.",
  },
  {
    slug: "banma", regionSlug: "qinghai-golog", nameZh: "班玛县", nameEn: "Banma County", isKeyCounty: true,
    descriptionZh: "班玛县位于果洛州东南部，是州内海拔相对较低、林草资源较丰富的县。",
    descriptionEn: "Banma County, in south-eastern Golog, is one of the prefecture's lower-lying counties, with richer forest and grassland.",
  },
  {
    slug: "jiuzhi", regionSlug: "qinghai-golog", nameZh: "久治县", nameEn: "Jiuzhi County", isKeyCounty: true,
    descriptionZh: "久治县位于青海、四川、甘肃三省交界处，年保玉则一带草场广阔。",
    descriptionEn: "Jiuzhi County lies where Qinghai, Sichuan and Gansu meet; the Nyenpo Yutse area has wide pastures.",
  },
  {
    slug: "gande", regionSlug: "qinghai-golog", nameZh: "甘德县", nameEn: "Gande County", isKeyCounty: true,
    descriptionZh: "甘德县地处黄河上游的高寒草原，格萨尔文化氛围浓厚，牧民擅长牦牛毛编织。",
    descriptionEn: "Gande County lies on the cold high grasslands of the upper Yellow River; steeped in Gesar culture, its herders are skilled at weaving yak hair.",
  },
  // Hubei Yichang Yiling
  {
    slug: "yiling", regionSlug: "hubei-yichang-yiling", nameZh: "夷陵区", nameEn: "Yiling District", isKeyCounty: false,
    descriptionZh: "夷陵区位于长江西陵峡两岸，三峡大坝坐落于此，是宜昌脐橙、蜜橘和宜红茶的主产区。",
    descriptionEn: "Yiling District straddles the Xiling Gorge of the Yangtze and is the site of the Three Gorges Dam; it is a main growing area for Yichang navel oranges, tangerines and Yihong black tea.",
  },
  // Chongqing Wanzhou
  {
    slug: "wanzhou", regionSlug: "chongqing-wanzhou", nameZh: "万州区", nameEn: "Wanzhou District", isKeyCounty: false,
    descriptionZh: "万州区是三峡库区腹地的中心城区，柑橘种植和库区生态渔业是农民增收的主要产业。",
    descriptionEn: "Wanzhou is the central urban district in the heart of the Three Gorges reservoir area; citrus growing and reservoir fisheries are the main sources of farm income.",
  },
];

// ---------------------------------------------------------------------------------------------
// Cooperatives (booth hall letter by region: A Yunnan, B Guizhou, C Xinjiang, D Tibet,
// E Qinghai, F Hubei, G Chongqing)
// ---------------------------------------------------------------------------------------------

function coop(
  slug: string,
  countySlug: string,
  boothNumber: string,
  nameZh: string,
  nameEn: string,
  linkageType: LinkageType,
  householdsLinked: number,
  contactName: string,
  contactPhone: string,
  storyZh: string,
  storyEn: string,
): DemoCooperative {
  return {
    slug,
    countySlug,
    nameZh,
    nameEn,
    storyZh,
    storyEn,
    linkageType,
    householdsLinked,
    boothNumber,
    contactName,
    contactPhone,
  };
}

// prettier-ignore
export const cooperatives: DemoCooperative[] = [
  // Yunnan — hall A
  coop("mengnong-embroidery", "yuanyang", "A-101", "猛弄民绣合作社", "Mengnong Folk Embroidery Cooperative", "WAGE", 156, "李秀英", "138 0000 1021",
    "合作社由上海华阳社区华恩爱心志愿服务社于2015年在元阳县攀枝花乡猛弄村帮助创办，是云南第一家民绣合作社。绣娘们在家门口接单刺绣、按件计酬，彝绣作品曾登上上海和纽约的舞台。",
    "Founded in 2015 in Mengnong village, Panzhihua township, Yuanyang County with the help of the Huaen Volunteer Service Society of Huayang community in Shanghai, it was Yunnan's first folk embroidery cooperative. Embroiderers take orders and stitch at home, paid by the piece, and their Yi embroidery has been shown on stages in Shanghai and New York."),
  coop("yuanyang-terrace-red-rice", "yuanyang", "A-102", "元阳县梯田红米专业合作社", "Yuanyang Terrace Red Rice Cooperative", "OPERATING", 420, "卢正华", "139 0000 2046",
    "合作社以保底价收购哈尼梯田农户种植的老品种红米，统一加工、包装和销售。稳定的收购让农户愿意继续耕种祖辈留下的梯田。",
    "The cooperative buys heritage red rice from Hani terrace farmers at a guaranteed minimum price, then mills, packs and sells it centrally. Steady purchases keep households willing to farm the terraces their ancestors built."),
  coop("lvchun-hani-embroidery", "lvchun", "A-103", "绿春县哈尼刺绣专业合作社", "Lüchun Hani Embroidery Cooperative", "WAGE", 96, "白玉芬", "135 0000 3318",
    "合作社组织哈尼族妇女把传统服饰上的纹样绣到包袋和家居用品上，农闲时也能在家挣一份工钱。华恩志愿服务社的志愿者定期带来设计和订单。",
    "The cooperative helps Hani women stitch the patterns of their traditional dress onto bags and homeware, earning wages at home in the slack farming season. Volunteers from the Huaen society regularly bring designs and orders."),
  coop("lvchun-mayu-tea", "lvchun", "A-104", "绿春县玛玉茶叶专业合作社", "Lüchun Mayu Tea Cooperative", "OPERATING", 310, "陈志明", "150 0000 4472",
    "合作社收购黄连山周边茶农的鲜叶，统一加工成玛玉绿茶和晒红茶。茶农按交售鲜叶的数量结算，年底还能按交售量参与二次分红。",
    "The cooperative buys fresh leaf from tea farmers around Huanglian Mountain and processes it into Mayu green tea and sun-dried black tea. Farmers are paid for the leaf they deliver and share a year-end bonus in proportion to it."),
  coop("jinping-miao-embroidery", "jinping", "A-105", "金平县苗族刺绣专业合作社", "Jinping Miao Embroidery Cooperative", "WAGE", 72, "王美英", "186 0000 5530",
    "合作社由苗族绣娘自发组织，在华恩志愿服务社的帮助下接受培训、统一品控。蜡染与刺绣结合的围巾和小件饰品最受上海顾客欢迎。",
    "Organised by Miao embroiderers themselves, the cooperative receives training and quality control with help from the Huaen society. Scarves and small accessories combining batik with embroidery are the favourites of Shanghai customers."),
  coop("jinping-caoguo", "jinping", "A-106", "金平县草果种植专业合作社", "Jinping Black Cardamom Growers' Cooperative", "OPERATING", 260, "杨文才", "177 0000 6081",
    "草果生长在高山林下，是金平山区农户的重要收入来源。合作社统一收购、烘干和分级，让农户不必再把鲜果低价卖给上门收购的商贩。",
    "Black cardamom grows under mountain forest and is an important income for Jinping's upland households. The cooperative buys, dries and grades it centrally, so farmers no longer have to sell fresh pods cheaply to passing traders."),
  coop("pingbian-miao-embroidery", "pingbian", "A-107", "屏边县苗绣专业合作社", "Pingbian Miao Embroidery Cooperative", "WAGE", 88, "项桂芳", "138 0000 7215",
    "合作社把散居在各村寨的苗族绣娘组织起来，按件计酬制作百褶裙、香囊和装饰画。绣娘多为留守妇女，在家就能一边照顾老人孩子一边挣钱。",
    "The cooperative brings together Miao embroiderers scattered across villages to make pleated skirts, sachets and wall pieces, paid by the piece. Most are women whose husbands work away, and they can earn at home while caring for children and elders."),
  coop("pingbian-kiwifruit", "pingbian", "A-108", "屏边县大围山猕猴桃专业合作社", "Pingbian Daweishan Kiwifruit Cooperative", "ASSET", 230, "张国强", "139 0000 8342",
    "农户以土地经营权入股合作社共建猕猴桃果园，每年按股分红。合作社还在果园采摘季雇用本村劳动力。",
    "Households put their land-use rights into the cooperative's kiwifruit orchards as shares and receive dividends every year. The cooperative also hires village labour during the harvest."),
  coop("luoping-buyi-embroidery", "luoping", "A-109", "罗平县布依族刺绣专业合作社", "Luoping Buyi Embroidery Cooperative", "WAGE", 64, "黄丽萍", "135 0000 9163",
    "布依族妇女几乎人人会刺绣，合作社把这门手艺变成了稳定的计件收入。合作社与华恩志愿服务社合作开发了鞋垫、杯垫等日用绣品。",
    "Nearly every Buyi woman can embroider, and the cooperative turns that skill into steady piece-rate income. With the Huaen society it has developed everyday embroidered goods such as insoles and coasters."),
  coop("luoping-rapeseed-oil", "luoping", "A-110", "罗平县小榨菜籽油专业合作社", "Luoping Small-Press Rapeseed Oil Cooperative", "OPERATING", 380, "吴建平", "150 0000 1187",
    "合作社收购罗平农户种植的油菜籽，用传统小榨工艺压榨食用油，同时收购当地小黄姜。收购价随行就市并设保底价。",
    "The cooperative buys rapeseed from Luoping farmers and presses cooking oil by the traditional small-press method; it also buys local small yellow ginger. It pays market prices with a guaranteed floor."),
  coop("malipo-yi-embroidery", "malipo", "A-111", "麻栗坡县彝族刺绣专业合作社", "Malipo Yi Embroidery Cooperative", "WAGE", 58, "罗春梅", "186 0000 1249",
    "合作社的绣娘来自边境村寨的彝族家庭，作品以马甲、钱包和胸针为主。华恩志愿服务社帮助她们把传统纹样改良成城市消费者喜欢的款式。",
    "The embroiderers come from Yi families in border villages and mostly make vests, wallets and brooches. The Huaen society has helped them adapt traditional patterns into styles that city shoppers like."),
  coop("xichou-mountain-farm", "xichou", "A-112", "西畴县石山生态农业专业合作社", "Xichou Stony Hills Eco-Farming Cooperative", "OPERATING", 145, "周德荣", "177 0000 1302",
    "合作社扎根在曾经石漠化严重的山区，收购农户在“搬石造地”后的坡地上种植的三七花和八角，以及林下散养土鸡的鸡蛋。",
    "Rooted in hills once badly affected by rocky desertification, the cooperative buys the notoginseng flowers and star anise that households grow on slopes reclaimed by \"moving stones to make fields\", and eggs from their free-range hens."),
  coop("lancang-jingmai-tea", "lancang", "A-113", "澜沧县景迈山古茶专业合作社", "Lancang Jingmai Mountain Ancient Tea Cooperative", "OPERATING", 540, "李扎倮", "138 0000 1365",
    "合作社收购景迈山拉祜族和布朗族茶农采摘的古树与生态茶鲜叶，压制成普洱生茶饼和熟茶。合作社按统一标准收购，茶农收入比散卖鲜叶时明显提高。",
    "The cooperative buys fresh leaf picked by Lahu and Blang farmers from the ancient and ecological tea trees of Jingmai Mountain and presses it into raw and ripe Pu'er. Buying to a single standard has clearly raised farmers' income compared with selling leaf on their own."),
  coop("lancang-wild-mushroom", "lancang", "A-114", "澜沧县林下菌菇专业合作社", "Lancang Forest Mushroom Cooperative", "OPERATING", 120, "石娜妥", "139 0000 1413",
    "雨季里，拉祜族村民上山采拾牛肝菌和鸡枞，交到合作社统一清洗、烘干和加工。合作社按质分级收购，减少了鲜菌积压和腐烂。",
    "In the rainy season Lahu villagers gather porcini and termite mushrooms in the hills and bring them to the cooperative for cleaning, drying and processing. Buying by grade means less fresh produce piles up and spoils."),
  coop("longyang-lujiangba-coffee", "longyang", "A-115", "隆阳区潞江坝小粒咖啡专业合作社", "Longyang Lujiangba Arabica Coffee Cooperative", "ASSET", 380, "段家兴", "150 0000 1598",
    "潞江坝的干热河谷适合种植小粒咖啡。农户以咖啡园入股合作社，合作社负责精品化处理和烘焙，按股给农户分红。",
    "The dry, hot Lujiangba valley suits Arabica coffee. Households put their coffee plots into the cooperative as shares; it handles speciality processing and roasting and pays dividends on the shares."),
  coop("changning-black-tea", "changning", "A-116", "昌宁县红茶专业合作社", "Changning Black Tea Cooperative", "OPERATING", 290, "杨晓红", "186 0000 1620",
    "合作社收购昌宁山区茶农的鲜叶制作滇红和绿茶，同时代销农户自家的核桃。合作社设立了鲜叶收购点，茶农不用再走远路卖茶。",
    "The cooperative buys fresh leaf from Changning's mountain farmers to make Dianhong black tea and green tea, and also sells walnuts from members' own trees. Its leaf-buying stations spare farmers long trips to sell their tea."),
  coop("xianggelila-matsutake", "xianggelila", "A-117", "香格里拉市松茸专业合作社", "Shangri-La Matsutake Cooperative", "OPERATING", 350, "扎西平措", "177 0000 1755",
    "每年七八月松茸季，藏族村民清晨上山采菌，当天交到合作社分级、冷链发运。合作社坚持“采大留小”，保护菌塘长期产出。",
    "In the July–August matsutake season, Tibetan villagers pick mushrooms at dawn and bring them to the cooperative the same day for grading and cold-chain shipping. The cooperative insists on \"pick the big, leave the small\" to protect the patches for the long term."),
  // Guizhou Zunyi — hall B
  coop("zhengan-white-tea", "zhengan", "B-101", "正安县白茶专业合作社", "Zheng'an White Tea Cooperative", "OPERATING", 260, "冉光明", "138 0000 2107",
    "合作社收购茶农的白茶鲜叶统一加工，采茶季还吸纳村里的留守妇女采茶。茶农通过交售鲜叶和采茶务工获得双份收入。",
    "The cooperative buys white-tea leaf from farmers for central processing and, in the picking season, hires village women whose husbands work away. Farmers earn twice: from the leaf they sell and from picking work."),
  coop("wuchuan-cili", "wuchuan", "B-102", "务川县刺梨种植专业合作社", "Wuchuan Roxburgh Rose Growers' Cooperative", "ASSET", 410, "申永贵", "139 0000 2239",
    "农户把荒坡地流转给合作社种植刺梨，每年领取租金和分红。刺梨果富含维生素C，合作社将其压榨成原汁和果干。",
    "Households lease their idle hillsides to the cooperative for Roxburgh rose orchards and receive rent and dividends every year. The fruit is rich in vitamin C, and the cooperative presses it into juice and dries it."),
  coop("wuchuan-white-goat", "wuchuan", "B-103", "务川县仡佬山羊养殖专业合作社", "Wuchuan Gelao Goat Farming Cooperative", "ASSET", 150, "邹德全", "135 0000 2354",
    "合作社用帮扶资金建设标准化羊舍，所形成的资产量化给入股农户，农户按股分红。合作社也把羊羔赊给农户饲养后回收。",
    "The cooperative used assistance funds to build standard goat sheds and allocated the resulting assets to member households as shares on which they receive dividends. It also lends kids to households to raise and buys them back."),
  coop("daozhen-chilli", "daozhen", "B-104", "道真县朝天椒专业合作社", "Daozhen Chaotian Chilli Cooperative", "OPERATING", 330, "韩德才", "150 0000 2481",
    "合作社与农户签订订单，提供种苗和技术，按约定价格收购朝天椒。合作社还把辣椒加工成油辣椒和糍粑辣椒，提高了附加值。",
    "The cooperative contracts with households, supplies seedlings and know-how and buys their chaotian chillies at an agreed price. It also turns the chillies into chilli oil and ciba chilli paste for added value."),
  coop("meitan-cuiya-tea", "meitan", "B-105", "湄潭县翠芽茶叶专业合作社", "Meitan Cuiya Tea Cooperative", "OPERATING", 480, "田茂林", "186 0000 2573",
    "合作社收购周边茶农的春茶鲜叶，制作湄潭翠芽和遵义红。合作社向茶农提供统一的绿色防控技术，鲜叶收购价因此高于市场平均水平。",
    "The cooperative buys spring leaf from surrounding tea farmers to make Meitan Cuiya and Zunyi Red. It provides farmers with common green pest-control methods, so its leaf prices are above the market average."),
  // Xinjiang Kashgar — hall C
  coop("shache-badam", "shache", "C-101", "莎车县巴旦木专业合作社", "Shache Badam Almond Cooperative", "OPERATING", 520, "艾尔肯·买买提", "138 0000 3126",
    "合作社收购农户的巴旦木、杏和葡萄，统一筛选、晾晒和包装后销往内地。合作社的分拣车间也为村里的妇女提供了就业岗位。",
    "The cooperative buys badam almonds, apricots and grapes from households and sorts, dries and packs them for sale across China. Its sorting workshop also gives jobs to village women."),
  coop("zepu-red-dates", "zepu", "C-102", "泽普县红枣专业合作社", "Zepu Red Date Cooperative", "OPERATING", 360, "阿依古丽·吐尔逊", "139 0000 3258",
    "合作社向枣农提供修剪和病虫害防治服务，统一收购骏枣和灰枣。经过分级包装，红枣的售价比农户自行散卖高出不少。",
    "The cooperative provides date growers with pruning and pest-control services and buys their Jun and grey dates centrally. Graded and packed, the dates sell for considerably more than households get selling loose."),
  coop("yecheng-walnut", "yecheng", "C-103", "叶城县核桃专业合作社", "Yecheng Walnut Cooperative", "OPERATING", 600, "买买提江·阿布都", "135 0000 3371",
    "叶城核桃皮薄仁满，合作社收购全村的核桃进行清洗、烘干和破壳。合作社还建了一条小型核桃油生产线，让次级果也能卖出好价钱。",
    "Yecheng walnuts have thin shells and full kernels; the cooperative buys the whole village's crop for washing, drying and cracking. A small walnut-oil line lets lower-grade nuts fetch a good price too."),
  coop("bachu-orchard", "bachu", "C-104", "巴楚县林果专业合作社", "Bachu Orchard Cooperative", "OPERATING", 210, "努尔古丽·艾力", "150 0000 3405",
    "合作社收购巴楚农户的红枣、杏干和留香瓜，秋季也收购胡杨林里采拾的巴楚蘑菇。合作社帮助农户把零散的产品集中起来对接内地市场。",
    "The cooperative buys red dates, dried apricots and Liuxiang melons from Bachu households, and in autumn the Bachu mushrooms gathered in the desert-poplar forests. It helps households pool scattered produce to reach markets across China."),
  // Tibet Shigatse — hall D
  coop("jiangzi-carpet", "jiangzi", "D-101", "江孜县卡垫手工编织专业合作社", "Gyantse Hand-Woven Carpet Cooperative", "WAGE", 120, "次仁卓玛", "138 0000 4133",
    "合作社传承江孜卡垫的手工织造技艺，织工按平方米计件领取工资。年轻织工跟随老师傅学艺，学成后留在家乡就业。",
    "The cooperative carries on the hand-weaving tradition of Gyantse carpets, paying weavers by the square metre. Young weavers learn from master craftspeople and stay to work in their home town."),
  coop("lazi-highland-barley", "lazi", "D-102", "拉孜县青稞专业合作社", "Lhatse Highland Barley Cooperative", "OPERATING", 300, "扎西顿珠", "139 0000 4267",
    "合作社以高于市场的价格收购农户的青稞，加工成糌粑、青稞米和挂面。加工车间在冬季农闲时雇用本村村民。",
    "The cooperative buys highland barley from households above market price and processes it into tsampa, barley rice and noodles. Its workshop employs villagers in the winter slack season."),
  coop("dingri-yak-wool", "dingri", "D-103", "定日县牦牛绒手工专业合作社", "Tingri Yak Wool Handicraft Cooperative", "WAGE", 85, "白玛央金", "135 0000 4389",
    "牧民妇女在合作社学习梳绒、捻线和编织，把牦牛绒制成围巾、帽子和手套，按件领取工钱。一件手工围巾往往要织上一个多星期。",
    "Herding women learn to comb, spin and knit at the cooperative, turning yak down into scarves, hats and gloves and earning by the piece. A single hand-knitted scarf often takes more than a week."),
  coop("yadong-black-fungus", "yadong", "D-104", "亚东县黑木耳种植专业合作社", "Yadong Black Fungus Growers' Cooperative", "ASSET", 110, "旺堆", "150 0000 4412",
    "合作社用帮扶资金建起菌棚，由农户入股经营、按股分红。亚东沟谷湿润凉爽，木耳肉厚耐泡。",
    "The cooperative built mushroom sheds with assistance funds; households hold shares and receive dividends. Yadong's cool, moist valleys give thick fungus that stands up well to soaking."),
  coop("sajia-highland-farm", "sajia", "D-105", "萨迦县高原农牧专业合作社", "Sakya Highland Farming and Herding Cooperative", "OPERATING", 175, "普布次仁", "186 0000 4536",
    "合作社收购农牧民的黑青稞和牦牛奶，加工成糌粑、青稞饼干和奶渣。合作社还为成员统一采购种子和饲料。",
    "The cooperative buys black highland barley and yak milk from farmers and herders and turns them into tsampa, barley biscuits and dried yak cheese. It also buys seed and feed in bulk for its members."),
  // Qinghai Golog — hall E
  coop("maqin-yak-ranch", "maqin", "E-101", "玛沁县雪山牦牛养殖专业合作社", "Maqin Snow Mountain Yak Cooperative", "ASSET", 260, "才让多杰", "138 0000 5147",
    "牧民以牦牛和草场入股合作社，统一轮牧、统一出栏，按股分红。合作社在州府建了小型加工点，把牦牛肉制成风干肉和肉酱。",
    "Herders put their yaks and pastures into the cooperative as shares, graze in rotation, sell stock together and receive dividends. A small plant in the prefecture seat turns the meat into air-dried jerky and sauce."),
  coop("maqin-black-goji", "maqin", "E-102", "玛沁县黄河谷地黑枸杞专业合作社", "Maqin Yellow River Valley Black Goji Cooperative", "WAGE", 68, "索南拉毛", "139 0000 5273",
    "合作社在黄河谷地种植黑枸杞，采摘、晾晒和分拣都雇用附近的牧民家庭。采摘季的工资是许多家庭夏季的重要收入。",
    "The cooperative grows black goji in the Yellow River valley and hires nearby herding families to pick, dry and sort it. Harvest wages are an important summer income for many families."),
  coop("banma-yak-dairy", "banma", "E-103", "班玛县牦牛乳制品专业合作社", "Banma Yak Dairy Cooperative", "OPERATING", 190, "旦正吉", "135 0000 5390",
    "合作社收购牧民夏季挤的牦牛奶，制作酥油、曲拉和奶粉。过去喝不完的鲜奶如今变成了稳定的现金收入。",
    "The cooperative buys the yak milk herders collect in summer and makes yak butter, qula and milk powder. Milk that used to go to waste now brings steady cash income."),
  coop("jiuzhi-eco-pasture", "jiuzhi", "E-104", "久治县年保玉则生态畜牧专业合作社", "Jiuzhi Nyenpo Yutse Eco-Herding Cooperative", "ASSET", 230, "多杰才让", "150 0000 5418",
    "牧民以草场和牲畜入股，合作社按照草畜平衡的原则控制载畜量，按股分红。合作社出售的牦牛肉和藏羊肉都来自天然放牧。",
    "Herders join with their pastures and livestock as shares; the cooperative limits stocking to keep grass and herds in balance and pays dividends on the shares. Its yak and Tibetan lamb all come from natural grazing."),
  coop("gande-gesar-crafts", "gande", "E-105", "甘德县格萨尔民族手工艺专业合作社", "Gande Gesar Ethnic Handicraft Cooperative", "WAGE", 45, "拉毛措", "186 0000 5561",
    "合作社请老手艺人传授牦牛毛编织和皮具制作技艺，年轻牧民在合作社计件务工。产品多为毯子、坐垫和毡拖鞋等实用品。",
    "The cooperative invites veteran craftspeople to teach yak-hair weaving and leatherwork, and young herders work there on piece rates. Its products are mostly practical goods such as blankets, cushions and felt slippers."),
  // Hubei Yichang Yiling — hall F
  coop("yiling-navel-orange", "yiling", "F-101", "夷陵区脐橙专业合作社", "Yiling Navel Orange Cooperative", "OPERATING", 580, "向明华", "138 0000 6152",
    "合作社统一为果农提供技术指导和分级包装，收购脐橙和蜜橘后通过冷链发往上海。分级销售让好果卖出了好价钱。",
    "The cooperative gives growers common technical advice and grading and packing services, buying navel oranges and tangerines and shipping them to Shanghai by cold chain. Selling by grade gets good fruit a good price."),
  coop("yiling-yihong-tea", "yiling", "F-102", "夷陵区宜红茶专业合作社", "Yiling Yihong Tea Cooperative", "OPERATING", 340, "覃春兰", "139 0000 6284",
    "合作社收购山区茶农的鲜叶，制作宜红工夫红茶和高山绿茶。合作社与茶农签订保底收购协议，茶园管护也有统一标准。",
    "The cooperative buys fresh leaf from mountain tea farmers to make Yihong Gongfu black tea and high-mountain green tea. It signs guaranteed-purchase agreements with farmers and sets common standards for tending the gardens."),
  // Chongqing Wanzhou — hall G
  coop("wanzhou-reservoir-fish", "wanzhou", "G-101", "万州区库区生态鱼专业合作社", "Wanzhou Reservoir Eco-Fish Cooperative", "WAGE", 95, "谭永福", "138 0000 7163",
    "合作社在三峡库区支流开展生态养殖，并把鲜鱼加工成烤鱼、风干鱼和小鱼干。加工车间优先招用库区移民家庭的劳动力。",
    "The cooperative raises fish ecologically in Three Gorges reservoir tributaries and processes the catch into grilled fish, air-dried fish and fish snacks. Its workshop hires first from families resettled for the reservoir."),
  coop("wanzhou-rose-orange", "wanzhou", "G-102", "万州区玫瑰香橙专业合作社", "Wanzhou Rose-Fragrant Orange Cooperative", "OPERATING", 430, "冉启芬", "139 0000 7295",
    "合作社收购库区果农的玫瑰香橙和古红桔，统一品牌销售。合作社还为果农提供冬季修剪和病虫害防治服务。",
    "The cooperative buys rose-fragrant oranges and old red tangerines from reservoir-area growers and sells them under a single brand. It also offers growers winter pruning and pest-control services."),
];

// ---------------------------------------------------------------------------------------------
// Assisting organisations
// ---------------------------------------------------------------------------------------------

export const organisations: DemoOrganisation[] = [
  {
    slug: "huaen-volunteers",
    nameZh: "上海华阳社区华恩爱心志愿服务社",
    nameEn: "Huaen Volunteer Service Society of Huayang Community, Shanghai",
    kind: "VOLUNTEER_GROUP",
    descriptionZh:
      "2015年在云南帮助创办云南首家民绣合作社——猛弄民绣合作社，此后又陆续帮助成立13家哈尼族、彝族、苗族和布依族刺绣合作社，累计培训绣娘1000余名。采用“公司+合作社+建档立卡户+妇联”模式，彝绣作品曾登上上海和纽约的舞台。",
    descriptionEn:
      "In 2015 it helped set up Yunnan's first folk embroidery cooperative, the Mengnong Folk Embroidery Cooperative, followed by 13 Hani, Yi, Miao and Buyi embroidery cooperatives, training more than 1,000 embroiderers. Working through a \"company + cooperative + registered poor households + women's federation\" model, it has brought Yi embroidery to stages in Shanghai and New York.",
  },
  {
    slug: "shanghai-charity-foundation",
    nameZh: "上海市慈善基金会",
    nameEn: "Shanghai Charity Foundation",
    kind: "FOUNDATION",
    descriptionZh:
      "自2006年起开展“慈善光明行”白内障复明项目，足迹遍及云南、贵州、西藏和新疆；其虹口代表处还在云南文山州开展假肢装配帮扶项目。",
    descriptionEn:
      'Since 2006 its "Charity Journey of Light" cataract programme has reached Yunnan, Guizhou, Tibet and Xinjiang; its Hongkou office also runs a prosthetics programme in Wenshan Prefecture, Yunnan.',
  },
  {
    slug: "shanghai-childrens-foundation",
    nameZh: "上海市儿童基金会",
    nameEn: "Shanghai Children's Foundation",
    kind: "FOUNDATION",
    descriptionZh: "实施“心肝宝贝”儿童心脏病筛查项目，在对口地区为儿童开展心脏筛查。",
    descriptionEn:
      "Runs the \"Heart and Liver Treasure\" (心肝宝贝) programme, screening children's hearts in Shanghai's paired regions.",
  },
  {
    slug: "zhenai-dream-foundation",
    nameZh: "上海真爱梦想公益基金会",
    nameEn: "Shanghai Zhen Ai Dream Foundation",
    kind: "FOUNDATION",
    descriptionZh: "在对口地区的乡村学校建设“梦想教室”，并开展“去远方”研学项目，带孩子们走出大山看世界。",
    descriptionEn:
      'Builds "Dream Classrooms" in rural schools in the paired regions and runs the "Go Far" (去远方) study-trip programme that takes children beyond their mountains.',
  },
  {
    slug: "overseas-chinese-foundation",
    nameZh: "上海市华侨事业发展基金会",
    nameEn: "Shanghai Overseas Chinese Foundation",
    kind: "FOUNDATION",
    descriptionZh: "在云南乡村学校援建学生浴室，让寄宿学生能洗上热水澡。",
    descriptionEn: "Builds bathhouses in rural Yunnan schools so that boarding pupils can take hot showers.",
  },
  {
    slug: "golog-safe-water-consortium",
    nameZh: "果洛学校安全饮水基金会联合行动",
    nameEn: "Golog Schools Safe Drinking Water Foundations' Joint Action",
    kind: "FOUNDATION",
    descriptionZh: "29家基金会联合出资约629万元，为青海果洛州23所学校安装157台净水设备，受益师生6000余人。",
    descriptionEn:
      "Twenty-nine foundations jointly funded about ¥6.29 million to install 157 water purifiers in 23 schools in Golog, Qinghai, benefiting more than 6,000 people.",
  },
  {
    slug: "shanghai-minhang-district",
    nameZh: "上海市闵行区人民政府",
    nameEn: "Minhang District People's Government, Shanghai",
    kind: "DISTRICT_GOVERNMENT",
    descriptionZh: "结对帮扶云南省保山市，在隆阳区、昌宁县等地推进产业协作、消费帮扶和劳务协作。",
    descriptionEn:
      "Paired with Baoshan, Yunnan, where it supports industrial cooperation, consumption assistance and labour cooperation in Longyang District, Changning County and elsewhere.",
  },
  {
    slug: "shanghai-changning-district",
    nameZh: "上海市长宁区人民政府",
    nameEn: "Changning District People's Government, Shanghai",
    kind: "DISTRICT_GOVERNMENT",
    descriptionZh: "结对帮扶云南省红河州金平县，组织区内单位和市民通过展销会采购金平特色产品。",
    descriptionEn:
      "Paired with Jinping County in Honghe, Yunnan, it encourages local units and residents to buy Jinping specialities through the fair.",
  },
  {
    slug: "soe-double-hundred-alliance",
    nameZh: "沪上国企“双一百”结对帮扶联盟",
    nameEn: 'Shanghai SOE "Double Hundred" Pairing Alliance',
    kind: "STATE_OWNED_ENTERPRISE",
    descriptionZh:
      "响应“双一百”行动，由100家上海国有企业结对对口地区的重点帮扶县和村，通过订单采购和产业项目带动农户增收。",
    descriptionEn:
      'Part of the "Double Hundred" drive in which 100 Shanghai state-owned enterprises pair with key assisted counties and villages, raising household incomes through purchase orders and industry projects.',
  },
  {
    slug: "shencheng-agri-soe",
    nameZh: "申城农产品产销国企帮扶联合体",
    nameEn: "Shencheng Agri-Produce SOE Assistance Consortium",
    kind: "STATE_OWNED_ENTERPRISE",
    descriptionZh: "由从事批发、冷链和商超业务的上海国有企业组成，为对口地区农产品提供进沪渠道和冷链物流。",
    descriptionEn:
      "Formed by Shanghai state-owned enterprises in wholesale, cold-chain and supermarket businesses, it gives produce from the paired regions channels and cold-chain logistics into Shanghai.",
  },
  {
    slug: "hudian-private-enterprise-union",
    nameZh: "沪滇民营企业帮扶联合会",
    nameEn: "Shanghai–Yunnan Private Enterprise Assistance Federation",
    kind: "PRIVATE_ENTERPRISE",
    descriptionZh:
      "联络结对帮扶云南的上海民营企业——全市已有近2000家民营企业与云南结对，组织企业工会以购代帮、批量采购。",
    descriptionEn:
      "Connects the Shanghai private enterprises paired with Yunnan — nearly 2,000 of them — and organises company unions to buy in bulk as a form of assistance.",
  },
  {
    slug: "private-retail-alliance",
    nameZh: "沪上民营商超消费帮扶联盟",
    nameEn: "Shanghai Private Retailers' Consumption-Assistance Alliance",
    kind: "PRIVATE_ENTERPRISE",
    descriptionZh: "由上海民营超市和生鲜电商组成，为对口地区合作社的产品开设专柜和线上专区。",
    descriptionEn:
      "Made up of Shanghai private supermarkets and online grocers, it opens dedicated counters and online sections for products from the paired regions' cooperatives.",
  },
  {
    slug: "social-org-promotion-association",
    nameZh: "上海市社会组织帮扶促进会",
    nameEn: "Shanghai Social Organisations' Assistance Promotion Association",
    kind: "SOCIAL_ORGANISATION",
    descriptionZh:
      "推动上海17000余家社会组织参与对口帮扶。2019—2021年共资助帮扶项目246个，资助金额超过4700万元，撬动社会资金近2亿元；三年间322家社会组织投入18.31亿元。",
    descriptionEn:
      "Encourages Shanghai's more than 17,000 social organisations to join the paired assistance. In 2019–2021, 246 projects received over ¥47 million in grants, leveraging nearly ¥200 million of social money; over three years 322 social organisations put in ¥1.831 billion.",
  },
  {
    slug: "urgent-needs-alliance",
    nameZh: "上海社会组织急难需求认领联盟",
    nameEn: "Shanghai Social Organisations' Urgent Needs Alliance",
    kind: "SOCIAL_ORGANISATION",
    descriptionZh: "对接对口地区提出的急难需求，已有113项急需由上海社会组织认领，涉及金额约2700万元。",
    descriptionEn:
      "Matches urgent needs raised by the paired regions with donors: 113 of them, worth about ¥27 million, have been claimed by Shanghai social organisations.",
  },
  {
    slug: "youth-volunteer-team",
    nameZh: "上海青年消费帮扶志愿服务队",
    nameEn: "Shanghai Youth Consumption-Assistance Volunteer Team",
    kind: "VOLUNTEER_GROUP",
    descriptionZh: "由在沪高校学生和青年职工组成，展销会期间在展位上协助合作社讲解、收银和直播带货。",
    descriptionEn:
      "University students and young workers in Shanghai who, during the fair, help cooperatives at their booths with explaining products, taking payments and live-stream selling.",
  },
];

// ---------------------------------------------------------------------------------------------
// Partnerships (结对帮扶). Seller-side attribution splits by weight, largest remainder.
// A cooperative with no partner of its own falls back to its county's partners.
// ---------------------------------------------------------------------------------------------

const withCoop = (organisationSlug: string, cooperativeSlug: string, weight: number): DemoPartnership => ({
  organisationSlug,
  cooperativeSlug,
  weight,
});
const withCounty = (organisationSlug: string, countySlug: string, weight: number): DemoPartnership => ({
  organisationSlug,
  countySlug,
  weight,
});

export const partnerships: DemoPartnership[] = [
  // Huaen and the embroidery cooperatives
  withCoop("huaen-volunteers", "mengnong-embroidery", 60),
  withCoop("hudian-private-enterprise-union", "mengnong-embroidery", 40),
  withCoop("huaen-volunteers", "lvchun-hani-embroidery", 100),
  withCoop("huaen-volunteers", "jinping-miao-embroidery", 70),
  withCoop("shanghai-charity-foundation", "jinping-miao-embroidery", 30),
  withCoop("huaen-volunteers", "pingbian-miao-embroidery", 50),
  withCoop("zhenai-dream-foundation", "pingbian-miao-embroidery", 30),
  withCoop("youth-volunteer-team", "pingbian-miao-embroidery", 20),
  withCoop("huaen-volunteers", "luoping-buyi-embroidery", 100),
  withCoop("huaen-volunteers", "malipo-yi-embroidery", 80),
  withCoop("shanghai-charity-foundation", "malipo-yi-embroidery", 20),
  // Yunnan, other cooperatives and counties
  withCoop("soe-double-hundred-alliance", "yuanyang-terrace-red-rice", 50),
  withCoop("social-org-promotion-association", "yuanyang-terrace-red-rice", 30),
  withCoop("private-retail-alliance", "yuanyang-terrace-red-rice", 20),
  withCoop("overseas-chinese-foundation", "lvchun-mayu-tea", 100),
  withCounty("shanghai-changning-district", "jinping", 100),
  withCoop("shanghai-childrens-foundation", "pingbian-kiwifruit", 100),
  withCoop("hudian-private-enterprise-union", "lancang-jingmai-tea", 60),
  withCoop("zhenai-dream-foundation", "lancang-jingmai-tea", 40),
  withCounty("shanghai-minhang-district", "longyang", 100),
  withCounty("shanghai-minhang-district", "changning", 100),
  withCoop("soe-double-hundred-alliance", "changning-black-tea", 100),
  withCoop("private-retail-alliance", "xianggelila-matsutake", 70),
  withCoop("hudian-private-enterprise-union", "xianggelila-matsutake", 30),
  // Guizhou Zunyi
  withCounty("soe-double-hundred-alliance", "zhengan", 100),
  withCoop("urgent-needs-alliance", "wuchuan-cili", 60),
  withCoop("private-retail-alliance", "wuchuan-cili", 40),
  withCounty("shanghai-charity-foundation", "daozhen", 100),
  withCoop("shencheng-agri-soe", "meitan-cuiya-tea", 100),
  // Xinjiang Kashgar
  withCoop("shencheng-agri-soe", "shache-badam", 100),
  withCounty("urgent-needs-alliance", "zepu", 100),
  withCoop("shencheng-agri-soe", "yecheng-walnut", 70),
  withCoop("social-org-promotion-association", "yecheng-walnut", 30),
  // Tibet Shigatse
  withCoop("urgent-needs-alliance", "jiangzi-carpet", 65),
  withCoop("social-org-promotion-association", "jiangzi-carpet", 35),
  withCounty("soe-double-hundred-alliance", "lazi", 100),
  withCoop("youth-volunteer-team", "dingri-yak-wool", 100),
  // Qinghai Golog
  withCounty("golog-safe-water-consortium", "maqin", 100),
  withCounty("golog-safe-water-consortium", "jiuzhi", 100),
  withCoop("private-retail-alliance", "maqin-yak-ranch", 100),
  withCoop("shanghai-childrens-foundation", "banma-yak-dairy", 55),
  withCoop("social-org-promotion-association", "banma-yak-dairy", 45),
  // Hubei Yichang Yiling
  withCoop("shencheng-agri-soe", "yiling-navel-orange", 100),
  withCoop("private-retail-alliance", "yiling-yihong-tea", 60),
  withCoop("youth-volunteer-team", "yiling-yihong-tea", 40),
  // Chongqing Wanzhou
  withCounty("youth-volunteer-team", "wanzhou", 100),
  withCoop("shencheng-agri-soe", "wanzhou-rose-orange", 100),
];

// ---------------------------------------------------------------------------------------------
// Categories of the "百县百品" catalogue
// ---------------------------------------------------------------------------------------------

// prettier-ignore
export const categories: DemoCategory[] = [
  { slug: "tea", nameZh: "茶叶", nameEn: "Tea", descriptionZh: "普洱、滇红、白茶、翠芽和宜红等高山好茶。", descriptionEn: "Fine mountain teas: Pu'er, Dianhong, white tea, Cuiya, Yihong and more." },
  { slug: "coffee", nameZh: "咖啡", nameEn: "Coffee", descriptionZh: "保山潞江坝的小粒咖啡，咖啡豆、咖啡粉和挂耳包。", descriptionEn: "Arabica from Lujiangba, Baoshan: beans, ground coffee and drip bags." },
  { slug: "fruit", nameZh: "水果", nameEn: "Fruit", descriptionZh: "时令鲜果、果干、坚果和果汁。", descriptionEn: "Seasonal fresh fruit, dried fruit, nuts and juices." },
  { slug: "grains", nameZh: "粮油", nameEn: "Grains & Oils", descriptionZh: "梯田红米、青稞制品、菜籽油和核桃油。", descriptionEn: "Terrace red rice, highland-barley products, rapeseed oil and walnut oil." },
  { slug: "meat-dairy", nameZh: "肉类乳品", nameEn: "Meat & Dairy", descriptionZh: "高原牦牛肉、藏羊肉、酥油、奶制品和库区水产。", descriptionEn: "Plateau yak meat, Tibetan lamb, yak butter, dairy and reservoir fish." },
  { slug: "mushrooms", nameZh: "菌菇", nameEn: "Mushrooms", descriptionZh: "松茸、牛肝菌、鸡枞、黑木耳等山野菌菇。", descriptionEn: "Matsutake, porcini, termite mushrooms, black fungus and other wild fungi." },
  { slug: "spices", nameZh: "调味香料", nameEn: "Spices & Seasonings", descriptionZh: "辣椒、草果、八角、小黄姜和各式调料。", descriptionEn: "Chillies, black cardamom, star anise, small yellow ginger and seasonings." },
  { slug: "crafts", nameZh: "非遗文创", nameEn: "Heritage Crafts", descriptionZh: "彝绣服饰、苗绣、哈尼刺绣、卡垫和牦牛绒制品等非遗手工。", descriptionEn: "Intangible-heritage handcrafts: Yi embroidered clothing, Miao and Hani embroidery, carpets and yak-wool goods." },
];

// ---------------------------------------------------------------------------------------------
// Certifying bodies and products
// ---------------------------------------------------------------------------------------------

const SH = "上海市对口支援地区扶贫产品认定工作组";
const YN = "云南省扶贫产品认定机构";
const GZ = "贵州省扶贫产品认定机构";
const XJ = "新疆维吾尔自治区扶贫产品认定机构";
const XZ = "西藏自治区扶贫产品认定机构";
const QH = "青海省扶贫产品认定机构";
const HB = "湖北省扶贫产品认定机构";
const CQ = "重庆市扶贫产品认定机构";

/** A certificate numbered SH-FP-2025-nnnnn. */
function cert(serial: number, body: string, validFrom: string, validUntil: string): DemoCertificate {
  return { number: `SH-FP-2025-${String(serial).padStart(5, "0")}`, body, validFrom, validUntil };
}

function product(
  slug: string,
  cooperativeSlug: string,
  categorySlug: string,
  nameZh: string,
  nameEn: string,
  unitZh: string,
  unitEn: string,
  priceFen: number,
  stock: number,
  certificate: DemoCertificate | null,
  descriptionZh: string,
  descriptionEn: string,
): DemoProduct {
  return {
    slug,
    cooperativeSlug,
    categorySlug,
    nameZh,
    nameEn,
    descriptionZh,
    descriptionEn,
    unitZh,
    unitEn,
    priceFen,
    stock,
    certificate,
  };
}

// prettier-ignore
export const products: DemoProduct[] = [
  // ---- Yunnan ----
  // 猛弄民绣合作社
  product("yi-embroidery-shoulder-bag", "mengnong-embroidery", "crafts", "彝绣手工挎包", "Handmade Yi embroidery shoulder bag", "件", "piece", 36800, 42, cert(101, SH, "2025-04-01", "2027-03-31"),
    "猛弄绣娘用彝族传统挑花针法手工绣制，每只挎包约需十天完成。", "Hand-stitched by Mengnong embroiderers in traditional Yi cross-stitch; each bag takes about ten days to finish."),
  product("mengnong-yi-embroidered-jacket", "mengnong-embroidery", "crafts", "彝绣对襟外套", "Yi embroidered open-front jacket", "件", "piece", 128000, 3, cert(102, SH, "2025-04-01", "2027-03-31"),
    "前襟和袖口满绣彝族马缨花纹样，是合作社登上时装舞台的同款彝绣服饰。", "The front and cuffs are fully embroidered with Yi azalea motifs, in the same style of Yi embroidered clothing the cooperative has shown on fashion stages."),
  product("mengnong-embroidered-coin-purse", "mengnong-embroidery", "crafts", "彝绣零钱包", "Yi embroidered coin purse", "个", "piece", 5800, 260, cert(103, SH, "2025-04-01", "2027-03-31"),
    "小巧的拉链零钱包，绣片由绣娘在家中完成。", "A small zipped coin purse whose embroidered panel is made by embroiderers at home."),
  product("mengnong-hani-embroidered-table-runner", "mengnong-embroidery", "crafts", "哈尼刺绣桌旗", "Hani embroidered table runner", "条", "piece", 26800, 18, null,
    "以哈尼梯田为灵感的几何纹样桌旗，长1.8米。", "A 1.8 m table runner with geometric patterns inspired by the Hani rice terraces."),
  product("mengnong-embroidery-bookmark-set", "mengnong-embroidery", "crafts", "民绣书签礼盒", "Folk embroidery bookmark gift box", "盒(4枚)", "box (4 pcs)", 6800, 150, cert(104, YN, "2025-05-12", "2027-05-11"),
    "四枚手绣书签，分别绣有彝族和哈尼族的传统纹样。", "Four hand-embroidered bookmarks featuring traditional Yi and Hani patterns."),
  // 元阳县梯田红米专业合作社
  product("yuanyang-red-rice", "yuanyang-terrace-red-rice", "grains", "元阳梯田红米", "Yuanyang terrace red rice", "袋(2.5千克)", "bag (2.5 kg)", 6800, 320, cert(105, YN, "2025-03-20", "2027-03-19"),
    "哈尼梯田种植的老品种红米，用山泉水灌溉，米香浓郁。", "A heritage red rice grown on the Hani terraces and irrigated with mountain spring water, with a rich aroma."),
  product("yuanyang-red-rice-gift-box", "yuanyang-terrace-red-rice", "grains", "梯田红米礼盒", "Terrace red rice gift box", "盒(4×1千克)", "box (4 × 1 kg)", 16800, 85, cert(106, YN, "2025-03-20", "2027-03-19"),
    "四袋真空包装的梯田红米，适合节日馈赠和工会采购。", "Four vacuum-packed bags of terrace red rice, suited to holiday gifts and union purchases."),
  product("yuanyang-red-rice-noodles", "yuanyang-terrace-red-rice", "grains", "红米米线", "Red rice noodles", "袋(500克)", "bag (500 g)", 1990, 410, cert(107, SH, "2025-06-01", "2027-05-31"),
    "用梯田红米制作的干米线，煮后爽滑不糊汤。", "Dried rice noodles made from terrace red rice that cook up smooth without clouding the broth."),
  product("yuanyang-terrace-duck-eggs", "yuanyang-terrace-red-rice", "meat-dairy", "梯田鸭蛋", "Terrace duck eggs", "盒(20枚)", "box (20 eggs)", 5800, 0, cert(108, SH, "2025-06-01", "2027-05-31"),
    "稻田里放养的鸭子所产的鸭蛋，蛋黄颜色偏红。", "Eggs from ducks raised free among the rice paddies, with deep reddish yolks."),
  // 绿春县哈尼刺绣专业合作社
  product("hani-embroidered-tote", "lvchun-hani-embroidery", "crafts", "哈尼刺绣帆布托特包", "Hani embroidered canvas tote", "件", "piece", 19800, 64, cert(109, SH, "2025-04-15", "2027-04-14"),
    "厚帆布包身配哈尼族手绣贴片，日常通勤很实用。", "A heavy canvas tote with a hand-embroidered Hani panel, practical for everyday commuting."),
  product("hani-embroidered-cushion-cover", "lvchun-hani-embroidery", "crafts", "哈尼刺绣抱枕套", "Hani embroidered cushion cover", "件", "piece", 16800, 37, cert(110, SH, "2025-04-15", "2027-04-14"),
    "45厘米见方的抱枕套，绣有哈尼族传统的太阳纹。", "A 45 cm square cushion cover embroidered with the traditional Hani sun motif."),
  product("hani-embroidered-phone-pouch", "lvchun-hani-embroidery", "crafts", "哈尼刺绣手机袋", "Hani embroidered phone pouch", "个", "piece", 8800, 120, null,
    "可斜挎的手机袋，绣片颜色以黑、红、黄为主。", "A cross-body phone pouch with an embroidered panel mainly in black, red and yellow."),
  product("hani-embroidered-headband", "lvchun-hani-embroidery", "crafts", "哈尼绣花发带", "Hani embroidered headband", "条", "piece", 3900, 2, cert(111, YN, "2025-07-01", "2027-06-30"),
    "手绣花边发带，松紧可调。", "An adjustable headband with hand-embroidered trim."),
  // 绿春县玛玉茶叶专业合作社
  product("lvchun-mayu-green-tea", "lvchun-mayu-tea", "tea", "绿春玛玉茶", "Lüchun Mayu green tea", "罐(250克)", "tin (250 g)", 12800, 140, cert(112, YN, "2025-03-01", "2027-02-28"),
    "采自黄连山一带的高山茶园，条索紧结，栗香明显。", "From high mountain gardens around Huanglian Mountain, with tightly rolled leaves and a distinct chestnut aroma."),
  product("lvchun-mayu-tea-gift", "lvchun-mayu-tea", "tea", "玛玉茶礼盒", "Mayu tea gift box", "盒(2×150克)", "box (2 × 150 g)", 23800, 60, cert(113, YN, "2025-03-01", "2027-02-28"),
    "两罐明前玛玉茶，配有冲泡说明。", "Two tins of pre-Qingming Mayu tea, with brewing instructions."),
  product("lvchun-sun-dried-black-tea", "lvchun-mayu-tea", "tea", "绿春晒红茶", "Lüchun sun-dried black tea", "袋(200克)", "bag (200 g)", 8800, 95, null,
    "用日光萎凋制成的红茶，汤色红亮，带蜜香。", "A black tea withered in sunlight, brewing a bright red liquor with a honeyed aroma."),
  product("lvchun-mayu-tea-bags", "lvchun-mayu-tea", "tea", "玛玉茶袋泡茶", "Mayu tea bags", "盒(20袋)", "box (20 bags)", 3900, 260, cert(114, SH, "2025-05-20", "2027-05-19"),
    "独立包装的玛玉绿茶袋泡茶，适合办公室冲泡。", "Individually wrapped Mayu green tea bags, handy for the office."),
  // 金平县苗族刺绣专业合作社
  product("miao-batik-embroidered-scarf", "jinping-miao-embroidery", "crafts", "苗族蜡染刺绣围巾", "Miao batik and embroidery scarf", "条", "piece", 15800, 45, cert(115, SH, "2025-04-15", "2027-04-14"),
    "棉麻蜡染底布上加绣苗族纹样，每条图案略有不同。", "Miao motifs embroidered onto batik-dyed cotton and linen, so each scarf is slightly different."),
  product("miao-embroidered-carrier-panel", "jinping-miao-embroidery", "crafts", "苗绣背带装饰片", "Miao embroidered baby-carrier panel", "件", "piece", 58000, 4, cert(116, SH, "2025-04-15", "2027-04-14"),
    "仿照传统背带心制作的满绣装饰片，可装框陈设。", "A fully embroidered decorative panel modelled on the centre of a traditional baby carrier, ready for framing."),
  product("miao-embroidered-card-holder", "jinping-miao-embroidery", "crafts", "苗绣卡包", "Miao embroidered card holder", "个", "piece", 4900, 180, cert(117, YN, "2025-08-01", "2027-07-31"),
    "牛皮卡包配苗绣贴片，可放交通卡和名片。", "A leather card holder with a Miao embroidery patch, for transit cards and business cards."),
  product("miao-embroidered-keyring", "jinping-miao-embroidery", "crafts", "苗绣钥匙扣", "Miao embroidered keyring", "个", "piece", 1990, 300, null,
    "小巧的苗绣钥匙扣，适合作为展会伴手礼。", "A small Miao embroidery keyring, a good souvenir of the fair."),
  // 金平县草果种植专业合作社
  product("jinping-dried-caoguo", "jinping-caoguo", "spices", "金平草果干", "Jinping dried black cardamom", "袋(250克)", "bag (250 g)", 3600, 220, cert(118, YN, "2025-02-15", "2027-02-14"),
    "林下种植的草果经柴火烘干，是炖肉和米线汤的常用香料。", "Forest-grown black cardamom dried over wood fires, a common spice for stews and rice-noodle broth."),
  product("jinping-caoguo-powder", "jinping-caoguo", "spices", "草果粉", "Black cardamom powder", "瓶(100克)", "jar (100 g)", 2200, 180, cert(119, YN, "2025-02-15", "2027-02-14"),
    "草果去壳研磨成粉，方便烹饪时直接使用。", "Shelled and ground black cardamom, ready to use straight in cooking."),
  product("jinping-hotpot-spice-pack", "jinping-caoguo", "spices", "草果火锅香料包", "Black cardamom hotpot spice pack", "袋(6小包)", "bag (6 sachets)", 1590, 340, cert(120, SH, "2025-09-01", "2027-08-31"),
    "以草果为主料配好的香料包，一包可煮一锅汤底。", "A spice blend built around black cardamom; one sachet makes one pot of broth."),
  product("jinping-dried-banana-chips", "jinping-caoguo", "fruit", "金平香蕉干", "Jinping dried banana chips", "袋(200克)", "bag (200 g)", 1290, 0, cert(121, SH, "2025-09-01", "2027-08-31"),
    "河谷香蕉切片低温烘干，不添加糖。", "Banana slices from the river valleys, dried at low temperature with no added sugar."),
  // 屏边县苗绣专业合作社
  product("pingbian-miao-pleated-skirt", "pingbian-miao-embroidery", "crafts", "苗绣百褶裙", "Miao embroidered pleated skirt", "件", "piece", 88000, 6, cert(122, SH, "2025-04-20", "2027-04-19"),
    "手工压褶，裙摆绣满苗族传统纹样，一条裙子需要绣娘数月完成。", "Hand-pleated, with the hem covered in traditional Miao motifs; one skirt takes an embroiderer several months."),
  product("pingbian-miao-embroidered-sachet", "pingbian-miao-embroidery", "crafts", "苗绣香囊", "Miao embroidered sachet", "个", "piece", 2900, 240, cert(123, SH, "2025-04-20", "2027-04-19"),
    "内装艾草等香草的手绣香囊。", "A hand-embroidered sachet filled with mugwort and other herbs."),
  product("pingbian-miao-embroidered-notebook", "pingbian-miao-embroidery", "crafts", "苗绣封面笔记本", "Notebook with Miao embroidered cover", "本", "book", 4800, 130, cert(124, YN, "2025-06-10", "2027-06-09"),
    "A5笔记本，封面镶嵌一块苗绣绣片。", "An A5 notebook with a Miao embroidery panel set into the cover."),
  product("pingbian-miao-embroidered-wall-hanging", "pingbian-miao-embroidery", "crafts", "苗绣装饰挂画", "Miao embroidered wall hanging", "幅", "piece", 39800, 11, null,
    "以蝴蝶妈妈传说为主题的刺绣挂画。", "An embroidered wall hanging on the theme of the Miao legend of Mother Butterfly."),
  // 屏边县大围山猕猴桃专业合作社
  product("pingbian-kiwifruit", "pingbian-kiwifruit", "fruit", "屏边猕猴桃", "Pingbian kiwifruit", "箱(2.5千克)", "case (2.5 kg)", 7800, 150, cert(125, YN, "2025-08-01", "2027-07-31"),
    "大围山下果园种植的红心猕猴桃，酸甜适口。", "Red-fleshed kiwifruit from orchards below Dawei Mountain, nicely sweet and sharp."),
  product("pingbian-dried-kiwi", "pingbian-kiwifruit", "fruit", "猕猴桃干", "Dried kiwifruit", "袋(200克)", "bag (200 g)", 2500, 200, cert(126, YN, "2025-08-01", "2027-07-31"),
    "猕猴桃切片烘干，保留了果肉的酸甜。", "Dried kiwifruit slices that keep the fruit's sweet-sour taste."),
  product("pingbian-late-lychee", "pingbian-kiwifruit", "fruit", "屏边晚熟荔枝", "Pingbian late-ripening lychees", "箱(2千克)", "case (2 kg)", 9800, 0, cert(127, SH, "2025-06-15", "2027-06-14"),
    "河谷地带的晚熟荔枝，产季已过，明年七月再上市。", "Late-ripening lychees from the river valleys; the season is over and they return next July."),
  product("pingbian-kiwi-jam", "pingbian-kiwifruit", "fruit", "猕猴桃果酱", "Kiwifruit jam", "瓶(300克)", "jar (300 g)", 2800, 90, null,
    "用次级果熬制的果酱，果肉颗粒明显。", "Jam made from lower-grade fruit, with plenty of visible pieces."),
  // 罗平县布依族刺绣专业合作社
  product("buyi-embroidered-handbag", "luoping-buyi-embroidery", "crafts", "布依刺绣手提包", "Buyi embroidered handbag", "件", "piece", 26800, 28, cert(128, SH, "2025-05-01", "2027-04-30"),
    "蓝靛染布配布依族手绣花边，做工细密。", "Indigo-dyed cloth trimmed with finely worked Buyi hand embroidery."),
  product("buyi-embroidered-insoles", "luoping-buyi-embroidery", "crafts", "布依绣花鞋垫", "Buyi embroidered insoles", "双", "pair", 3800, 160, cert(129, SH, "2025-05-01", "2027-04-30"),
    "多层棉布手工纳制的绣花鞋垫，透气吸汗。", "Multi-layer cotton insoles, hand-stitched and embroidered, breathable and absorbent."),
  product("buyi-embroidered-coaster-set", "luoping-buyi-embroidery", "crafts", "布依刺绣杯垫套装", "Buyi embroidered coaster set", "套(4片)", "set (4 pcs)", 4500, 110, cert(130, YN, "2025-07-15", "2027-07-14"),
    "四片刺绣杯垫，纹样取自布依族传统服饰。", "Four embroidered coasters with patterns taken from traditional Buyi dress."),
  product("buyi-indigo-embroidered-kerchief", "luoping-buyi-embroidery", "crafts", "布依蓝染刺绣方巾", "Buyi indigo embroidered kerchief", "条", "piece", 12800, 0, cert(131, YN, "2025-07-15", "2027-07-14"),
    "手工蓝染方巾，四角绣有花卉纹样，本批已售完。", "A hand-dyed indigo kerchief with flowers embroidered in each corner; this batch is sold out."),
  // 罗平县小榨菜籽油专业合作社
  product("luoping-small-press-rapeseed-oil", "luoping-rapeseed-oil", "grains", "罗平小榨菜籽油", "Luoping small-press rapeseed oil", "桶(5升)", "bottle (5 L)", 12800, 120, cert(132, YN, "2025-04-01", "2027-03-31"),
    "用罗平本地油菜籽传统小榨压制，菜籽香味浓。", "Pressed from local Luoping rapeseed by the traditional small-press method, with a strong nutty aroma."),
  product("luoping-rapeseed-oil-bottle", "luoping-rapeseed-oil", "grains", "罗平菜籽油", "Luoping rapeseed oil", "瓶(1.8升)", "bottle (1.8 L)", 5200, 260, cert(133, YN, "2025-04-01", "2027-03-31"),
    "适合家庭日常炒菜的小瓶装菜籽油。", "A smaller bottle of rapeseed oil for everyday home cooking."),
  product("luoping-small-yellow-ginger", "luoping-rapeseed-oil", "spices", "罗平小黄姜", "Luoping small yellow ginger", "袋(1千克)", "bag (1 kg)", 1990, 300, null,
    "个头小、辣味足的本地小黄姜。", "A small local ginger with plenty of heat."),
  product("luoping-ginger-powder", "luoping-rapeseed-oil", "spices", "罗平小黄姜粉", "Luoping ginger powder", "瓶(100克)", "jar (100 g)", 1800, 160, cert(160, YN, "2025-06-20", "2027-06-19"),
    "小黄姜切片晒干后磨成细粉，可用于烹饪和冲饮。", "Small yellow ginger sliced, sun-dried and finely ground, for cooking or hot drinks."),
  // 麻栗坡县彝族刺绣专业合作社
  product("malipo-yi-embroidered-vest", "malipo-yi-embroidery", "crafts", "彝绣马甲", "Yi embroidered vest", "件", "piece", 46800, 9, cert(134, SH, "2025-05-10", "2027-05-09"),
    "改良款彝绣马甲，前片手绣彝族火纹。", "A modernised Yi vest with the Yi fire motif hand-embroidered on the front."),
  product("malipo-yi-embroidered-wallet", "malipo-yi-embroidery", "crafts", "彝绣长款钱包", "Yi embroidered long wallet", "个", "piece", 9800, 75, cert(135, SH, "2025-05-10", "2027-05-09"),
    "布面长款钱包，正面为彝族挑花绣片。", "A long fabric wallet with a Yi cross-stitch panel on the front."),
  product("malipo-yi-embroidered-brooch", "malipo-yi-embroidery", "crafts", "彝绣胸针", "Yi embroidered brooch", "枚", "piece", 3500, 200, cert(136, YN, "2025-09-01", "2027-08-31"),
    "手绣花朵胸针，适合点缀外套和包袋。", "A hand-embroidered flower brooch to brighten a coat or bag."),
  product("malipo-yi-embroidered-phone-lanyard", "malipo-yi-embroidery", "crafts", "彝绣手机挂绳", "Yi embroidered phone lanyard", "条", "piece", 2500, 1, null,
    "彝绣织带制成的手机挂绳，仅剩最后一条。", "A phone lanyard made from Yi embroidered ribbon; only one left."),
  // 西畴县石山生态农业专业合作社
  product("xichou-notoginseng-flower-tea", "xichou-mountain-farm", "tea", "西畴三七花茶", "Xichou notoginseng flower tea", "罐(100克)", "tin (100 g)", 6800, 80, cert(137, YN, "2025-03-15", "2027-03-14"),
    "文山山区种植的三七花蕾晒干制成，可直接冲泡。", "Dried notoginseng flower buds grown in the Wenshan hills, ready to infuse."),
  product("xichou-star-anise", "xichou-mountain-farm", "spices", "西畴八角", "Xichou star anise", "袋(250克)", "bag (250 g)", 2800, 140, cert(138, YN, "2025-03-15", "2027-03-14"),
    "八角果形完整、香气浓郁，适合卤煮和炖肉。", "Whole, fragrant star anise, good for braising and stews."),
  product("xichou-free-range-eggs", "xichou-mountain-farm", "meat-dairy", "西畴山地土鸡蛋", "Xichou free-range hill eggs", "盒(30枚)", "box (30 eggs)", 6800, 45, cert(139, SH, "2025-10-01", "2027-09-30"),
    "林下散养土鸡所产的鸡蛋，个头不大，蛋黄饱满。", "Eggs from hens roaming under the trees; small, with full yolks."),
  product("xichou-dried-bird-eye-chilli", "xichou-mountain-farm", "spices", "西畴小米辣干", "Xichou dried bird's-eye chillies", "袋(200克)", "bag (200 g)", 1500, 130, cert(158, YN, "2025-09-05", "2027-09-04"),
    "石山坡地种植的小米辣，个小辣味足，晒干后便于保存。", "Small, fiery bird's-eye chillies grown on the stony slopes, sun-dried to keep."),
  // 澜沧县景迈山古茶专业合作社
  product("puer-raw-cake", "lancang-jingmai-tea", "tea", "普洱生茶饼", "Pu'er raw tea cake", "饼(357克)", "cake (357 g)", 26800, 210, cert(140, YN, "2025-03-10", "2027-03-09"),
    "景迈山生态茶压制的普洱生茶，兰香明显，回甘持久，适合收藏转化。", "Raw Pu'er pressed from Jingmai Mountain ecological tea, with a clear orchid aroma and a long sweet finish; good for ageing."),
  product("puer-ripe-tea", "lancang-jingmai-tea", "tea", "普洱熟茶", "Pu'er ripe tea", "饼(357克)", "cake (357 g)", 19800, 180, cert(141, YN, "2025-03-10", "2027-03-09"),
    "经渥堆发酵的普洱熟茶，汤色红浓，口感醇和。", "Ripe Pu'er fermented by wet piling, brewing a deep red liquor with a mellow taste."),
  product("jingmai-ancient-tree-raw-tea", "lancang-jingmai-tea", "tea", "景迈古树普洱生茶", "Jingmai ancient-tree raw Pu'er", "饼(357克)", "cake (357 g)", 88000, 12, cert(142, SH, "2025-04-01", "2027-03-31"),
    "采自景迈山古茶林的春茶，每年产量有限。", "Spring leaf from the ancient tea forests of Jingmai Mountain, made in limited quantities each year."),
  product("puer-ripe-mini-tuo", "lancang-jingmai-tea", "tea", "普洱熟茶小沱茶", "Ripe Pu'er mini tuocha", "盒(250克)", "box (250 g)", 6800, 300, cert(143, YN, "2025-05-01", "2027-04-30"),
    "每颗约5克的小沱茶，一颗泡一壶，方便携带。", "Mini tuocha of about 5 g each; one makes a pot, and they travel well."),
  product("jingmai-black-tea", "lancang-jingmai-tea", "tea", "景迈山滇红", "Jingmai Mountain Dianhong black tea", "袋(250克)", "bag (250 g)", 8800, 0, null,
    "景迈山大叶种制成的滇红，蜜香浓郁，本季已售完。", "Dianhong made from Jingmai's large-leaf variety with a rich honey aroma; sold out this season."),
  product("puer-tea-gift-set", "lancang-jingmai-tea", "tea", "普洱生熟双饼礼盒", "Pu'er raw and ripe gift set", "盒(2×357克)", "box (2 × 357 g)", 45800, 40, cert(144, SH, "2024-06-20", "2026-06-19"),
    "一饼生茶、一饼熟茶，附竹编茶饼提篮。", "One raw and one ripe cake, with a woven bamboo carrier."),
  // 澜沧县林下菌菇专业合作社
  product("lancang-dried-porcini", "lancang-wild-mushroom", "mushrooms", "干制牛肝菌", "Dried porcini", "袋(100克)", "bag (100 g)", 7800, 130, null,
    "雨季采拾的野生牛肝菌切片晒干，泡发后炒食或炖汤。", "Wild porcini gathered in the rainy season, sliced and dried; soak, then stir-fry or add to soups."),
  product("lancang-termite-mushroom-oil", "lancang-wild-mushroom", "mushrooms", "油鸡枞", "Termite mushrooms in chilli oil", "瓶(220克)", "jar (220 g)", 4800, 170, cert(145, YN, "2025-07-20", "2027-07-19"),
    "野生鸡枞用菜籽油和辣椒慢炸，拌面拌饭皆宜。", "Wild termite mushrooms slowly fried in rapeseed oil with chilli, good with noodles or rice."),
  product("lancang-mushroom-soup-pack", "lancang-wild-mushroom", "mushrooms", "野生菌汤包", "Wild mushroom soup pack", "袋(80克)", "bag (80 g)", 2990, 280, cert(146, YN, "2025-07-20", "2027-07-19"),
    "多种干菌搭配的汤料包，加入鸡肉或排骨同煲即可。", "A mix of dried mushrooms for soup; simmer with chicken or pork ribs."),
  product("lancang-wild-mushroom-gift-box", "lancang-wild-mushroom", "mushrooms", "山野菌干货礼盒", "Dried wild mushroom gift box", "盒(300克)", "box (300 g)", 16800, 35, cert(159, SH, "2025-08-20", "2027-08-19"),
    "牛肝菌、鸡油菌和香菇等干菌的组合礼盒。", "A gift box of dried porcini, chanterelles, shiitake and other mushrooms."),
  // 隆阳区潞江坝小粒咖啡专业合作社
  product("baoshan-coffee-beans", "longyang-lujiangba-coffee", "coffee", "保山小粒咖啡豆(中度烘焙)", "Baoshan Arabica coffee beans (medium roast)", "袋(500克)", "bag (500 g)", 9800, 240, cert(147, YN, "2025-04-10", "2027-04-09"),
    "潞江坝干热河谷种植的小粒咖啡，中度烘焙，带坚果和焦糖风味。", "Arabica from the dry, hot Lujiangba valley, medium roasted with nutty, caramel notes."),
  product("baoshan-ground-coffee", "longyang-lujiangba-coffee", "coffee", "保山小粒咖啡粉", "Baoshan Arabica ground coffee", "袋(250克)", "bag (250 g)", 5800, 190, cert(148, YN, "2025-04-10", "2027-04-09"),
    "适合手冲和法压壶的中细研磨咖啡粉。", "Medium-fine ground coffee for pour-over and French press."),
  product("baoshan-drip-bag-coffee", "longyang-lujiangba-coffee", "coffee", "保山挂耳咖啡", "Baoshan drip-bag coffee", "盒(10片)", "box (10 bags)", 4900, 350, cert(149, SH, "2025-05-15", "2027-05-14"),
    "每片10克，挂在杯口注水即可冲泡。", "10 g per bag; hang it on a cup and pour in hot water."),
  product("baoshan-green-coffee-beans", "longyang-lujiangba-coffee", "coffee", "潞江坝咖啡生豆", "Lujiangba green coffee beans", "袋(1千克)", "bag (1 kg)", 8800, 4, null,
    "水洗处理的咖啡生豆，供自家烘焙的爱好者选购。", "Washed-process green beans for home roasters."),
  product("baoshan-instant-black-coffee", "longyang-lujiangba-coffee", "coffee", "保山速溶黑咖啡", "Baoshan instant black coffee", "盒(20条)", "box (20 sticks)", 3900, 400, cert(150, SH, "2025-05-15", "2027-05-14"),
    "冻干工艺的速溶黑咖啡，冷水热水都能冲开。", "Freeze-dried instant black coffee that dissolves in hot or cold water."),
  // 昌宁县红茶专业合作社
  product("changning-dianhong", "changning-black-tea", "tea", "昌宁滇红", "Changning Dianhong black tea", "罐(200克)", "tin (200 g)", 12800, 110, cert(151, YN, "2025-03-25", "2027-03-24"),
    "大叶种工夫红茶，金毫显露，汤色红艳。", "A large-leaf Gongfu black tea with visible golden tips and a bright red liquor."),
  product("changning-walnuts", "changning-black-tea", "fruit", "昌宁核桃", "Changning walnuts", "袋(1千克)", "bag (1 kg)", 5800, 230, cert(152, YN, "2025-10-10", "2027-10-09"),
    "成员农户自家种植的核桃，壳薄易剥。", "Walnuts from members' own trees, with thin, easy-to-crack shells."),
  product("changning-walnut-kernels", "changning-black-tea", "fruit", "昌宁核桃仁", "Changning walnut kernels", "袋(500克)", "bag (500 g)", 6800, 0, cert(153, YN, "2025-10-10", "2027-10-09"),
    "人工剥取的核桃仁，本批已售完，新货即将到货。", "Hand-shelled walnut kernels; this batch is sold out and new stock is on its way."),
  product("changning-green-tea", "changning-black-tea", "tea", "昌宁高山绿茶", "Changning high-mountain green tea", "袋(250克)", "bag (250 g)", 6800, 70, cert(154, SH, "2025-04-05", "2027-04-04"),
    "高山茶园的春季绿茶，清香耐泡。", "Spring green tea from high mountain gardens, fresh and good for several infusions."),
  // 香格里拉市松茸专业合作社
  product("xianggelila-dried-matsutake", "xianggelila-matsutake", "mushrooms", "香格里拉松茸干片", "Shangri-La dried matsutake slices", "罐(50克)", "tin (50 g)", 29800, 60, cert(155, YN, "2025-08-05", "2027-08-04"),
    "当季松茸切片低温烘干，保留了松茸特有的香气。", "In-season matsutake sliced and dried at low temperature, keeping its distinctive aroma."),
  product("xianggelila-frozen-matsutake", "xianggelila-matsutake", "mushrooms", "冻鲜松茸", "Frozen fresh matsutake", "盒(500克)", "box (500 g)", 68000, 2, cert(156, YN, "2025-08-05", "2027-08-04"),
    "采摘当天分级速冻，冷链配送，仅剩少量。", "Graded and quick-frozen on the day of picking and delivered by cold chain; only a few left."),
  product("xianggelila-matsutake-oil", "xianggelila-matsutake", "mushrooms", "松茸菌油", "Matsutake in oil", "瓶(200克)", "jar (200 g)", 5800, 150, cert(157, SH, "2025-09-10", "2027-09-09"),
    "松茸碎粒用菜籽油慢熬，适合拌面和炒饭。", "Chopped matsutake slow-cooked in rapeseed oil, good with noodles and fried rice."),
  product("xianggelila-dried-morels", "xianggelila-matsutake", "mushrooms", "干羊肚菌", "Dried morels", "袋(50克)", "bag (50 g)", 12800, 40, null,
    "高山林下采拾的羊肚菌，适合炖汤。", "Morels gathered in high mountain forests, ideal for soups."),

  // ---- Guizhou Zunyi ----
  // 正安县白茶专业合作社
  product("zhengan-white-tea", "zhengan-white-tea", "tea", "正安白茶", "Zheng'an white tea", "罐(125克)", "tin (125 g)", 15800, 90, cert(201, GZ, "2025-03-18", "2027-03-17"),
    "正安山地茶园的白叶一号，氨基酸含量高，滋味鲜爽。", "Baiye No. 1 from Zheng'an's mountain gardens, rich in amino acids and fresh-tasting."),
  product("zhengan-white-tea-gift", "zhengan-white-tea", "tea", "正安白茶礼盒", "Zheng'an white tea gift box", "盒(2×125克)", "box (2 × 125 g)", 29800, 30, cert(202, GZ, "2025-03-18", "2027-03-17"),
    "两罐明前正安白茶，适合送礼。", "Two tins of pre-Qingming Zheng'an white tea, made for gifting."),
  product("zhengan-green-tea-bags", "zhengan-white-tea", "tea", "正安绿茶袋泡茶", "Zheng'an green tea bags", "盒(25袋)", "box (25 bags)", 2990, 300, null,
    "采用夏秋茶制成的袋泡绿茶，价格实惠。", "Green tea bags made from summer and autumn leaf, good value."),
  product("zhengan-white-tea-cake", "zhengan-white-tea", "tea", "正安白茶饼", "Zheng'an white tea cake", "饼(200克)", "cake (200 g)", 11800, 55, cert(214, GZ, "2025-04-25", "2027-04-24"),
    "白茶压制成饼，便于存放，可慢慢品饮。", "White tea pressed into a cake that keeps well and can be enjoyed slowly."),
  // 务川县刺梨种植专业合作社
  product("cili-juice", "wuchuan-cili", "fruit", "刺梨原汁", "Roxburgh rose (cili) juice", "瓶(750毫升)", "bottle (750 ml)", 6800, 260, cert(203, GZ, "2025-05-08", "2027-05-07"),
    "刺梨鲜果压榨的原汁，富含维生素C，兑水饮用风味更佳。", "Juice pressed from fresh Roxburgh roses, rich in vitamin C; best diluted with water."),
  product("cili-juice-gift-box", "wuchuan-cili", "fruit", "刺梨原汁礼盒", "Cili juice gift box", "盒(12×100毫升)", "box (12 × 100 ml)", 9800, 120, cert(204, GZ, "2025-05-08", "2027-05-07"),
    "十二小瓶装刺梨原汁，单瓶一次喝完，携带方便。", "Twelve small bottles of cili juice, each a single serving and easy to carry."),
  product("dried-cili", "wuchuan-cili", "fruit", "刺梨干", "Dried Roxburgh rose fruit", "袋(250克)", "bag (250 g)", 3500, 180, cert(205, SH, "2025-06-12", "2027-06-11"),
    "去籽刺梨果切片烘干，酸甜微涩。", "Seeded cili fruit, sliced and dried; sweet-sour with a slight astringency."),
  product("fresh-cili-fruit", "wuchuan-cili", "fruit", "鲜刺梨", "Fresh Roxburgh rose fruit", "箱(2.5千克)", "case (2.5 kg)", 4800, 0, null,
    "九月采摘的鲜果，可在家自制果汁，本季已售完。", "Fresh fruit picked in September for home-made juice; sold out this season."),
  // 务川县仡佬山羊养殖专业合作社
  product("wuchuan-goat-jerky", "wuchuan-white-goat", "meat-dairy", "务川山羊肉干", "Wuchuan goat jerky", "袋(200克)", "bag (200 g)", 6800, 80, cert(206, GZ, "2025-07-01", "2027-06-30"),
    "山地放养的山羊肉，五香风味，开袋即食。", "Meat from hill-grazed goats, five-spice flavoured and ready to eat."),
  product("wuchuan-frozen-goat-leg", "wuchuan-white-goat", "meat-dairy", "冷冻山羊腿", "Frozen goat leg", "只(约1.5千克)", "leg (approx. 1.5 kg)", 19800, 25, cert(207, GZ, "2025-07-01", "2027-06-30"),
    "整只后腿分割速冻，适合红烧或炖汤。", "A whole hind leg, cut and quick-frozen, for braising or soup."),
  product("wuchuan-goat-hotpot-rolls", "wuchuan-white-goat", "meat-dairy", "火锅山羊肉卷", "Goat meat hotpot rolls", "盒(500克)", "box (500 g)", 7800, 60, null,
    "切成薄片的山羊肉卷，涮火锅即熟。", "Thinly sliced goat rolls that cook in seconds in a hotpot."),
  product("wuchuan-gelao-goat-soup", "wuchuan-white-goat", "meat-dairy", "仡佬羊肉汤(即热装)", "Gelao goat soup (ready to heat)", "袋(800克)", "bag (800 g)", 4800, 75, cert(215, SH, "2025-10-12", "2027-10-11"),
    "按仡佬族家常做法炖煮的山羊肉汤，加热即可食用。", "Goat soup stewed the way Gelao families make it at home; just heat and eat."),
  // 道真县朝天椒专业合作社
  product("zunyi-dried-chaotian-chilli", "daozhen-chilli", "spices", "遵义朝天椒干", "Zunyi dried chaotian chillies", "袋(500克)", "bag (500 g)", 3800, 310, cert(208, GZ, "2025-09-15", "2027-09-14"),
    "自然晾晒的朝天椒，香辣适中，色泽红亮。", "Naturally sun-dried chaotian chillies, moderately hot, fragrant and glossy red."),
  product("daozhen-chilli-oil", "daozhen-chilli", "spices", "香辣油辣椒", "Fragrant chilli oil", "瓶(280克)", "jar (280 g)", 1990, 450, cert(209, GZ, "2025-09-15", "2027-09-14"),
    "用菜籽油炸制的油辣椒，可拌面、拌菜、蘸食。", "Chilli fried in rapeseed oil, for noodles, salads and dipping."),
  product("daozhen-ciba-chilli", "daozhen-chilli", "spices", "糍粑辣椒", "Ciba chilli paste", "瓶(500克)", "jar (500 g)", 2600, 200, cert(210, SH, "2025-10-01", "2027-09-30"),
    "干辣椒泡软后与生姜、大蒜一起舂成的糍粑辣椒，是贵州菜的灵魂调料。", "Soaked dried chillies pounded with ginger and garlic, the essential seasoning of Guizhou cooking."),
  product("daozhen-roasted-chilli-powder", "daozhen-chilli", "spices", "烧椒辣椒面", "Roasted chilli powder", "袋(200克)", "bag (200 g)", 990, 500, null,
    "辣椒烘烤后研磨成粉，用于蘸水和烧烤。", "Roasted and ground chilli for dipping sauces and barbecue."),
  // 湄潭县翠芽茶叶专业合作社
  product("meitan-cuiya", "meitan-cuiya-tea", "tea", "湄潭翠芽", "Meitan Cuiya green tea", "罐(150克)", "tin (150 g)", 16800, 120, cert(211, GZ, "2025-03-12", "2027-03-11"),
    "扁平挺直的独芽绿茶，栗香浓郁。", "A flat, straight single-bud green tea with a rich chestnut aroma."),
  product("zunyi-red-black-tea", "meitan-cuiya-tea", "tea", "遵义红", "Zunyi Red black tea", "盒(200克)", "box (200 g)", 13800, 85, cert(212, GZ, "2025-03-12", "2027-03-11"),
    "湄潭茶园出产的工夫红茶，甜香明显。", "A Gongfu black tea from Meitan's gardens with a clear sweet aroma."),
  product("meitan-cuiya-gift", "meitan-cuiya-tea", "tea", "湄潭翠芽礼盒", "Meitan Cuiya gift box", "盒(2×100克)", "box (2 × 100 g)", 25800, 0, cert(213, SH, "2024-06-10", "2026-06-09"),
    "两罐特级翠芽，本年度礼盒已售完。", "Two tins of premium Cuiya; this year's gift boxes are sold out."),
  product("meitan-spring-green-tea", "meitan-cuiya-tea", "tea", "湄潭春茶", "Meitan spring green tea", "袋(250克)", "bag (250 g)", 6800, 200, null,
    "家常口粮绿茶，适合大杯冲泡。", "An everyday green tea for brewing by the mugful."),

  // ---- Xinjiang Kashgar ----
  // 莎车县巴旦木专业合作社
  product("shache-badam", "shache-badam", "fruit", "莎车纸皮巴旦木", "Shache paper-shell badam almonds", "袋(500克)", "bag (500 g)", 4800, 380, cert(301, XJ, "2025-09-20", "2027-09-19"),
    "壳薄如纸，用手就能捏开，果仁香脆。", "Shells thin as paper that crack open by hand, with crisp, fragrant kernels."),
  product("shache-badam-kernels", "shache-badam", "fruit", "巴旦木仁", "Badam almond kernels", "罐(400克)", "jar (400 g)", 5800, 150, cert(302, XJ, "2025-09-20", "2027-09-19"),
    "去壳的巴旦木仁，原味烘烤，不加盐。", "Shelled badam kernels, dry-roasted with no salt."),
  product("shache-dried-apricots", "shache-badam", "fruit", "莎车杏干", "Shache dried apricots", "袋(500克)", "bag (500 g)", 3500, 260, cert(303, XJ, "2025-07-25", "2027-07-24"),
    "树上自然熟透后采摘晾晒的杏干，肉厚味甜。", "Apricots left to ripen fully on the tree before drying, thick-fleshed and sweet."),
  product("shache-raisins", "shache-badam", "fruit", "莎车葡萄干", "Shache raisins", "袋(500克)", "bag (500 g)", 2800, 300, cert(304, SH, "2025-10-15", "2027-10-14"),
    "绿洲葡萄在晾房中自然风干，颗粒饱满。", "Oasis grapes air-dried naturally in drying houses, plump and full."),
  product("shache-sweet-apricot-kernels", "shache-badam", "fruit", "甜杏仁", "Sweet apricot kernels", "袋(250克)", "bag (250 g)", 3900, 3, null,
    "小白杏的甜杏仁，可直接食用或打浆。", "Sweet kernels of small white apricots, to eat as they are or blend into a drink."),
  product("kashgar-dried-fruit-gift-box", "shache-badam", "fruit", "喀什干果礼盒", "Kashgar dried fruit and nut gift box", "盒(1.2千克)", "box (1.2 kg)", 16800, 70, cert(305, SH, "2025-10-15", "2027-10-14"),
    "巴旦木、杏干、葡萄干和核桃四种干果组合装。", "A mix of four: badam almonds, dried apricots, raisins and walnuts."),
  // 泽普县红枣专业合作社
  product("zepu-jun-dates", "zepu-red-dates", "fruit", "泽普骏枣", "Zepu Jun dates", "袋(1千克)", "bag (1 kg)", 5800, 250, cert(306, XJ, "2025-11-01", "2027-10-31"),
    "个大肉厚的骏枣，自然晾干，甜而不腻。", "Large, fleshy Jun dates, naturally dried, sweet but not cloying."),
  product("zepu-grey-dates", "zepu-red-dates", "fruit", "泽普灰枣", "Zepu grey dates", "袋(1千克)", "bag (1 kg)", 3900, 320, cert(307, XJ, "2025-11-01", "2027-10-31"),
    "灰枣个头小、果肉紧实，适合煮粥煲汤。", "Small grey dates with firm flesh, good in porridge and soup."),
  product("zepu-dates-with-walnuts", "zepu-red-dates", "fruit", "枣夹核桃", "Dates stuffed with walnuts", "袋(500克)", "bag (500 g)", 4800, 180, cert(308, SH, "2025-11-20", "2027-11-19"),
    "去核红枣夹入核桃仁，独立小包装。", "Pitted red dates filled with walnut kernels, individually wrapped."),
  product("zepu-crispy-date-chips", "zepu-red-dates", "fruit", "香脆红枣片", "Crispy red date chips", "袋(250克)", "bag (250 g)", 1990, 0, null,
    "红枣切片低温烘烤成脆片，本批已售完。", "Red date slices baked at low temperature until crisp; this batch is sold out."),
  // 叶城县核桃专业合作社
  product("yecheng-paper-shell-walnuts", "yecheng-walnut", "fruit", "叶城纸皮核桃", "Yecheng paper-shell walnuts", "袋(1千克)", "bag (1 kg)", 4800, 500, cert(309, XJ, "2025-10-05", "2027-10-04"),
    "皮薄仁满，两颗一捏就开。", "Thin-shelled and full-kerneled; squeeze two together and they crack."),
  product("yecheng-walnut-kernels", "yecheng-walnut", "fruit", "叶城核桃仁", "Yecheng walnut kernels", "袋(500克)", "bag (500 g)", 5800, 220, cert(310, XJ, "2025-10-05", "2027-10-04"),
    "破壳后人工挑选的整半仁，色泽浅黄。", "Hand-picked whole halves after cracking, pale gold in colour."),
  product("yecheng-walnut-oil", "yecheng-walnut", "grains", "叶城核桃油", "Yecheng walnut oil", "瓶(500毫升)", "bottle (500 ml)", 8800, 60, cert(311, SH, "2025-12-01", "2027-11-30"),
    "冷榨核桃油，适合凉拌和给宝宝辅食调味。", "Cold-pressed walnut oil for dressings and seasoning baby food."),
  product("yecheng-pomegranates", "yecheng-walnut", "fruit", "叶城石榴", "Yecheng pomegranates", "箱(5千克)", "case (5 kg)", 8800, 40, null,
    "昆仑山下的甜石榴，籽粒饱满多汁。", "Sweet pomegranates from the foot of the Kunlun, with plump, juicy seeds."),
  // 巴楚县林果专业合作社
  product("bachu-mushrooms", "bachu-orchard", "mushrooms", "巴楚蘑菇干", "Dried Bachu mushrooms", "袋(100克)", "bag (100 g)", 16800, 25, cert(312, XJ, "2025-09-05", "2027-09-04"),
    "秋季在胡杨林中采拾的野生蘑菇，晾干后香味浓郁。", "Wild mushrooms gathered in the desert-poplar forests in autumn, richly aromatic once dried."),
  product("bachu-red-dates", "bachu-orchard", "fruit", "巴楚红枣", "Bachu red dates", "袋(1千克)", "bag (1 kg)", 3600, 200, cert(313, XJ, "2025-11-10", "2027-11-09"),
    "叶尔羌河下游种植的红枣，日照充足，糖分高。", "Red dates from the lower Yarkant River, grown in strong sun and high in sugar."),
  product("bachu-dried-apricots", "bachu-orchard", "fruit", "巴楚杏干", "Bachu dried apricots", "袋(500克)", "bag (500 g)", 3200, 140, cert(314, SH, "2025-08-20", "2027-08-19"),
    "整颗晾晒的杏干，保留杏核，酸甜有嚼劲。", "Whole apricots dried with the stone in, sweet-sour and chewy."),
  product("bachu-liuxiang-melons", "bachu-orchard", "fruit", "巴楚留香瓜", "Bachu Liuxiang melons", "箱(2个装)", "case (2 melons)", 6800, 0, null,
    "香气浓郁的本地甜瓜，夏季上市，本季已售完。", "A richly fragrant local melon sold in summer; sold out this season."),

  // ---- Tibet Shigatse ----
  // 江孜县卡垫手工编织专业合作社
  product("jiangzi-handwoven-carpet", "jiangzi-carpet", "crafts", "江孜手工羊毛卡垫", "Gyantse hand-woven wool carpet", "块(90×180厘米)", "piece (90 × 180 cm)", 128000, 3, cert(401, XZ, "2025-05-15", "2027-05-14"),
    "以藏系绵羊毛为原料，植物染色，织工手工打结编织。", "Tibetan sheep's wool, plant-dyed and hand-knotted by the weavers."),
  product("jiangzi-seat-carpet", "jiangzi-carpet", "crafts", "卡垫坐垫", "Carpet seat cushion", "块(60×60厘米)", "piece (60 × 60 cm)", 38000, 14, cert(402, XZ, "2025-05-15", "2027-05-14"),
    "方形小卡垫，可作椅垫或地垫。", "A small square carpet to use as a chair cushion or floor mat."),
  product("jiangzi-yak-hair-coasters", "jiangzi-carpet", "crafts", "牦牛毛编织杯垫", "Woven yak-hair coasters", "套(4片)", "set (4 pcs)", 4800, 120, null,
    "用织卡垫剩余的牦牛毛编织的杯垫。", "Coasters woven from yak hair left over from carpet making."),
  product("jiangzi-wall-carpet", "jiangzi-carpet", "crafts", "江孜小挂毯", "Gyantse small wall carpet", "块(50×80厘米)", "piece (50 × 80 cm)", 49800, 0, cert(403, SH, "2025-06-01", "2027-05-31"),
    "吉祥纹样的小挂毯，订单制作，当前已售完。", "A small wall carpet with auspicious patterns, made to order; currently sold out."),
  // 拉孜县青稞专业合作社
  product("lazi-tsampa", "lazi-highland-barley", "grains", "拉孜糌粑", "Lhatse tsampa (roasted barley flour)", "袋(1千克)", "bag (1 kg)", 3800, 260, cert(404, XZ, "2025-09-01", "2027-08-31"),
    "青稞炒熟后磨成的糌粑，可拌酥油茶食用。", "Roasted highland barley ground into tsampa, eaten mixed with butter tea."),
  product("lazi-highland-barley-rice", "lazi-highland-barley", "grains", "青稞米", "Highland barley rice", "袋(2.5千克)", "bag (2.5 kg)", 5800, 180, cert(405, XZ, "2025-09-01", "2027-08-31"),
    "去壳青稞粒，可与大米同煮，口感有嚼劲。", "Hulled highland barley to cook with rice, pleasantly chewy."),
  product("lazi-barley-noodles", "lazi-highland-barley", "grains", "青稞挂面", "Highland barley noodles", "袋(1千克)", "bag (1 kg)", 2200, 300, cert(406, SH, "2025-10-20", "2027-10-19"),
    "青稞粉含量过半的挂面，耐煮不易断。", "Dried noodles over half highland-barley flour that hold together well in cooking."),
  product("lazi-barley-flakes", "lazi-highland-barley", "grains", "青稞麦片", "Highland barley flakes", "袋(500克)", "bag (500 g)", 2600, 210, cert(407, SH, "2025-10-20", "2027-10-19"),
    "青稞压片而成，开水冲泡即可食用。", "Rolled highland barley, ready with boiling water."),
  // 定日县牦牛绒手工专业合作社
  product("dingri-yak-wool-scarf", "dingri-yak-wool", "crafts", "牦牛绒围巾", "Yak wool scarf", "条", "piece", 39800, 35, cert(408, XZ, "2025-06-20", "2027-06-19"),
    "牦牛幼绒手工编织，轻软保暖。", "Hand-knitted from fine yak down, light, soft and warm."),
  product("dingri-yak-wool-hat", "dingri-yak-wool", "crafts", "牦牛绒手织帽", "Hand-knitted yak wool hat", "顶", "piece", 16800, 48, cert(409, XZ, "2025-06-20", "2027-06-19"),
    "冬季保暖的手织帽，保留牦牛绒的天然棕色。", "A warm winter hat in the natural brown of yak down."),
  product("dingri-yak-wool-gloves", "dingri-yak-wool", "crafts", "牦牛绒手套", "Yak wool gloves", "双", "pair", 12800, 4, cert(410, SH, "2025-07-10", "2027-07-09"),
    "五指分开的手织手套，库存不多。", "Hand-knitted five-finger gloves; few left in stock."),
  product("dingri-yak-wool-shawl", "dingri-yak-wool", "crafts", "牦牛绒大披肩", "Large yak wool shawl", "条", "piece", 88000, 7, null,
    "宽幅手织披肩，一位编织者需要约一个月才能完成。", "A wide hand-knitted shawl that takes one knitter about a month."),
  // 亚东县黑木耳种植专业合作社
  product("yadong-black-fungus", "yadong-black-fungus", "mushrooms", "亚东黑木耳", "Yadong black fungus", "袋(250克)", "bag (250 g)", 6800, 150, cert(411, XZ, "2025-08-10", "2027-08-09"),
    "肉厚耐泡，泡发后脆嫩爽口。", "Thick and sturdy when soaked, with a crisp, tender bite."),
  product("yadong-black-fungus-gift", "yadong-black-fungus", "mushrooms", "亚东木耳礼盒", "Yadong black fungus gift box", "盒(500克)", "box (500 g)", 12800, 40, cert(412, XZ, "2025-08-10", "2027-08-09"),
    "精选单片木耳，礼盒包装。", "Selected single-piece fungus in a gift box."),
  product("yadong-dried-shiitake", "yadong-black-fungus", "mushrooms", "亚东香菇干", "Yadong dried shiitake", "袋(200克)", "bag (200 g)", 4500, 0, null,
    "菌棚种植的香菇晒干，本批已售完。", "Shed-grown shiitake, sun-dried; this batch is sold out."),
  product("yadong-small-cup-fungus", "yadong-black-fungus", "mushrooms", "亚东小碗耳", "Yadong small cup black fungus", "袋(100克)", "bag (100 g)", 3800, 90, cert(415, XZ, "2025-08-10", "2027-08-09"),
    "朵形小巧如碗的黑木耳，泡发率高，适合凉拌。", "Small, bowl-shaped black fungus that swells well when soaked, ideal for cold dishes."),
  // 萨迦县高原农牧专业合作社
  product("sajia-black-barley-tsampa", "sajia-highland-farm", "grains", "萨迦黑青稞糌粑", "Sakya black barley tsampa", "袋(1千克)", "bag (1 kg)", 4200, 100, cert(413, XZ, "2025-09-25", "2027-09-24"),
    "用黑青稞炒制磨粉，麦香更浓。", "Tsampa from roasted black highland barley, with a deeper grain flavour."),
  product("sajia-dried-yak-cheese", "sajia-highland-farm", "meat-dairy", "牦牛奶渣", "Dried yak cheese (churpi)", "袋(250克)", "bag (250 g)", 3800, 70, null,
    "牦牛奶提取酥油后的奶渣晾干制成，奶香浓，越嚼越香。", "Made by drying the curds left after churning yak butter; milky, and more flavourful the longer you chew."),
  product("sajia-barley-biscuits", "sajia-highland-farm", "grains", "青稞饼干", "Highland barley biscuits", "盒(400克)", "box (400 g)", 2800, 190, cert(414, SH, "2025-11-05", "2027-11-04"),
    "青稞粉烘焙的酥脆饼干，甜度较低。", "Crisp biscuits baked with highland-barley flour, lightly sweetened."),
  product("sajia-wholegrain-barley-flour", "sajia-highland-farm", "grains", "青稞全麦粉", "Wholegrain highland barley flour", "袋(1千克)", "bag (1 kg)", 2400, 150, cert(416, XZ, "2025-09-25", "2027-09-24"),
    "未经炒制的青稞全麦粉，可做馒头、面饼和烘焙。", "Unroasted wholegrain barley flour for steamed buns, flatbreads and baking."),

  // ---- Qinghai Golog ----
  // 玛沁县雪山牦牛养殖专业合作社
  product("golog-air-dried-yak-jerky", "maqin-yak-ranch", "meat-dairy", "风干牦牛肉干", "Air-dried yak jerky", "袋(250克)", "bag (250 g)", 9800, 220, cert(501, QH, "2025-06-05", "2027-06-04"),
    "高原冷风自然风干的牦牛肉，肉质紧实，越嚼越香。", "Yak meat dried naturally in the cold plateau wind, dense and more flavourful with every chew."),
  product("golog-frozen-yak-ribs", "maqin-yak-ranch", "meat-dairy", "冷冻牦牛肋排", "Frozen yak ribs", "盒(1千克)", "box (1 kg)", 13800, 60, cert(502, QH, "2025-06-05", "2027-06-04"),
    "天然放牧牦牛的肋排，分割后速冻，适合清炖。", "Ribs from naturally grazed yaks, cut and quick-frozen, best simply stewed."),
  product("golog-yak-meat-sauce", "maqin-yak-ranch", "meat-dairy", "牦牛肉酱", "Yak meat sauce", "瓶(200克)", "jar (200 g)", 3800, 150, cert(503, SH, "2025-08-01", "2027-07-31"),
    "牦牛肉粒与辣椒炒制的肉酱，佐餐拌面皆宜。", "Diced yak meat fried with chilli; good with rice or noodles."),
  product("golog-yak-hotpot-slices", "maqin-yak-ranch", "meat-dairy", "牦牛肉火锅片", "Yak meat hotpot slices", "盒(500克)", "box (500 g)", 8800, 0, null,
    "牦牛肉切片速冻，涮火锅口感鲜嫩，本批已售完。", "Quick-frozen yak slices, tender in a hotpot; this batch is sold out."),
  // 玛沁县黄河谷地黑枸杞专业合作社
  product("golog-black-goji", "maqin-black-goji", "fruit", "果洛黑枸杞", "Golog black goji berries", "罐(100克)", "jar (100 g)", 8800, 140, cert(504, QH, "2025-09-10", "2027-09-09"),
    "颗粒饱满的黑枸杞，用温水冲泡会呈现蓝紫色。", "Plump black goji berries that turn warm water a blue-violet."),
  product("golog-black-goji-premium-gift", "maqin-black-goji", "fruit", "黑枸杞特级礼盒", "Premium black goji gift box", "盒(250克)", "box (250 g)", 26800, 20, cert(505, SH, "2024-06-25", "2026-06-24"),
    "人工挑选的特级大颗黑枸杞，礼盒包装。", "Hand-selected premium large black goji berries in a gift box."),
  product("golog-black-goji-sachets", "maqin-black-goji", "fruit", "黑枸杞便携装", "Black goji travel sachets", "盒(20小袋)", "box (20 sachets)", 4900, 2, null,
    "每袋5克，一袋泡一杯，方便携带。", "5 g per sachet, one per cup, easy to carry."),
  // 班玛县牦牛乳制品专业合作社
  product("golog-yak-butter", "banma-yak-dairy", "meat-dairy", "牦牛酥油", "Yak butter", "块(500克)", "block (500 g)", 6800, 90, cert(506, QH, "2025-07-15", "2027-07-14"),
    "夏季牦牛奶手工打制的酥油，可用于打酥油茶和烘焙。", "Hand-churned from summer yak milk, for butter tea and baking."),
  product("banma-yak-milk-powder", "banma-yak-dairy", "meat-dairy", "牦牛奶粉", "Yak milk powder", "罐(400克)", "tin (400 g)", 16800, 50, cert(507, QH, "2025-07-15", "2027-07-14"),
    "牦牛全脂奶粉，奶香浓郁。", "Whole yak milk powder with a rich milky flavour."),
  product("banma-qula", "banma-yak-dairy", "meat-dairy", "曲拉", "Qula (dried yak milk curd)", "袋(250克)", "bag (250 g)", 3500, 110, null,
    "脱脂牦牛奶发酵晾干而成的奶块，是牧民的传统零食。", "Dried curd from fermented skimmed yak milk, a traditional herders' snack."),
  product("banma-butter-tea-powder", "banma-yak-dairy", "meat-dairy", "酥油茶粉", "Instant butter tea powder", "盒(10条)", "box (10 sticks)", 3900, 200, cert(508, SH, "2025-09-20", "2027-09-19"),
    "用牦牛酥油和砖茶调配的速溶酥油茶，开水冲开即可。", "Instant butter tea made from yak butter and brick tea; just add boiling water."),
  // 久治县年保玉则生态畜牧专业合作社
  product("jiuzhi-tibetan-lamb", "jiuzhi-eco-pasture", "meat-dairy", "久治藏羊肉", "Jiuzhi Tibetan lamb", "盒(1千克)", "box (1 kg)", 12800, 40, cert(509, QH, "2025-08-15", "2027-08-14"),
    "天然草场放牧的藏羊，肉质细嫩无膻味，冷冻配送。", "Tibetan sheep grazed on natural pasture, tender and without gaminess, delivered frozen."),
  product("jiuzhi-spicy-yak-jerky", "jiuzhi-eco-pasture", "meat-dairy", "香辣牦牛肉干", "Spicy yak jerky", "袋(200克)", "bag (200 g)", 8800, 170, cert(510, QH, "2025-08-15", "2027-08-14"),
    "香辣口味的牦牛肉干，独立小包装。", "Spicy yak jerky in individual packs."),
  product("jiuzhi-yak-bone-broth", "jiuzhi-eco-pasture", "meat-dairy", "牦牛骨汤", "Yak bone broth", "袋(500克)", "bag (500 g)", 2990, 90, cert(511, SH, "2025-10-10", "2027-10-09"),
    "牦牛骨熬煮十小时的浓汤，加热即可做汤底。", "A rich broth simmered from yak bones for ten hours; heat it up as a soup base."),
  product("jiuzhi-frozen-yak-shank", "jiuzhi-eco-pasture", "meat-dairy", "冷冻牦牛腱子肉", "Frozen yak shank", "盒(1千克)", "box (1 kg)", 15800, 30, cert(516, QH, "2025-08-15", "2027-08-14"),
    "筋肉相间的牦牛腱子，适合卤制或炖煮。", "Yak shank marbled with sinew, for braising or stewing."),
  // 甘德县格萨尔民族手工艺专业合作社
  product("gande-yak-hair-blanket", "gande-gesar-crafts", "crafts", "牦牛毛编织毯", "Woven yak-hair blanket", "条(150×200厘米)", "piece (150 × 200 cm)", 68000, 5, cert(512, QH, "2025-06-30", "2027-06-29"),
    "牧民传统手工织机织成的牦牛毛毯，结实耐用。", "A yak-hair blanket woven on herders' traditional hand looms, sturdy and long-lasting."),
  product("gande-yak-wool-cushion", "gande-gesar-crafts", "crafts", "牦牛绒坐垫", "Yak wool seat cushion", "个", "piece", 22800, 18, null,
    "以牦牛绒填充的手工坐垫，适合冬季使用。", "A handmade seat cushion filled with yak down, for winter use."),
  product("gande-leather-wallet", "gande-gesar-crafts", "crafts", "藏式手工皮具钱包", "Tibetan-style handmade leather wallet", "个", "piece", 15800, 0, cert(513, SH, "2025-07-20", "2027-07-19"),
    "牦牛皮手工缝制的钱包，压有格萨尔传统纹样，已售完。", "A hand-stitched yak-leather wallet embossed with traditional Gesar patterns; sold out."),
  product("gande-felt-slippers", "gande-gesar-crafts", "crafts", "牦牛毛毡拖鞋", "Yak felt slippers", "双", "pair", 12800, 30, cert(514, SH, "2025-07-20", "2027-07-19"),
    "手工擀制的毛毡拖鞋，保暖透气。", "Hand-felted slippers, warm and breathable."),
  product("gande-yak-hair-tote", "gande-gesar-crafts", "crafts", "牦牛毛手编挎包", "Hand-woven yak-hair tote", "件", "piece", 18800, 12, cert(515, QH, "2025-06-30", "2027-06-29"),
    "用牦牛毛织带缝制的挎包，结实耐磨。", "A tote sewn from woven yak-hair bands, tough and hard-wearing."),

  // ---- Hubei Yichang Yiling ----
  // 夷陵区脐橙专业合作社
  product("yiling-navel-oranges", "yiling-navel-orange", "fruit", "夷陵脐橙", "Yiling navel oranges", "箱(5千克)", "case (5 kg)", 6800, 420, cert(601, HB, "2025-11-01", "2027-10-31"),
    "长江峡江河谷种植的脐橙，果肉脆嫩、汁多化渣。", "Navel oranges grown in the Yangtze gorge valleys, crisp, juicy and nearly pulp-free."),
  product("yiling-late-navel-oranges", "yiling-navel-orange", "fruit", "夷陵晚熟脐橙", "Yiling late-season navel oranges", "箱(5千克)", "case (5 kg)", 8800, 160, cert(602, HB, "2025-11-01", "2027-10-31"),
    "挂树越冬、次年春季采摘的晚熟脐橙，甜度更高。", "Late oranges left on the tree over winter and picked the following spring, even sweeter."),
  product("yichang-tangerines", "yiling-navel-orange", "fruit", "宜昌蜜橘", "Yichang tangerines", "箱(5千克)", "case (5 kg)", 4500, 300, cert(603, HB, "2025-10-15", "2027-10-14"),
    "皮薄易剥的蜜橘，酸甜适中。", "Thin-skinned, easy-peel tangerines with a balanced sweet-sour taste."),
  product("yiling-dried-tangerine-peel", "yiling-navel-orange", "spices", "夷陵陈皮", "Yiling dried tangerine peel", "罐(150克)", "jar (150 g)", 3800, 80, null,
    "蜜橘果皮晒干陈放而成，可泡茶或炖汤调味。", "Tangerine peel sun-dried and aged, for tea or to season soups."),
  product("yiling-navel-orange-gift-box", "yiling-navel-orange", "fruit", "夷陵脐橙礼盒", "Yiling navel orange gift box", "盒(12个装)", "box (12 oranges)", 9800, 0, cert(604, SH, "2025-11-15", "2027-11-14"),
    "精选大果十二个，礼盒包装，本批已售完。", "Twelve selected large oranges in a gift box; this batch is sold out."),
  // 夷陵区宜红茶专业合作社
  product("yichang-black-tea", "yiling-yihong-tea", "tea", "宜昌红茶(宜红工夫)", "Yichang black tea (Yihong Gongfu)", "罐(200克)", "tin (200 g)", 12800, 130, cert(605, HB, "2025-04-08", "2027-04-07"),
    "条索紧细、金毫显露的宜红工夫茶，汤色红亮，有甜香。", "Yihong Gongfu with fine, tight leaves and golden tips, brewing a bright red cup with a sweet aroma."),
  product("yichang-black-tea-gift", "yiling-yihong-tea", "tea", "宜红茶礼盒", "Yihong black tea gift box", "盒(2×150克)", "box (2 × 150 g)", 26800, 45, cert(606, HB, "2025-04-08", "2027-04-07"),
    "两罐高山宜红茶，附冲泡说明卡。", "Two tins of high-mountain Yihong tea, with a brewing card."),
  product("yiling-high-mountain-green-tea", "yiling-yihong-tea", "tea", "夷陵高山绿茶", "Yiling high-mountain green tea", "袋(250克)", "bag (250 g)", 8800, 100, cert(607, SH, "2025-05-01", "2027-04-30"),
    "海拔千米以上茶园的春季绿茶，清香鲜爽。", "Spring green tea from gardens above 1,000 m, fresh and fragrant."),
  product("yichang-black-tea-bags", "yiling-yihong-tea", "tea", "宜红袋泡茶", "Yihong black tea bags", "盒(30袋)", "box (30 bags)", 3500, 260, null,
    "适合加奶调饮的袋泡红茶。", "Black tea bags that take milk well."),

  // ---- Chongqing Wanzhou ----
  // 万州区库区生态鱼专业合作社
  product("wanzhou-grilled-fish", "wanzhou-reservoir-fish", "meat-dairy", "万州烤鱼(即热装)", "Wanzhou grilled fish (ready to heat)", "盒(1.2千克)", "box (1.2 kg)", 8800, 150, cert(701, CQ, "2025-06-18", "2027-06-17"),
    "库区生态鱼烤制后速冻，附麻辣底料，加热即可上桌。", "Reservoir fish grilled and quick-frozen with a numbing-spicy sauce; just heat and serve."),
  product("wanzhou-air-dried-fish", "wanzhou-reservoir-fish", "meat-dairy", "三峡风干鱼", "Three Gorges air-dried fish", "袋(500克)", "bag (500 g)", 6800, 90, cert(702, CQ, "2025-06-18", "2027-06-17"),
    "腌制后自然风干的鱼块，蒸食最香。", "Salted fish pieces dried naturally in the air; best steamed."),
  product("wanzhou-bighead-carp-head", "wanzhou-reservoir-fish", "meat-dairy", "冷冻鳙鱼头", "Frozen bighead carp head", "盒(1.5千克)", "box (1.5 kg)", 7800, 0, null,
    "库区鳙鱼的鱼头，适合做剁椒鱼头或炖豆腐，本批已售完。", "Head of reservoir bighead carp, for chopped-chilli fish head or stewing with tofu; this batch is sold out."),
  product("wanzhou-grilled-fish-seasoning", "wanzhou-reservoir-fish", "spices", "万州烤鱼调料", "Wanzhou grilled fish seasoning", "袋(200克)", "bag (200 g)", 1590, 400, cert(703, SH, "2025-08-08", "2027-08-07"),
    "麻辣烤鱼底料，在家也能做出万州烤鱼的味道。", "Numbing-spicy base to make Wanzhou-style grilled fish at home."),
  product("wanzhou-spicy-fish-snack", "wanzhou-reservoir-fish", "meat-dairy", "麻辣小鱼干", "Spicy dried small fish", "袋(200克)", "bag (200 g)", 1990, 330, cert(704, SH, "2025-08-08", "2027-08-07"),
    "库区小鱼油炸后拌入麻辣调料，开袋即食。", "Small reservoir fish fried and tossed in numbing-spicy seasoning, ready to eat."),
  // 万州区玫瑰香橙专业合作社
  product("wanzhou-rose-fragrant-oranges", "wanzhou-rose-orange", "fruit", "万州玫瑰香橙", "Wanzhou rose-fragrant oranges", "箱(5千克)", "case (5 kg)", 7800, 260, cert(705, CQ, "2025-12-01", "2027-11-30"),
    "果皮带有玫瑰香气的橙子，果肉细嫩多汁。", "Oranges whose peel carries a rose-like fragrance, with tender, juicy flesh."),
  product("wanzhou-red-tangerines", "wanzhou-rose-orange", "fruit", "万州古红桔", "Wanzhou old red tangerines", "箱(5千克)", "case (5 kg)", 5800, 180, cert(706, CQ, "2025-12-01", "2027-11-30"),
    "老品种红桔，色泽鲜红，酸甜浓郁。", "An old variety of red tangerine, bright red with an intense sweet-sour taste."),
  product("wanzhou-orange-juice", "wanzhou-rose-orange", "fruit", "香橙原汁", "Pure orange juice", "瓶(1升)", "bottle (1 L)", 3200, 120, cert(707, SH, "2025-12-15", "2027-12-14"),
    "玫瑰香橙鲜榨后巴氏杀菌，不加水不加糖。", "Freshly pressed rose-fragrant oranges, pasteurised, with no added water or sugar."),
  product("wanzhou-dried-orange-slices", "wanzhou-rose-orange", "fruit", "香橙果干", "Dried orange slices", "袋(150克)", "bag (150 g)", 1990, 3, null,
    "带皮切片低温烘干，可直接吃也可泡水。", "Slices dried with the peel on at low temperature, to eat or steep in water."),
];

/** The 2026 edition, held around National Poverty Alleviation Day (17 October): trade days, then public days. */
export const fair = {
  nameZh: "2026上海市对口帮扶地区特色商品展销会",
  nameEn: "2026 Shanghai Fair of Specialty Goods from Paired Regions",
  venueZh: "上海展览中心（静安区延安中路1000号）",
  venueEn: "Shanghai Exhibition Centre, 1000 Yan'an Road (M), Jing'an",
  tradeDays: ["2026-10-15", "2026-10-16"] as [string, string],
  publicDays: ["2026-10-17", "2026-10-19"] as [string, string],
};
