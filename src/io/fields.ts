/**
 * Common source field names (Chinese and English) for each domain attribute, in order of preference.
 * The import dialog (field mapping) starts from these guesses; canonical names come first.
 */
export const COMMUNITY_FIELD_ALIASES = {
  id: ['id', 'ID', 'fid', 'FID', 'objectid', 'OBJECTID', '编号', '小区编号', 'code'],
  name: ['name', 'NAME', 'Name', '名称', '小区名称', '小区名', 'xqmc', 'XQMC'],
  buildYear: ['build_year', 'buildYear', 'year', 'YEAR', 'built', '建成年代', '建成年份', '建设年代', '建成时间', 'start_date', 'jcnd'],
  households: ['households', 'HOUSEHOLDS', 'hh', '户数', '总户数', '住户数', 'hs'],
  residents: ['residents', 'population', 'pop', '人口', '人数', '居民数', '常住人口'],
  buildings: ['buildings', 'bldgs', '楼栋数', '栋数', '楼栋'],
  district: ['district', '区县', '区', '行政区', 'qx'],
  subdistrict: ['subdistrict', 'street', '街道', '乡镇街道', 'jd'],
  propertyManagement: ['property_management', 'propertyManagement', '物业管理', '物业', '物业类型'],
  willingness: ['willingness', '改造意愿', '意愿', '同意率'],
  renovation: ['renovation', '改造状态', '改造情况'],
  renovatedYear: ['renovated_year', '改造年份'],
  demolitionPlanned: ['demolition_planned', 'demolition', '计划征收拆迁', '征收拆迁', '拆迁'],
  shantyTown: ['shanty_town', '棚户区改建', '棚改'],
  historic: ['historic', '历史建筑', '历史文化街区', '历史保护'],
} as const;

export const FACILITY_FIELD_ALIASES = {
  id: ['id', 'ID', 'fid', 'FID', 'objectid', 'OBJECTID', '编号'],
  name: ['name', 'NAME', 'Name', '名称', '设施名称'],
  category: ['category', 'CATEGORY', 'type', '类别', '类型', '设施类别', '设施类型'],
} as const;

export const ROAD_FIELD_ALIASES = {
  id: ['id', 'ID', 'fid', 'FID', 'osm_id', 'objectid', 'OBJECTID'],
  highway: ['highway', 'fclass', 'class', 'road_class', '道路等级', '等级'],
  name: ['name', 'NAME', '名称', '道路名称'],
} as const;

/** First present, non-empty value among the alias fields; returns the field name used too. */
export function pickField(props: Record<string, unknown>, aliases: readonly string[]): { field: string; value: unknown } | null {
  for (const a of aliases) {
    const v = props[a];
    if (v !== undefined && v !== null && v !== '') return { field: a, value: v };
  }
  return null;
}
