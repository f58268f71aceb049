import { describe, expect, it } from 'vitest';
import {
  URBAN_RURAL_CODES,
  countyCodeOf,
  describeCountyCode,
  describeTownshipSegment,
  describeVillageSegment,
  isUrbanByClassCode,
  isUrbanRuralCode,
  isWithinRegion,
  parentRegionCode,
  regionLevelOf,
  splitRegionCode,
} from './region-code.js';

describe('regionLevelOf / parentRegionCode / countyCodeOf', () => {
  it.each([
    ['R10 province 63', '63', 1, null, null],
    ['R12 prefecture 6301 西宁市', '6301', 2, '63', null],
    ['R12 county 630102 城东区', '630102', 3, '6301', '630102'],
    ['R11 township 630102001', '630102001', 4, '630102', '630102'],
    ['R11 village 630102001001', '630102001001', 5, '630102001', '630102'],
    ['R11 example 220581102200', '220581102200', 5, '220581102', '220581'],
    ['R12 大柴旦 632857', '632857', 3, '6328', '632857'],
    ['R9.5 abolished 630122 still well-formed', '630122', 3, '6301', '630122'],
  ])('%s', (_rule, code, level, parent, county) => {
    expect(regionLevelOf(code)).toBe(level);
    expect(parentRegionCode(code)).toBe(parent);
    expect(countyCodeOf(code)).toBe(county);
  });

  it.each([
    ['empty', ''],
    ['one digit', '6'],
    ['odd length 3', '630'],
    ['length 5', '63010'],
    ['length 7', '6301020'],
    ['length 13', '6301020010011'],
    ['letters', '63AB'],
    ['spaces', ' 630102'],
    ['GB/T 2260 padded prefecture 630100', '630100'],
    ['GB/T 2260 padded province 630000', '630000'],
    ['padded township 630102000', '630102000'],
    ['padded village 630102001000', '630102001000'],
    ['province 00', '00'],
  ])('R10 malformed: %s', (_name, code) => {
    expect(regionLevelOf(code)).toBeNull();
    expect(parentRegionCode(code)).toBeNull();
    expect(countyCodeOf(code)).toBeNull();
  });
});

describe('isWithinRegion', () => {
  it.each([
    ['same code', '630102', '630102', true],
    ['county in province', '630102', '63', true],
    ['village in prefecture', '630102001001', '6301', true],
    ['village in township', '630102001001', '630102001', true],
    ['sibling county', '630103', '630102', false],
    ['other province', '620102', '63', false],
    ['scope inside code', '63', '630102', false],
    ['Haidong not in Xining', '630202', '6301', false],
    ['malformed code', '63010', '63', false],
    ['malformed scope', '630102', '630', false],
    ['empty scope', '630102', '', false],
  ])('%s', (_name, code, scope, expected) => {
    expect(isWithinRegion(code, scope)).toBe(expected);
  });
});

describe('splitRegionCode', () => {
  it('R11 220581102200', () => {
    expect(splitRegionCode('220581102200')).toEqual({
      level: 5,
      provinceCode: '22',
      prefectureCode: '2205',
      countyCode: '220581',
      townshipSegment: '102',
      villageSegment: '200',
    });
  });
  it('R10 province only', () => {
    expect(splitRegionCode('63')).toEqual({
      level: 1,
      provinceCode: '63',
      prefectureCode: null,
      countyCode: null,
      townshipSegment: null,
      villageSegment: null,
    });
  });
  it('malformed', () => {
    expect(splitRegionCode('6301020')).toBeNull();
  });
});

describe('describeCountyCode', () => {
  it.each([
    ['R12 城东区 630102: district of a city', '630102', 'CITY', 'DISTRICT'],
    ['R12 湟中区 630106: district of a city', '630106', 'CITY', 'DISTRICT'],
    ['R12 大通县 630121: county of a city', '630121', 'CITY', 'COUNTY'],
    ['R12 former 湟中县 630122', '630122', 'CITY', 'COUNTY'],
    ['R12 乐都区 630202', '630202', 'CITY', 'DISTRICT'],
    ['R12 门源县 632221: county of a prefecture', '632221', 'PREFECTURE', 'COUNTY'],
    ['R12 同仁市 632301: county-level city of a prefecture', '632301', 'PREFECTURE', 'COUNTY_LEVEL_CITY'],
    ['R12 玉树市 632701', '632701', 'PREFECTURE', 'COUNTY_LEVEL_CITY'],
    ['R12 格尔木市 632801', '632801', 'PREFECTURE', 'COUNTY_LEVEL_CITY'],
    ['R12 茫崖市 632803', '632803', 'PREFECTURE', 'COUNTY_LEVEL_CITY'],
    ['R12 大柴旦 632857 (21–80 range)', '632857', 'PREFECTURE', 'COUNTY'],
    ['R11 220581 梅河口市: 81–99 county-level city', '220581', 'CITY', 'COUNTY_LEVEL_CITY'],
    ['R10 prefecture 50 is a prefecture', '655001', 'PREFECTURE', 'COUNTY_LEVEL_CITY'],
    ['R10 prefecture 51 is a city', '515101', 'CITY', 'DISTRICT'],
    ['R10 prefecture 70 is a city', '517001', 'CITY', 'DISTRICT'],
    ['R10 district 20', '630120', 'CITY', 'DISTRICT'],
    ['R10 county 80', '630180', 'CITY', 'COUNTY'],
    ['R10 90 direct under province: 429004 仙桃市', '429004', 'DIRECT_UNDER_PROVINCE', 'COUNTY_LEVEL_CITY'],
    ['R10 90 direct under province: 469025 定安县', '469025', 'DIRECT_UNDER_PROVINCE', 'COUNTY'],
    ['R10 prefecture 71 unclassified', '637101', null, null],
    ['R10 prefecture 71, county 21', '637121', null, 'COUNTY'],
  ])('%s', (_rule, code, prefectureKind, countyKind) => {
    expect(describeCountyCode(code)).toEqual({
      provinceCode: code.slice(0, 2),
      prefectureCode: code.slice(0, 4),
      prefectureKind,
      countyKind,
    });
  });

  it.each([['prefecture', '6301'], ['township', '630102001'], ['padded', '630100'], ['letters', '6301AB']])(
    'R10 not a county code: %s',
    (_name, code) => {
      expect(describeCountyCode(code)).toBeNull();
    },
  );
});

describe('describeTownshipSegment', () => {
  it.each([
    ['R11 001 street', '001', 'STREET'],
    ['R11 099 street', '099', 'STREET'],
    ['R11 100 town', '100', 'TOWN'],
    ['R11 102 town (220581102200)', '102', 'TOWN'],
    ['R11 199 town', '199', 'TOWN'],
    ['R11 200 township', '200', 'TOWNSHIP'],
    ['R11 399 township', '399', 'TOWNSHIP'],
    ['R11 400 enterprise', '400', 'ENTERPRISE'],
    ['R11 599 enterprise', '599', 'ENTERPRISE'],
    ['R11 600 other', '600', 'OTHER'],
    ['R11 000 other', '000', 'OTHER'],
    ['malformed 2 digits', '01', null],
    ['malformed letters', 'a01', null],
  ])('%s', (_rule, seg, kind) => {
    expect(describeTownshipSegment(seg)).toBe(kind);
  });
});

describe('describeVillageSegment', () => {
  it.each([
    ['R11 001 residents', '001', undefined, 'RESIDENTS'],
    ['R11 199 residents', '199', undefined, 'RESIDENTS'],
    ['R11 200 villagers (220581102200)', '200', undefined, 'VILLAGERS'],
    ['R11 399 villagers', '399', undefined, 'VILLAGERS'],
    ['R11 [U] boundary as parameter', '150', 100, 'VILLAGERS'],
    ['R11 000 invalid', '000', undefined, null],
    ['malformed', '1', undefined, null],
  ])('%s', (_rule, seg, villagersFrom, kind) => {
    expect(describeVillageSegment(seg, villagersFrom === undefined ? {} : { villagersFrom })).toBe(kind);
  });
});

describe('urban-rural classification codes', () => {
  it('R11 lists the seven codes with Chinese labels', () => {
    expect(URBAN_RURAL_CODES).toEqual({
      '111': '主城区',
      '112': '城乡结合区',
      '121': '镇中心区',
      '122': '镇乡结合区',
      '123': '特殊区域',
      '210': '乡中心区',
      '220': '村庄',
    });
  });

  it.each<[string, string | number, boolean, boolean]>([
    ['R11 111 urban', '111', true, true],
    ['R11 112 urban', '112', true, true],
    ['R11 121 urban', '121', true, true],
    ['R11 122 urban', 122, true, true],
    ['R11 123 urban', '123', true, true],
    ['R11 210 rural', '210', false, true],
    ['R11 220 rural', 220, false, true],
    ['unknown 1xx still urban', '199', true, false],
    ['unknown 300', '300', false, false],
    ['malformed', '11', false, false],
  ])('%s', (_rule, code, urban, known) => {
    expect(isUrbanByClassCode(code)).toBe(urban);
    expect(isUrbanRuralCode(code)).toBe(known);
  });
});
