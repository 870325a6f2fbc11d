/**
 * Chinese name material for the sample town: streets, alleys, communities, neighbourhoods. Real-sounding names
 * from Nanchang's old town and from typical work-unit housing; the town itself is fictional.
 */
import type { Rng } from './prng';

export const CORE_LOCAL_STREETS = [
  '象山北路', '蓼洲街', '子固路', '豫章路', '环湖路', '珠市街', '翠花街', '渊明北路', '广场北路', '苏圃路', '书院街',
  '东书院街', '戴家巷路', '嵩山路', '右营街', '铁街', '洗马池', '水电街', '鼎新路', '建德观街', '西书院街', '孺子亭路',
  '百花洲路', '三经路', '四经路', '抚生路', '瓦子角街', '榕门路', '站前西路', '沿江北路', '系马桩路', '金塔街', '坛子口街',
  '叠山支路', '永叔路', '恤孤寺街', '筷子巷路', '桃花路', '羊子街', '都司前街', '宁远街', '皇殿侧街',
];

/** Stems of old-town street names; each gives a 街 and a 路 (永和街, 永和路), as old towns often have both. */
const OLD_STREET_STEMS = [
  '永和', '德胜', '建设', '解放', '民主', '新华', '光华', '育新', '文教', '兴国', '广润', '进贤', '惠民', '叠翠', '环城',
  '灌婴', '棉花市', '章江', '松柏', '墩子', '高桥', '洪恩', '上营坊', '瓦子', '大井', '萝卜', '合同', '礼步',
];

/** Local street names for the old core: named streets first, then stem-based ones. */
export const CORE_LOCAL_STREET_POOL = [
  ...CORE_LOCAL_STREETS,
  ...OLD_STREET_STEMS.map((s) => `${s}街`),
  ...OLD_STREET_STEMS.map((s) => `${s}路`),
];

export const ALLEY_NAMES = [
  '棕帽巷', '三眼井巷', '墩子塘巷', '猪市巷', '油巷', '醋巷', '篾子巷', '羊子巷', '高桥巷', '里洲巷', '萧坛巷', '锦绣巷',
  '磨子巷', '园林巷', '打缆巷', '石头巷', '孝友巷', '大士院巷', '丁公巷', '杨家巷', '灌婴巷', '朱紫巷', '金盘巷', '黄泥巷',
  '桂花巷', '马家巷', '余家巷', '张家巷', '罗家巷', '刘家巷', '塘塍巷', '玉带巷', '花园角巷', '香平巷', '万寿宫巷', '翠花巷',
];

export const NEW_LOCAL_STREETS = [
  '碟子湖路', '学府路', '凤凰北路', '凤凰南路', '春晖路', '九龙湖路', '翠苑路', '设计路', '发展路', '璜溪大道', '龙兴大街',
  '岭北一路', '红湾路', '枫林路', '望城路', '锦绣路', '茶园路', '平安路', '兴业路', '华兴路', '长堎路', '赣江中大道',
];

export const WORK_UNITS = [
  '电机厂', '纺织厂', '棉纺厂', '化纤厂', '钢铁厂', '机床厂', '柴油机厂', '造纸厂', '印刷厂', '水泥厂', '供电局', '自来水公司',
  '邮电局', '粮食局', '二轻局', '交通局', '气象局', '铁路局', '卷烟厂', '陶瓷厂', '针织厂', '搪瓷厂', '拖拉机厂', '发电厂',
  '橡胶厂', '食品厂', '第一人民医院', '师范学院', '财经学院', '农机厂', '啤酒厂', '轴承厂', '制药厂', '公交公司', '建工集团',
  '煤炭公司', '百货公司', '无线电厂', '汽修厂', '省军区', '商业局', '外贸公司', '木材公司', '日化厂', '冶金研究所',
];

export const WORK_UNIT_SUFFIXES = ['宿舍', '家属院', '生活区', '宿舍区', '职工住宅'];

export const OLD_ESTATE_NAMES = [
  '建设新村', '幸福里', '八一小区', '红星村', '胜利新村', '光明里', '和平小区', '东风小区', '朝阳新村', '解放小区', '团结村',
  '向阳里', '前进新村', '人民新村', '五一小区', '劳动新村', '工农里', '永和里', '安居里', '长春里', '文教新村', '友谊新村',
  '青云小区', '新华里', '爱国新村', '红旗小区', '丰收村', '跃进新村', '群英里', '百花里', '新民里', '书院小区', '洪都新村',
  '滕王阁小区', '豫章小区', '松柏巷小区', '桃花新村', '十字街小区', '下沙窝小区', '贤士湖小区', '江纺小区', '洪城小区',
];

export const NEW_ESTATE_PREFIXES = [
  '红谷', '凤凰', '世纪', '锦江', '碧湖', '金域', '滨江', '绿地', '中央', '翠林', '丽景', '紫金', '嘉和', '恒茂', '联泰',
  '天赐', '华润', '保利', '金涛', '融创', '蓝湾', '御景', '江岸', '时代', '华侨', '橄榄', '泰豪', '秋水', '湾里', '万达',
];

export const NEW_ESTATE_SUFFIXES = ['花园', '苑', '华府', '嘉园', '公馆', '名都', '城', '国际', '雅居', '家园', '新天地', '府', '水岸', '广场'];

/** 社区 (residents' committee) names used in facility names such as 百花洲社区卫生服务站. */
export const NEIGHBOURHOODS = [
  '百花洲', '墩子塘', '蓼洲', '铁街', '系马桩', '豫章', '翠花', '书院', '珠市', '右营', '洗马池', '孺子', '万寿宫', '贤士',
  '东湖', '桃花', '青山', '湖坊', '沙井', '卫东', '凤凰洲', '红角洲', '碟子湖', '绿茵', '世贸', '丰和', '学府', '会展',
];

export const ROMAN_ZH = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Hands out names from a shuffled list, then numbered variants (…一巷, …二巷), never repeating. */
export class NamePool {
  private queue: string[];
  private used = new Set<string>();
  private overflow = 0;

  constructor(rng: Rng, names: readonly string[], private readonly fallback: (i: number) => string) {
    this.queue = rng.shuffle(names);
  }

  take(): string {
    while (this.queue.length > 0) {
      const n = this.queue.shift()!;
      if (!this.used.has(n)) { this.used.add(n); return n; }
    }
    for (;;) {
      const n = this.fallback(this.overflow++);
      if (!this.used.has(n)) { this.used.add(n); return n; }
    }
  }
}

/** Chinese numeral for 1–99 (一, 十, 十二, 二十三 …), for numbered names such as 规划十二路. */
export function numberZh(n: number): string {
  const ones = (d: number): string => (d === 0 ? '' : ROMAN_ZH[d - 1]);
  if (n <= 10) return ROMAN_ZH[n - 1];
  const tens = Math.floor(n / 10) % 10;
  return `${tens === 1 ? '' : ones(tens)}十${ones(n % 10)}`;
}
