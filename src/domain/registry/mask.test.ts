import { describe, expect, it } from 'vitest';
import { maskBankAccount, maskIdNumber, maskName, maskPhone } from './mask.js';

type Row = [string, string | null | undefined, string | null | undefined];

describe('maskIdNumber', () => {
  it.each<Row>([
    ['R94 18-digit (T1 number)', '630102198001010019', '6301**********0019'],
    ['R94 check character X kept', '11010519491231002X', '1101**********002X'],
    ['R94 legacy 15-digit', '630102800101001', '6301*******1001'],
    ['R94 too short: all stars', '12345678', '********'],
    ['null', null, null],
    ['undefined', undefined, undefined],
    ['empty', '', ''],
  ])('%s', (_rule, input, expected) => {
    expect(maskIdNumber(input)).toBe(expected);
  });
});

describe('maskPhone', () => {
  it.each<Row>([
    ['R94 mobile', '13812345678', '138****5678'],
    ['R94 landline digits', '09718123456', '097****3456'],
    ['R94 too short: all stars', '1234567', '*******'],
    ['null', null, null],
    ['empty', '', ''],
  ])('%s', (_rule, input, expected) => {
    expect(maskPhone(input)).toBe(expected);
  });
});

describe('maskBankAccount', () => {
  it.each<Row>([
    ['R94 19-digit card', '6228480012345678901', '6228***********8901'],
    ['R94 16-digit card', '6222021234567890', '6222********7890'],
    ['null', null, null],
    ['empty', '', ''],
  ])('%s', (_rule, input, expected) => {
    expect(maskBankAccount(input)).toBe(expected);
  });
});

describe('maskName', () => {
  it.each<Row>([
    ['R94 three characters', '张三丰', '张*丰'],
    ['R94 two characters', '张三', '张*'],
    ['R94 four characters', '欧阳娜娜', '欧**娜'],
    ['R94 one character', '张', '*'],
    ['R94 transliterated name with middle dot', '才让·多杰', '才***杰'],
    ['R94 character outside the BMP counts once', '𠀋三丰', '𠀋*丰'],
    ['null', null, null],
    ['undefined', undefined, undefined],
    ['empty', '', ''],
  ])('%s', (_rule, input, expected) => {
    expect(maskName(input)).toBe(expected);
  });
});
