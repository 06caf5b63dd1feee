// Word lists for realistic seed values. Weighted choices are expanded into arrays (a value repeated by its
// weight) that SQL picks from with `arr[1 + floor(random() * cardinality(arr))]`.

/** [region, province, cities, weight]: the region an enum value of customer.region, cities of the province. */
export const LOCATIONS = [
  ['eastChina', '上海市', ['上海'], 9],
  ['eastChina', '江苏省', ['南京', '苏州', '无锡', '常州', '南通'], 9],
  ['eastChina', '浙江省', ['杭州', '宁波', '温州', '绍兴', '嘉兴'], 9],
  ['eastChina', '山东省', ['济南', '青岛', '烟台', '潍坊'], 6],
  ['eastChina', '安徽省', ['合肥', '芜湖'], 3],
  ['eastChina', '福建省', ['福州', '厦门', '泉州'], 4],
  ['eastChina', '江西省', ['南昌', '赣州'], 2],
  ['northChina', '北京市', ['北京'], 7],
  ['northChina', '天津市', ['天津'], 3],
  ['northChina', '河北省', ['石家庄', '唐山', '保定'], 3],
  ['northChina', '山西省', ['太原', '大同'], 2],
  ['northChina', '内蒙古自治区', ['呼和浩特', '包头'], 1],
  ['southChina', '广东省', ['广州', '深圳', '东莞', '佛山', '珠海'], 10],
  ['southChina', '广西壮族自治区', ['南宁', '柳州'], 2],
  ['southChina', '海南省', ['海口', '三亚'], 1],
  ['centralChina', '湖北省', ['武汉', '宜昌', '襄阳'], 4],
  ['centralChina', '湖南省', ['长沙', '株洲'], 3],
  ['centralChina', '河南省', ['郑州', '洛阳'], 4],
  ['northwestChina', '陕西省', ['西安', '宝鸡'], 2],
  ['northwestChina', '甘肃省', ['兰州'], 1],
  ['northwestChina', '新疆维吾尔自治区', ['乌鲁木齐'], 1],
  ['northwestChina', '宁夏回族自治区', ['银川'], 1],
  ['southwestChina', '四川省', ['成都', '绵阳'], 4],
  ['southwestChina', '重庆市', ['重庆'], 3],
  ['southwestChina', '云南省', ['昆明'], 1],
  ['southwestChina', '贵州省', ['贵阳'], 1],
  ['northeastChina', '辽宁省', ['沈阳', '大连'], 2],
  ['northeastChina', '吉林省', ['长春'], 1],
  ['northeastChina', '黑龙江省', ['哈尔滨'], 1],
  ['hongKongMacaoTaiwan', '香港特别行政区', ['香港'], 1],
  ['hongKongMacaoTaiwan', '澳门特别行政区', ['澳门'], 1],
  ['overseas', '海外', ['新加坡', '吉隆坡', '法兰克福', '圣何塞'], 1],
];

/** Relative weights of enum values; values missing here weigh 1 (so new enum values still appear). */
export const WEIGHTS = {
  industry: { manufacturing: 18, retail: 9, wholesale: 7, itServices: 10, telecom: 3, finance: 5, realEstate: 4, construction: 6, energy: 3, healthcare: 5, education: 4, logistics: 5, agriculture: 3, media: 2, hospitality: 3, professionalServices: 6, other: 3 },
  level: { key: 5, important: 15, normal: 50, small: 30 },
  source: { referral: 20, website: 18, exhibition: 12, coldCall: 15, advertising: 8, partner: 12, tender: 8, other: 7 },
  scale: { under20: 30, from20To99: 30, from100To499: 20, from500To999: 9, from1000To9999: 8, over10000: 3 },
  administrativeLevel: { national: 1, provincial: 4, municipal: 10, district: 15, township: 10 },
  education: { highSchoolOrBelow: 10, associate: 20, bachelor: 45, master: 20, doctorate: 5 },
  gender: { male: 6, female: 4 },
};

export const NAME_WORDS_1 = ['华', '中', '恒', '瑞', '鑫', '博', '东', '新', '天', '宏', '金', '永', '盛', '泰', '嘉', '远', '凯', '润', '德', '信', '联', '汇', '正', '通', '海', '安', '明', '达', '宇', '航'];
export const NAME_WORDS_2 = ['信', '达', '源', '诚', '科', '通', '兴', '盛', '智', '创', '丰', '隆', '发', '邦', '峰', '辰', '祥', '利', '泽', '昌', '光', '和', '鼎', '业', '锦', '翔', '成', '仁', '帆', '晟'];
export const NAME_TRADES = ['科技', '实业', '电子', '机械', '贸易', '物流', '医药', '建设', '食品', '信息技术', '新材料', '能源', '精密制造', '汽车零部件', '商贸', '文化传媒', '环保', '智能装备', '化工', '网络科技'];
export const NAME_SUFFIXES = ['有限公司', '股份有限公司', '集团有限公司', '有限责任公司'];
export const AGENCIES = ['市场监督管理局', '教育局', '卫生健康委员会', '交通运输局', '发展和改革委员会', '财政局', '公安局', '生态环境局', '人力资源和社会保障局', '住房和城乡建设局', '大数据管理局', '应急管理局', '水利局', '税务局', '人民医院', '第一中学'];
export const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高', '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹'];
export const GIVEN_NAMES = ['伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀兰', '霞', '平', '刚', '桂英', '建华', '志强', '晓东', '海燕', '文博', '子涵', '宇航', '欣怡', '浩然'];
export const DEPARTMENTS = ['采购部', '技术部', '总经办', '财务部', '信息中心', '生产部', '市场部', '行政部', '研发中心', '质量部', '法务部', '办公室'];
export const JOB_TITLES = ['经理', '总监', '主管', '工程师', '专员', '副总经理', '总经理', '采购经理', 'CIO', '主任', '科长', '处长'];
export const STREETS = ['人民路', '中山路', '解放路', '建设路', '科技园路', '滨江大道', '东方路', '长江路', '创业路', '学院路', '文三路', '高新大道'];
export const DESCRIPTIONS = [
  '长期合作客户，付款及时。',
  '今年有扩产计划，关注自动化改造。',
  '对价格较敏感，决策链较长。',
  '集团统一采购，年度框架协议。',
  '通过展会结识，已做过两次技术交流。',
  '老客户推荐，初步有合作意向。',
];

/** Expands { value: weight } for the given enum values into a weighted array (unlisted values weigh 1). */
export function weighted(values, weights = {}) {
  return values.flatMap((value) => Array(weights[value] ?? 1).fill(value));
}
