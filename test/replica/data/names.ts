import type { Sex } from '../model';
import type { Rng } from './prng';

/** Common surnames, the most frequent first and repeated so they come up more often. */
const SURNAMES = [
  ...'王李张刘陈'.repeat(4),
  ...'杨黄赵吴周'.repeat(3),
  ...'徐孙马朱胡郭何高林罗'.repeat(2),
  ...'郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];
const COMPOUND_SURNAMES = ['欧阳', '司马', '上官', '诸葛', '东方'];

const GIVEN: Record<Sex, string> = {
  男: '伟浩宇轩杰涛明俊博文子梓睿思翔鹏磊晨阳嘉天一泽铭昊然辰航凯峰健宁皓逸诚安硕鑫宏志毅林彬瑞岩',
  女: '欣怡雨婷佳思梦琪涵萱静雪晓丽颖璐妍诗语可悦嘉馨月瑶冰彤菲薇淑雅文慧佩玥琳蕾倩璇',
};

/** A plausible Chinese name: a surname and one or two given characters. */
export function chineseName(rng: Rng, sex: Sex): string {
  const surname = rng.chance(0.01) ? rng.pick(COMPOUND_SURNAMES) : rng.pick(SURNAMES);
  const chars = Array.from(GIVEN[sex]);
  const first = rng.pick(chars);
  if (rng.chance(0.3)) return surname + first;
  let second = rng.pick(chars);
  while (second === first) second = rng.pick(chars);
  return surname + first + second;
}

const NATIONS = ['回族', '满族', '壮族', '蒙古族', '土家族', '苗族', '维吾尔族', '朝鲜族', '彝族', '藏族'];

export function nation(rng: Rng): string {
  return rng.chance(0.9) ? '汉族' : rng.pick(NATIONS);
}

export function mobile(rng: Rng): string {
  return `1${rng.pick(['3', '5', '7', '8', '9'])}${String(rng.int(0, 999_999_999)).padStart(9, '0')}`;
}
